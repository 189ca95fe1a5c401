// modules/cloudshell-guardrail: CloudShell governed for a whole organization, as service control
// policies of Deny statements, attached to roots, OUs and accounts. The CloudShell statements are
// those of cloudshell-policy-document (called as a child module, its deny_json); this module adds
// the IAM.27 statement, the statements that protect the exemptions, the exemptions on every Deny,
// the split into SCPs that fit, and the attachments.
import { OrganizationsPolicy } from "@cdktf/provider-aws/lib/organizations-policy";
import { OrganizationsPolicyAttachment } from "@cdktf/provider-aws/lib/organizations-policy-attachment";
import { tf, tfMap, Unit } from "../../cdktf/seam";
import { checkActions } from "../../generator/action-check";
import { Definition, sourceOf } from "../../generator/definition";
import { DefinitionError } from "../../generator/errors";
import { guardrailTable } from "../../generator/guardrail-table";
import { POLICY_SIZE_LIMITS, thousands } from "../../facts/limits";
import {
  DENY_FULL_ACCESS_STATEMENT,
  EXEMPTION_KEYS,
  FULL_ACCESS_POLICY,
  PRINCIPAL_CHANGE_ACTIONS,
  PROTECTION_STATEMENTS,
  SCP_MAX_PER_TARGET,
  TAG_ACTIONS,
  TARGET_ID_FORMS,
} from "../../facts/organizations";
import { DENY_PUBLIC_STATEMENT, RESTRICTIONS } from "../../facts/vpc-statements";
import { allowedRegionsValidation, partitionValidation, tagsInput } from "../common-inputs";
import { awsIdPattern, hclStrings } from "../hcl-snippets";
import { AWS_PROVIDER, TERRAFORM } from "../requirements";
import { guardrailTests } from "./terraform-tests";

const NAME = "cloudshell-guardrail";

/** The CloudShell choices, each a bool input; the ID allow-lists are the other choices. */
export const CLOUDSHELL_CHOICES = ["deny_public_environments", "deny_file_transfer", "deny_credential_forwarding"];
export const ID_INPUTS = RESTRICTIONS.map((r) => ({ ...r, guardrailInput: `allowed_${r.input}` }));

/** An ARN pattern of IAM roles, users or the root user; wildcards allowed in the account and name. */
const PRINCIPAL_ARN_PATTERN = "^arn:([*]|aws[a-z-]*):iam::([0-9]{12}|[*]):(root|role/.+|user/.+)$";
/** A name part of wildcards (and path slashes) alone ("role/*", "user/?*", "role/*\/*") matches every role or user. */
const WILDCARD_NAME_PATTERN = "^arn:[^:]*:iam::[^:]*:(role|user)/[*?/]+$";

/** Every change to a role or user: the action list the exempt ARN patterns are protected with. */
const CHANGE_ACTIONS = [...PRINCIPAL_CHANGE_ACTIONS.role, ...PRINCIPAL_CHANGE_ACTIONS.user];
/** The same, less creation: a principal that carries an exempt tag exists already. */
const CHANGE_EXISTING_ACTIONS = CHANGE_ACTIONS.filter((a) => !/^iam:Create(Role|User)$/.test(a));

/** A list of actions, one a line, so a review reads them. */
const actionList = (actions: string[]): string => `[\n${actions.map((a) => `"${a}",`).join("\n")}\n]`;

/** The most SCPs the statements may be split into: all of them attach to every target. */
const MAX_PIECES = SCP_MAX_PER_TARGET;
/** Characters of an SCP around its statements: {"Statement":[],"Version":"2012-10-17"}. */
const ENVELOPE = JSON.stringify({ Statement: [], Version: "2012-10-17" }).length;

/** local.piece_end[local.piece_end[...[0]]]: where piece p starts, p hops from the first statement. */
const hops = (p: number): string => (p === 0 ? "0" : `local.piece_end[${hops(p - 1)}]`);

