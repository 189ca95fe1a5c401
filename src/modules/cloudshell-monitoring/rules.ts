// The EventBridge rules of modules/cloudshell-monitoring: what each detects, the input that turns
// it on, and its event pattern as data. The patterns are written into the module as HCL objects
// (jsonencode'd per rule), so the planned JSON, not this file, is what the evidence matches.
import { Value } from "../../hcl/writer";
import {
  ALL_MANAGEMENT_EVENTS_STATE,
  ATTACH_POLICY_EVENTS,
  CLOUDSHELL_EVENT_NAMES,
  CLOUDSHELL_EVENTS,
  CLOUDTRAIL_DETAIL_TYPE,
  IAM_EVENT_REGIONS,
  IAM_EVENTS,
  MONITORING_EVENT_SOURCES,
  POLICY_ARN_PARAMETER,
  RECORDING_EVENT_SOURCES,
  ROUTE53_RESOLVER_EVENTS,
  VPC_CONFIG_SPELLINGS,
  VPC_ID_SPELLINGS,
} from "../../facts/monitoring";
import { DETECTION_TAGGED_ACTIONS, RECORDING_ACTIONS, UNCONDITIONED_NETWORK_ACTIONS } from "../../facts/protected-resources";
import { FULL_ACCESS_POLICY } from "../../facts/organizations";
import { hclStrings } from "../hcl-snippets";

export interface RuleSpec {
  /** Key of the rule in the module's maps; the rule's name is "<name>-<key with dashes>". */
  key: string;
  /** The bool input that turns it on, declared from here (a "detect_*" input of both monitoring modules). */
  toggle?: { input: string; default: boolean; description: string };
  /** Inputs of which at least one must be given (not null) for the rule to be on. */
  needsAnyOf?: string[];
  description: string;
  state: "ENABLED" | typeof ALL_MANAGEMENT_EVENTS_STATE;
  pattern: Value;
}

const ignoreCase = (names: string[]) => names.map((n) => ({ "equals-ignore-case": n }));
const succeeded = { errorCode: [{ exists: false }] };

/** A CloudShell call recorded by CloudTrail, with more conditions on `detail`. */
const cloudshell = (detail: Record<string, Value>): Value => ({
  source: [CLOUDSHELL_EVENTS.source],
  "detail-type": [CLOUDTRAIL_DETAIL_TYPE],
  detail: { eventSource: [CLOUDSHELL_EVENTS.eventSource], ...detail },
});

export const APPROVED_LISTS = [
  { input: "approved_vpc_ids", field: "vpc" as const, what: "VPC", prefix: "vpc" },
  { input: "approved_subnet_ids", field: "subnets" as const, what: "subnet", prefix: "subnet" },
  { input: "approved_security_group_ids", field: "groups" as const, what: "security group", prefix: "sg" },
];

/** One "$or" branch per approved list and spelling (local.approved_network): that field holds an ID outside the list. */
const outsideApproved = '${[for c in local.approved_network : { detail = { requestParameters = { (c.config) = { (c.field) = [{ "anything-but" = c.ids }] } } } }]}';

/** The approved lists given (not null), one entry per spelling of the VPC configuration. */
export const approvedNetworkLocal = `\${flatten([
for l in [
${APPROVED_LISTS.map((l) => `{ ids = var.${l.input}, fields = ${hclStrings(VPC_CONFIG_SPELLINGS.map((s) => s[l.field]))} },`).join("\n")}
] : [
for i, config in ${hclStrings(VPC_CONFIG_SPELLINGS.map((s) => s.config))} : { config = config, field = l.fields[i], ids = sort(l.ids) }
] if l.ids != null
])}`;

/** One "$or" branch per spelling of the VPC ID in a Route 53 Resolver record: an approved VPC. */
const approvedVpc = `\${[for f in ${hclStrings(VPC_ID_SPELLINGS)} : { detail = { requestParameters = { (f) = var.approved_vpc_ids == null ? [] : sort(var.approved_vpc_ids) } } }]}`;

/** The changes to the monitoring's own resources that protect_detection denies (IAM and KMS left out: their denials have many other causes). */
const TAMPERING_ACTIONS = DETECTION_TAGGED_ACTIONS.filter((a) => a.split(":")[0] in MONITORING_EVENT_SOURCES);

