// The inputs of modules/cloudshell-trail-monitoring, as one table. The detection toggles and the
// organization-wide approved lists are the rows of cloudshell-monitoring's table that the shared
// rule list names (../cloudshell-monitoring/inputs.ts), with this module's descriptions and defaults
// where OWN_INPUTS gives them, so a rule added there needs no second declaration here.
import { RULE_NAME_MAX } from "../../facts/monitoring";
import { FULL_ACCESS_POLICY } from "../../facts/organizations";
import { tagsInput } from "../common-inputs";
import { PROTECTION_TAG } from "../../facts/protected-resources";
import { awsIdPattern, hclStrings, REGION_PATTERN } from "../hcl-snippets";
import { RULE_INPUTS as MONITORING_RULE_INPUTS, TARGET_INPUTS as MONITORING_TARGET_INPUTS } from "../cloudshell-monitoring/inputs";
import { APPROVED_LISTS, RULES } from "../cloudshell-monitoring/rules";
import { Input, VariableInput } from "../inputs";
import { Fields, field } from "../strict-object";

export const NAME = "cloudshell-trail-monitoring";
/** The longest fixed suffix of a name that takes 64 characters: the forwarding rule "<name>-alarms" (EventBridge rule names); the event-bus role's "<name>-events-<region>" is checked with the Region. */
export const NAME_MAX = RULE_NAME_MAX - "-alarms".length;
/** IAM role names take 64 characters. */
const ROLE_NAME_MAX = 64;

const KMS_ARN = "^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key/[A-Za-z0-9-]+|alias/[A-Za-z0-9/_-]+)$";
/** CloudWatch Logs log group names: 1-512 of a-z A-Z 0-9 _ - / . # (CloudTrail's log group naming page). */
const LOG_GROUP_NAME = "^[._/#A-Za-z0-9-]{1,512}$";
/** Subscription destinations AWS documents: a CloudWatch Logs destination (another account), a Kinesis stream, a Firehose stream, a Lambda function. */
export const DESTINATION_KINDS = [
  { kind: "logs", pattern: ":logs:([a-z0-9-]+):[0-9]{12}:destination:", role: false },
  { kind: "kinesis", pattern: ":kinesis:([a-z0-9-]+):[0-9]{12}:stream/", role: true },
  { kind: "firehose", pattern: ":firehose:([a-z0-9-]+):[0-9]{12}:deliverystream/", role: true },
  { kind: "lambda", pattern: ":lambda:([a-z0-9-]+):[0-9]{12}:function:", role: false },
];

/** Inputs of the shared rules described for this module; the others are cloudshell-monitoring's rows. */
export const OWN_INPUTS: Record<string, Partial<VariableInput>> = {
  detect_full_access_attachments: {
    description: `Alert when ${FULL_ACCESS_POLICY} is attached to a user, group or role in any account. IAM's events reach the log group of a multi-Region trail wherever the log group is (they are recorded in us-east-1).`,
    default: true,
  },
  ...Object.fromEntries(
    APPROVED_LISTS.map((l) => [
      l.input,
      { description: `Approved ${l.what} IDs for every account: alert when an environment is created with a ${l.what} outside them (where the CloudTrail record carries it; see the README). An account in approved_networks_by_account has these and its own. null (the default): no organization-wide check; an empty list is an error.` },
    ]),
  ),
};

export const ACCOUNT_NETWORK_FIELDS: Fields = {
  vpc_ids: { type: "set(string)", default: [] },
  subnet_ids: { type: "set(string)", default: [] },
  security_group_ids: { type: "set(string)", default: [] },
};
/** The approved list of the shared rules that each field of approved_networks_by_account adds to. */
export const ACCOUNT_FIELD_OF: Record<string, string> = { approved_vpc_ids: "vpc_ids", approved_subnet_ids: "subnet_ids", approved_security_group_ids: "security_group_ids" };

export const SUBSCRIPTION_FIELDS: Fields = {
  destination_arn: { type: "string", default: null },
  role_arn: { type: "string", default: null },
  rules: { type: "set(string)", default: [] },
  distribution: { type: "string", default: "ByLogStream" },
};

export const COST_FIELDS: Fields = {
  accounts: { type: "number", default: null },
  gb_per_account_month: { type: "number", default: null },
  include_log_ingestion: { type: "bool", default: false },
};

/** The shared rules' inputs, in the order the rules name them, with this module's own descriptions and defaults. */
const RULE_INPUTS: VariableInput[] = MONITORING_RULE_INPUTS.map((row) => ({ ...row, ...OWN_INPUTS[row.name] }));

/** This module's default of each rule's toggle (for rulesOn: which rules a call turns on). */
export const TOGGLE_DEFAULTS: Record<string, boolean> = Object.fromEntries(RULE_INPUTS.filter((i) => i.type === "bool").map((i) => [i.name, i.default as boolean]));

