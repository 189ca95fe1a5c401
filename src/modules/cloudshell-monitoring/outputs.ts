// The outputs of modules/cloudshell-monitoring.
import { tf, Unit } from "../../cdktf/seam";
import { FULL_ACCESS_POLICY } from "../../facts/organizations";
import { hclStrings } from "../hcl-snippets";
import { ACTIONS } from "./resources";

export function outputs(unit: Unit): void {
  unit.output("rule_arns", { description: "ARN of each rule, by rule key (empty when create is false).", value: tf("{ for k, r in aws_cloudwatch_event_rule.this : k => r.arn }") });
  unit.output("rule_names", { description: "Name of each rule, by rule key.", value: tf("{ for k, r in aws_cloudwatch_event_rule.this : k => r.name }") });
  unit.output("event_patterns", {
    description: "Each chosen rule's event pattern (JSON), by rule key; computed even when create is false.",
    value: tf("{ for k, r in local.rules : k => jsonencode(local.event_patterns[k]) if r.enabled }"),
  });
  topicOutputs(unit, { senders: "rules", service: "EventBridge", principal: "events.amazonaws.com" });
  unit.output("event_bus_role_arn", { description: "ARN of the role EventBridge uses to put events on event_bus_arn; null otherwise.", value: tf("try(aws_iam_role.to_event_bus[0].arn, null)") });
  unit.output("config_rule_arn", { description: `ARN of the AWS Config rule for ${FULL_ACCESS_POLICY}; null when not created.`, value: tf("try(aws_config_config_rule.full_access[0].arn, null)") });
}

/**
 * Where the alerts go and the statements an existing topic or its key needs: the same four outputs
 * in this module and in cloudshell-trail-monitoring, whose alarms publish instead of rules.
 */
export function topicOutputs(unit: Unit, sender: { senders: string; service: string; principal: string }): void {
  unit.output("target_arn", { description: `Where the ${sender.senders} send their alerts: the SNS topic (created or given) or the event bus.`, value: tf("local.target_arn") });
  unit.output("sns_topic_arn", { description: "ARN of the SNS topic the module created; null otherwise.", value: tf("try(aws_sns_topic.this[0].arn, null)") });
  unit.output("topic_policy_statement", {
    description: `The statement an existing topic's policy needs so that only these ${sender.senders} may publish (JSON); the created topic has it.`,
    value: tf("var.create && var.event_bus_arn == null ? jsonencode(local.topic_policy_statement) : null"),
  });
  const sid = `Allow${sender.service}ToPublishToTheEncryptedTopic`;
  unit.output("kms_key_policy_statement", {
    description: `The statement the customer managed key's policy needs so that ${sender.service} can publish to the encrypted topic (JSON); null when the module creates no topic (also when create is false).`,
    value: tf(`local.creates_topic ? jsonencode({ Sid = "${sid}", Effect = "Allow", Principal = { Service = "${sender.principal}" }, Action = ${hclStrings(ACTIONS.key)}, Resource = "*" }) : null`),
  });
}
