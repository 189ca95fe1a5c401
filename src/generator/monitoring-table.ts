// Renders the pattern-matching evidence of the monitoring module (evidence/monitoring-matches.json,
// computed by `npm run synth` from the generated module) as Markdown for its README. It receives the
// JSON: the matcher that computes it is evidence tooling (tools/) and is never imported here.
import { details, escape } from "./evidence-markdown";

/** The evidence file, relative to the repository root. */
export const MONITORING_FILE = "evidence/monitoring-matches.json";

export interface MonitoringFile {
  /** Where the patterns come from. */
  source: string;
  rules: { key: string; pattern: unknown }[];
  events: { name: string; note: string; event: unknown }[];
  fieldSources: Record<string, string>;
  /** results[event name][rule key]: whether the rule's pattern matches the event. */
  results: Record<string, Record<string, boolean>>;
}

/** What the patterns read of an event: source, detail-type and detail's eventSource, eventName, errorCode, requestParameters. */
function readFields(event: unknown): Record<string, unknown> {
  const e = event as { source: string; "detail-type": string; detail: Record<string, unknown> };
  const detail = Object.fromEntries(["eventSource", "eventName", "errorCode", "requestParameters"].filter((k) => k in e.detail).map((k) => [k, e.detail[k]]));
  return { source: e.source, "detail-type": e["detail-type"], detail };
}

/** The README section body: one row per sample event, one column per rule. */
export function monitoringTable(data: MonitoringFile): string {
  const keys = data.rules.map((r) => r.key);
  const lines = [`| CloudTrail record | ${keys.map((k) => `\`${k}\``).join(" | ")} |`, `|---|${keys.map(() => ":---:").join("|")}|`];
  for (const e of data.events) {
    const row = data.results[e.name];
    if (!row) throw new Error(`no result for "${e.name}" in the monitoring matches`);
    lines.push(`| ${escape(e.name)} | ${keys.map((k) => (row[k] ? "🔔" : "·")).join(" | ")} |`);
  }
  lines.push("", "🔔 the rule's pattern matches the record (an alert); · it does not.");
  lines.push(...details("Where each field the patterns read comes from", Object.entries(data.fieldSources).map(([f, s]) => `- \`${f}\`: ${s}`)));
  lines.push(
    ...details(
      `The records (EventBridge events), and what each stands for: the fields the patterns read (whole records, envelope and CloudTrail fields included, in ${MONITORING_FILE})`,
      data.events.map((e) => `- **${e.name}**: ${e.note}\n\n  \`\`\`json\n  ${JSON.stringify(readFields(e.event))}\n  \`\`\``),
    ),
  );
  lines.push(...details(`The patterns: ${data.source}`, data.rules.map((r) => `- \`${r.key}\`\n\n  \`\`\`json\n  ${JSON.stringify(r.pattern)}\n  \`\`\``)));
  return lines.join("\n");
}
