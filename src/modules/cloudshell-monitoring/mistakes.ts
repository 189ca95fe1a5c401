// Mistakes made with modules/cloudshell-monitoring, and what the plan says (src/modules/mistakes.ts).
import type { Mistake } from "../mistakes";
import { NO_RULES } from "./rules";

const MODULE = "modules/cloudshell-monitoring";
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const TOPIC = "arn:aws:sns:us-east-1:111122223333:security-alerts";
const BUS = "arn:aws:events:us-east-1:999999999999:event-bus/security-central";
/** Every rule that is on by default turned off (the rule list says which). */
const NOTHING = NO_RULES;

export const monitoringMistakes: Mistake[] = [
  {
    module: MODULE,
    what: "An SNS topic in another Region than the rules (a rule cannot deliver there)",
    inputs: { sns_topic_arn: "arn:aws:sns:eu-west-1:111122223333:security-alerts" },
    expect: "sns_topic_arn is a topic in eu-west-1, but this module's rules are in us-east-1",
    issue: "23.2",
    control: { sns_topic_arn: TOPIC },
  },
  {
    module: MODULE,
    what: "An empty approved list from a network not created (it used to turn the alert off)",
    inputs: { sns_topic_arn: TOPIC, approved_subnet_ids: "${values(module.network_not_created.vpc_environment.subnet_ids)}" },
    expect: "approved_subnet_ids is empty, which approves no subnet at all",
    issue: "23.2",
    control: { sns_topic_arn: TOPIC, approved_subnet_ids: "${values(module.network.vpc_environment.subnet_ids)}" },
  },
  {
    module: MODULE,
    what: "The AWSCloudShellFullAccess rule with a provider outside us-east-1, where IAM's events never arrive",
    inputs: { sns_topic_arn: "arn:aws:sns:eu-west-1:111122223333:security-alerts", detect_full_access_attachments: true },
    provider: "eu_west_1",
    expect: "IAM's CloudTrail events reach EventBridge only in us-east-1 (us-gov-west-1 in GovCloud), and this module's provider is in eu-west-1",
    control: { sns_topic_arn: "arn:aws:sns:eu-west-1:111122223333:security-alerts" },
  },
  {
    module: MODULE,
    what: "Every rule turned off and no Config rule",
    inputs: { ...NOTHING, kms_key_arn: KEY },
    expect: "The module monitors nothing: turn on at least one of detect_public_environments",
    control: { ...NOTHING, enable_config_rule: true },
  },
  { module: MODULE, what: "A topic the module creates, without a KMS key", inputs: {}, expect: "kms_key_arn is required when the module creates the SNS topic", control: { kms_key_arn: KEY } },
  { module: MODULE, what: "The AWS managed SNS key", inputs: { kms_key_arn: "arn:aws:kms:us-east-1:111122223333:alias/aws/sns" }, expect: "an AWS managed key (alias/aws/sns) cannot be used" },
  { module: MODULE, what: "A key ID instead of its ARN", inputs: { kms_key_arn: "1234abcd-12ab-34cd-56ef-1234567890ab" }, expect: "kms_key_arn must be the ARN of a customer managed key or of its alias" },
  { module: MODULE, what: "A KMS key with an existing topic", inputs: { kms_key_arn: KEY, sns_topic_arn: TOPIC }, expect: "kms_key_arn applies only to the SNS topic the module creates" },
  { module: MODULE, what: "Two targets", inputs: { sns_topic_arn: TOPIC, event_bus_arn: BUS }, expect: "Set at most one target: sns_topic_arn or event_bus_arn", control: { event_bus_arn: BUS } },
  { module: MODULE, what: "A FIFO topic", inputs: { sns_topic_arn: `${TOPIC}.fifo` }, expect: "sns_topic_arn must be a standard SNS topic ARN" },
  {
    module: MODULE,
    what: "A rule ARN as the event bus",
    inputs: { event_bus_arn: "arn:aws:events:us-east-1:999999999999:rule/central" },
    expect: 'event_bus_arn must be an event bus ARN such as "arn:aws:events:us-east-1:111122223333:event-bus/security-central"',
  },
  { module: MODULE, what: "A name too long for the rule names", inputs: { kms_key_arn: KEY, name: "x".repeat(40) }, expect: "name must be 1-39 characters of A-Z a-z 0-9 _ -" },
  { module: MODULE, what: "A name with a dot", inputs: { kms_key_arn: KEY, name: "cloudshell.monitoring" }, expect: "name must be 1-39 characters", control: { kms_key_arn: KEY, name: "x".repeat(39) } },
  { module: MODULE, what: "A malformed approved subnet ID", inputs: { sns_topic_arn: TOPIC, approved_subnet_ids: ["subnet-xyz"] }, expect: "approved_subnet_ids must hold subnet IDs", control: { ...NOTHING, approved_subnet_ids: ["subnet-01234567"], sns_topic_arn: TOPIC } },
  { module: MODULE, what: "A malformed approved security group ID", inputs: { sns_topic_arn: TOPIC, approved_security_group_ids: ["sg-1"] }, expect: "approved_security_group_ids must hold security group IDs" },
  { module: MODULE, what: "A tag key AWS reserves", inputs: { kms_key_arn: KEY, tags: { "aws:owner": "x" } }, expect: 'do not start with "aws:"', control: { kms_key_arn: "arn:aws:kms:us-east-1:111122223333:alias/security-alerts", tags: { owner: "x" } } },
  { module: MODULE, what: "A malformed approved VPC ID", inputs: { kms_key_arn: KEY, approved_vpc_ids: ["vpc-12"] }, expect: 'approved_vpc_ids must hold VPC IDs such as "vpc-0123456789abcdef0"' },
];
