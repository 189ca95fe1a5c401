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
  IAM_EVENTS,
  POLICY_ARN_PARAMETER,
  RECORDING_EVENT_SOURCES,
  ROUTE53_RESOLVER_EVENTS,
  VPC_CONFIG_SPELLINGS,
  VPC_ID_SPELLINGS,
} from "../../facts/monitoring";
import { RECORDING_ACTIONS, UNCONDITIONED_NETWORK_ACTIONS } from "../../facts/protected-resources";
import { FULL_ACCESS_POLICY } from "../../facts/organizations";
import { hclStrings } from "../hcl-snippets";

export interface RuleSpec {
  /** Key of the rule in the module's maps; the rule's name is "<name>-<key with dashes>". */
  key: string;
  /** The HCL condition that turns the rule on. */
  enabled: string;
  /** The input(s) behind it, for READMEs and messages. */
  inputs: string[];
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

export const RULES: RuleSpec[] = [
  {
    key: "public_environment",
    enabled: "var.detect_public_environments",
    inputs: ["detect_public_environments"],
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
    enabled: APPROVED_LISTS.map((l) => `var.${l.input} != null`).join(" || "),
    inputs: APPROVED_LISTS.map((l) => l.input),
    description: "CloudShell: an environment was created outside the approved VPCs, subnets or security groups.",
    state: "ENABLED",
    pattern: {
      ...(cloudshell({ eventName: ignoreCase([CLOUDSHELL_EVENT_NAMES.createEnvironment]), ...succeeded }) as Record<string, Value>),
      $or: outsideApproved,
    },
  },
  {
    key: "file_transfer",
    enabled: "var.detect_file_transfer",
    inputs: ["detect_file_transfer"],
    description: "CloudShell: file upload or download URLs were requested.",
    state: ALL_MANAGEMENT_EVENTS_STATE,
    pattern: cloudshell({ eventName: ignoreCase(CLOUDSHELL_EVENT_NAMES.fileTransfer), ...succeeded }),
  },
  {
    key: "credential_forwarding",
    enabled: "var.detect_credential_forwarding",
    inputs: ["detect_credential_forwarding"],
    description: "CloudShell: console credentials were forwarded into the shell.",
    state: "ENABLED",
    pattern: cloudshell({ eventName: ignoreCase([CLOUDSHELL_EVENT_NAMES.putCredentials]), ...succeeded }),
  },
  {
    key: "access_denied",
    enabled: "var.detect_access_denied",
    inputs: ["detect_access_denied"],
    description: "CloudShell: a request was denied (AccessDenied*).",
    state: ALL_MANAGEMENT_EVENTS_STATE,
    pattern: cloudshell({ errorCode: [{ prefix: "AccessDenied" }] }),
  },
  {
    key: "full_access_attached",
    enabled: "var.detect_full_access_attachments",
    inputs: ["detect_full_access_attachments"],
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
    enabled: "var.detect_approved_network_changes && var.approved_vpc_ids != null",
    inputs: ["detect_approved_network_changes", "approved_vpc_ids"],
    description: "Network: a DNS Firewall rule group or a Resolver rule was associated with an approved VPC.",
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
    // What the guardrail's protect_detection denies to all but the exempt roles, reported for
    // everyone, attempts included (a denied StopLogging is someone probing the detection).
    key: "recording_stopped",
    enabled: "var.detect_recording_stopped",
    inputs: ["detect_recording_stopped"],
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