/** The targets' ARNs are checked as cloudshell-monitoring checks them; the descriptions are this module's. */
const TARGET_DESCRIPTIONS: Record<string, string> = {
  sns_topic_arn: "An existing standard SNS topic the alarms notify instead of one the module creates. Its policy must let cloudwatch.amazonaws.com publish (the topic_policy_statement output).",
  event_bus_arn:
    "An event bus, such as a central security account's, that gets each alarm's state change (CloudWatch sends them to this account's default bus; a rule the module creates forwards them with a role). The bus's policy must admit this account.",
};
const TARGET_INPUTS: VariableInput[] = MONITORING_TARGET_INPUTS.map((row) => ({ ...row, description: TARGET_DESCRIPTIONS[row.name] }));

const sub = (name: string) => field("var.subscription", name, SUBSCRIPTION_FIELDS[name]);
const destinationIs = (kind: string) => `can(regex("${DESTINATION_KINDS.find((d) => d.kind === kind)!.pattern}", ${sub("destination_arn")}))`;

const kinds = DESTINATION_KINDS.map((d) => `can(regex("^arn:aws[a-z-]*${d.pattern}", ${sub("destination_arn")}))`).join(" || ");
const needsRole = DESTINATION_KINDS.filter((d) => d.role).map((d) => destinationIs(d.kind)).join(" || ");

