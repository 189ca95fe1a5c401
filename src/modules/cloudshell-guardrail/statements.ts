// The guardrail's statements, in the order the SCPs hold them: first those that protect the
// exemptions (so the first SCP, attached before the others, always carries them), then the
// invariants of exempt roles, then the protections of the detection and the approved networks,
// then CloudShell's own statements (from cloudshell-policy-document) and IAM.27. Each statement
// is an HCL object { s = <statement>, exempt = <whether the exemptions are added> }.
import { tf, Unit } from "../../cdktf/seam";
import { declareActions } from "../../generator/action-check";
import { DefinitionError } from "../../errors";
import {
  ASSUME_ACTIONS,
  IDENTITY_PROVIDER_ACTIONS,
  identityCenterRolePattern,
  INSTANCE_PROFILE_ACTIONS,
  POLICY_CHANGE_ACTIONS,
  ROLE_CHANGE_ACTIONS,
  USER_TAG_ACTIONS,
  WIDENING_ACTIONS,
  BOUNDARY_ACTIONS,
} from "../../facts/exemptions";
import { DENY_FULL_ACCESS_STATEMENT, EXEMPTION_KEYS, FULL_ACCESS_POLICY, GUARDRAIL_STATEMENTS } from "../../facts/organizations";
import {
  DETECTION_TAGGED_ACTIONS,
  GROUP_USE_ACTIONS,
  LATTICE_ACTIONS,
  NETWORK_TAGGED_ACTIONS,
  PROTECTION_TAG,
  RECORDING_ACTIONS,
  VPC_KEYED_ACTIONS,
  VPC_RESOURCE_ACTIONS,
} from "../../facts/protected-resources";
import { CLOUDSHELL_SERVICE } from "../../facts/vpc-statements";
import { DENY_PUBLIC_STATEMENT, RESTRICTIONS } from "../../facts/vpc-statements";
import { hclStrings, placeholderFormat, withReferences } from "../hcl-snippets";
import { ID_INPUTS } from "./inputs";

const FILE = { file: "statements.tf" };

/**
 * The statements are written twice: with the allowed IDs, and with a placeholder of the longest ID
 * form for each (prefix "sized_"). The second are as long as the first can get and known at plan
 * when the IDs are not (networks created in the same apply), so the SCPs are split by them.
 */
interface IdSet {
  prefix: string;
  /** The document module's output of CloudShell's Deny statements, written with these IDs. */
  denyJson: string;
}
const ID_SETS: IdSet[] = [
  { prefix: "", denyJson: "deny_json" },
  { prefix: "sized_", denyJson: "deny_json_with_placeholder_ids" },
];

/** When each statement is in the SCP, in words (the README's table), by its key in GUARDRAIL_STATEMENTS. */
export const WHEN: Record<keyof typeof GUARDRAIL_STATEMENTS, string> = {
  exemptRoles: "`exempt_principal_arns` holds a role pattern, or `exempt_permission_sets` is set",
  taggedRoles: "`exempt_principal_tags` is set; one statement per key, numbered with several",
  tags: "`exempt_principal_tags` is set, or a protection is chosen",
  identityProviders: "`exempt_principal_tags` is set",
  widening: "as `DenyActingAsExemptRoles`",
  wideningTagged: "as `DenyActingAsTaggedExemptRoles`",
  userTags: "`exempt_principal_tags` is set",
  protectedResources: "`protect_detection` or `protect_approved_networks`",
  recording: "`protect_detection`",
  vpcKeyed: "`protect_approved_networks`",
  vpcResource: "`protect_approved_networks`",
  lattice: "`protect_approved_networks`",
  groupUse: "`protect_approved_networks`",
};
const S = GUARDRAIL_STATEMENTS;

/** Callers of the role's own account (the key absent: every caller, failing closed); see ASSUME_ACTIONS. */
const SAME_ACCOUNT = `StringEqualsIfExists = { "aws:ResourceAccount" = local.principal_account }`;
const TAGGED = (key: string, value: string) => `StringEquals = { format("aws:ResourceTag/%s", ${key}) = ${value} }`;
const GUARDED_TAG_KEYS = '"ForAnyValue:StringEqualsIgnoreCase" = { "aws:TagKeys" = local.guarded_tag_keys }';

const TAGGED_ROLE_ACTIONS = ROLE_CHANGE_ACTIONS.filter((a) => a !== "iam:CreateRole");

