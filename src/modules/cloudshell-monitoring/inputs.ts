// The inputs of modules/cloudshell-monitoring, as one table. The rules' inputs come from the rule
// list (./rules.ts): each rule's toggle, and the approved lists, in the order the rules name them.
import { CONFIG_RULE_IDENTIFIER, RULE_NAME_MAX } from "../../facts/monitoring";
import { FULL_ACCESS_POLICY } from "../../facts/organizations";
import { PROTECTION_TAG } from "../../facts/protected-resources";
import { tagsInput } from "../common-inputs";
import { awsIdPattern } from "../hcl-snippets";
import { Input, VariableInput } from "../inputs";
import { APPROVED_LISTS, ruleEnabled, ruleInputs, RULES, ruleSuffix } from "./rules";

export const NAME = "cloudshell-monitoring";
/** The longest name: rule names take RULE_NAME_MAX characters, "<name>-<longest rule suffix>". */
export const NAME_MAX = RULE_NAME_MAX - 1 - Math.max(...RULES.map((r) => ruleSuffix(r.key).length));
export const TOPIC_ARN = "^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$";
export const BUS_ARN = "^arn:aws[a-z-]*:events:[a-z0-9-]+:[0-9]{12}:event-bus/[A-Za-z0-9._/-]{1,256}$";
export const KMS_ARN = "^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key/[A-Za-z0-9-]+|alias/[A-Za-z0-9/_-]+)$";

/** Whether any rule is on. */
export const ANY_RULE = `anytrue([${RULES.map((r) => `(${ruleEnabled(r)})`).join(", ")}])`;
export const CREATES_TOPIC = "var.sns_topic_arn == null && var.event_bus_arn == null";

/** An approved list: alert when an environment is created outside it. */
const approvedList = (l: (typeof APPROVED_LISTS)[number]): VariableInput => ({
  name: l.input,
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

/** Every input a rule names, in the order the rules name them: toggles and approved lists. */
export const RULE_INPUTS: VariableInput[] = [...new Set(RULES.flatMap(ruleInputs))].map((name) => {
  const toggle = RULES.find((r) => r.toggle?.input === name)?.toggle;
  if (toggle) return { name, description: toggle.description, type: "bool", default: toggle.default };
  const list = APPROVED_LISTS.find((l) => l.input === name);
  if (!list) throw new Error(`a rule needs ${name}, which is neither a rule's toggle nor an approved list`);
  return approvedList(list);
});

/** The targets: an existing topic, or an event bus (neither: a topic the module creates). */
export const TARGET_INPUTS: VariableInput[] = [
  {
    name: "sns_topic_arn",
    description: "An existing standard SNS topic to alert instead of one the module creates, in the Region of this module's provider (a rule cannot target a topic in another Region; the plan stops otherwise). Its policy must let events.amazonaws.com publish (the topic_policy_statement output).",
    type: "string",
    default: null,
    validation: [
      { condition: `var.sns_topic_arn == null ? true : can(regex("${TOPIC_ARN}", var.sns_topic_arn))`, errorMessage: 'sns_topic_arn must be a standard SNS topic ARN such as "arn:aws:sns:us-east-1:111122223333:security-alerts" (FIFO topics are not supported).' },
      { condition: "var.sns_topic_arn == null || var.event_bus_arn == null", errorMessage: "Set at most one target: sns_topic_arn or event_bus_arn (neither: the module creates an encrypted SNS topic)." },
    ],
  },
  {
    name: "event_bus_arn",
    description: "An event bus to forward the matched events to, such as a central security account's; the module creates the IAM role EventBridge uses to put them there. The bus's policy must admit this account.",
    type: "string",
    default: null,
    validation: [
      { condition: `var.event_bus_arn == null ? true : can(regex("${BUS_ARN}", var.event_bus_arn))`, errorMessage: 'event_bus_arn must be an event bus ARN such as "arn:aws:events:us-east-1:111122223333:event-bus/security-central".' },
    ],
  },
];

export const INPUTS: Input[] = [
  { name: "create", description: "Whether to create the rules, their target and the Config rule.", type: "bool", default: true },
  {
    name: "name",
    description: `Prefix of every name: the rules are "<name>-<rule>", the SNS topic and the AWS Config rule "<name>..." (1-${NAME_MAX} of A-Z a-z 0-9 _ -).`,
    type: "string",
    default: NAME,
    validation: [
      {
        condition: `can(regex("^[A-Za-z0-9_-]{1,${NAME_MAX}}$", var.name))`,
        errorMessage: `name must be 1-${NAME_MAX} characters of A-Z a-z 0-9 _ - (rule names take at most ${RULE_NAME_MAX}, with the longest rule suffix), such as "${NAME}".`,
      },
    ],
  },
  tagsInput(`Tags for every resource that takes them; each also gets ${PROTECTION_TAG.key} = "${PROTECTION_TAG.values.detection}", which the guardrail's protect_detection protects.`),
  ...RULE_INPUTS,
  {
    name: "enable_config_rule",
    description: `Create the AWS Config managed rule ${CONFIG_RULE_IDENTIFIER} with policyArns = ${FULL_ACCESS_POLICY}: every identity with it attached is reported NON_COMPLIANT (IAM.27). Needs an AWS Config recorder that records IAM resources in this Region.`,
    type: "bool",
    default: false,
    validation: [
      {
        condition: `var.enable_config_rule || ${ANY_RULE}`,
        errorMessage: `The module monitors nothing: turn on at least one of ${[...RULES.flatMap(ruleInputs), "enable_config_rule"].join(", ")}.`,
      },
    ],
  },
  ...TARGET_INPUTS,
  {
    name: "kms_key_arn",
    description: "Customer managed KMS key (key or alias ARN) that encrypts the SNS topic the module creates; required then. EventBridge cannot publish to a topic encrypted with the AWS managed key alias/aws/sns. Add the kms_key_policy_statement output to the key's policy.",
    type: "string",
    default: null,
    validation: [
      {
        condition: `var.kms_key_arn == null ? true : can(regex("${KMS_ARN}", var.kms_key_arn)) && !can(regex(":alias/aws/", var.kms_key_arn))`,
        errorMessage: 'kms_key_arn must be the ARN of a customer managed key or of its alias, such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"; an AWS managed key (alias/aws/sns) cannot be used: EventBridge could not publish to the topic.',
      },
      {
        condition: `var.kms_key_arn != null || !(${CREATES_TOPIC}) || !${ANY_RULE}`,
        errorMessage: "kms_key_arn is required when the module creates the SNS topic (neither sns_topic_arn nor event_bus_arn set): the topic is encrypted with your customer managed key, never left unencrypted.",
      },
      { condition: `var.kms_key_arn == null || (${CREATES_TOPIC})`, errorMessage: "kms_key_arn applies only to the SNS topic the module creates: leave it unset with sns_topic_arn or event_bus_arn." },
    ],
  },
];
