// modules/cloudshell-monitoring: detection of what the preventive controls cannot stop, or are
// being worked around by. EventBridge rules on CloudShell's and IAM's CloudTrail events (each a
// choice), one target for all of them (an encrypted SNS topic it creates, an existing topic, or
// another account's event bus), and optionally the AWS Config rule that reports identities with
// AWSCloudShellFullAccess attached.
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
import { declareActions } from "../../generator/action-check";
import { Definition, sourceOf } from "../../generator/definition";
import { MONITORING_FILE, MonitoringFile, monitoringTable } from "../../generator/monitoring-table";
import { CONFIG_RULE_IDENTIFIER, IAM_EVENT_REGIONS, RULE_NAME_MAX } from "../../facts/monitoring";
import { FULL_ACCESS_POLICY } from "../../facts/organizations";
import { PROTECTION_TAG } from "../../facts/protected-resources";
import { protectedTags, tagsInput } from "../common-inputs";
import { awsIdPattern, hclStrings } from "../hcl-snippets";
import { AWS_PROVIDER, TERRAFORM } from "../requirements";
import { APPROVED_LISTS, approvedNetworkLocal, RULES, ruleSuffix } from "./rules";
import { monitoringTests } from "./terraform-tests";

const NAME = "cloudshell-monitoring";
const NAME_MAX = RULE_NAME_MAX - 1 - Math.max(...RULES.map((r) => ruleSuffix(r.key).length));
const TOPIC_ARN = "^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$";
const BUS_ARN = "^arn:aws[a-z-]*:events:[a-z0-9-]+:[0-9]{12}:event-bus/[A-Za-z0-9._/-]{1,256}$";
const KMS_ARN = "^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key/[A-Za-z0-9-]+|alias/[A-Za-z0-9/_-]+)$";

/** Statements the module writes; their actions are checked against the AWS action catalog. */
const ACTIONS = { topic: ["sns:Publish"], bus: ["events:PutEvents"], trust: ["sts:AssumeRole"], key: ["kms:Decrypt", "kms:GenerateDataKey"] };

const anyRule = `anytrue([${RULES.map((r) => `(${r.enabled})`).join(", ")}])`;
const createsTopic = "var.sns_topic_arn == null && var.event_bus_arn == null";

