// The monitoring module's evidence: each EventBridge rule's pattern, as Terraform computes the
// module's event_patterns output (a mocked apply of the generated module with every rule on and
// the approved lists of examples/monitoring), matched offline against CloudTrail records shaped as
// AWS documents them (tools/cloudtrail-samples.ts). Computed by `npm run synth` (tools/evidence.ts)
// before the module's README, whose table is rendered from it.
import * as path from "node:path";
import { MONITORING_FILE, MonitoringFile } from "../src/generator/monitoring-table";
import { matches } from "./event-pattern";
import { FIELD_SOURCES, SAMPLES } from "./cloudtrail-samples";
import { scratchTree, testModule } from "./terraform";
import { RULES } from "../src/modules/cloudshell-monitoring/rules";

export { MONITORING_FILE };

/** Every rule on, with the approved lists of examples/monitoring. */
export const EVIDENCE_INPUTS = {
  sns_topic_arn: "arn:aws:sns:us-east-1:123456789012:security-alerts",
  detect_full_access_attachments: true,
  approved_vpc_ids: ["vpc-0123456789abcdef0"],
  approved_subnet_ids: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
  approved_security_group_ids: ["sg-0123456789abcdef0"],
};
export const PATTERNS_SOURCE = "the event_patterns output of modules/cloudshell-monitoring (mocked apply, us-east-1, every rule on)";

const ROOT_CONFIG = `terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

module "monitoring" {
  source = "../modules/cloudshell-monitoring"
${Object.entries(EVIDENCE_INPUTS).map(([k, v]) => `  ${k} = ${JSON.stringify(v)}`).join("\n")}
}

output "event_patterns" {
  value = module.monitoring.event_patterns
}
`;
const TEST_FILE = `mock_provider "aws" {
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_region" {
    defaults = { name = "us-east-1", region = "us-east-1" }
  }
}

run "patterns" {}
`;

/** The module's patterns by rule key, as Terraform computes them from the generated files. */
export async function evaluatePatterns(tree: Map<string, string>): Promise<Record<string, Record<string, unknown>>> {
  const module = [...tree].filter(([rel]) => rel.startsWith("modules/cloudshell-monitoring/") && rel.endsWith(".tf") && !rel.includes("/tests/"));
  const root = scratchTree([...module, ["evaluate/main.tf", ROOT_CONFIG], ["evaluate/tests/patterns.tftest.hcl", TEST_FILE]], "monitoring-patterns-");
  const report = await testModule(path.join(root, "evaluate"), { verbose: true });
  const run = report.runs.find((r) => r.run === "patterns");
  const patterns = run?.outputs?.event_patterns as Record<string, string> | undefined;
  if (!patterns) throw new Error(`the monitoring module gave no event_patterns: ${JSON.stringify(report.runs)}`);
  return Object.fromEntries(Object.entries(patterns).map(([k, v]) => [k, JSON.parse(v)]));
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
