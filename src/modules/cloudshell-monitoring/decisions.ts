// The decisions of modules/cloudshell-monitoring: each rule's pattern, whether it is on, and
// whether the module creates its own topic or forwards to a bus, as locals of the inputs.
import { Unit } from "../../cdktf/seam";
import { FULL_ACCESS_POLICY } from "../../facts/organizations";
import { ANY_RULE, CREATES_TOPIC } from "./inputs";
import { approvedNetworkLocal, ruleEnabled, RULES } from "./rules";

export const RULES_FILE = { file: "rules.tf" };
export const TARGETS_FILE = { file: "targets.tf" };

export function decisions(unit: Unit): void {
  unit.local("full_access_arn", `arn:\${data.aws_partition.current.partition}:iam::aws:policy/${FULL_ACCESS_POLICY}`, RULES_FILE);
  unit.local("approved_network", approvedNetworkLocal, { ...RULES_FILE, comment: "The approved lists given (not null), once per spelling of CreateEnvironment's VPC configuration\n(VpcConfig.VpcId or vpcConfig.vpcId: which one CloudTrail records is UNCONFIRMED)." });
  unit.local("event_patterns", Object.fromEntries(RULES.map((r) => [r.key, r.pattern])), {
    ...RULES_FILE,
    comment: "Each rule's event pattern (jsonencode'd on the rule). Event names ignore case: CloudTrail's casing of\nCloudShell's names is UNCONFIRMED (the README says why).",
  });
  unit.local(
    "rules",
    Object.fromEntries(RULES.map((r) => [r.key, { enabled: `\${${ruleEnabled(r)}}`, description: r.description, state: r.state }])),
    { ...RULES_FILE, comment: "Read-only CloudTrail events (file-transfer URLs, denied Get* calls) reach a rule only in the state\nENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS." },
  );
  unit.local("active_rules", "${{ for k, r in local.rules : k => r if var.create && r.enabled }}", RULES_FILE);

  unit.local("creates_topic", `\${var.create && ${CREATES_TOPIC} && ${ANY_RULE}}`, TARGETS_FILE);
  unit.local("forwards_to_bus", `\${var.create && var.event_bus_arn != null && ${ANY_RULE}}`, TARGETS_FILE);
}