function inputs(unit: Unit): void {
  unit.variable("create", { description: "Whether to create the rules, their target and the Config rule.", type: "bool", default: true, nullable: false });
  unit.variable("name", {
    description: `Prefix of every name: the rules are "<name>-<rule>", the SNS topic and the AWS Config rule "<name>..." (1-${NAME_MAX} of A-Z a-z 0-9 _ -).`,
    type: "string",
    default: NAME,
    nullable: false,
    validation: [
      {
        condition: `can(regex("^[A-Za-z0-9_-]{1,${NAME_MAX}}$", var.name))`,
        errorMessage: `name must be 1-${NAME_MAX} characters of A-Z a-z 0-9 _ - (rule names take at most ${RULE_NAME_MAX}, with the longest rule suffix), such as "${NAME}".`,
      },
    ],
  });
  tagsInput(unit, `Tags for every resource that takes them; each also gets ${PROTECTION_TAG.key} = "${PROTECTION_TAG.values.detection}", which the guardrail's protect_detection protects.`);

  unit.variable("detect_public_environments", { description: "Alert when a public (non-VPC) CloudShell environment is created.", type: "bool", default: true, nullable: false });
  for (const l of APPROVED_LISTS) {
    unit.variable(l.input, {
      description: `Approved ${l.what} IDs: alert when an environment is created with a ${l.what} outside them (where the CloudTrail record carries it; see the README). Null (default): no such alert; an empty list is an error.`,
      type: "set(string)",
      default: null,
      validation: [
        {
          condition: `var.${l.input} == null ? true : alltrue([for id in var.${l.input} : can(regex("${awsIdPattern(l.prefix)}", id))])`,
          errorMessage: `${l.input} must hold ${l.what} IDs such as "${l.prefix}-0123456789abcdef0" (${l.prefix}- and 8 or 17 hex digits).`,
        },
        {
          condition: `var.${l.input} == null ? true : length(var.${l.input}) > 0`,
          errorMessage: `${l.input} is empty, which approves no ${l.what} at all: list them, or leave ${l.input} out (null, the default) for no such alert. An empty list often comes from networks not created (create = false).`,
        },
      ],
    });
  }
  unit.variable("detect_file_transfer", { description: "Alert when console file upload or download URLs are requested (GetFileUploadUrls, GetFileDownloadUrls).", type: "bool", default: true, nullable: false });
  unit.variable("detect_credential_forwarding", { description: "Alert when the console credentials are forwarded into the shell (PutCredentials).", type: "bool", default: true, nullable: false });
  unit.variable("detect_access_denied", { description: "Alert when a CloudShell request is denied (errorCode AccessDenied*): someone running into the guardrails.", type: "bool", default: true, nullable: false });
  unit.variable("detect_approved_network_changes", {
    description:
      "Alert when a DNS Firewall rule group or a Route 53 Resolver rule is associated with a VPC in approved_vpc_ids: the changes that reopen an approved network for which AWS gives no condition key the guardrail could deny them by. Needs approved_vpc_ids.",
    type: "bool",
    default: true,
    nullable: false,
  });
  unit.variable("detect_recording_stopped", {
    description:
      "Alert when a CloudTrail trail or AWS Config's configuration recorder or delivery channel is stopped, changed or deleted, whether it succeeded or was denied: the record the detection reads (the guardrail's protect_detection denies it to all but the exempt roles).",
    type: "bool",
    default: true,
    nullable: false,
  });
  unit.variable("detect_full_access_attachments", {
    description: `Alert when ${FULL_ACCESS_POLICY} is attached to a user, group or role. IAM's events arrive only in ${IAM_EVENT_REGIONS[0]}: turn this on only in a module whose provider is there (a plan-time error says so otherwise).`,
    type: "bool",
    default: false,
    nullable: false,
  });
  unit.variable("enable_config_rule", {
    description: `Create the AWS Config managed rule ${CONFIG_RULE_IDENTIFIER} with policyArns = ${FULL_ACCESS_POLICY}: every identity with it attached is reported NON_COMPLIANT (IAM.27). Needs an AWS Config recorder that records IAM resources in this Region.`,
    type: "bool",
    default: false,
    nullable: false,
    validation: [
      {
        condition: `var.enable_config_rule || ${anyRule}`,
        errorMessage: `The module monitors nothing: turn on at least one of ${[...RULES.flatMap((r) => r.inputs), "enable_config_rule"].join(", ")}.`,
      },
    ],
  });

  unit.variable("sns_topic_arn", {
    description: "An existing standard SNS topic to alert instead of one the module creates, in the Region of this module's provider (a rule cannot target a topic in another Region; the plan stops otherwise). Its policy must let events.amazonaws.com publish (the topic_policy_statement output).",
    type: "string",
    default: null,
    validation: [
      { condition: `var.sns_topic_arn == null ? true : can(regex("${TOPIC_ARN}", var.sns_topic_arn))`, errorMessage: 'sns_topic_arn must be a standard SNS topic ARN such as "arn:aws:sns:us-east-1:111122223333:security-alerts" (FIFO topics are not supported).' },
      { condition: "var.sns_topic_arn == null || var.event_bus_arn == null", errorMessage: "Set at most one target: sns_topic_arn or event_bus_arn (neither: the module creates an encrypted SNS topic)." },
    ],
  });
  unit.variable("event_bus_arn", {
    description: "An event bus to forward the matched events to, such as a central security account's; the module creates the IAM role EventBridge uses to put them there. The bus's policy must admit this account.",
    type: "string",
    default: null,
    validation: [
      { condition: `var.event_bus_arn == null ? true : can(regex("${BUS_ARN}", var.event_bus_arn))`, errorMessage: 'event_bus_arn must be an event bus ARN such as "arn:aws:events:us-east-1:111122223333:event-bus/security-central".' },
    ],
  });
  unit.variable("kms_key_arn", {
    description: "Customer managed KMS key (key or alias ARN) that encrypts the SNS topic the module creates; required then. EventBridge cannot publish to a topic encrypted with the AWS managed key alias/aws/sns. Add the kms_key_policy_statement output to the key's policy.",
    type: "string",
    default: null,
    validation: [
      {
        condition: `var.kms_key_arn == null ? true : can(regex("${KMS_ARN}", var.kms_key_arn)) && !can(regex(":alias/aws/", var.kms_key_arn))`,
        errorMessage: 'kms_key_arn must be the ARN of a customer managed key or of its alias, such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"; an AWS managed key (alias/aws/sns) cannot be used: EventBridge could not publish to the topic.',
      },
      {
        condition: `var.kms_key_arn != null || !(${createsTopic}) || !${anyRule}`,
        errorMessage: "kms_key_arn is required when the module creates the SNS topic (neither sns_topic_arn nor event_bus_arn set): the topic is encrypted with your customer managed key, never left unencrypted.",
      },
      { condition: `var.kms_key_arn == null || (${createsTopic})`, errorMessage: "kms_key_arn applies only to the SNS topic the module creates: leave it unset with sns_topic_arn or event_bus_arn." },
    ],
  });
}

