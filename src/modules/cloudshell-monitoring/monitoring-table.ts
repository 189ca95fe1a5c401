// Renders the pattern-matching evidence of the monitoring module (evidence/monitoring-matches.json,
// computed by `npm run synth` from the generated module) as Markdown for its README. It receives the
// JSON: the matcher that computes it (src/evidence/) is never imported here.
import { details, escape } from "../../generator/evidence-markdown";
import { MONITORING_FILE, MonitoringFile } from "../../evidence/files";
import { RULES } from "./rules";

/** The evidence's rule keys in the order of the module's rules; a key the module does not list stops the generator. */
export function inRuleOrder(keys: string[], file: string): string[] {
  const unknown = keys.filter((k) => !RULES.some((r) => r.key === k));
  if (unknown.length) throw new Error(`${file} has rules the monitoring rules (src/modules/cloudshell-monitoring/rules.ts) do not list: ${unknown.join(", ")}; run npm run synth to compute it again`);
  return RULES.map((r) => r.key).filter((k) => keys.includes(k));
}

/** What the patterns read of an event: source, detail-type and detail's eventSource, eventName, errorCode, requestParameters. */
function readFields(event: unknown): Record<string, unknown> {
  const e = event as { source: string; "detail-type": string; detail: Record<string, unknown> };
  const detail = Object.fromEntries(["eventSource", "eventName", "errorCode", "requestParameters"].filter((k) => k in e.detail).map((k) => [k, e.detail[k]]));
  return { source: e.source, "detail-type": e["detail-type"], detail };
}

/** The README section body: one row per sample event, one column per rule. */
export function monitoringTable(data: MonitoringFile): string {
  const keys = inRuleOrder(data.rules.map((r) => r.key), MONITORING_FILE);
  const rules = keys.map((k) => data.rules.find((r) => r.key === k)!);
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
  lines.push(...details(`The patterns: ${data.source}`, rules.map((r) => `- \`${r.key}\`\n\n  \`\`\`json\n  ${JSON.stringify(r.pattern)}\n  \`\`\``)));
  return lines.join("\n");
}
