// terraform test file for modules/cloudshell-trail-monitoring, mock_provider "aws" (the real
// provider's schema, no AWS call). The expectations are written here by hand; what each metric
// filter's pattern catches is proven by matching the planned patterns against CloudTrail records
// (the README's table, test/modules/cloudshell-trail-monitoring/trail-monitoring.terraform.test.ts).
import { sourceOf } from "../../generator/definition";
import { Run, sameJson, testFile } from "../../generator/tftest";
import { US_EAST_1_CLOUDWATCH_PRICES as PRICES } from "../../facts/cloudwatch-prices";
import { ALARM_STATE_CHANGE } from "../../facts/monitoring";
import { rulesOn } from "../cloudshell-monitoring/rules";
import { TOGGLE_DEFAULTS } from "./inputs";

const SOURCE = sourceOf(__filename);
const ACCOUNT = "111122223333";
export const LOG_GROUP = { log_group_name: "aws-cloudtrail-logs-o-exampleorgid", log_group_region: "us-east-1" };
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:cloudshell-trail-monitoring`;
const EXISTING_TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:security-alerts`;
const BUS = "arn:aws:events:us-east-1:999999999999:event-bus/security-central";
const ALARM_ARN = `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:cloudshell-trail-monitoring-x`;
const RULE_ARN = `arn:aws:events:us-east-1:${ACCOUNT}:rule/cloudshell-trail-monitoring-alarms`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/cloudshell-trail-monitoring-events-us-east-1`;
const DESTINATION = "arn:aws:logs:us-east-1:999999999999:destination:security-central";
const MOCK = {
  provider: "aws",
  resources: {
    aws_cloudwatch_metric_alarm: { arn: ALARM_ARN },
    aws_sns_topic: { arn: TOPIC },
    aws_cloudwatch_event_rule: { arn: RULE_ARN },
    aws_iam_role: { arn: ROLE_ARN },
  },
  data: { aws_region: { id: "us-east-1" }, aws_partition: { partition: "aws" } },
};

/** The rules on by default: every rule of the shared list but the approved network, which needs IDs. */
export const DEFAULT_RULES = rulesOn({}, TOGGLE_DEFAULTS);
/** USD to the cent, as the module rounds. */
const cents = (usd: number) => Math.round(usd * 100) / 100;
/** The default rules' cost: a custom metric and an alarm each, at the us-east-1 list prices. */
const DEFAULT_COST = {
  metrics: cents(DEFAULT_RULES.length * PRICES.custom_metric_month),
  alarms: cents(DEFAULT_RULES.length * PRICES.alarm_metric_month),
  total: cents(DEFAULT_RULES.length * (PRICES.custom_metric_month + PRICES.alarm_metric_month)),
};
const NETWORK = { approved_vpc_ids: ["vpc-0123456789abcdef0"], approved_networks_by_account: { "444455556666": { vpc_ids: ["vpc-0fedcba9876543210"] } } };
const everyAlarm = (condition: string, message: string): [string, string] => [`alltrue([for a in aws_cloudwatch_metric_alarm.this : ${condition}])`, message];

const RUNS: Run[] = [
  {
    name: "defaults_alarm_an_encrypted_topic_that_only_these_alarms_may_publish_to",
    command: "apply",
    variables: { ...LOG_GROUP, kms_key_arn: KEY, tags: { team: "secops" } },
    asserts: [
      sameJson("keys(aws_cloudwatch_log_metric_filter.this)", DEFAULT_RULES),
      sameJson("keys(aws_cloudwatch_metric_alarm.this)", DEFAULT_RULES),
      [`aws_cloudwatch_log_metric_filter.this["public_environment"].log_group_name == "${LOG_GROUP.log_group_name}"`, "the filters must be on the trail's log group"],
      [`aws_cloudwatch_log_metric_filter.this["public_environment"].metric_transformation[0].name == "cloudshell-trail-monitoring-public-environment" && aws_cloudwatch_metric_alarm.this["public_environment"].metric_name == "cloudshell-trail-monitoring-public-environment"`, "each alarm must watch its filter's metric"],
      everyAlarm(`a.alarm_actions == toset(["${TOPIC}"]) && a.threshold == 1 && a.comparison_operator == "GreaterThanOrEqualToThreshold" && a.treat_missing_data == "notBreaching" && a.period == 60`, "every alarm must notify the topic on one matching record a minute"),
      everyAlarm(`a.tags["team"] == "secops"`, "alarms must carry the tags"),
      [`strcontains(aws_cloudwatch_metric_alarm.this["file_transfer"].alarm_description, "saved query cloudshell-trail-monitoring/file-transfer on log group ${LOG_GROUP.log_group_name} (us-east-1)")`, "the alarm must say where to look next"],
      [`strcontains(aws_cloudwatch_metric_alarm.this["file_transfer"].alarm_description, "| filter ")`, "the alarm must carry the query when it fits"],
      [`aws_cloudwatch_query_definition.this["credential_forwarding"].name == "cloudshell-trail-monitoring/credential-forwarding" && aws_cloudwatch_query_definition.this["credential_forwarding"].log_group_names == tolist(["${LOG_GROUP.log_group_name}"])`, "each rule must have its saved query on the log group"],
      [`aws_sns_topic.this[0].kms_master_key_id == "${KEY}"`, "the topic must be encrypted with the given key"],
      [`jsondecode(aws_sns_topic_policy.this[0].policy).Statement[0].Principal.Service == "cloudwatch.amazonaws.com" && jsondecode(aws_sns_topic_policy.this[0].policy).Statement[0].Action == "sns:Publish"`, "CloudWatch must be the only publisher"],
      sameJson(`jsondecode(aws_sns_topic_policy.this[0].policy).Statement[0].Condition.ArnEquals["aws:SourceArn"]`, DEFAULT_RULES.map(() => ALARM_ARN), "the topic policy must admit exactly the alarms' ARNs"),
      sameJson("jsondecode(output.kms_key_policy_statement).Principal", { Service: "cloudwatch.amazonaws.com" }),
      ["length(aws_cloudwatch_event_rule.alarms) + length(aws_iam_role.to_event_bus) + length(aws_cloudwatch_log_subscription_filter.this) == 0", "no bus forwarding and no subscription by default"],
      [
        `output.cost.custom_metrics == ${DEFAULT_RULES.length} && output.cost.alarms == ${DEFAULT_RULES.length} && output.cost.monthly_usd.custom_metrics == ${DEFAULT_COST.metrics} && output.cost.monthly_usd.alarms == ${DEFAULT_COST.alarms} && output.cost.monthly_usd.log_ingestion == 0 && output.cost.monthly_usd.total == ${DEFAULT_COST.total} && output.cost.region == "us-east-1"`,
        "the cost must count one metric and one alarm per rule",
      ],
    ],
  },
  {
    name: "approved_networks_per_account_and_for_the_organization",
    command: "plan",
    variables: { ...LOG_GROUP, sns_topic_arn: EXISTING_TOPIC, ...NETWORK },
    asserts: [
      sameJson(
        "sort(keys(aws_cloudwatch_log_metric_filter.this))",
        [...DEFAULT_RULES, ...["outside_approved_network", "approved_network_changes"].flatMap((r) => [`${r}-444455556666-0`, `${r}-organization-0`])].sort(),
      ),
      [`strcontains(output.filter_patterns["outside_approved_network-organization-0"], "$.recipientAccountId != \\"444455556666\\"")`, "the organization's filter must leave out the accounts with their own lists"],
      [`strcontains(output.filter_patterns["outside_approved_network-444455556666-0"], "$.recipientAccountId = \\"444455556666\\"") && strcontains(output.filter_patterns["outside_approved_network-444455556666-0"], "!= \\"vpc-0fedcba9876543210\\"") && strcontains(output.filter_patterns["outside_approved_network-444455556666-0"], "!= \\"vpc-0123456789abcdef0\\"")`, "an account's filter must allow its own IDs and the organization's"],
      [`aws_cloudwatch_log_metric_filter.this["outside_approved_network-organization-0"].metric_transformation[0].name == "cloudshell-trail-monitoring-outside-approved-network" && aws_cloudwatch_log_metric_filter.this["outside_approved_network-444455556666-0"].metric_transformation[0].name == "cloudshell-trail-monitoring-outside-approved-network"`, "every scope's filter must count into the rule's one metric"],
      ['length([for k, a in aws_cloudwatch_metric_alarm.this : k if k == "outside_approved_network"]) == 1', "one alarm for the rule"],
      everyAlarm(`a.alarm_actions == toset(["${EXISTING_TOPIC}"])`, "every alarm must notify the existing topic"),
      ["length(aws_sns_topic.this) == 0", "no topic of its own"],
    ],
  },
  {
    name: "approved_lists_too_long_for_one_pattern_fail_at_plan",
    command: "plan",
    variables: { ...LOG_GROUP, sns_topic_arn: EXISTING_TOPIC, approved_security_group_ids: Array.from({ length: 12 }, (_, i) => `sg-0123456789abcde${(i + 16).toString(16)}`) },
    expectFailures: ["aws_cloudwatch_log_metric_filter.this"],
  },
  {
    name: "forward_the_alarms_to_a_central_event_bus",
    command: "apply",
    variables: { ...LOG_GROUP, event_bus_arn: BUS },
    asserts: [
      everyAlarm("length(a.alarm_actions) == 0", "alarms cannot target a bus: no alarm actions"),
      ["length(aws_sns_topic.this) == 0", "no topic when forwarding to a bus"],
      sameJson("jsondecode(aws_cloudwatch_event_rule.alarms[0].event_pattern)", { detail: { state: { value: ["ALARM"] } }, "detail-type": [ALARM_STATE_CHANGE], resources: DEFAULT_RULES.map(() => ALARM_ARN), source: ["aws.cloudwatch"] }, "the rule must forward these alarms going into ALARM"),
      [`aws_cloudwatch_event_target.alarms[0].arn == "${BUS}" && aws_cloudwatch_event_target.alarms[0].role_arn == "${ROLE_ARN}"`, "the rule must target the bus with the role"],
      [`jsondecode(aws_iam_role_policy.to_event_bus[0].policy).Statement[0].Action == "events:PutEvents" && jsondecode(aws_iam_role_policy.to_event_bus[0].policy).Statement[0].Resource == "${BUS}"`, "the role may only put events on the bus"],
      [`jsondecode(aws_iam_role.to_event_bus[0].assume_role_policy).Statement[0].Condition.ArnEquals["aws:SourceArn"] == "${RULE_ARN}"`, "only the forwarding rule may assume the role"],
      ["output.kms_key_policy_statement == null && output.topic_policy_statement == null", "no topic statements for a bus"],
    ],
  },
  {
    name: "a_subscription_to_another_accounts_destination",
    command: "plan",
    variables: { ...LOG_GROUP, sns_topic_arn: EXISTING_TOPIC, subscription: { destination_arn: DESTINATION, rules: ["credential_forwarding", "file_transfer"] } },
    asserts: [
      [`aws_cloudwatch_log_subscription_filter.this[0].destination_arn == "${DESTINATION}" && aws_cloudwatch_log_subscription_filter.this[0].log_group_name == "${LOG_GROUP.log_group_name}"`, "the subscription must deliver the log group to the destination"],
      ['strcontains(output.subscription_filter_pattern, "PutCredentials") && strcontains(output.subscription_filter_pattern, "GetFileUploadUrls") && !strcontains(output.subscription_filter_pattern, "CreateEnvironment")', "the pattern must hold the chosen rules only"],
    ],
  },
  {
    name: "the_provider_in_another_region_than_the_log_group_fails_at_plan",
    command: "plan",
    variables: { ...LOG_GROUP, log_group_region: "eu-west-1", sns_topic_arn: EXISTING_TOPIC },
    expectFailures: ["data.aws_region.current"],
  },
  {
    name: "create_false_creates_nothing_but_computes_the_patterns",
    command: "plan",
    variables: { ...LOG_GROUP, create: false, kms_key_arn: KEY, cost_assumptions: { accounts: 1000, gb_per_account_month: 2, include_log_ingestion: true } },
    asserts: [
      ["length(aws_cloudwatch_log_metric_filter.this) + length(aws_cloudwatch_metric_alarm.this) + length(aws_cloudwatch_query_definition.this) + length(aws_sns_topic.this) == 0", "nothing must be created"],
      sameJson("keys(output.filter_patterns)", DEFAULT_RULES),
      ["output.cost.monthly_usd.log_ingestion == 1000 && output.cost.monthly_usd.total == 1000 && output.cost.alarms == 0", "1,000 accounts of 2 GB at 0.50 USD per GB; no alarm"],
    ],
  },
];

const COMMENT = "The AWS provider is mocked: no credentials and no AWS call. The provider's Region is us-east-1.";

export const trailMonitoringTests = () => ({
  "tests/trail-monitoring.tftest.hcl": testFile({ source: SOURCE, comment: COMMENT, mockProvider: MOCK, runs: RUNS }),
});