/** The rules' patterns, as HCL objects (one per rule key). */
const patterns = () => Object.fromEntries(RULES.map((r) => [r.key, r.pattern]));

function build(unit: Unit): void {
  for (const [what, actions] of Object.entries(ACTIONS)) declareActions(unit, `the ${what} statement`, actions);
  inputs(unit);
  const regional = { file: "main.tf" };
  unit.resource(DataAwsPartition, "current", {}, regional);
  unit.resource(DataAwsRegion, "current", {}, regional);

  const rulesFile = { file: "rules.tf" };
  unit.local("full_access_arn", `arn:\${data.aws_partition.current.partition}:iam::aws:policy/${FULL_ACCESS_POLICY}`, rulesFile);
  unit.local("approved_network", approvedNetworkLocal, { ...rulesFile, comment: "The approved lists given (not null), once per spelling of CreateEnvironment's VPC configuration\n(VpcConfig.VpcId or vpcConfig.vpcId: which one CloudTrail records is UNCONFIRMED)." });
  unit.local("event_patterns", patterns(), { ...rulesFile, comment: "Each rule's event pattern (jsonencode'd on the rule). Event names ignore case: CloudTrail's casing of\nCloudShell's names is UNCONFIRMED (the README says why)." });
  unit.local(
    "rules",
    Object.fromEntries(RULES.map((r) => [r.key, { enabled: `\${${r.enabled}}`, description: r.description, state: r.state }])),
    { ...rulesFile, comment: "Read-only CloudTrail events (file-transfer URLs, denied Get* calls) reach a rule only in the state\nENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS." },
  );
  unit.local("active_rules", "${{ for k, r in local.rules : k => r if var.create && r.enabled }}", rulesFile);

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
    { forEach: "local.active_rules", ...rulesFile },
  );

  const targetsFile = { file: "targets.tf" };
  unit.local("creates_topic", `\${var.create && ${createsTopic} && ${anyRule}}`, targetsFile);
  unit.local("forwards_to_bus", `\${var.create && var.event_bus_arn != null && ${anyRule}}`, targetsFile);
  unit.local("target_arn", `\${var.event_bus_arn != null ? var.event_bus_arn : var.sns_topic_arn != null ? var.sns_topic_arn : try(aws_sns_topic.this[0].arn, null)}`, targetsFile);
  unit.local("rule_arns", "${sort([for r in aws_cloudwatch_event_rule.this : r.arn])}", targetsFile);
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
    { ...targetsFile, comment: "Only these rules may publish: aws:SourceArn is the rule's ARN." },
  );
  unit.resource(
    SnsTopic,
    "this",
    { name: tf("var.name"), kmsMasterKeyId: tf("var.kms_key_arn"), tags: tfMap(protectedTags("detection")) },
    { count: "local.creates_topic ? 1 : 0", ...targetsFile, comment: "Encrypted with the customer managed key: EventBridge cannot use the AWS managed alias/aws/sns." },
  );
  unit.resource(
    SnsTopicPolicy,
    "this",
    { arn: tf("aws_sns_topic.this[0].arn"), policy: tf(`jsonencode({ Version = "2012-10-17", Statement = [local.topic_policy_statement] })`) },
    { count: "local.creates_topic ? 1 : 0", ...targetsFile },
  );
  unit.resource(
    IamRole,
    "to_event_bus",
    {
      name: "${var.name}-events-${data.aws_region.current.id}",
      description: "EventBridge puts the matched CloudShell events on the central event bus.",
      assumeRolePolicy: tf(
        `jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "events.amazonaws.com" }, Action = "${ACTIONS.trust[0]}", Condition = { ArnEquals = { "aws:SourceArn" = local.rule_arns } } }] })`,
      ),
      tags: tfMap(protectedTags("detection")),
    },
    {
      count: "local.forwards_to_bus ? 1 : 0",
      ...targetsFile,
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
    { count: "local.forwards_to_bus ? 1 : 0", ...targetsFile },
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
    { forEach: "local.active_rules", ...targetsFile },
  );

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

  unit.output("rule_arns", { description: "ARN of each rule, by rule key (empty when create is false).", value: tf("{ for k, r in aws_cloudwatch_event_rule.this : k => r.arn }") });
  unit.output("rule_names", { description: "Name of each rule, by rule key.", value: tf("{ for k, r in aws_cloudwatch_event_rule.this : k => r.name }") });
  unit.output("event_patterns", {
    description: "Each chosen rule's event pattern (JSON), by rule key; computed even when create is false.",
    value: tf("{ for k, r in local.rules : k => jsonencode(local.event_patterns[k]) if r.enabled }"),
  });
  unit.output("target_arn", { description: "Where the matched events go: the SNS topic (created or given) or the event bus.", value: tf("local.target_arn") });
  unit.output("sns_topic_arn", { description: "ARN of the SNS topic the module created; null otherwise.", value: tf("try(aws_sns_topic.this[0].arn, null)") });
  unit.output("topic_policy_statement", {
    description: "The statement an existing topic's policy needs so that only these rules may publish (JSON); the created topic has it.",
    value: tf("var.create && var.event_bus_arn == null ? jsonencode(local.topic_policy_statement) : null"),
  });
  unit.output("kms_key_policy_statement", {
    description: "The statement the customer managed key's policy needs so that EventBridge can publish to the encrypted topic (JSON); null when the module creates no topic (also when create is false).",
    value: tf(
      `local.creates_topic ? jsonencode({ Sid = "AllowEventBridgeToPublishToTheEncryptedTopic", Effect = "Allow", Principal = { Service = "events.amazonaws.com" }, Action = ${hclStrings(ACTIONS.key)}, Resource = "*" }) : null`,
    ),
  });
  unit.output("event_bus_role_arn", { description: "ARN of the role EventBridge uses to put events on event_bus_arn; null otherwise.", value: tf("try(aws_iam_role.to_event_bus[0].arn, null)") });
  unit.output("config_rule_arn", { description: `ARN of the AWS Config rule for ${FULL_ACCESS_POLICY}; null when not created.`, value: tf("try(aws_config_config_rule.full_access[0].arn, null)") });
}

export const monitoring: Definition = {
  name: NAME,
  kind: "module",
  source: sourceOf(__dirname),
  title: "CloudShell monitoring",
  // The floor (5.27, for aws_cloudwatch_event_rule's state) is computed from src/facts/provider-versions.ts.
  requirements: { ...TERRAFORM, providers: [AWS_PROVIDER] },
  build,
  // The table is rendered from the evidence the same `npm run synth` computes from this module's files, before any README.
  readmeContext: (evidence) => ({ monitoringTable: monitoringTable(evidence.read<MonitoringFile>(MONITORING_FILE)), rules: RULES.map((r) => ({ ...r, suffix: ruleSuffix(r.key) })), nameMax: NAME_MAX }),
  extraFiles: monitoringTests,
};
