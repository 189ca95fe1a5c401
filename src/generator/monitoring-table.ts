// Renders the committed pattern-matching evidence of the monitoring module
// (evidence/monitoring-matches.json, written by `npm run monitoring-matches` from the real plan of
// examples/monitoring) as Markdown for its README. Only reads the JSON file: the matcher that
// produced it is evidence tooling (tools/) and is never imported here.
import * as path from "node:path";
import { details, escape, readEvidence } from "./evidence-markdown";

export const MONITORING_FILE = path.join(__dirname, "..", "..", "evidence", "monitoring-matches.json");

export interface MonitoringFile {
  plan: string;
  rules: { key: string; address: string; pattern: unknown }[];
  events: { name: string; note: string; event: unknown }[];
  fieldSources: Record<string, string>;
  /** results[event name][rule key]: whether the rule's pattern matches the event. */
  results: Record<string, Record<string, boolean>>;
}

export const readMonitoringFile = (file = MONITORING_FILE): MonitoringFile => readEvidence(file, "npm run monitoring-matches");

/** What the patterns read of an event: source, detail-type and detail's eventSource, eventName, errorCode, requestParameters. */
function readFields(event: unknown): Record<string, unknown> {
  const e = event as { source: string; "detail-type": string; detail: Record<string, unknown> };
  const detail = Object.fromEntries(["eventSource", "eventName", "errorCode", "requestParameters"].filter((k) => k in e.detail).map((k) => [k, e.detail[k]]));
  return { source: e.source, "detail-type": e["detail-type"], detail };
}

/** The README section body: one row per sample event, one column per rule. */
export function monitoringTable(data: MonitoringFile = readMonitoringFile()): string {
  const keys = data.rules.map((r) => r.key);
  const lines = [`| CloudTrail record | ${keys.map((k) => `\`${k}\``).join(" | ")} |`, `|---|${keys.map(() => ":---:").join("|")}|`];
  for (const e of data.events) {
    const row = data.results[e.name];
    if (!row) throw new Error(`no result for "${e.name}" in ${data.plan}'s matches`);
    lines.push(`| ${escape(e.name)} | ${keys.map((k) => (row[k] ? "🔔" : "·")).join(" | ")} |`);
  }
  lines.push("", "🔔 the rule's pattern matches the record (an alert); · it does not.");
  lines.push(...details("Where each field the patterns read comes from", Object.entries(data.fieldSources).map(([f, s]) => `- \`${f}\`: ${s}`)));
  lines.push(
    ...details(
      `The records (EventBridge events), and what each stands for: the fields the patterns read (whole records, envelope and CloudTrail fields included, in ${path.posix.join("evidence", path.basename(MONITORING_FILE))})`,
      data.events.map((e) => `- **${e.name}**: ${e.note}\n\n  \`\`\`json\n  ${JSON.stringify(readFields(e.event))}\n  \`\`\``),
    ),
  );
  lines.push(...details(`The patterns, as planned (${data.plan})`, data.rules.map((r) => `- \`${r.key}\` (\`${r.address}\`)\n\n  \`\`\`json\n  ${JSON.stringify(r.pattern)}\n  \`\`\``)));
  return lines.join("\n");
}