export const INPUTS: Input[] = [
  { name: "create", description: "Whether to create anything: with false, nothing is created and the filter patterns and queries are still computed.", type: "bool", default: true },
  {
    name: "name",
    description: `Prefix of every name: metric filters, metrics and alarms "<name>-<rule>", saved queries "<name>/<rule>", the topic "<name>" (1-${NAME_MAX} of A-Z a-z 0-9 _ -).`,
    type: "string",
    default: NAME,
    validation: [
      { condition: `can(regex("^[A-Za-z0-9_-]{1,${NAME_MAX}}$", var.name))`, errorMessage: `name must be 1-${NAME_MAX} characters of A-Z a-z 0-9 _ -, such as "${NAME}".` },
      {
        // IAM names are global to the account: the Region keeps two deployments apart.
        condition: `length(format("%s-events-%s", var.name, var.log_group_region)) <= ${ROLE_NAME_MAX}`,
        errorMessage: `name is too long for the event-bus role "<name>-events-<log_group_region>", which IAM takes up to ${ROLE_NAME_MAX} characters: shorten name.`,
      },
    ],
  },
  tagsInput(`Tags for every resource that takes them; each also gets ${PROTECTION_TAG.key} = "${PROTECTION_TAG.values.detection}", which the guardrail's protect_detection protects.`),
  {
    name: "log_group_name",
    description: "The CloudWatch Logs log group the organization trail delivers to, in this account (the trail's home account: the management account owns organization trails).",
    type: "string",
    validation: [{ condition: `can(regex("${LOG_GROUP_NAME}", var.log_group_name))`, errorMessage: 'log_group_name must be a log group name of 1-512 characters of a-z A-Z 0-9 _ - / . #, such as "aws-cloudtrail-logs-o-exampleorgid".' }],
  },
  {
    name: "log_group_region",
    description: "The Region of the log group (the trail's home Region). The module's provider must be in it: metric filters, alarms and queries are created there; a plan-time error says so otherwise.",
    type: "string",
    validation: [{ condition: `can(regex("${REGION_PATTERN}", var.log_group_region))`, errorMessage: 'log_group_region must be a Region name such as "us-east-1" or "eu-west-1".' }],
  },
  ...RULE_INPUTS,
  {
    name: "approved_networks_by_account",
    description: "Approved networks per account ID, for accounts that have their own: an environment created in that account may use these IDs or the organization-wide ones (approved_vpc_ids, approved_subnet_ids, approved_security_group_ids).",
    fields: ACCOUNT_NETWORK_FIELDS,
    map: true,
    validation: [
      { condition: 'alltrue([for k, r in var.approved_networks_by_account : can(regex("^[0-9]{12}$", k))])', errorMessage: 'approved_networks_by_account must be keyed by 12-digit account IDs, such as "111122223333".' },
      ...APPROVED_LISTS.map((l) => {
        const f = ACCOUNT_FIELD_OF[l.input];
        return {
          condition: `alltrue(flatten([for k, r in var.approved_networks_by_account : [for id in ${field("r", f, ACCOUNT_NETWORK_FIELDS[f])} : can(regex("${awsIdPattern(l.prefix)}", id))]]))`,
          errorMessage: `The ${f} of approved_networks_by_account must hold ${l.what} IDs such as "${l.prefix}-0123456789abcdef0".`,
        };
      }),
      {
        condition: `alltrue([for k, r in var.approved_networks_by_account : length(${field("r", "vpc_ids", ACCOUNT_NETWORK_FIELDS.vpc_ids)}) + length(${field("r", "subnet_ids", ACCOUNT_NETWORK_FIELDS.subnet_ids)}) + length(${field("r", "security_group_ids", ACCOUNT_NETWORK_FIELDS.security_group_ids)}) > 0])`,
        errorMessage: "Each entry of approved_networks_by_account needs at least one ID in vpc_ids, subnet_ids or security_group_ids: an empty entry would only exempt the account from the organization-wide lists.",
      },
    ],
  },

  ...TARGET_INPUTS,
  {
    name: "kms_key_arn",
    description: "Customer managed KMS key (key or alias ARN) that encrypts the SNS topic the module creates; required then. Add the kms_key_policy_statement output to the key's policy so that CloudWatch can publish.",
    type: "string",
    default: null,
    validation: [
      {
        condition: `var.kms_key_arn == null ? true : can(regex("${KMS_ARN}", var.kms_key_arn)) && !can(regex(":alias/aws/", var.kms_key_arn))`,
        errorMessage: 'kms_key_arn must be the ARN of a customer managed key or of its alias, such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"; an AWS managed key (alias/aws/sns) cannot be used: its policy cannot admit CloudWatch.',
      },
      {
        condition: "var.kms_key_arn != null || var.sns_topic_arn != null || var.event_bus_arn != null",
        errorMessage: "kms_key_arn is required when the module creates the SNS topic (neither sns_topic_arn nor event_bus_arn set): the topic is encrypted with your customer managed key, never left unencrypted.",
      },
      { condition: "var.kms_key_arn == null || (var.sns_topic_arn == null && var.event_bus_arn == null)", errorMessage: "kms_key_arn applies only to the SNS topic the module creates: leave it unset with sns_topic_arn or event_bus_arn." },
    ],
  },

  {
    name: "subscription",
    description:
      "A subscription filter that delivers each matching record, not a count: destination_arn is a CloudWatch Logs destination (another account's, the way AWS documents cross-account delivery), a Kinesis or Firehose stream (role_arn: a role CloudWatch Logs may assume to put records there), or a Lambda function (its policy must let logs.amazonaws.com invoke it), in the log group's Region; rules are the rule keys to deliver, required with destination_arn (the default rules' conditions together take more than the 1,024 characters of one filter pattern); distribution ByLogStream or Random (Kinesis). A log group takes 2 subscription filters.",
    fields: SUBSCRIPTION_FIELDS,
    validation: [
      { condition: `${sub("destination_arn")} == null || (${kinds})`, errorMessage: 'subscription.destination_arn must be the ARN of a CloudWatch Logs destination, a Kinesis stream, a Firehose delivery stream or a Lambda function, such as "arn:aws:logs:us-east-1:999999999999:destination:security-central".' },
      {
        condition: `${sub("destination_arn")} == null || try(regex("^arn:[a-z-]+:[a-z0-9-]+:([a-z0-9-]+):", ${sub("destination_arn")})[0] == var.log_group_region, false)`,
        errorMessage: "subscription.destination_arn must be in the log group's Region (log_group_region): CloudWatch Logs delivers only to a destination in the same Region.",
      },
      {
        condition: `${sub("destination_arn")} == null || ((${needsRole}) == (${sub("role_arn")} != null))`,
        errorMessage: "subscription.role_arn is required for a Kinesis or Firehose destination (a role CloudWatch Logs assumes to put records) and must be left out for a CloudWatch Logs destination or a Lambda function.",
      },
      { condition: `${sub("role_arn")} == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/", ${sub("role_arn")}))`, errorMessage: 'subscription.role_arn must be an IAM role ARN such as "arn:aws:iam::111122223333:role/cwl-to-kinesis".' },
      { condition: `contains(["ByLogStream", "Random"], ${sub("distribution")})`, errorMessage: "subscription.distribution must be ByLogStream or Random." },
      {
        condition: `length(setsubtract(${sub("rules")}, ${hclStrings(RULES.map((r) => r.key))})) == 0`,
        errorMessage: `subscription.rules must name rule keys of this module: ${RULES.map((r) => r.key).join(", ")}.`,
      },
      { condition: `length(${sub("rules")}) == 0 || ${sub("destination_arn")} != null`, errorMessage: "subscription.rules needs subscription.destination_arn." },
      {
        condition: `${sub("destination_arn")} == null || length(${sub("rules")}) > 0`,
        errorMessage:
          'subscription.rules must name the rules whose records to deliver, such as ["credential_forwarding", "file_transfer"]: the default rules\' conditions together take more than the 1,024 characters of one filter pattern, so there is no "every rule".',
      },
    ],
  },

  {
    name: "cost_assumptions",
    description:
      "For the cost output: accounts in the organization, GB of trail records each sends to the log group a month (the log group's IncomingBytes metric over the accounts), and include_log_ingestion = true when the trail starts delivering to CloudWatch Logs for this module (its ingestion is then this module's cost). Unset: the per-GB prices only.",
    fields: COST_FIELDS,
    validation: [
      { condition: `${field("var.cost_assumptions", "accounts", COST_FIELDS.accounts)} == null ? true : ${field("var.cost_assumptions", "accounts", COST_FIELDS.accounts)} >= 1`, errorMessage: "cost_assumptions.accounts must be at least 1." },
      { condition: `${field("var.cost_assumptions", "gb_per_account_month", COST_FIELDS.gb_per_account_month)} == null ? true : ${field("var.cost_assumptions", "gb_per_account_month", COST_FIELDS.gb_per_account_month)} >= 0`, errorMessage: "cost_assumptions.gb_per_account_month must be 0 or more." },
    ],
  },
];