export const RULES: RuleSpec[] = [
  {
    key: "public_environment",
    toggle: { input: "detect_public_environments", default: true, description: "Alert when a public (non-VPC) CloudShell environment is created." },
    description: "CloudShell: a public (non-VPC) environment was created.",
    state: "ENABLED",
    pattern: cloudshell({
      eventName: ignoreCase([CLOUDSHELL_EVENT_NAMES.createEnvironment]),
      ...succeeded,
      // No VPC and no subnets in either spelling (exists works on leaves only).
      requestParameters: Object.fromEntries(
        VPC_CONFIG_SPELLINGS.map((s) => [s.config, { [s.vpc]: [{ exists: false }], [s.subnets]: [{ exists: false }] }]),
      ),
    }),
  },
  {
    key: "outside_approved_network",
    needsAnyOf: APPROVED_LISTS.map((l) => l.input),
    description: "CloudShell: an environment was created outside the approved VPCs, subnets or security groups.",
    state: "ENABLED",
    pattern: {
      ...(cloudshell({ eventName: ignoreCase([CLOUDSHELL_EVENT_NAMES.createEnvironment]), ...succeeded }) as Record<string, Value>),
      $or: outsideApproved,
    },
  },
  {
    key: "file_transfer",
    toggle: { input: "detect_file_transfer", default: true, description: "Alert when console file upload or download URLs are requested (GetFileUploadUrls, GetFileDownloadUrls)." },
    description: "CloudShell: file upload or download URLs were requested.",
    state: ALL_MANAGEMENT_EVENTS_STATE,
    pattern: cloudshell({ eventName: ignoreCase(CLOUDSHELL_EVENT_NAMES.fileTransfer), ...succeeded }),
  },
  {
    key: "credential_forwarding",
    toggle: { input: "detect_credential_forwarding", default: true, description: "Alert when the console credentials are forwarded into the shell (PutCredentials)." },
    description: "CloudShell: console credentials were forwarded into the shell.",
    state: "ENABLED",
    pattern: cloudshell({ eventName: ignoreCase([CLOUDSHELL_EVENT_NAMES.putCredentials]), ...succeeded }),
  },
  {
    key: "access_denied",
    toggle: { input: "detect_access_denied", default: true, description: "Alert when a CloudShell request is denied (errorCode AccessDenied*): someone running into the guardrails." },
    description: "CloudShell: a request was denied (AccessDenied*).",
    state: ALL_MANAGEMENT_EVENTS_STATE,
    pattern: cloudshell({ errorCode: [{ prefix: "AccessDenied" }] }),
  },
  {
    key: "full_access_attached",
    toggle: {
      input: "detect_full_access_attachments",
      default: false,
      description: `Alert when ${FULL_ACCESS_POLICY} is attached to a user, group or role. IAM's events arrive only in ${IAM_EVENT_REGIONS[0]}: turn this on only in a module whose provider is there (a plan-time error says so otherwise).`,
    },
    description: `IAM: ${FULL_ACCESS_POLICY} was attached to a user, group or role.`,
    state: "ENABLED",
    pattern: {
      source: [IAM_EVENTS.source],
      "detail-type": [CLOUDTRAIL_DETAIL_TYPE],
      detail: {
        eventSource: [IAM_EVENTS.eventSource],
        eventName: ATTACH_POLICY_EVENTS,
        ...succeeded,
        requestParameters: { [POLICY_ARN_PARAMETER]: ["${local.full_access_arn}"] },
      },
    },
  },
  {
    // The changes that reopen an approved VPC and that no SCP condition can single out
    // (src/facts/protected-resources.ts): the guardrail's protect_approved_networks cannot deny them.
    key: "approved_network_changes",
    toggle: {
      input: "detect_approved_network_changes",
      default: true,
      description:
        "Alert when a DNS Firewall rule group or a Route 53 Resolver rule is associated with a VPC in approved_vpc_ids, or its DNS Firewall configuration is changed (fail open): the changes that reopen an approved network for which AWS gives no condition key the guardrail could deny them by. Needs approved_vpc_ids.",
    },
    needsAnyOf: ["approved_vpc_ids"],
    description: "Network: a DNS Firewall rule group or a Resolver rule was associated with an approved VPC, or its DNS Firewall configuration changed.",
    state: "ENABLED",
    pattern: {
      "detail-type": [CLOUDTRAIL_DETAIL_TYPE],
      detail: {
        eventSource: [ROUTE53_RESOLVER_EVENTS.eventSource],
        eventName: UNCONDITIONED_NETWORK_ACTIONS.map((a) => a.split(":")[1]),
        ...succeeded,
      },
      $or: approvedVpc,
    },
  },
  {
    // The changes to the monitoring itself that the guardrail's protect_detection denies, when denied:
    // someone probing the detection (the exempt roles' own changes, which succeed, are deployments).
    key: "monitoring_tampering",
    toggle: {
      input: "detect_monitoring_tampering",
      default: true,
      description:
        "Alert when a change to the monitoring itself is denied (errorCode AccessDenied*): EventBridge rules and targets, SNS topics, CloudWatch alarms, metric and subscription filters, AWS Config rules. The guardrail's protect_detection denies these to all but the exempt roles, so a denied attempt is someone probing the detection.",
    },
    description: "Detection: a change to the monitoring's rules, targets, topic, alarms, filters or Config rule was denied (someone probing the detection).",
    state: "ENABLED",
    pattern: {
      "detail-type": [CLOUDTRAIL_DETAIL_TYPE],
      detail: {
        eventSource: [...new Set(TAMPERING_ACTIONS.map((a) => MONITORING_EVENT_SOURCES[a.split(":")[0]]))],
        eventName: TAMPERING_ACTIONS.map((a) => a.split(":")[1]),
        errorCode: [{ prefix: "AccessDenied" }],
      },
    },
  },
  {
    // What the guardrail's protect_detection denies to all but the exempt roles, reported for
    // everyone, attempts included (a denied StopLogging is someone probing the detection).
    key: "recording_stopped",
    toggle: {
      input: "detect_recording_stopped",
      default: true,
      description:
        "Alert when a CloudTrail trail or AWS Config's configuration recorder or delivery channel is stopped, changed or deleted, whether it succeeded or was denied: the record the detection reads (the guardrail's protect_detection denies it to all but the exempt roles).",
    },
    description: "Detection: a CloudTrail trail or AWS Config's recorder or delivery channel was stopped, changed or deleted, or someone tried.",
    state: "ENABLED",
    pattern: {
      "detail-type": [CLOUDTRAIL_DETAIL_TYPE],
      detail: { eventSource: RECORDING_EVENT_SOURCES, eventName: RECORDING_ACTIONS.map((a) => a.split(":")[1]) },
    },
  },
];