/** One statement when `when` holds: an HCL tuple of zero or one entries. */
function entry(sid: string, exempt: boolean, when: string, body: string): string {
  return `[for e in [{
exempt = ${exempt}
s = {
Sid    = "${sid}"
Effect = "Deny"
${body}
}
}] : e if ${when}]`;
}

/** One statement per exempt tag key, numbered when there are several. */
function perTagKey(sid: string, exempt: boolean, body: string): string {
  return `[for i, key in local.tag_keys : {
exempt = ${exempt}
s = {
Sid    = length(local.tag_keys) > 1 ? format("${sid}%d", i + 1) : "${sid}"
Effect = "Deny"
${body}
}
}]`;
}

/** The exemption keys must be the guardrail's alone, or merging them would overwrite a statement's own condition. */
function checkExemptionKeys(unit: string): void {
  const statements = [DENY_PUBLIC_STATEMENT, DENY_FULL_ACCESS_STATEMENT];
  const keys = [...statements.flatMap((s) => Object.values(s.Condition).flatMap((c) => Object.keys(c))), ...RESTRICTIONS.map((r) => r.key)];
  const clash = keys.filter((k) => k.toLowerCase() === EXEMPTION_KEYS.arn.toLowerCase() || k.toLowerCase().startsWith(EXEMPTION_KEYS.tagPrefix.toLowerCase()));
  if (clash.length) throw new DefinitionError(unit, `a guardrail statement uses ${clash.join(", ")}, a key the exemptions add to every Deny; merging would overwrite it`);
}

/** Declares every statement's actions with how it matches them, for the catalog rule. */
function declare(unit: Unit): void {
  declareActions(unit, `statement "${DENY_FULL_ACCESS_STATEMENT.Sid}"`, DENY_FULL_ACCESS_STATEMENT.Action);
  declareActions(unit, `statement "${S.exemptRoles.Sid}"`, [...ROLE_CHANGE_ACTIONS, ...POLICY_CHANGE_ACTIONS, ...INSTANCE_PROFILE_ACTIONS, ...ASSUME_ACTIONS], {
    resourceTypes: ["role", "policy", "instance-profile"],
  });
  declareActions(unit, `statement "${S.taggedRoles.Sid}"`, [...TAGGED_ROLE_ACTIONS, ...ASSUME_ACTIONS], { conditionKey: "aws:ResourceTag/${TagKey}" });
  declareActions(unit, `statement "${S.identityProviders.Sid}"`, IDENTITY_PROVIDER_ACTIONS);
  declareActions(unit, `statement "${S.widening.Sid}"`, [...WIDENING_ACTIONS, ...BOUNDARY_ACTIONS], { resourceTypes: ["role"] });
  declareActions(unit, `statement "${S.wideningTagged.Sid}"`, [...WIDENING_ACTIONS, ...BOUNDARY_ACTIONS], { conditionKey: "aws:ResourceTag/${TagKey}" });
  declareActions(unit, `statement "${S.userTags.Sid}"`, USER_TAG_ACTIONS, { conditionKey: "aws:TagKeys" });
  declareActions(unit, `statement "${S.protectedResources.Sid}" (detection)`, DETECTION_TAGGED_ACTIONS, { conditionKey: "aws:ResourceTag/${TagKey}" });
  declareActions(unit, `statement "${S.protectedResources.Sid}" (network)`, NETWORK_TAGGED_ACTIONS, { conditionKey: "aws:ResourceTag/${TagKey}" });
  declareActions(unit, `statement "${S.recording.Sid}"`, RECORDING_ACTIONS);
  declareActions(unit, `statement "${S.vpcKeyed.Sid}"`, VPC_KEYED_ACTIONS, { conditionKey: "ec2:Vpc" });
  declareActions(unit, `statement "${S.vpcResource.Sid}"`, VPC_RESOURCE_ACTIONS, { resourceTypes: ["vpc"] });
  declareActions(unit, `statement "${S.lattice.Sid}"`, LATTICE_ACTIONS, { conditionKey: "vpc-lattice:VpcId" });
  declareActions(unit, `statement "${S.groupUse.Sid}"`, GROUP_USE_ACTIONS, { resourceTypes: ["security-group"] });
}

