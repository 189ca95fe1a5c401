// The monitoring module's evidence: each EventBridge rule's pattern, as Terraform computes the
// module's event_patterns output (a mocked apply of the generated module with every rule on and
// the approved lists of examples/monitoring), matched offline against CloudTrail records shaped as
// AWS documents them (tools/cloudtrail-samples.ts). Computed by `npm run synth` (tools/evidence.ts)
// before the module's README, whose table is rendered from it.
import { MONITORING_FILE, MonitoringFile } from "../src/generator/monitoring-table";
import { matches } from "./event-pattern";
import { FIELD_SOURCES, SAMPLES } from "./cloudtrail-samples";
import { attr, blank, block, renderFile, Value } from "../src/hcl/writer";
import { ModuleTestFile, testModulesTogether } from "./module-tests";
import { TestReport } from "./terraform";
import { EVERY_TOGGLE_ON, RULES } from "../src/modules/cloudshell-monitoring/rules";

export { MONITORING_FILE };

/** Every rule on (the toggles off by default turned on), with the approved lists of examples/monitoring. */
export const EVIDENCE_INPUTS = {
  sns_topic_arn: "arn:aws:sns:us-east-1:123456789012:security-alerts",
  ...EVERY_TOGGLE_ON,
  approved_vpc_ids: ["vpc-0123456789abcdef0"],
  approved_subnet_ids: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
  approved_security_group_ids: ["sg-0123456789abcdef0"],
};
export const PATTERNS_SOURCE = "the event_patterns output of modules/cloudshell-monitoring (mocked apply, us-east-1, every rule on)";

/**
 * The mocked apply that gives the patterns: the module with EVIDENCE_INPUTS in us-east-1, as a
 * test file beside its own (tools/module-tests.ts), so it can share a `terraform test` process.
 */
export const PATTERNS_TEST: ModuleTestFile = patternsTestFile("modules/cloudshell-monitoring", EVIDENCE_INPUTS);

/** A module's evidence run "patterns" (a mocked apply in us-east-1 with `inputs`), as a test file beside its own. */
export function patternsTestFile(module: string, inputs: Record<string, Value>): ModuleTestFile {
  return {
    module,
    file: "tests/zz_evidence_patterns.tftest.hcl",
    content: renderFile([
      block("mock_provider", ["aws"], [
        block("mock_data", ["aws_partition"], [attr("defaults", { partition: "aws" })]),
        block("mock_data", ["aws_region"], [attr("defaults", { id: "us-east-1" })]),
      ]),
      blank,
      block("run", ["patterns"], [block("variables", [], Object.entries(inputs).map(([k, v]) => attr(k, v)))]),
    ]),
  };
}

/** The patterns by rule key, from a verbose report that holds PATTERNS_TEST's run. */
export function patternsOf(report: TestReport): Record<string, Record<string, unknown>> {
  const run = report.runs.find((r) => r.file === PATTERNS_TEST.file && r.run === "patterns");
  const patterns = run?.outputs?.event_patterns as Record<string, string> | undefined;
  if (!patterns) throw new Error(`the monitoring module gave no event_patterns: ${JSON.stringify(run ?? report.runs)}`);
  return Object.fromEntries(Object.entries(patterns).map(([k, v]) => [k, JSON.parse(v)]));
}

/** The module's patterns by rule key, as Terraform computes them from the generated files. */
export async function evaluatePatterns(tree: Map<string, string>): Promise<Record<string, Record<string, unknown>>> {
  const reports = await testModulesTogether(tree, [PATTERNS_TEST], { verbose: true });
  return patternsOf(reports.get(PATTERNS_TEST.module)!);
}

/** The evidence: every rule's pattern matched against every sample record. */
export function monitoringMatches(patterns: Record<string, Record<string, unknown>>): MonitoringFile {
  const rules = RULES.filter((r) => r.key in patterns).map((r) => ({ key: r.key, pattern: patterns[r.key] }));
  const missing = Object.keys(patterns).filter((k) => !RULES.some((r) => r.key === k));
  if (missing.length) throw new Error(`patterns for rules the definition does not list: ${missing.join(", ")}`);
  const results = Object.fromEntries(SAMPLES.map((s) => [s.name, Object.fromEntries(rules.map((r) => [r.key, matches(r.pattern as never, s.event as never)]))]));
  return { source: PATTERNS_SOURCE, rules, events: SAMPLES.map((s) => ({ name: s.name, note: s.note, event: s.event })), fieldSources: FIELD_SOURCES, results };
}

export const monitoringFileContent = (m: MonitoringFile) => `${JSON.stringify(m, null, 2)}\n`;
