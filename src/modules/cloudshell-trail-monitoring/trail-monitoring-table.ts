// Renders the filter-pattern evidence of the trail-monitoring module (evidence/trail-monitoring-matches.json,
// computed by `npm run synth` from the generated module) as Markdown for its README. It receives the
// JSON: the matcher that computes it (src/evidence/) is never imported here.
import { details, escape } from "../../generator/evidence-markdown";
import { TRAIL_MONITORING_FILE, TrailMonitoringFile } from "../../evidence/files";
import { inRuleOrder } from "../cloudshell-monitoring/monitoring-table";

/** What the patterns read of a record. */
const readFields = (record: unknown) => {
  const r = record as Record<string, unknown>;
  return Object.fromEntries(["eventSource", "eventName", "errorCode", "recipientAccountId", "requestParameters"].filter((k) => k in r).map((k) => [k, r[k]]));
};

/** The README section body: one row per record, one column per rule and one for the subscription. */
export function trailMonitoringTable(data: TrailMonitoringFile): string {
  const columns = [...inRuleOrder(data.rules, TRAIL_MONITORING_FILE), "subscription"];
  const lines = [`| CloudTrail record | ${columns.map((k) => `\`${k}\``).join(" | ")} |`, `|---|${columns.map(() => ":---:").join("|")}|`];
  for (const r of data.records) {
    const row = data.results[r.name];
    if (!row) throw new Error(`no result for "${r.name}" in the trail-monitoring matches`);
    lines.push(`| ${escape(r.name)} | ${columns.map((k) => (row[k] ? "🔔" : "·")).join(" | ")} |`);
  }
  lines.push("", `🔔 a metric filter of the rule matches the record (its alarm goes off); · none does. \`subscription\`: the subscription filter for ${data.subscription.rules.map((k) => `\`${k}\``).join(", ")} delivers it.`);
  lines.push(...details("The records (as the log group holds them), and what each stands for: the fields the patterns read", data.records.map((r) => `- **${r.name}**: ${r.note}\n\n  \`\`\`json\n  ${JSON.stringify(readFields(r.record))}\n  \`\`\``)));
  lines.push(
    ...details(
      `The filter patterns: ${data.source}`,
      [...Object.entries(data.filters), ["subscription", data.subscription.pattern]].map(([k, p]) => `- \`${k}\` (${p.length} characters)\n\n  \`\`\`\n  ${p}\n  \`\`\``),
    ),
  );
  return lines.join("\n");
}