export function statements(unit: Unit): void {
  declare(unit);
  checkExemptionKeys(unit.name);

  const document = unit.module(
    "document",
    "../cloudshell-policy-document",
    {
      preset: tf('var.disable_cloudshell ? "deny-all" : "minimum"'),
      allow_credentials: tf("var.deny_credential_forwarding ? false : null"),
      allow_file_upload: tf("var.deny_file_transfer ? false : null"),
      allow_file_download: tf("var.deny_file_transfer ? false : null"),
      // null is "no restriction" here as in the document; the EC2 grant is decided: an SCP grants nothing.
      vpc_environments: {
        grant_ec2_permissions: false,
        ...Object.fromEntries(ID_INPUTS.map((r) => [r.input, tf(`var.${r.guardrailInput}`)])),
        require_vpc: tf("var.deny_public_environments ? true : null"),
      },
      allowed_regions: tf("var.allowed_regions"),
      partition: tf("var.partition"),
    },
    {
      ...FILE,
      comment: "CloudShell's Deny statements: the provider-free document module's deny_json (its Allow is not\nused). The preset minimum denies nothing by itself.",
    },
  );

  // ---- Who is exempt, and the names that are theirs ----
  const names = { file: "exemptions.tf" };
  unit.local("exempt_role_arns", '${sort([for p in var.exempt_principal_arns : p if can(regex(":role/", p))])}', {
    ...names,
    comment: "The role patterns (a root user is never created, assumed or tagged).",
  });
  unit.local("permission_set_role_arns", `\${[for n in sort(var.exempt_permission_sets) : "${identityCenterRolePattern("${n}").replace("${Partition}", "${var.partition}")}"]}`, {
    ...names,
    comment: "IAM Identity Center's role of each exempt permission set, in every account and Identity Center\nRegion (the role's path may hold one); 16 hex digits end its name.",
  });
  unit.local("exempt_roles", "${concat(local.exempt_role_arns, local.permission_set_role_arns)}", names);
  unit.local("exempt_arns", "${sort(concat(tolist(var.exempt_principal_arns), local.permission_set_role_arns))}", { ...names, comment: "Every ARN pattern the exemptions name: aws:PrincipalArn of an exempt principal matches one." });
  unit.local(
    "protected_names",
    '${concat(local.exempt_roles, [for p in local.exempt_role_arns : replace(p, ":role/", ":policy/")], [for p in local.exempt_role_arns : replace(p, ":role/", ":instance-profile/")])}',
    { ...names, comment: "An exempt role's name is reserved across IAM: customer managed policies and instance profiles named\nlike it are the exempt principals' too (role/break-glass-* reserves policy/break-glass-*)." },
  );
  unit.local("aws_managed_policies", "arn:${var.partition}:iam::aws:policy/*", names);
  unit.local("principal_account", "$${aws:PrincipalAccount}", {
    ...names,
    comment: "A policy variable, written into the policy as is: the account of the principal making the request.",
  });
  unit.local("security_groups", "arn:${var.partition}:ec2:*:*:security-group/*", names);
  unit.local("allowed_policies", "${concat([local.aws_managed_policies], [for p in local.exempt_role_arns : replace(p, \":role/\", \":policy/\")])}", {
    ...names,
    comment: "The policies an exempt role may carry: AWS managed ones, and customer managed ones named like it.",
  });
  unit.local("tag_keys", "${sort(keys(var.exempt_principal_tags))}", names);
  unit.local("protected_kinds", `\${concat(var.protect_detection ? ["${PROTECTION_TAG.values.detection}"] : [], var.protect_approved_networks ? ["${PROTECTION_TAG.values.network}"] : [])}`, {
    ...names,
    comment: `The values of ${PROTECTION_TAG.key} whose resources are protected.`,
  });
  unit.local("guarded_tag_keys", `\${concat(local.tag_keys, length(local.protected_kinds) > 0 ? ["${PROTECTION_TAG.key}"] : [])}`, {
    ...names,
    comment: "Tag keys only exempt principals may set or remove: the exempt ones, and the protection tag.",
  });
  unit.local("vpc_ids", "${var.allowed_vpc_ids == null ? [] : sort(distinct(var.allowed_vpc_ids))}", names);
  unit.local("sized_vpc_ids", `\${[for i in range(var.allowed_vpc_ids == null ? 0 : length(var.allowed_vpc_ids)) : format("${placeholderFormat("vpc")}", i)]}`, {
    ...names,
    comment: "A placeholder of the longest VPC ID form per allowed VPC: the statements written with them are as\nlong as they can get, and known at plan when the VPCs are created in the same apply.",
  });
  for (const set of ID_SETS) unit.local(`${set.prefix}vpc_arns`, `\${[for id in local.${set.prefix}vpc_ids : "arn:\${var.partition}:ec2:*:*:vpc/\${id}"]}`, names);

  // ---- The statements ----
  unit.local(
    "exemption_statements",
    `\${concat(
${entry(
  S.exemptRoles.Sid,
  true,
  "length(local.exempt_roles) > 0",
  `Action   = ${hclStrings([...ROLE_CHANGE_ACTIONS, ...POLICY_CHANGE_ACTIONS, ...INSTANCE_PROFILE_ACTIONS, ...ASSUME_ACTIONS])}
Resource = local.protected_names
Condition = { ${SAME_ACCOUNT} }`,
)},
${perTagKey(
  S.taggedRoles.Sid,
  true,
  `Action    = ${hclStrings([...TAGGED_ROLE_ACTIONS, ...ASSUME_ACTIONS])}
Resource  = "*"
Condition = { ${TAGGED("key", "var.exempt_principal_tags[key]")}, ${SAME_ACCOUNT} }`,
)},
${entry(S.tags.Sid, true, "length(local.guarded_tag_keys) > 0", `Action    = "*"\nResource  = "*"\nCondition = { ${GUARDED_TAG_KEYS} }`)},
${entry(S.identityProviders.Sid, true, "length(local.tag_keys) > 0", `Action   = ${hclStrings(IDENTITY_PROVIDER_ACTIONS)}\nResource = "*"`)},
${entry(
  S.widening.Sid,
  false,
  "length(local.exempt_roles) > 0",
  `Action    = ${hclStrings([...WIDENING_ACTIONS, ...BOUNDARY_ACTIONS])}
Resource  = local.exempt_roles
Condition = { ArnNotLike = { "iam:PolicyARN" = local.allowed_policies } }`,
)},
${perTagKey(
  S.wideningTagged.Sid,
  false,
  `Action    = ${hclStrings([...WIDENING_ACTIONS, ...BOUNDARY_ACTIONS])}
Resource  = "*"
Condition = { ${TAGGED("key", "var.exempt_principal_tags[key]")}, ArnNotLike = { "iam:PolicyARN" = [local.aws_managed_policies] } }`,
)},
${entry(S.userTags.Sid, false, "length(local.tag_keys) > 0", `Action    = ${hclStrings(USER_TAG_ACTIONS)}\nResource  = "*"\nCondition = { "ForAnyValue:StringEqualsIgnoreCase" = { "aws:TagKeys" = local.tag_keys } }`)},
)}`,
    {
      ...FILE,
      comment:
        "Exemptions that protect themselves (src/facts/exemptions.ts): without these, anyone allowed to manage IAM\ncould create, assume, change or tag themselves into an exempt role. They carry the exemptions, so exempt\nprincipals still manage each other, but for the invariants (exempt = false), which hold for everyone:\nno exempt role is passed to a service, gets a boundary or a policy others could change, and no user\ncarries an exempt tag. Tag keys are compared ignoring case, as IAM compares condition key names.",
    },
  );
  unit.local(
    "exemption_conditions",
    `\${{
for operator, condition in {
ArnNotLike      = { "${EXEMPTION_KEYS.arn}" = local.exempt_arns }
StringNotEquals = { for key, value in var.exempt_principal_tags : format("${EXEMPTION_KEYS.tagPrefix}%s", key) => value }
} : operator => condition if length(flatten(values(condition))) > 0
}}`,
    {
      ...FILE,
      comment:
        "Exemptions, added to every Deny but the invariants. A Deny applies only when all its conditions hold,\nso a principal matching any pattern, or carrying any exempt tag, is exempt. Negated operators hold\nwhen the key is absent: an untagged principal stays denied.",
    },
  );
  unit.local("full_access_statement", withReferences(DENY_FULL_ACCESS_STATEMENT, { Partition: "var.partition" }), {
    ...FILE,
    comment: `IAM.27: no attaching ${FULL_ACCESS_POLICY} (cloudshell:*). Existing attachments are not removed.`,
  });
  for (const set of ID_SETS) idStatements(unit, set, document);
}