/** The exemption keys must be the guardrail's alone, or merging them would overwrite a statement's own condition. */
function checkExemptionKeys(unit: string): void {
  const statements = [DENY_PUBLIC_STATEMENT, DENY_FULL_ACCESS_STATEMENT];
  const keys = [...statements.flatMap((s) => Object.values(s.Condition).flatMap((c) => Object.keys(c))), ...RESTRICTIONS.map((r) => r.key)];
  const clash = keys.filter((k) => k.toLowerCase() === EXEMPTION_KEYS.arn.toLowerCase() || k.toLowerCase().startsWith(EXEMPTION_KEYS.tagPrefix.toLowerCase()));
  if (clash.length) throw new DefinitionError(unit, `a guardrail statement uses ${clash.join(", ")}, a key the exemptions add to every Deny; merging would overwrite it`);
}

function inputs(unit: Unit): void {
  unit.variable("create", {
    description: "Whether to create the SCP and its attachments. The json output is computed either way.",
    type: "bool",
    default: true,
    nullable: false,
  });
  unit.variable("name", {
    description: `Name of the service control policy (1-125 characters); when the statements take more than one SCP, the others are named <name>-2 to <name>-${MAX_PIECES}.`,
    type: "string",
    default: NAME,
    nullable: false,
    validation: [
      {
        condition: "length(var.name) >= 1 && length(var.name) <= 125",
        errorMessage: 'name must be 1-125 characters, such as "cloudshell-guardrail" (AWS takes 128; -2 to -10 is added to the names of further SCPs).',
      },
    ],
  });
  unit.variable("description", {
    description: "Description of the service control policy (at most 512 characters).",
    type: "string",
    default: "AWS CloudShell guardrail, generated by terraform-aws-cloudshell.",
    nullable: false,
    validation: [{ condition: "length(var.description) <= 512", errorMessage: "description must be at most 512 characters (the AWS Organizations limit)." }],
  });
  tagsInput(unit, "Tags for the service control policy.");

  const featureChoices = [...CLOUDSHELL_CHOICES.map((c) => `var.${c}`), ...ID_INPUTS.map((r) => `length(var.${r.guardrailInput}) > 0`), "length(var.allowed_regions) > 0"];
  const choiceNames = [...CLOUDSHELL_CHOICES, ...ID_INPUTS.map((r) => r.guardrailInput), "allowed_regions"];
  unit.variable("disable_cloudshell", {
    description: "Deny every CloudShell action (cloudshell:*). The other CloudShell choices are then redundant and rejected; deny_attaching_full_access may be combined.",
    type: "bool",
    default: false,
    nullable: false,
    validation: [
      {
        condition: `!var.disable_cloudshell || !anytrue([${featureChoices.join(", ")}])`,
        errorMessage: `disable_cloudshell = true already denies every CloudShell action: leave ${choiceNames.join(", ")} unset (deny_attaching_full_access may be combined).`,
      },
      {
        condition: `anytrue([var.disable_cloudshell, var.deny_attaching_full_access, ${featureChoices.join(", ")}])`,
        errorMessage: `The guardrail denies nothing: set at least one of disable_cloudshell, ${choiceNames.join(", ")}, deny_attaching_full_access.`,
      },
    ],
  });
  unit.variable("deny_public_environments", {
    description: "Deny public (non-VPC) environments: CreateEnvironment without cloudshell:VpcIds. Any allowed_* list denies them too.",
    type: "bool",
    default: false,
    nullable: false,
  });
  for (const r of ID_INPUTS) {
    unit.variable(r.guardrailInput, {
      description: `Approved ${r.what} IDs: an environment in any other ${r.what}${r.absentSid ? `, or without ${r.what} IDs,` : ""} is denied, and so are public environments. Empty: no restriction.${r.input === "security_group_ids" ? " Any number: an allow-list is what people may choose from, not one environment (which takes at most 5)." : ""}`,
      type: "set(string)",
      default: [],
      nullable: false,
      validation: [
        {
          condition: `alltrue([for id in var.${r.guardrailInput} : can(regex("${awsIdPattern(r.prefix)}", id))])`,
          errorMessage: `${r.guardrailInput} must hold ${r.what} IDs such as "${r.prefix}-0123456789abcdef0" (${r.prefix}- and 8 or 17 hex digits).`,
        },
      ],
    });
  }
  unit.variable("allowed_regions", {
    description:
      'Regions where CloudShell may be used, such as ["us-east-1", "eu-west-1"]: every CloudShell action requested in another Region is denied (aws:RequestedRegion). Empty: every Region.',
    type: "set(string)",
    default: [],
    nullable: false,
    validation: [
      allowedRegionsValidation,
    ],
  });
  unit.variable("deny_file_transfer", {
    description: "Deny console file upload and download (GetFileUploadUrls, GetFileDownloadUrls).",
    type: "bool",
    default: false,
    nullable: false,
  });
  unit.variable("deny_credential_forwarding", {
    description: "Deny forwarding the console credentials into the shell (PutCredentials): the AWS CLI in CloudShell has no credentials.",
    type: "bool",
    default: false,
    nullable: false,
  });
  unit.variable("deny_attaching_full_access", {
    description: `Deny attaching the AWS managed policy ${FULL_ACCESS_POLICY} to users, groups and roles (CIS AWS Foundations 1.22, Security Hub IAM.27). Existing attachments stay.`,
    type: "bool",
    default: false,
    nullable: false,
  });

  unit.variable("exempt_principal_arns", {
    description:
      'ARN patterns of principals no Deny applies to, such as break-glass roles: "arn:aws:iam::*:role/break-glass-*" (aws:PrincipalArn is the role\'s ARN, also for its sessions). Only exempt principals may then create or change a role or user that matches one. A name part of wildcards alone (role/*) is refused.',
    type: "set(string)",
    default: [],
    nullable: false,
    validation: [
      {
        condition: `alltrue([for p in var.exempt_principal_arns : can(regex("${PRINCIPAL_ARN_PATTERN}", p))])`,
        errorMessage:
          'exempt_principal_arns must hold IAM role or user ARN patterns such as "arn:aws:iam::*:role/break-glass-*" or "arn:aws:iam::123456789012:user/admin" (arn:<partition>:iam::<12-digit account or *>:role/..., user/... or root); a session ARN (arn:aws:sts::...:assumed-role/...) never matches aws:PrincipalArn.',
      },
      {
        condition: `alltrue([for p in var.exempt_principal_arns : !can(regex("${WILDCARD_NAME_PATTERN}", p))])`,
        errorMessage:
          'exempt_principal_arns must name the roles or users it exempts: a name part of wildcards alone (role/*, user/*, role/?*) exempts every role or user from every Deny. Give a prefix such as "arn:aws:iam::*:role/break-glass-*"; the account may stay a wildcard.',
      },
    ],
  });
  unit.variable("exempt_principal_tags", {
    description:
      'Principal tags that exempt a principal from every Deny, such as { "dp:exclude" = "true" }: a principal with any one of them is exempt; an untagged principal is not. Only exempt principals may then set or remove these tag keys (on roles, users and sessions) or change a principal that carries one.',
    type: "map(string)",
    default: {},
    nullable: false,
    validation: [
      {
        condition: 'alltrue([for k, v in var.exempt_principal_tags : length(k) <= 128 && length(v) <= 256 && can(regex("^[\\\\p{L}\\\\p{Z}\\\\p{N}_.:/=+@-]+$", k)) && !startswith(lower(k), "aws:")])',
        errorMessage:
          'exempt_principal_tags must map IAM tag keys (1-128 letters, digits, spaces and _ . : / = + - @, not starting with "aws:") to values of at most 256 characters, such as { "dp:exclude" = "true" }.',
      },
    ],
  });
  unit.variable("target_ids", {
    description: `Where to attach the SCPs: root IDs, OU IDs and 12-digit account IDs (AWS attaches at most ${SCP_MAX_PER_TARGET} SCPs directly to each, FullAWSAccess and others included). Every SCP of the guardrail is attached to every target; the first SCP's attachment is keyed by the target ID, the others by <target ID>/<n>.`,
    type: "set(string)",
    default: [],
    nullable: false,
    validation: [
      {
        condition: `alltrue([for id in var.target_ids : anytrue([for p in ${hclStrings(TARGET_ID_FORMS.map((f) => f.pattern))} : can(regex(p, id))])])`,
        errorMessage: `target_ids must hold ${TARGET_ID_FORMS.map((f) => `${f.what.replace(/^an? /, "")} IDs ("${f.example}")`).join(", ").replace(/, ([^,]+)$/, " or $1")}.`,
      },
    ],
  });
  unit.variable("partition", {
    description: 'AWS partition of the ARN of AWSCloudShellFullAccess: "aws", or "aws-us-gov" for GovCloud.',
    type: "string",
    default: "aws",
    nullable: false,
    validation: [partitionValidation],
  });
}