/** "public_environment" -> "public-environment", as rule names write it. */
export const ruleSuffix = (key: string) => key.replace(/_/g, "-");

// Everything else about the rules follows from the list above: the inputs, the conditions, which
// rules a call turns on, and the lists the tests, mistakes and READMEs name.

/** The inputs that turn a rule on: its toggle, then what it needs. */
export const ruleInputs = (r: RuleSpec): string[] => [...(r.toggle ? [r.toggle.input] : []), ...(r.needsAnyOf ?? [])];

/** The HCL condition that turns a rule on. */
export function ruleEnabled(r: RuleSpec): string {
  const anyOf = (r.needsAnyOf ?? []).map((i) => `var.${i} != null`);
  const needs = anyOf.length > 1 && r.toggle ? `(${anyOf.join(" || ")})` : anyOf.join(" || ");
  return [...(r.toggle ? [`var.${r.toggle.input}`] : []), ...(needs ? [needs] : [])].join(" && ");
}

/**
 * The rules a module call turns on, from its inputs as given (an input left out takes its toggle's
 * default; anything but null counts as given, also an expression): what the plan must create.
 * `toggleDefaults` overrides the defaults, as cloudshell-trail-monitoring's own do.
 */
export function rulesOn(inputs: Record<string, unknown>, toggleDefaults: Record<string, boolean> = {}): string[] {
  const given = (i: string) => inputs[i] !== undefined && inputs[i] !== null;
  return RULES.filter((r) => {
    const toggle = !r.toggle || (given(r.toggle.input) ? inputs[r.toggle.input] !== false : (toggleDefaults[r.toggle.input] ?? r.toggle.default));
    return toggle && (!r.needsAnyOf || r.needsAnyOf.some(given));
  })
    .map((r) => r.key)
    .sort();
}

/** The rules on by default, sorted (as Terraform lists a map's keys). */
export const DEFAULT_RULES = rulesOn({});

/** Every rule's toggle set to false: a module call that monitors nothing. */
export const NO_RULES: Record<string, boolean> = Object.fromEntries(RULES.filter((r) => r.toggle && DEFAULT_RULES.includes(r.key)).map((r) => [r.toggle!.input, false]));