/** The statements that name allowed IDs, and those built on them, written with one set of IDs (ID_SETS). */
function idStatements(unit: Unit, set: IdSet, document: string): void {
  unit.local(
    `${set.prefix}protection_statements`,
    `\${concat(
${entry(
  S.protectedResources.Sid,
  true,
  "length(local.protected_kinds) > 0",
  `Action    = distinct(concat(var.protect_detection ? ${hclStrings(DETECTION_TAGGED_ACTIONS)} : [], var.protect_approved_networks ? ${hclStrings(NETWORK_TAGGED_ACTIONS)} : []))
Resource  = "*"
Condition = { StringEquals = { "aws:ResourceTag/${PROTECTION_TAG.key}" = local.protected_kinds } }`,
)},
${entry(S.recording.Sid, true, "var.protect_detection", `Action   = ${hclStrings(RECORDING_ACTIONS)}\nResource = "*"`)},
${entry(S.vpcKeyed.Sid, true, "var.protect_approved_networks", `Action    = ${hclStrings(VPC_KEYED_ACTIONS)}\nResource  = "*"\nCondition = { ArnLike = { "ec2:Vpc" = local.${set.prefix}vpc_arns } }`)},
${entry(S.vpcResource.Sid, true, "var.protect_approved_networks", `Action   = ${hclStrings(VPC_RESOURCE_ACTIONS)}\nResource = local.${set.prefix}vpc_arns`)},
${entry(S.lattice.Sid, true, "var.protect_approved_networks", `Action    = ${hclStrings(LATTICE_ACTIONS)}\nResource  = "*"\nCondition = { StringEquals = { "vpc-lattice:VpcId" = local.${set.prefix}vpc_ids } }`)},
${entry(
  S.groupUse.Sid,
  true,
  "var.protect_approved_networks",
  `Action    = ${hclStrings(GROUP_USE_ACTIONS)}
Resource  = local.security_groups
Condition = { StringEquals = { "aws:ResourceTag/${PROTECTION_TAG.key}" = "${PROTECTION_TAG.values.network}" }, "ForAllValues:StringNotEquals" = { "aws:CalledVia" = ["${CLOUDSHELL_SERVICE}"] } }`,
)},
)}`,
    {
      ...FILE,
      comment:
        "What the guardrail relies on (src/facts/protected-resources.ts): the detection, by the protection tag\nthe monitoring module sets and every trail and Config recorder; the approved networks' egress, by ec2:Vpc,\nby the VPC itself and by the network module's tag. CloudShell creates its network interface through\nitself (aws:CalledVia), which stays allowed.",
    },
  );
  unit.local(`${set.prefix}cloudshell_statements`, `\${jsondecode(coalesce(${document}.${set.denyJson}, jsonencode({ Statement = [] }))).Statement}`, {
    ...FILE,
    comment: "deny_json is null when CloudShell's own statements deny nothing (only deny_attaching_full_access chosen).",
  });
  unit.local(
    `${set.prefix}deny_statements`,
    `\${concat(local.exemption_statements, local.${set.prefix}protection_statements, [for s in concat(local.${set.prefix}cloudshell_statements, [for s in [local.full_access_statement] : s if var.deny_attaching_full_access]) : { exempt = true, s = s }])}`,
    { ...FILE, comment: "In the order the SCPs hold them: the first SCP is attached before the others." },
  );
  unit.local(
    `${set.prefix}statements`,
    `\${[for e in local.${set.prefix}deny_statements : {
for key, value in merge(e.s, {
Condition = {
for operator in distinct(concat(keys(try(e.s.Condition, {})), e.exempt ? keys(local.exemption_conditions) : [])) :
operator => merge(try(e.s.Condition[operator], {}), { for k, v in try(local.exemption_conditions[operator], {}) : k => v if e.exempt })
}
}) : key => value if key != "Condition" || length(value) > 0
}]}`,
    {
      ...FILE,
      comment: "Merged per condition operator, so a statement's own conditions (Null, ForAnyValue:...) are kept.",
    },
  );
  unit.local(`${set.prefix}json`, `\${jsonencode({ Version = "2012-10-17", Statement = local.${set.prefix}statements })}`, {
    ...FILE,
    comment: "Every statement in one document: what the SCPs deny together (a Deny in any SCP of a target denies).",
  });
}
