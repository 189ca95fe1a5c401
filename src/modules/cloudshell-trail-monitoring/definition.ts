// modules/cloudshell-trail-monitoring: the detections of cloudshell-monitoring for a whole
// organization from one deployment, in the account that holds the organization trail's CloudWatch
// Logs log group: a metric filter and an alarm per rule (the patterns derived from the same rule
// list), a saved Logs Insights query each alarm points to, one target for every alarm (an SNS
// topic it creates with your key, an existing topic, or another account's event bus through the
// alarms' state-change events), and optionally a subscription filter for each matching record.
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter";
import { CloudwatchLogSubscriptionFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-subscription-filter";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { CloudwatchQueryDefinition } from "@cdktf/provider-aws/lib/cloudwatch-query-definition";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { tf, tfList, tfMap, Unit } from "../../cdktf/seam";
import { ALARM_STATE_CHANGE } from "../../facts/monitoring";
import { declareActions } from "../../generator/action-check";
import { Definition, sourceOf } from "../../generator/definition";
import { CLOUDWATCH_LIST_PRICES, US_EAST_1_CLOUDWATCH_PRICES } from "../../facts/cloudwatch-prices";
import { protectedTags } from "../common-inputs";
import { hclStrings } from "../hcl-snippets";
import { AWS_PROVIDER, TERRAFORM } from "../requirements";
import { APPROVED_LISTS, ruleEnabled, RULES, ruleSuffix } from "../cloudshell-monitoring/rules";
import { COST_FIELDS, INPUTS, NAME, SUBSCRIPTION_FIELDS } from "./inputs";
import { declareInputs } from "../inputs";
import { detections, MAX_PATTERN, NETWORK_CHANGES, OUTSIDE } from "./detections";
import { objectLocal } from "../strict-object";
import { trailMonitoringReadme } from "./readme";
import { trailMonitoringTests } from "./terraform-tests";
import { ACTIONS } from "../cloudshell-monitoring/resources";
import { topicOutputs } from "../cloudshell-monitoring/outputs";

/** Metric filters per log group (CloudWatch Logs quotas; not adjustable), shared with the log group's other filters. */
export const METRIC_FILTERS_PER_LOG_GROUP = 100;
export const NAMESPACE = "CloudShell";
/** The alarms' period: metric filters publish each minute; one minute with a match is an alarm. */
export const PERIOD_SECONDS = 60;
/** CloudWatch alarm descriptions take 1,024 characters (PutMetricAlarm). */
const DESCRIPTION_MAX = 1024;

const createsTopic = "var.sns_topic_arn == null && var.event_bus_arn == null";

/** Whether each rule is on: the shared rule's condition, and for the approved network, any scope (with a VPC, for its changes). */
const enabled = (r: (typeof RULES)[number]) =>
  r.key === OUTSIDE ? `length(local.approved_scopes) > 0` : r.key === NETWORK_CHANGES ? `var.${r.toggle!.input} && length(local.network_change_clauses) > 0` : ruleEnabled(r);

function rules(unit: Unit, file: string): void {
  const at = { file };
  unit.local(
    "rules",
    Object.fromEntries(RULES.map((r) => [r.key, { enabled: `\${${enabled(r)}}`, description: r.description, suffix: ruleSuffix(r.key) }])),
    at,
  );
  unit.local("active_rules", "${{ for k, r in local.rules : k => r if var.create && r.enabled }}", at);
  unit.local(
    "metric_filters",
    `\${merge(
{ for k, p in local.filter_patterns : k => { rule = k, pattern = p } if local.rules[k].enabled },
{ for k, p in local.outside_filters : k => { rule = "${OUTSIDE}", pattern = p } if local.rules["${OUTSIDE}"].enabled },
{ for k, p in local.network_change_filters : k => { rule = "${NETWORK_CHANGES}", pattern = p } if local.rules["${NETWORK_CHANGES}"].enabled }
)}`,
    { ...at, comment: "Every filter, by key: one per derived rule, and as many as the approved network needs." },
  );
  unit.local(
    "alarm_descriptions",
    `\${{ for k, r in local.rules : k => (length(format("%s %s Query: %s", r.description, local.where_to_look[k], local.insights_queries[k])) <= ${DESCRIPTION_MAX} ? format("%s %s Query: %s", r.description, local.where_to_look[k], local.insights_queries[k]) : format("%s %s", r.description, local.where_to_look[k])) }}`,
    { ...at, comment: `Where to look next; the query itself when the description stays within ${DESCRIPTION_MAX} characters.` },
  );
  unit.local(
    "where_to_look",
    '${{ for k, r in local.rules : k => "Matching records: CloudWatch Logs Insights, saved query ${var.name}/${r.suffix} on log group ${var.log_group_name} (${var.log_group_region}); each record\'s recipientAccountId is the account." }}',
    at,
  );

  unit.resource(
    CloudwatchLogMetricFilter,
    "this",
    {
      name: '${var.name}-${replace(each.key, "_", "-")}',
      logGroupName: tf("var.log_group_name"),
      pattern: tf("each.value.pattern"),
      metricTransformation: { name: tf('format("%s-%s", var.name, local.rules[each.value.rule].suffix)'), namespace: NAMESPACE, value: "1", unit: "Count" },
      lifecycle: {
        precondition: [
          {
            condition: tf(`length(each.value.pattern) <= ${MAX_PATTERN}`),
            errorMessage: `The filter pattern \${each.key} is \${length(each.value.pattern)} characters; CloudWatch Logs takes ${MAX_PATTERN}. One list of approved IDs (${APPROVED_LISTS.map((l) => l.input).join(", ")}, with the account's own in approved_networks_by_account) must fit one pattern: list fewer IDs, or approve whole VPCs rather than each subnet and group.`,
          },
          {
            condition: tf(`length(local.metric_filters) <= ${METRIC_FILTERS_PER_LOG_GROUP}`),
            errorMessage: `The module needs \${length(local.metric_filters)} metric filters on \${var.log_group_name}; a log group takes ${METRIC_FILTERS_PER_LOG_GROUP}, its other filters included. List fewer accounts in approved_networks_by_account.`,
          },
        ],
      },
    },
    { forEach: "{ for k, f in local.metric_filters : k => f if var.create }", ...at },
  );
  unit.resource(
    CloudwatchQueryDefinition,
    "this",
    { name: tf('format("%s/%s", var.name, each.value.suffix)'), logGroupNames: ["${var.log_group_name}"], queryString: tf("local.insights_queries[each.key]") },
    { forEach: "local.active_rules", ...at, comment: "The saved Logs Insights query each alarm's description names: it lists the records the rule counts." },
  );
  unit.resource(
    CloudwatchMetricAlarm,
    "this",
    {
      alarmName: tf('format("%s-%s", var.name, each.value.suffix)'),
      alarmDescription: tf("local.alarm_descriptions[each.key]"),
      namespace: NAMESPACE,
      metricName: tf('format("%s-%s", var.name, each.value.suffix)'),
      statistic: "Sum",
      period: PERIOD_SECONDS,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      treatMissingData: "notBreaching",
      alarmActions: tfList("local.alarm_actions"),
      tags: tfMap(protectedTags("detection")),
    },
    { forEach: "local.active_rules", ...at, comment: "One alarm per rule: a minute with a matching record, and no alarm while none comes (notBreaching)." },
  );
}

function targets(unit: Unit, file: string): void {
  const at = { file };
  const anyRule = "length(local.active_rules) > 0";
  unit.local("creates_topic", `\${${createsTopic} && ${anyRule}}`, at);
  unit.local("forwards_to_bus", `\${var.event_bus_arn != null && ${anyRule}}`, at);
  unit.local("target_arn", "${var.event_bus_arn != null ? var.event_bus_arn : var.sns_topic_arn != null ? var.sns_topic_arn : try(aws_sns_topic.this[0].arn, null)}", at);
  unit.local("alarm_actions", "${var.event_bus_arn != null ? [] : [local.target_arn]}", { ...at, comment: "Alarms notify a topic; a bus gets the alarms' state-change events instead (alarms cannot target a bus)." });
  unit.local("alarm_arns", "${sort([for a in aws_cloudwatch_metric_alarm.this : a.arn])}", at);
  unit.local(
    "topic_policy_statement",
    { Sid: "AllowTheseAlarms", Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: ACTIONS.topic[0], Resource: "${local.target_arn}", Condition: { ArnEquals: { "aws:SourceArn": "${local.alarm_arns}" } } },
    { ...at, comment: "Only these alarms may publish: aws:SourceArn is the alarm's ARN." },
  );
  unit.resource(SnsTopic, "this", { name: tf("var.name"), kmsMasterKeyId: tf("var.kms_key_arn"), tags: tfMap(protectedTags("detection")) }, { count: "local.creates_topic ? 1 : 0", ...at });
  unit.resource(
    SnsTopicPolicy,
    "this",
    { arn: tf("aws_sns_topic.this[0].arn"), policy: tf('jsonencode({ Version = "2012-10-17", Statement = [local.topic_policy_statement] })') },
    { count: "local.creates_topic ? 1 : 0", ...at },
  );

  unit.local(
    "alarm_state_pattern",
    { source: ["aws.cloudwatch"], "detail-type": [ALARM_STATE_CHANGE], resources: "${local.alarm_arns}", detail: { state: { value: ["ALARM"] } } },
    { ...at, comment: "CloudWatch sends each alarm's state changes to this account's default bus; the rule forwards those of these alarms going into ALARM." },
  );
  unit.resource(
    CloudwatchEventRule,
    "alarms",
    { name: "${var.name}-alarms", description: "Forwards the CloudShell trail-monitoring alarms to the central event bus.", eventPattern: tf("jsonencode(local.alarm_state_pattern)"), tags: tfMap(protectedTags("detection")) },
    { count: "local.forwards_to_bus ? 1 : 0", ...at },
  );
  unit.resource(
    IamRole,
    "to_event_bus",
    {
      name: tf(`format("%s-events-%s", var.name, var.log_group_region)`),
      description: "EventBridge puts the CloudShell alarms' state changes on the central event bus.",
      assumeRolePolicy: tf(`jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "events.amazonaws.com" }, Action = "${ACTIONS.trust[0]}", Condition = { ArnEquals = { "aws:SourceArn" = aws_cloudwatch_event_rule.alarms[0].arn } } }] })`),
      tags: tfMap(protectedTags("detection")),
    },
    { count: "local.forwards_to_bus ? 1 : 0", ...at, comment: "Only the forwarding rule may assume it (aws:SourceArn), and it may only put events on that bus." },
  );
  unit.resource(
    IamRolePolicy,
    "to_event_bus",
    { name: "put-events", role: tf("aws_iam_role.to_event_bus[0].id"), policy: tf(`jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "${ACTIONS.bus[0]}", Resource = var.event_bus_arn }] })`) },
    { count: "local.forwards_to_bus ? 1 : 0", ...at },
  );
  unit.resource(
    CloudwatchEventTarget,
    "alarms",
    { rule: tf("aws_cloudwatch_event_rule.alarms[0].name"), targetId: "central-bus", arn: tf("var.event_bus_arn"), roleArn: tf("aws_iam_role.to_event_bus[0].arn") },
    { count: "local.forwards_to_bus ? 1 : 0", ...at },
  );
}

function subscription(unit: Unit, file: string): void {
  const at = { file };
  objectLocal(unit, "subscription", { fields: SUBSCRIPTION_FIELDS }, at);
  unit.local("subscription_rules", "${sort(local.subscription.rules)}", at);
  unit.local(
    "subscription_pattern",
    '${format("{ %s }", join(" || ", [for head in distinct([for k in local.subscription_rules : local.subscription_parts[k].head]) : format("(%s && (%s))", head, join(" || ", [for k in local.subscription_rules : format("(%s)", local.subscription_parts[k].rest) if local.subscription_parts[k].head == head]))]))}',
    { ...at, comment: "The chosen rules' conditions, grouped by event type and source; the approved network's is its base (every successful CreateEnvironment)." },
  );
  unit.resource(
    CloudwatchLogSubscriptionFilter,
    "this",
    {
      name: "${var.name}",
      logGroupName: tf("var.log_group_name"),
      filterPattern: tf("local.subscription_pattern"),
      destinationArn: tf("local.subscription.destination_arn"),
      roleArn: tf("local.subscription.role_arn"),
      distribution: tf("local.subscription.distribution"),
      lifecycle: {
        precondition: [
          {
            condition: tf(`length(local.subscription_pattern) <= ${MAX_PATTERN}`),
            errorMessage: `The subscription filter's pattern for \${join(", ", local.subscription_rules)} is \${length(local.subscription_pattern)} characters; CloudWatch Logs takes ${MAX_PATTERN}. Name fewer rules in subscription.rules.`,
          },
          {
            // A rule that is turned off has no metric filter; delivering its records would be a second,
            // unannounced detection, and dropping it from the list would be silent.
            condition: tf("alltrue([for k in local.subscription_rules : local.rules[k].enabled])"),
            errorMessage: "subscription.rules names rules that are turned off (${join(\", \", [for k in local.subscription_rules : k if !local.rules[k].enabled])}): turn them on, or leave them out of subscription.rules.",
          },
        ],
      },
    },
    { count: "var.create && local.subscription.destination_arn != null ? 1 : 0", ...at },
  );
}

function cost(unit: Unit, file: string): void {
  const at = { file };
  objectLocal(unit, "cost_assumptions", { fields: COST_FIELDS }, at);
  unit.local("list_prices", CLOUDWATCH_LIST_PRICES as unknown as Record<string, Record<string, number>>, { ...at, comment: "List prices by Region (src/facts/cloudwatch-prices.ts); a price the Region lacks is us-east-1's." });
  const names = Object.keys(US_EAST_1_CLOUDWATCH_PRICES);
  unit.local("unit_prices", `\${{ for name in ${hclStrings(names)} : name => try(local.list_prices[var.log_group_region][name], local.list_prices["us-east-1"][name]) }}`, at);
  unit.local("price_regions", `\${{ for name in ${hclStrings(names)} : name => can(local.list_prices[var.log_group_region][name]) ? var.log_group_region : "us-east-1" }}`, at);
  const cents = (x: string) => `floor((${x}) * 100 + 0.5) / 100`;
  unit.local(
    "cost_log_ingestion",
    `\${local.cost_assumptions.include_log_ingestion && local.cost_assumptions.accounts != null && local.cost_assumptions.gb_per_account_month != null ? ${cents("local.cost_assumptions.accounts * local.cost_assumptions.gb_per_account_month * local.unit_prices.log_ingestion_gb")} : 0}`,
    at,
  );
  unit.local(
    "cost",
    {
      metric_filters: "${var.create ? length(local.metric_filters) : 0}",
      custom_metrics: "${length(local.active_rules)}",
      alarms: "${length(local.active_rules)}",
      monthly_usd: {
        custom_metrics: `\${${cents("length(local.active_rules) * local.unit_prices.custom_metric_month")}}`,
        alarms: `\${${cents("length(local.active_rules) * local.unit_prices.alarm_metric_month")}}`,
        log_ingestion: "${local.cost_log_ingestion}",
        total: `\${${cents("length(local.active_rules) * (local.unit_prices.custom_metric_month + local.unit_prices.alarm_metric_month) + local.cost_log_ingestion")}}`,
      },
      insights_usd_per_gb_scanned: "${local.unit_prices.insights_scanned_gb}",
      log_ingestion_usd_per_gb: "${local.unit_prices.log_ingestion_gb}",
      accounts: "${local.cost_assumptions.accounts}",
      region: "${var.log_group_region}",
      price_regions: "${local.price_regions}",
    },
    { ...at, comment: "Billed units a month and their list price: metric filters are free, their metrics are custom metrics; log ingestion counts only when the trail's delivery is new (cost_assumptions)." },
  );
}

function build(unit: Unit): void {
  for (const [what, actions] of Object.entries(ACTIONS)) declareActions(unit, `the ${what} statement`, actions);
  declareInputs(unit, INPUTS);
  unit.resource(DataAwsPartition, "current", {}, { file: "main.tf" });
  unit.resource(
    DataAwsRegion,
    "current",
    {
      lifecycle: {
        postcondition: [
          {
            condition: tf("self.id == var.log_group_region"),
            errorMessage: "The AWS provider's Region is ${self.id}, but log_group_region is ${var.log_group_region}: metric filters, alarms and queries must be created in the log group's Region. Give the module a provider for ${var.log_group_region}.",
          },
        ],
      },
    },
    { file: "main.tf", comment: "The provider's Region, read from its configuration (no AWS call): the plan stops when it is not the log group's." },
  );
  detections(unit, "detections.tf");
  rules(unit, "alarms.tf");
  targets(unit, "targets.tf");
  subscription(unit, "subscription.tf");
  cost(unit, "cost.tf");

  unit.output("filter_patterns", { description: "Each metric filter's pattern, by filter key (the approved network's are keyed <rule>-<scope>-<n>); computed even when create is false.", value: tf("{ for k, f in local.metric_filters : k => f.pattern }") });
  unit.output("insights_queries", { description: "Each rule's CloudWatch Logs Insights query (also saved as <name>/<rule>), by rule key.", value: tf("{ for k, r in local.rules : k => local.insights_queries[k] if r.enabled }") });
  unit.output("alarm_arns", { description: "ARN of each alarm, by rule key.", value: tf("{ for k, a in aws_cloudwatch_metric_alarm.this : k => a.arn }") });
  unit.output("alarm_names", { description: "Name of each alarm, by rule key.", value: tf("{ for k, a in aws_cloudwatch_metric_alarm.this : k => a.alarm_name }") });
  topicOutputs(unit, { senders: "alarms", service: "CloudWatch", principal: "cloudwatch.amazonaws.com" });
  unit.output("event_bus_role_arn", { description: "ARN of the role EventBridge uses to put the alarms' state changes on event_bus_arn; null otherwise.", value: tf("try(aws_iam_role.to_event_bus[0].arn, null)") });
  unit.output("subscription_filter_pattern", { description: "The subscription filter's pattern; null without a subscription.", value: tf("local.subscription.destination_arn != null ? local.subscription_pattern : null") });
  unit.output("cost", { description: "Billed units a month, their list price in USD and the Region of each price: custom metrics and alarms; log ingestion when cost_assumptions says it is this module's; Logs Insights per GB scanned.", value: tf("local.cost") });
}

export const trailMonitoring: Definition = {
  name: NAME,
  kind: "module",
  source: sourceOf(__dirname),
  title: "CloudShell monitoring from an organization trail",
  requirements: { ...TERRAFORM, providers: [{ ...AWS_PROVIDER }] },
  build,
  readmeContext: trailMonitoringReadme,
  extraFiles: trailMonitoringTests,
};

