// The monitoring module's evidence: each EventBridge rule's pattern, as the real plan of
// examples/monitoring computed it (the committed snapshot), matched offline against CloudTrail
// records shaped as AWS documents them (tools/cloudtrail-samples.ts). Written to
// evidence/monitoring-matches.json by `npm run monitoring-matches`; the module's README table is
// rendered from that file, and test/monitoring.test.ts checks that it is current.
import * as fs from "node:fs";
import * as path from "node:path";
import { MONITORING_FILE, MonitoringFile } from "../src/generator/monitoring-table";
import { matches } from "./event-pattern";
import { FIELD_SOURCES, SAMPLES } from "./cloudtrail-samples";
import { PLANS_DIR, PlanSnapshot, readSnapshot } from "./plan-snapshots";
import { ROOT } from "./generated";
import { RULES } from "../src/modules/monitoring/rules";

export { MONITORING_FILE };
export const MONITORING_PLAN = path.join(PLANS_DIR, "monitoring.json");
const RULE = /^module\.([a-z0-9_]+)\.aws_cloudwatch_event_rule\.this\["([a-z_]+)"\]$/;

/** Every rule the plan creates: module instance, rule key, address and its parsed pattern. */
export function plannedRules(plan: PlanSnapshot): { instance: string; key: string; address: string; pattern: Record<string, unknown> }[] {
  return plan.resource_changes.flatMap((r) => {
    const m = RULE.exec(r.address);
    if (!m || !r.after || typeof r.after.event_pattern !== "string") return [];
    return [{ instance: m[1], key: m[2], address: r.address, pattern: JSON.parse(r.after.event_pattern) }];
  });
}

/** The evidence: one pattern per rule key (the same in every Region that has it), each sample matched. */
export function monitoringMatches(plan: PlanSnapshot = readSnapshot(fs.readFileSync(path.join(ROOT, MONITORING_PLAN), "utf8"))): MonitoringFile {
  const byKey = new Map<string, { key: string; address: string; pattern: Record<string, unknown> }>();
  for (const r of plannedRules(plan)) {
    const seen = byKey.get(r.key);
    if (seen && JSON.stringify(seen.pattern) !== JSON.stringify(r.pattern)) throw new Error(`${r.address} and ${seen.address} have different patterns`);
    if (!seen) byKey.set(r.key, { key: r.key, address: r.address, pattern: r.pattern });
  }
  const order = RULES.map((r) => r.key);
  const rules = [...byKey.values()].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  const results = Object.fromEntries(SAMPLES.map((s) => [s.name, Object.fromEntries(rules.map((r) => [r.key, matches(r.pattern as never, s.event as never)]))]));
  return { plan: MONITORING_PLAN, rules, events: SAMPLES.map((s) => ({ name: s.name, note: s.note, event: s.event })), fieldSources: FIELD_SOURCES, results };
}

export const monitoringFileContent = (m: MonitoringFile) => `${JSON.stringify(m, null, 2)}\n`;
