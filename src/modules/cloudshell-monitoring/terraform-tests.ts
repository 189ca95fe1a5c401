// terraform test file for modules/cloudshell-monitoring, mock_provider "aws" (the real provider's
// schema, no AWS call). The expectations are written here by hand; what each rule's pattern
// catches, and what it lets pass, is proven by matching the planned patterns against CloudTrail
// records (the README's table, test/modules/cloudshell-monitoring/monitoring.terraform.test.ts).
// Which rules a call creates follows from the rule list (rulesOn, ./rules.ts).
import { sourceOf } from "../../generator/definition";
import { Run, sameJson, testFile } from "../../generator/tftest";
import { ALL_MANAGEMENT_EVENTS_STATE } from "../../facts/monitoring";
import { DEFAULT_RULES, rulesOn } from "./rules";

const SOURCE = sourceOf(__filename);
const ACCOUNT = "111122223333";
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:cloudshell-monitoring`;
const EXISTING_TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:security-alerts`;
const BUS = "arn:aws:events:us-east-1:999999999999:event-bus/security-central";
const RULE_ARN = `arn:aws:events:us-east-1:${ACCOUNT}:rule/cloudshell-monitoring-x`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/cloudshell-monitoring-events-us-east-1`;
const MOCK = {
  provider: "aws",
  resources: {
    aws_cloudwatch_event_rule: { arn: RULE_ARN },
    aws_sns_topic: { arn: TOPIC },
    aws_iam_role: { arn: ROLE_ARN },
    aws_config_config_rule: { arn: `arn:aws:config:us-east-1:${ACCOUNT}:config-rule/config-rule-abcdef` },
  },
  data: { aws_region: { id: "us-east-1" }, aws_partition: { partition: "aws" } },
};

const pattern = (key: string) => `jsondecode(aws_cloudwatch_event_rule.this["${key}"].event_pattern)`;
const everyTarget = (condition: string, message: string): [string, string] => [`alltrue([for t in aws_cloudwatch_event_target.this : ${condition}])`, message];

const EXISTING_TOPIC_WITHOUT_DENIALS = { sns_topic_arn: EXISTING_TOPIC, detect_access_denied: false };

const RUNS: Run[] = [
  {
    name: "defaults_alert_an_encrypted_topic_that_only_these_rules_may_publish_to",
    command: "apply",
    variables: { kms_key_arn: KEY, tags: { team: "secops" } },
    asserts: [
      sameJson("keys(aws_cloudwatch_event_rule.this)", DEFAULT_RULES),
      [`aws_cloudwatch_event_rule.this["public_environment"].name == "cloudshell-monitoring-public-environment"`, "rule names must be <name>-<rule>"],
      [`aws_cloudwatch_event_rule.this["file_transfer"].state == "${ALL_MANAGEMENT_EVENTS_STATE}" && aws_cloudwatch_event_rule.this["access_denied"].state == "${ALL_MANAGEMENT_EVENTS_STATE}"`, "read-only events need the state that receives them"],
      [`aws_cloudwatch_event_rule.this["public_environment"].state == "ENABLED" && aws_cloudwatch_event_rule.this["credential_forwarding"].state == "ENABLED"`, "write events need only ENABLED"],
      [`aws_cloudwatch_event_rule.this["public_environment"].tags["team"] == "secops"`, "rules must carry the tags"],
      [`aws_sns_topic.this[0].kms_master_key_id == "${KEY}" && aws_sns_topic.this[0].name == "cloudshell-monitoring"`, "the topic must be encrypted with the given key"],
      [`jsondecode(aws_sns_topic_policy.this[0].policy).Statement[0].Principal.Service == "events.amazonaws.com" && jsondecode(aws_sns_topic_policy.this[0].policy).Statement[0].Action == "sns:Publish"`, "EventBridge must be the only publisher"],
      sameJson("jsondecode(aws_sns_topic_policy.this[0].policy).Statement[0].Condition.ArnEquals[\"aws:SourceArn\"]", DEFAULT_RULES.map(() => RULE_ARN), "the topic policy must admit exactly the rules' ARNs"),
      [`length(jsondecode(aws_sns_topic_policy.this[0].policy).Statement) == 1`, "the topic policy must hold that statement only"],
      everyTarget(`t.arn == "${TOPIC}" && t.role_arn == null`, "every rule must target the topic, without a role"),
      sameJson("keys(aws_cloudwatch_event_target.this)", DEFAULT_RULES),
      ["length(aws_iam_role.to_event_bus) + length(aws_config_config_rule.full_access) == 0", "no role and no Config rule by default"],
      [`output.sns_topic_arn == "${TOPIC}" && output.target_arn == "${TOPIC}"`, "the outputs must name the topic"],
      sameJson("jsondecode(output.kms_key_policy_statement).Action", ["kms:Decrypt", "kms:GenerateDataKey"]),
    ],
  },
  {
    name: "forward_to_a_central_event_bus_with_a_role_only_these_rules_may_assume",
    command: "apply",
    variables: { event_bus_arn: BUS },
    asserts: [
      ["length(aws_sns_topic.this) + length(aws_sns_topic_policy.this) == 0", "no topic when forwarding to a bus"],
      everyTarget(`t.arn == "${BUS}" && t.role_arn == "${ROLE_ARN}"`, "every rule must target the bus with the role"),
      [`jsondecode(aws_iam_role_policy.to_event_bus[0].policy).Statement[0].Action == "events:PutEvents" && jsondecode(aws_iam_role_policy.to_event_bus[0].policy).Statement[0].Resource == "${BUS}"`, "the role may only put events on the bus"],
      [`jsondecode(aws_iam_role.to_event_bus[0].assume_role_policy).Statement[0].Principal.Service == "events.amazonaws.com"`, "EventBridge must assume the role"],
      sameJson("jsondecode(aws_iam_role.to_event_bus[0].assume_role_policy).Statement[0].Condition.ArnEquals[\"aws:SourceArn\"]", DEFAULT_RULES.map(() => RULE_ARN), "only these rules may assume it"),
      ["output.kms_key_policy_statement == null && output.topic_policy_statement == null", "no topic statements for a bus"],
    ],
  },
  {
    name: "alert_an_existing_topic",
    command: "plan",
    variables: EXISTING_TOPIC_WITHOUT_DENIALS,
    asserts: [
      ["length(aws_sns_topic.this) + length(aws_iam_role.to_event_bus) == 0", "nothing but rules and targets"],
      everyTarget(`t.arn == "${EXISTING_TOPIC}"`, "every rule must target the existing topic"),
      sameJson("keys(aws_cloudwatch_event_rule.this)", rulesOn(EXISTING_TOPIC_WITHOUT_DENIALS)),
    ],
  },
  {
    name: "full_access_approved_network_and_config_rule_in_us_east_1",
    command: "plan",
    variables: {
      sns_topic_arn: EXISTING_TOPIC,
      detect_full_access_attachments: true,
      enable_config_rule: true,
      approved_vpc_ids: ["vpc-0123456789abcdef0"],
      approved_subnet_ids: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
    },
    asserts: [
      sameJson(`${pattern("full_access_attached")}.detail.requestParameters.policyArn`, ["arn:aws:iam::aws:policy/AWSCloudShellFullAccess"]),
      sameJson(`${pattern("full_access_attached")}.detail.eventName`, ["AttachUserPolicy", "AttachGroupPolicy", "AttachRolePolicy"]),
      [`length(${pattern("outside_approved_network")}["$or"]) == 4`, "two lists, two spellings each: four $or branches"],
      sameJson(`${pattern("outside_approved_network")}["$or"][0].detail.requestParameters.VpcConfig.VpcId`, [{ "anything-but": ["vpc-0123456789abcdef0"] }]),
      [`aws_config_config_rule.full_access[0].source[0].source_identifier == "IAM_POLICY_BLACKLISTED_CHECK" && aws_config_config_rule.full_access[0].source[0].owner == "AWS"`, "the Config rule must be the AWS managed rule"],
      [`jsondecode(aws_config_config_rule.full_access[0].input_parameters).policyArns == "arn:aws:iam::aws:policy/AWSCloudShellFullAccess"`, "the Config rule must look for AWSCloudShellFullAccess"],
    ],
  },
  {
    name: "full_access_outside_us_east_1_fails_at_plan",
    command: "plan",
    variables: { sns_topic_arn: EXISTING_TOPIC, detect_full_access_attachments: true },
    overrides: [{ target: "data.aws_region.current", values: { id: "eu-west-1" } }],
    expectFailures: ["aws_cloudwatch_event_rule.this"],
  },
  {
    name: "create_false_creates_nothing_but_computes_the_patterns",
    command: "plan",
    variables: { create: false, kms_key_arn: KEY },
    asserts: [
      ["length(aws_cloudwatch_event_rule.this) + length(aws_cloudwatch_event_target.this) + length(aws_sns_topic.this) + length(aws_config_config_rule.full_access) == 0", "nothing must be created"],
      sameJson("keys(output.event_patterns)", DEFAULT_RULES),
      ["output.sns_topic_arn == null && output.topic_policy_statement == null && output.kms_key_policy_statement == null", "no topic, no statements"],
    ],
  },
];

const COMMENT = "The AWS provider is mocked: no credentials and no AWS call. The Region is us-east-1 unless a run says otherwise.";

export const monitoringTests = () => ({
  "tests/monitoring.tftest.hcl": testFile({ source: SOURCE, comment: COMMENT, mockProvider: MOCK, runs: RUNS }),
});