function build(unit: Unit): void {
  checkActions(unit.name, `statement "${DENY_FULL_ACCESS_STATEMENT.Sid}"`, DENY_FULL_ACCESS_STATEMENT.Action);
  checkActions(unit.name, `statement "${PROTECTION_STATEMENTS.principals.Sid}"`, CHANGE_ACTIONS);
  checkActions(unit.name, `statement "${PROTECTION_STATEMENTS.taggedPrincipals.Sid}"`, CHANGE_EXISTING_ACTIONS);
  checkActions(unit.name, `statement "${PROTECTION_STATEMENTS.tags.Sid}"`, TAG_ACTIONS);
  checkExemptionKeys(unit.name);
  inputs(unit);

  const document = unit.module(
    "document",
    "../cloudshell-policy-document",
    {
      preset: tf('var.disable_cloudshell ? "deny-all" : "minimum"'),
      allow_credentials: tf("var.deny_credential_forwarding ? false : null"),
      allow_file_upload: tf("var.deny_file_transfer ? false : null"),
      allow_file_download: tf("var.deny_file_transfer ? false : null"),
      vpc_environments: {
        ...Object.fromEntries(ID_INPUTS.map((r) => [r.input, tf(`var.${r.guardrailInput}`)])),
        require_vpc: tf("var.deny_public_environments ? true : null"),
      },
      allowed_regions: tf("var.allowed_regions"),
      partition: tf("var.partition"),
    },
    {
      file: "statements.tf",
      comment: "CloudShell's Deny statements: the provider-free document module's deny_json (its Allow is not\nused). The preset minimum denies nothing by itself.",
    },
  );

  const statements = { file: "statements.tf" };
  unit.local("cloudshell_statements", `\${jsondecode(coalesce(${document}.deny_json, jsonencode({ Statement = [] }))).Statement}`, {
    ...statements,
    comment: "deny_json is null when CloudShell's own statements deny nothing (only deny_attaching_full_access chosen).",
  });
  unit.local("full_access_statement", DENY_FULL_ACCESS_STATEMENT, {
    ...statements,
    comment: `IAM.27: no attaching ${FULL_ACCESS_POLICY} (cloudshell:*). Existing attachments are not removed.`,
  });
  const tagKeys = "sort(keys(var.exempt_principal_tags))";
  unit.local("exempt_principal_patterns", '${[for p in sort(var.exempt_principal_arns) : p if !endswith(p, ":root")]}', {
    ...statements,
    comment: "The role and user patterns: a root user is never created, renamed or tagged.",
  });
  unit.local(
    "protection_statements",
    `\${concat(
[for s in [{
Sid      = "${PROTECTION_STATEMENTS.principals.Sid}"
Effect   = "Deny"
Action   = ${actionList(CHANGE_ACTIONS)}
Resource = local.exempt_principal_patterns
}] : s if length(local.exempt_principal_patterns) > 0],
[for i, key in ${tagKeys} : {
Sid       = "${PROTECTION_STATEMENTS.taggedPrincipals.Sid}\${length(var.exempt_principal_tags) > 1 ? i + 1 : ""}"
Effect    = "Deny"
Action    = ${actionList(CHANGE_EXISTING_ACTIONS)}
Resource  = "*"
Condition = { StringEquals = { "aws:ResourceTag/\${key}" = var.exempt_principal_tags[key] } }
}],
[for s in [{
Sid       = "${PROTECTION_STATEMENTS.tags.Sid}"
Effect    = "Deny"
Action    = ${hclStrings(TAG_ACTIONS)}
Resource  = "*"
Condition = { "ForAnyValue:StringEqualsIgnoreCase" = { "aws:TagKeys" = ${tagKeys} } }
}] : s if length(var.exempt_principal_tags) > 0]
)}`,
    {
      ...statements,
      comment:
        "Exemptions that protect themselves: without these, anyone allowed to manage IAM could create a role\nthat matches a pattern, take over an exempt role (its trust policy) or tag themselves exempt.\nThey carry the exemptions like every Deny, so exempt principals still manage each other. Tag keys\nare compared ignoring case, as IAM compares condition key names (aws:PrincipalTag/DP:EXCLUDE is\naws:PrincipalTag/dp:exclude).",
    },
  );
  unit.local("deny_statements", "${concat(local.cloudshell_statements, [for s in [local.full_access_statement] : s if var.deny_attaching_full_access], local.protection_statements)}", statements);
  unit.local(
    "exemption_conditions",
    `\${{
for operator, condition in {
ArnNotLike      = { "${EXEMPTION_KEYS.arn}" = sort(var.exempt_principal_arns) }
StringNotEquals = { for key, value in var.exempt_principal_tags : format("${EXEMPTION_KEYS.tagPrefix}%s", key) => value }
} : operator => condition if length(flatten(values(condition))) > 0
}}`,
    {
      ...statements,
      comment:
        "Exemptions, added to every Deny. A Deny applies only when all its conditions hold, so a principal\nmatching any pattern, or carrying any exempt tag, is exempt. Negated operators hold when the key is\nabsent: an untagged principal stays denied.",
    },
  );
  unit.local(
    "statements",
    `\${[for s in local.deny_statements : {
for key, value in merge(s, {
Condition = {
for operator in distinct(concat(keys(try(s.Condition, {})), keys(local.exemption_conditions))) :
operator => merge(try(s.Condition[operator], {}), try(local.exemption_conditions[operator], {}))
}
}) : key => value if key != "Condition" || length(value) > 0
}]}`,
    {
      ...statements,
      comment: "Merged per condition operator, so a statement's own conditions (Null, ForAnyValue:...) are kept.",
    },
  );
  unit.local("json", '${jsonencode({ Version = "2012-10-17", Statement = local.statements })}', {
    ...statements,
    comment: "Every statement in one document: what the SCPs deny together (a Deny in any SCP of a target denies).",
  });

  const pieces = { file: "pieces.tf" };
  unit.local("statement_sizes", "${[for s in local.statements : length(jsonencode(s))]}", {
    ...pieces,
    comment: `jsonencode writes no whitespace: an SCP may hold ${thousands(POLICY_SIZE_LIMITS.scp)} characters, whitespace included.`,
  });
  unit.local("size_before", "${[for i in range(length(local.statements) + 1) : sum(concat([0], [for j in range(i) : local.statement_sizes[j] + 1]))]}", {
    ...pieces,
    comment: "Characters of the statements before statement i, each with its comma.",
  });
  unit.local(
    "piece_end",
    `\${concat([for i in range(length(local.statements)) : max(i + 1, [for j in range(i + 1, length(local.statements) + 1) : j if ${ENVELOPE - 1} + local.size_before[j] - local.size_before[i] <= ${POLICY_SIZE_LIMITS.scp}]...)], [length(local.statements)])}`,
    {
      ...pieces,
      comment: `An SCP that starts at statement i takes every following statement that fits (${ENVELOPE} characters\naround them): it ends before statement piece_end[i]. At least one statement, so a statement too\nlarge on its own makes an SCP over the limit, which the precondition names.`,
    },
  );
  unit.local("piece_bounds", `\${[\n${Array.from({ length: MAX_PIECES + 1 }, (_, p) => hops(p)).join(",\n")},\n]}`, {
    ...pieces,
    comment: `Where each SCP starts, in statement order, filled one after the other (whole statements, as few\nSCPs as fit in that order); the last bound short of the statement count means more than ${MAX_PIECES} SCPs.`,
  });
  unit.local(
    "policies",
    `\${[for p in range(${MAX_PIECES}) : jsonencode({ Version = "2012-10-17", Statement = slice(local.statements, local.piece_bounds[p], local.piece_bounds[p + 1]) }) if local.piece_bounds[p] < local.piece_bounds[p + 1]]}`,
    { ...pieces, comment: "The SCPs, each a minified document of whole statements." },
  );
  unit.local("policy_sizes", "${[for json in local.policies : length(json)]}", pieces);

  const policy = unit.resource(
    OrganizationsPolicy,
    "this",
    {
      name: tf('count.index == 0 ? var.name : "${var.name}-${count.index + 1}"'),
      description: tf("var.description"),
      type: "SERVICE_CONTROL_POLICY",
      content: tf("local.policies[count.index]"),
      tags: tfMap("var.tags"),
      lifecycle: {
        precondition: [
          {
            condition: tf(`local.piece_bounds[${MAX_PIECES}] == length(local.statements) && alltrue([for size in local.policy_sizes : size <= ${POLICY_SIZE_LIMITS.scp}])`),
            errorMessage: `The guardrail does not fit: its \${length(local.statements)} statements take \${length(local.json)} characters in one document (the largest statement \${max(local.statement_sizes...)}), and split into whole statements they need SCPs of \${join(", ", local.policy_sizes)}\${local.piece_bounds[${MAX_PIECES}] < length(local.statements) ? " and more" : ""} characters. AWS takes ${thousands(POLICY_SIZE_LIMITS.scp)} characters per SCP and ${SCP_MAX_PER_TARGET} SCPs attached to each root, OU or account (FullAWSAccess included): use fewer exempt_principal_arns patterns or allowed IDs.`,
          },
        ],
      },
    },
    {
      count: "var.create ? length(local.policies) : 0",
      comment: `As many SCPs as the statements need (one unless they exceed ${thousands(POLICY_SIZE_LIMITS.scp)} characters). The first keeps the\naddress this[0] it always had.`,
    },
  );
  void policy;
  unit.resource(
    OrganizationsPolicyAttachment,
    "targets",
    { policyId: tf("aws_organizations_policy.this[each.value.policy].id"), targetId: tf("each.value.target") },
    {
      forEach:
        'var.create ? { for pair in setproduct(range(length(local.policies)), sort(var.target_ids)) : (pair[0] == 0 ? pair[1] : "${pair[1]}/${pair[0] + 1}") => { policy = pair[0], target = pair[1] } } : {}',
      file: "attachments.tf",
      comment:
        "Every SCP on every target, keyed by target ID (the first SCP; the address it always had) or\n<target ID>/<n>, so adding or removing a target or an SCP never touches the others.",
    },
  );

  unit.output("id", { description: "ID of the first SCP (p-...); null when create is false.", value: tf("try(aws_organizations_policy.this[0].id, null)") });
  unit.output("arn", { description: "ARN of the first SCP; null when create is false.", value: tf("try(aws_organizations_policy.this[0].arn, null)") });
  unit.output("ids", { description: "IDs of every SCP, in order; empty when create is false.", value: tf("aws_organizations_policy.this[*].id") });
  unit.output("json", {
    description: "Every statement as one minified document: the SCP when one is enough, else what the SCPs (policies) deny together. Computed even when create is false.",
    value: tf("local.json"),
  });
  unit.output("size", { description: "Characters in json.", value: tf("length(local.json)") });
  unit.output("policies", { description: "The SCPs as minified JSON, in order (computed even when create is false; checked against the limits only when created).", value: tf("local.policies") });
  unit.output("policy_sizes", { description: `Characters in each SCP; AWS accepts at most ${thousands(POLICY_SIZE_LIMITS.scp)} each.`, value: tf("local.policy_sizes") });
  unit.output("statement_ids", { description: "The Sid of each Deny statement, in order.", value: tf("[for s in local.statements : s.Sid]") });
  unit.output("target_ids", {
    description: "The targets the SCPs are attached to (empty when create is false).",
    value: tf("sort(distinct([for a in aws_organizations_policy_attachment.targets : a.target_id]))"),
  });
}

export const guardrail: Definition = {
  name: NAME,
  kind: "module",
  source: sourceOf(__dirname),
  title: "CloudShell guardrail for an organization",
  requirements: { ...TERRAFORM, providers: [AWS_PROVIDER] },
  build,
  readmeContext: () => ({
    guardrailTable: guardrailTable(),
    scpMax: thousands(POLICY_SIZE_LIMITS.scp),
    scpMaxPerTarget: SCP_MAX_PER_TARGET,
    changeActions: CHANGE_ACTIONS.map((a) => `\`${a}\``).join(", "),
    tagActions: TAG_ACTIONS.map((a) => `\`${a}\``).join(", "),
    protection: PROTECTION_STATEMENTS,
  }),
  extraFiles: guardrailTests,
};
