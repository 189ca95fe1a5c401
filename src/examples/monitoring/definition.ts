// examples/monitoring: CloudShell monitored in two Regions. CloudShell's events arrive in the
// Region of the call, so each Region where people use CloudShell needs its own rules; IAM's events
// arrive in us-east-1 only, so the AWSCloudShellFullAccess rule (and the Config rule) live there.
// us-east-1 alerts an encrypted SNS topic; eu-west-1 forwards to a central security account's bus.
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { tf, Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { AWS_PROVIDER, TERRAFORM } from "../../modules/requirements";

const MODULE = "../../modules/cloudshell-monitoring";
/** The approved network; the sample CloudTrail records of the module's evidence use the same IDs. */
export const EXAMPLE_NETWORK = {
  approved_vpc_ids: ["vpc-0123456789abcdef0"],
  approved_subnet_ids: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
  approved_security_group_ids: ["sg-0123456789abcdef0"],
};

/** The two module calls' inputs, by module name (the tests derive from them which rules each creates). */
export const CALLS = {
  us_east_1: { kms_key_arn: tf("var.kms_key_arn"), detect_full_access_attachments: true, enable_config_rule: true, ...EXAMPLE_NETWORK },
  eu_west_1: { event_bus_arn: tf("var.central_event_bus_arn") },
};

function build(unit: Unit): void {
  unit.variable("kms_key_arn", {
    description: "Customer managed KMS key in us-east-1 for the alert topic; its policy needs the module's kms_key_policy_statement output.",
    type: "string",
    default: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  });
  unit.variable("central_event_bus_arn", {
    description: "The central security account's event bus; its policy must admit this account.",
    type: "string",
    default: "arn:aws:events:us-east-1:999999999999:event-bus/security-central",
  });
  unit.provider(AwsProvider, { region: "us-east-1" });
  unit.provider(AwsProvider, { alias: "eu_west_1", region: "eu-west-1" });

  const east = unit.module(
    "us_east_1",
    MODULE,
    CALLS.us_east_1,
    { comment: "us-east-1: CloudShell's events of this Region, IAM's events of every Region (they arrive only\nhere), the Config rule, and an SNS topic encrypted with your key." },
  );
  const west = unit.module(
    "eu_west_1",
    MODULE,
    CALLS.eu_west_1,
    { comment: "eu-west-1: CloudShell's events of this Region, forwarded to the central security account.", providers: { aws: "aws.eu_west_1" } },
  );
  unit.output("us_east_1_rules", { description: "The rules in us-east-1, by rule key.", value: tf(`${east}.rule_names`) });
  unit.output("eu_west_1_rules", { description: "The rules in eu-west-1, by rule key.", value: tf(`${west}.rule_names`) });
  unit.output("kms_key_policy_statement", { description: "The statement to add to the topic key's policy.", value: tf(`${east}.kms_key_policy_statement`) });
}

export const monitoringExample: Definition = {
  name: "monitoring",
  kind: "example",
  source: sourceOf(__dirname),
  title: "Example: CloudShell monitoring in two Regions",
  requirements: { ...TERRAFORM, providers: [AWS_PROVIDER] },
  build,
};
