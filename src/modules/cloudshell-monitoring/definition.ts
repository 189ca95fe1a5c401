// modules/cloudshell-monitoring: detection of what the preventive controls cannot stop, or are
// being worked around by. EventBridge rules on CloudTrail events (each a choice: CloudShell's, IAM's,
// Route 53 Resolver's on approved VPCs, and those that switch the recording or the monitoring off), one target for all of them (an encrypted SNS topic it creates, an existing topic, or
// another account's event bus), and optionally the AWS Config rule that reports identities with
// AWSCloudShellFullAccess attached. The rules are one list (rules.ts); the files below follow it.
import { Unit } from "../../cdktf/seam";
import { declareActions } from "../../generator/action-check";
import { Definition, sourceOf } from "../../generator/definition";
import { MONITORING_FILE, MonitoringFile } from "../../evidence/files";
import { monitoringTable } from "./monitoring-table";
import { declareInputs } from "../inputs";
import { AWS_PROVIDER, TERRAFORM } from "../requirements";
import { decisions } from "./decisions";
import { INPUTS, NAME, NAME_MAX } from "./inputs";
import { outputs } from "./outputs";
import { ACTIONS, configRule, regional, rules, targets } from "./resources";
import { DEFAULT_RULES, ruleInputs, RULES, ruleSuffix } from "./rules";
import { monitoringTests } from "./terraform-tests";

function build(unit: Unit): void {
  for (const [what, actions] of Object.entries(ACTIONS)) declareActions(unit, `the ${what} statement`, actions);
  declareInputs(unit, INPUTS);
  regional(unit);
  decisions(unit);
  rules(unit);
  targets(unit);
  configRule(unit);
  outputs(unit);
}

/** "`a`, `b` and `c`" */
const listed = (xs: string[]) => xs.map((x) => `\`${x}\``).join(", ").replace(/, ([^,]*)$/, " and $1");

export const monitoring: Definition = {
  name: NAME,
  kind: "module",
  source: sourceOf(__dirname),
  title: "CloudShell monitoring",
  // The floor (5.27, for aws_cloudwatch_event_rule's state) is computed from src/facts/provider-versions.ts.
  requirements: { ...TERRAFORM, providers: [AWS_PROVIDER] },
  build,
  // The table is rendered from the evidence computed in the same synth, from this module's files.
  readmeContext: (evidence) => ({
    monitoringTable: monitoringTable(evidence.read<MonitoringFile>(MONITORING_FILE)),
    rules: RULES.map((r) => ({ ...r, inputs: ruleInputs(r), suffix: ruleSuffix(r.key) })),
    defaultRules: listed(RULES.filter((r) => DEFAULT_RULES.includes(r.key)).map((r) => ruleSuffix(r.key))),
    nameMax: NAME_MAX,
  }),
  extraFiles: monitoringTests,
};
