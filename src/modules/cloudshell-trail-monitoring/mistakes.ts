// Mistakes made with modules/cloudshell-trail-monitoring, and what the plan says (src/modules/mistakes.ts).
import type { Mistake } from "../mistakes";

const MODULE = "modules/cloudshell-trail-monitoring";
const LOG = { log_group_name: "aws-cloudtrail-logs-o-exampleorgid", log_group_region: "us-east-1" };
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const TOPIC = "arn:aws:sns:us-east-1:111122223333:security-alerts";
const BUS = "arn:aws:events:us-east-1:999999999999:event-bus/security-central";
const DESTINATION = "arn:aws:logs:us-east-1:999999999999:destination:security-central";
const WITH_TOPIC = { ...LOG, sns_topic_arn: TOPIC };

export const trailMonitoringMistakes: Mistake[] = [
  {
    module: MODULE,
    what: "A log group ARN instead of its name",
    inputs: { ...WITH_TOPIC, log_group_name: "arn:aws:logs:us-east-1:111122223333:log-group:trail:*" },
    expect: "log_group_name must be a log group name of 1-512 characters",
    control: WITH_TOPIC,
  },
  {
    module: MODULE,
    what: "A name too long for the event-bus role with the Region (<name>-events-<region>)",
    inputs: { ...LOG, log_group_region: "eu-west-3", event_bus_arn: "arn:aws:events:eu-west-3:999999999999:event-bus/security-central", name: "a".repeat(48) },
    expect: "name is too long for the event-bus role",
    control: { ...LOG, log_group_region: "eu-west-3", event_bus_arn: "arn:aws:events:eu-west-3:999999999999:event-bus/security-central", name: "a".repeat(47) },
    provider: "eu_west_3",
  },
  { module: MODULE, what: "A log group Region that is no Region", inputs: { ...WITH_TOPIC, log_group_region: "us-east" }, expect: 'log_group_region must be a Region name such as "us-east-1"' },
  {
    module: MODULE,
    what: "The log group's Region is not the provider's (filters and alarms are created in the provider's)",
    inputs: { ...WITH_TOPIC, log_group_region: "eu-west-1" },
    expect: "The AWS provider's Region is us-east-1, but log_group_region is eu-west-1",
    control: { ...WITH_TOPIC, log_group_region: "eu-west-1", sns_topic_arn: "arn:aws:sns:eu-west-1:111122223333:security-alerts" },
    controlProvider: "eu_west_1",
  },
  { module: MODULE, what: "A topic the module creates, without a KMS key", inputs: LOG, expect: "kms_key_arn is required when the module creates the SNS topic", control: { ...LOG, kms_key_arn: KEY } },
  { module: MODULE, what: "The AWS managed SNS key", inputs: { ...LOG, kms_key_arn: "arn:aws:kms:us-east-1:111122223333:alias/aws/sns" }, expect: "an AWS managed key (alias/aws/sns) cannot be used" },
  { module: MODULE, what: "Two targets", inputs: { ...WITH_TOPIC, event_bus_arn: BUS }, expect: "Set at most one target: sns_topic_arn or event_bus_arn", control: { ...LOG, event_bus_arn: BUS } },
  { module: MODULE, what: "A KMS key with a central bus", inputs: { ...LOG, kms_key_arn: KEY, event_bus_arn: BUS }, expect: "kms_key_arn applies only to the SNS topic the module creates" },
  { module: MODULE, what: "A malformed organization-wide VPC ID", inputs: { ...WITH_TOPIC, approved_vpc_ids: ["vpc-12"] }, expect: 'approved_vpc_ids must hold VPC IDs such as "vpc-0123456789abcdef0"' },
  {
    module: MODULE,
    what: "An empty organization-wide list from networks not created (it would approve nothing)",
    inputs: { ...WITH_TOPIC, approved_subnet_ids: "${values(module.network_not_created.vpc_environment.subnet_ids)}" },
    expect: "approved_subnet_ids is empty, which approves no subnet at all",
    issue: "23.2",
    control: { ...WITH_TOPIC, approved_vpc_ids: ["vpc-0123456789abcdef0"] },
  },
  {
    module: MODULE,
    what: "An account keyed by a name instead of its ID",
    inputs: { ...WITH_TOPIC, approved_networks_by_account: { prod: { vpc_ids: ["vpc-0123456789abcdef0"] } } },
    expect: "approved_networks_by_account must be keyed by 12-digit account IDs",
    control: { ...WITH_TOPIC, approved_networks_by_account: { "111122223333": { vpc_ids: ["vpc-0123456789abcdef0"], security_group_ids: ["sg-01234567"] } } },
  },
  {
    module: MODULE,
    what: "A misspelt key of an account's network (an object type would drop it)",
    inputs: { ...WITH_TOPIC, approved_networks_by_account: { "111122223333": { vpc_id: ["vpc-0123456789abcdef0"] } } },
    expect: "accepts only the keys vpc_ids, subnet_ids, security_group_ids; unknown: 111122223333.vpc_id",
  },
  {
    module: MODULE,
    what: "A malformed subnet ID of an account",
    inputs: { ...WITH_TOPIC, approved_networks_by_account: { "111122223333": { subnet_ids: ["subnet-x"] } } },
    expect: "The subnet_ids of approved_networks_by_account must hold subnet IDs",
  },
  { module: MODULE, what: "An account with no IDs", inputs: { ...WITH_TOPIC, approved_networks_by_account: { "111122223333": {} } }, expect: "needs at least one ID in vpc_ids, subnet_ids or security_group_ids" },
  {
    module: MODULE,
    what: "A subscription to an SNS topic",
    inputs: { ...WITH_TOPIC, subscription: { destination_arn: TOPIC, rules: ["file_transfer"] } },
    expect: "subscription.destination_arn must be the ARN of a CloudWatch Logs destination, a Kinesis stream",
    control: { ...WITH_TOPIC, subscription: { destination_arn: "arn:aws:lambda:us-east-1:111122223333:function:siem", rules: ["public_environment"] } },
  },
  {
    module: MODULE,
    what: "A subscription destination in another Region",
    inputs: { ...WITH_TOPIC, subscription: { destination_arn: DESTINATION.replace("us-east-1", "eu-west-1"), rules: ["file_transfer"] } },
    expect: "subscription.destination_arn must be in the log group's Region",
  },
  {
    module: MODULE,
    what: "A Kinesis stream without a role",
    inputs: { ...WITH_TOPIC, subscription: { destination_arn: "arn:aws:kinesis:us-east-1:111122223333:stream/cloudshell", rules: ["file_transfer"] } },
    expect: "subscription.role_arn is required for a Kinesis or Firehose destination",
    control: { ...WITH_TOPIC, subscription: { destination_arn: "arn:aws:firehose:us-east-1:111122223333:deliverystream/siem", role_arn: "arn:aws:iam::111122223333:role/cwl-to-firehose", rules: ["file_transfer"] } },
  },
  {
    module: MODULE,
    what: "A subscription without rules (every rule together takes more than one filter pattern)",
    inputs: { ...WITH_TOPIC, subscription: { destination_arn: DESTINATION } },
    expect: "subscription.rules must name the rules whose records to deliver",
    control: { ...WITH_TOPIC, subscription: { destination_arn: DESTINATION, rules: ["credential_forwarding", "file_transfer"] } },
  },
  {
    module: MODULE,
    what: "A subscribed rule that is turned off (it used to be dropped silently)",
    inputs: { ...WITH_TOPIC, detect_file_transfer: false, subscription: { destination_arn: DESTINATION, rules: ["credential_forwarding", "file_transfer"] } },
    expect: "subscription.rules names rules that are turned off (file_transfer)",
    control: { ...WITH_TOPIC, detect_file_transfer: false, subscription: { destination_arn: DESTINATION, rules: ["credential_forwarding"] } },
  },
  {
    module: MODULE,
    what: "A role for a CloudWatch Logs destination",
    inputs: { ...WITH_TOPIC, subscription: { destination_arn: DESTINATION, role_arn: "arn:aws:iam::111122223333:role/x", rules: ["file_transfer"] } },
    expect: "must be left out for a CloudWatch Logs destination",
  },
  { module: MODULE, what: "A subscribed rule the module does not have", inputs: { ...WITH_TOPIC, subscription: { destination_arn: DESTINATION, rules: ["root_login"] } }, expect: "subscription.rules must name rule keys of this module" },
  {
    module: MODULE,
    what: "A misspelt subscription key (an object type would drop it)",
    inputs: { ...WITH_TOPIC, subscription: { destination: DESTINATION, rules: ["file_transfer"] } },
    expect: "subscription accepts only the keys destination_arn, role_arn, rules, distribution; unknown: destination",
  },
  {
    module: MODULE,
    what: "No accounts in the cost assumptions",
    inputs: { ...WITH_TOPIC, cost_assumptions: { accounts: 0 } },
    expect: "cost_assumptions.accounts must be at least 1",
    control: { ...WITH_TOPIC, cost_assumptions: { accounts: 1000, gb_per_account_month: 1.5, include_log_ingestion: true } },
  },
  // 70 characters: longer than the forwarding rule "<name>-alarms" can take (EventBridge rule names take 64).
  { module: MODULE, what: "A name too long for the forwarding rule (<name>-alarms)", inputs: { ...WITH_TOPIC, name: "x".repeat(70) }, expect: "name must be 1-" },
];
