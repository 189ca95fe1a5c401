// The resources of modules/cloudshell-monitoring: a rule per chosen rule, their one target (the
// encrypted topic the module creates, an existing topic, or an event bus through a role), and the
// AWS Config rule.
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { ConfigConfigRule } from "@cdktf/provider-aws/lib/config-config-rule";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { tf, tfMap, Unit } from "../../cdktf/seam";
import { CONFIG_RULE_IDENTIFIER, IAM_EVENT_REGIONS } from "../../facts/monitoring";
import { FULL_ACCESS_POLICY } from "../../facts/organizations";
import { protectedTags } from "../common-inputs";
import { hclStrings } from "../hcl-snippets";
import { RULES_FILE, TARGETS_FILE } from "./decisions";

/** Statements the module writes; their actions are checked against the AWS action catalog. */
export const ACTIONS = { topic: ["sns:Publish"], bus: ["events:PutEvents"], trust: ["sts:AssumeRole"], key: ["kms:Decrypt", "kms:GenerateDataKey"] };

export function rules(unit: Unit): void {
  unit.resource(
    CloudwatchEventRule,
    "this",
    {
      name: '${var.name}-${replace(each.key, "_", "-")}',
      description: tf("each.value.description"),
      eventPattern: tf("jsonencode(local.event_patterns[each.key])"),
      state: tf("each.value.state"),
      tags: tfMap(protectedTags("detection")),
      lifecycle: {
        precondition: [
          {
            condition: tf(`each.key != "full_access_attached" || contains(${hclStrings(IAM_EVENT_REGIONS)}, data.aws_region.current.id)`),
            errorMessage: `detect_full_access_attachments: IAM's CloudTrail events reach EventBridge only in ${IAM_EVENT_REGIONS[0]} (${IAM_EVENT_REGIONS[1]} in GovCloud), and this module's provider is in \${data.aws_region.current.id}. Turn it on in a second module call with a ${IAM_EVENT_REGIONS[0]} provider (examples/monitoring).`,
          },
        ],
      },
    },
    { forEach: "local.active_rules", ...RULES_FILE },
  );
}

export function targets(unit: Unit): void {
  const at = TARGETS_FILE;
  unit.local("target_arn", `\${var.event_bus_arn != null ? var.event_bus_arn : var.sns_topic_arn != null ? var.sns_topic_arn : try(aws_sns_topic.this[0].arn, null)}`, at);
  unit.local("rule_arns", "${sort([for r in aws_cloudwatch_event_rule.this : r.arn])}", at);
  unit.local(
    "topic_policy_statement",
    {
      Sid: "AllowTheseEventBridgeRules",
      Effect: "Allow",
      Principal: { Service: "events.amazonaws.com" },
      Action: ACTIONS.topic[0],
      Resource: "${local.target_arn}",
      Condition: { ArnEquals: { "aws:SourceArn": "${local.rule_arns}" } },
    },
    { ...at, comment: "Only these rules may publish: aws:SourceArn is the rule's ARN." },
  );
  unit.resource(
    SnsTopic,
    "this",
    { name: tf("var.name"), kmsMasterKeyId: tf("var.kms_key_arn"), tags: tfMap(protectedTags("detection")) },
    { count: "local.creates_topic ? 1 : 0", ...at, comment: "Encrypted with the customer managed key: EventBridge cannot use the AWS managed alias/aws/sns." },
  );
  unit.resource(
    SnsTopicPolicy,
    "this",
    { arn: tf("aws_sns_topic.this[0].arn"), policy: tf(`jsonencode({ Version = "2012-10-17", Statement = [local.topic_policy_statement] })`) },
    { count: "local.creates_topic ? 1 : 0", ...at },
  );
  unit.resource(
    IamRole,
    "to_event_bus",
    {
      name: tf(`format("%s-events-%s", var.name, data.aws_region.current.id)`),
      description: "EventBridge puts the matched CloudShell events on the central event bus.",
      assumeRolePolicy: tf(
        `jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "events.amazonaws.com" }, Action = "${ACTIONS.trust[0]}", Condition = { ArnEquals = { "aws:SourceArn" = local.rule_arns } } }] })`,
      ),
      tags: tfMap(protectedTags("detection")),
    },
    {
      count: "local.forwards_to_bus ? 1 : 0",
      ...at,
      comment:
        "Only these rules may assume it (aws:SourceArn), and it may only put events on that bus. IAM names are\nglobal to the account, so the name carries the Region: the module in two Regions makes two roles.",
    },
  );
  unit.resource(
    IamRolePolicy,
    "to_event_bus",
    {
      name: "put-events",
      role: tf("aws_iam_role.to_event_bus[0].id"),
      policy: tf(`jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "${ACTIONS.bus[0]}", Resource = var.event_bus_arn }] })`),
    },
    { count: "local.forwards_to_bus ? 1 : 0", ...at },
  );
  unit.resource(
    CloudwatchEventTarget,
    "this",
    {
      rule: tf("aws_cloudwatch_event_rule.this[each.key].name"),
      targetId: "alert",
      arn: tf("local.target_arn"),
      roleArn: tf("try(aws_iam_role.to_event_bus[0].arn, null)"),
      lifecycle: {
        precondition: [
          {
            condition: tf('var.sns_topic_arn == null ? true : split(":", var.sns_topic_arn)[3] == data.aws_region.current.id'),
            errorMessage:
              "sns_topic_arn is a topic in ${try(split(\":\", var.sns_topic_arn)[3], \"another Region\")}, but this module's rules are in ${data.aws_region.current.id}: an EventBridge rule cannot deliver to an SNS topic in another Region. Give a topic in ${data.aws_region.current.id}, or forward to a central event bus instead (event_bus_arn), which may be in another Region.",
          },
        ],
      },
    },
    { forEach: "local.active_rules", ...at },
  );
}

export function configRule(unit: Unit): void {
  unit.resource(
    ConfigConfigRule,
    "full_access",
    {
      name: "${var.name}-full-access-attached",
      description: `Identities with ${FULL_ACCESS_POLICY} attached (Security Hub IAM.27, CIS AWS Foundations 1.22 / 1.21 / 2.20).`,
      source: { owner: "AWS", sourceIdentifier: CONFIG_RULE_IDENTIFIER },
      inputParameters: tf("jsonencode({ policyArns = local.full_access_arn })"),
      tags: tfMap(protectedTags("detection")),
    },
    { count: "var.create && var.enable_config_rule ? 1 : 0", file: "config.tf", comment: "AWS Config fails to create the rule without a configuration recorder in this Region." },
  );
}

/** The provider's partition and Region, read from its configuration (no AWS call). */
export function regional(unit: Unit): void {
  unit.resource(DataAwsPartition, "current", {}, { file: "main.tf" });
  unit.resource(DataAwsRegion, "current", {}, { file: "main.tf" });
}
