// modules/cloudshell-policy-document: the CloudShell policy as JSON, with no provider at all, so it
// can feed an IAM policy, an SCP, a permission set, and real Terraform can test it offline.
import { Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { DEFAULT_PRESET, DENY_ALL, FEATURES, OUTSIDE_REGIONS, OVERRIDABLE, PRESETS } from "../../facts/features";
import { MatrixFile, MATRIX_FILE } from "../../evidence/files";
import { matrixTable } from "./matrix-table";
import { declareStatementActions } from "../../generator/action-check";
import { POLICY_SIZE_LIMITS, thousands } from "../../facts/limits";
import { field, Fields, objectLocal, objectVariable } from "../strict-object";
import { DENY_PUBLIC_STATEMENT, ENI_CLEANUP_STATEMENT, ENI_PLACEMENT_SID, RESTRICTIONS, VPC_GRANT_STATEMENTS } from "../../facts/vpc-statements";
import { awsIdPattern, hclStrings, iamSize, ID_HEX_DIGITS, placeholderExample, placeholderFormat, REGION_PATTERN, withReferences } from "../hcl-snippets";
import { NO_PROVIDER } from "../requirements";
import { allowedRegionsValidation, partitionValidation } from "../common-inputs";
import { policyDocumentTests } from "./terraform-tests";
import { SUBNETS_IN_A_MANAGED_POLICY } from "../../facts/limits";

const presetNames = Object.keys(PRESETS);
const sizeQuotas = `managed policy ${thousands(POLICY_SIZE_LIMITS.managed)}, inline policy of a user ${thousands(POLICY_SIZE_LIMITS.inline_user)}, of a group ${thousands(POLICY_SIZE_LIMITS.inline_group)}, of a role ${thousands(POLICY_SIZE_LIMITS.inline_role)}`;

/** vpc_environments: an object input whose unknown keys are errors (src/modules/strict-object.ts). null, not [], means "no restriction". */
export const VPC_ENVIRONMENTS: Fields = {
  grant_ec2_permissions: { type: "bool", default: null, defaultText: "default null: false, but required with an allow-list or require_vpc" },
  allow_eni_cleanup: { type: "bool", default: true },
  vpc_ids: { type: "set(string)", default: null, defaultText: "default null: no restriction" },
  subnet_ids: { type: "set(string)", default: null, defaultText: "default null: no restriction" },
  security_group_ids: { type: "set(string)", default: null, defaultText: "default null: no restriction" },
  networks: { type: "list(any)", default: null, defaultText: "default null" },
  require_vpc: { type: "bool", default: null },
};
/** The keys of each element of vpc_environments.networks: cloudshell-vpc-network's vpc_environment output. */
export const NETWORK_KEYS = ["vpc_id", "subnet_ids", "security_group_ids", "region"];
const env = (name: string) => field("var.vpc_environments", name, VPC_ENVIRONMENTS[name]);
// Read the key as given, so that each result is known at plan even when the IDs in it are not
// (networks created in the same apply): try() and can() return unknown for a value with unknowns in it.
/** Whether the key is given and not null. */
const isGiven = (name: string) => `try(var.vpc_environments.${name} != null, false)`;
/** How many IDs the key lists (0 when absent). */
const givenLength = (name: string) => `try(length(var.vpc_environments.${name}), 0)`;
/** The networks as given, to iterate over (add `if n != null`). */
const givenNetworks = `flatten([lookup(var.vpc_environments, "networks", null)])`;
/** Whether CreateEnvironment is restricted on a key: its list or networks is given (known at plan). */
const restricts = (input: string) => `${isGiven(input)} || ${isGiven("networks")}`;
const anyRestriction = `(${[...RESTRICTIONS.map((r) => r.input), "networks"].map(isGiven).join(" || ")})`;
const grantChosen = `${env("grant_ec2_permissions")} != null`;

/**
 * The statements that name IDs, the whole policy, its Deny statements and their JSON, written with
 * the IDs of \`local.<ids>\` (a map from restriction key to IDs); every local is named with \`prefix\`.
 * Written twice (the IDs, and placeholders of their longest form) so that the size is known at plan.
 */
function policyLocals(unit: Unit, ids: string, prefix: string): void {
  const vpc = { file: "vpc.tf" };
  const local = (name: string) => `local.${prefix}${name}`;
  const arns = (input: string, type: string) =>
    `[for id in local.restricted.${input} ? local.${ids}.${input} : ["*"] : format("arn:%s:ec2:*:*:${type}/%s", var.partition, id)]`;
  unit.local(`${prefix}eni_placement_arns`, `\${concat(\n${arns("security_group_ids", "security-group")},\n${arns("subnet_ids", "subnet")},\n)}`, {
    ...vpc,
    comment: prefix ? undefined : "Where CloudShell may place its network interface: the allowed subnets and groups when given, else any.",
  });
  const partition = { Partition: "var.partition" };
  unit.local(
    `${prefix}vpc_grant_statements`,
    VPC_GRANT_STATEMENTS.map((s) => (s.Sid === ENI_PLACEMENT_SID ? { ...s, Resource: `\${${local("eni_placement_arns")}}` } : withReferences(s, partition))),
    { ...vpc, comment: prefix ? undefined : "EC2 permissions a VPC environment needs, scoped to calls CloudShell makes for the user." },
  );
  unit.local(
    `${prefix}restriction_statements`,
    Object.fromEntries(
      RESTRICTIONS.map((r) => [
        r.input,
        [
          {
            Sid: r.sid,
            Effect: "Deny",
            Action: ["cloudshell:CreateEnvironment"],
            Resource: "*",
            Condition: { "ForAnyValue:StringNotEquals": { [r.key]: `\${local.${ids}.${r.input}}` } },
          },
          ...(r.absentSid
            ? [{ Sid: r.absentSid, Effect: "Deny", Action: ["cloudshell:CreateEnvironment"], Resource: "*", Condition: { Null: { [r.key]: "true" } } }]
            : []),
        ],
      ]),
    ),
    {
      ...vpc,
      comment: prefix
        ? undefined
        : "Deny, not Allow: an Allow with ForAllValues also matches a request without the key, which is\nhow a public environment slips through AWS's own allow-list example. A restricted subnet or\nsecurity-group key is also denied when absent: ForAnyValue never matches a missing key.",
    },
  );
  unit.local(
    `${prefix}vpc_statements`,
    `\${concat(
[for s in ${local("vpc_grant_statements")} : s if local.grant_ec2_permissions],
[for s in [local.eni_cleanup_statement] : s if local.grant_ec2_permissions && local.vpc_environments.allow_eni_cleanup],
flatten([for input in local.restricted_inputs : ${local("restriction_statements")}[input]]),
[for s in [local.deny_public_statement] : s if local.require_vpc],
)}`,
    vpc,
  );
  unit.local(
    `${prefix}statements`,
    `\${concat(
[for s in [local.allow_statement] : s if local.wildcard != "deny" && length(local.cloudshell_allowed) > 0],
local.deny_statements,
local.region_statements,
${local("vpc_statements")},
)}`,
    { comment: prefix ? "The same policy with placeholder IDs." : "The whole policy; its Deny statements alone make a guardrail for an SCP." },
  );
  unit.local(`${prefix}deny_only`, `\${[for s in ${local("statements")} : s if s.Effect == "Deny"]}`);
  unit.local(`${prefix}json`, `\${jsonencode({ Version = "2012-10-17", Statement = ${local("statements")} })}`, {
    comment: prefix ? undefined : "Minified JSON (jsonencode writes no whitespace); sizes count characters as IAM does, without whitespace.",
  });
  unit.local(`${prefix}deny_json`, `\${length(${local("deny_only")}) > 0 ? jsonencode({ Version = "2012-10-17", Statement = ${local("deny_only")} }) : null}`);
}

/** Variables shared with modules that call this one (cloudshell-policy passes them through);
 * returns their names. */
export function policyInputs(unit: Unit): string[] {
  unit.variable("preset", {
    description: `What to grant: ${presetNames.map((p) => `"${p}"`).join(", ")}. ${Object.entries(PRESETS)
      .map(([name, p]) => `${name}: ${p.summary}`)
      .join(" ")}`,
    type: "string",
    default: DEFAULT_PRESET,
    nullable: false,
    validation: [
      {
        condition: `contains(${hclStrings(presetNames)}, var.preset)`,
        errorMessage: `preset must be one of ${presetNames.join(", ")}.`,
      },
    ],
  });
  for (const [name, feature] of OVERRIDABLE) {
    const input = feature.override!;
    unit.variable(input, {
      description: `${feature.label} (${feature.actions.join(", ")}): null keeps the preset's choice, true grants it, false denies it explicitly.`,
      type: "bool",
      default: null,
      validation: [
        {
          condition: `var.${input} == null || var.preset != "deny-all"`,
          errorMessage: `${input} cannot be combined with preset "deny-all", which denies every CloudShell action: leave ${input} null, or choose another preset.`,
        },
      ],
    });
    void name;
  }
  objectVariable(unit, "vpc_environments", {
    description:
      "CloudShell VPC environments. grant_ec2_permissions grants the EC2 permissions the console needs to create one (scoped with aws:CalledVia and the ManagedByCloudShell tag, as AWS does), allow_eni_cleanup lets CloudShell delete its network interfaces; vpc_ids, subnet_ids and security_group_ids are allow-lists: CreateEnvironment is denied with any other ID, or without the key, and public environments are then denied too (null: no restriction; an empty list is an error); networks takes cloudshell-vpc-network vpc_environment outputs and allows exactly their VPCs, subnets and groups (and allowed_regions must include their Regions); require_vpc = true denies public (non-VPC) environments. With an allow-list or require_vpc, grant_ec2_permissions must be set: true, or false when another policy grants them. These denials apply when an environment is created; an environment created earlier keeps running.",
    fields: VPC_ENVIRONMENTS,
    validation: [
      ...RESTRICTIONS.map((r) => ({
        condition: `${isGiven(r.input)} ? alltrue([for id in ${env(r.input)} : can(regex("${awsIdPattern(r.prefix)}", id))]) : true`,
        errorMessage: `vpc_environments.${r.input} must hold ${r.what} IDs such as "${r.prefix}-0123456789abcdef0" (${r.prefix}- and 8 or 17 hex digits).`,
      })),
      ...[...RESTRICTIONS, { input: "networks", what: "network" }].map((r) => ({
        condition: `${isGiven(r.input)} ? ${givenLength(r.input)} > 0 : true`,
        errorMessage: `vpc_environments.${r.input} is empty, which would allow no ${r.what} at all: list them, or leave ${r.input} out (null, the default) for no restriction. An empty list often comes from networks not created (create = false) or not built yet.`,
      })),
      {
        condition: `alltrue([for n in ${givenNetworks} : can(keys(n)) ? length(setsubtract(keys(n), ${hclStrings(NETWORK_KEYS)})) == 0 && length(setsubtract(${hclStrings(NETWORK_KEYS)}, keys(n))) == 0 : false if n != null])`,
        errorMessage: `Each of vpc_environments.networks must be a cloudshell-vpc-network's vpc_environment output: an object of ${NETWORK_KEYS.join(", ")}.`,
      },
      {
        // Known at plan: a network not created has no subnets and no groups (its vpc_id is null), a
        // created one has them, their IDs unknown until it is. Counting, not alltrue(), stays known.
        condition: `length([for n in ${givenNetworks} : n if n != null && !(length(n.subnet_ids) > 0 && length(n.security_group_ids) > 0)]) == 0`,
        errorMessage: "vpc_environments.networks holds a network that was not created (vpc_id null, no subnets or no security groups: create = false?): remove it, or create it.",
      },
      {
        condition: `alltrue([for n in ${givenNetworks} : can(regex("${awsIdPattern("vpc")}", n.vpc_id)) && alltrue([for id in try(values(n.subnet_ids), n.subnet_ids) : can(regex("${awsIdPattern("subnet")}", id))]) && alltrue([for id in n.security_group_ids : can(regex("${awsIdPattern("sg")}", id))]) && can(regex("${REGION_PATTERN}", n.region)) if n != null])`,
        errorMessage: 'Each of vpc_environments.networks must hold a vpc_id ("vpc-..."), subnet_ids ("subnet-..."), security_group_ids ("sg-...") and a region ("us-east-1"), as cloudshell-vpc-network\'s vpc_environment output does.',
      },
      {
        condition: `${env("require_vpc")} != false || !${anyRestriction}`,
        errorMessage:
          "vpc_environments.require_vpc = false cannot be combined with vpc_ids, subnet_ids, security_group_ids or networks: a restriction to IDs always denies public environments. Leave require_vpc null or true.",
      },
      {
        condition: `var.preset != "deny-all" || (${env("grant_ec2_permissions")} != true && ${env("require_vpc")} == null && !${anyRestriction})`,
        errorMessage: 'vpc_environments cannot be combined with preset "deny-all", which denies every CloudShell action: leave it unset, or choose another preset.',
      },
      {
        condition: `${grantChosen} || !(${anyRestriction} || ${env("require_vpc")} == true)`,
        errorMessage:
          "vpc_environments restricts environments to VPCs, subnets or security groups (or sets require_vpc) but does not say whether to grant the EC2 permissions a VPC environment needs: without them nobody given this policy can create any environment. Set grant_ec2_permissions = true, or false when another policy grants them (or for deny_json in an SCP).",
      },
    ],
  });
  unit.variable("allowed_regions", {
    description:
      'Regions where CloudShell may be used, such as ["us-east-1", "eu-west-1"]; empty (default) allows every Region. Any CloudShell action requested in another Region is denied (aws:RequestedRegion). The console opens CloudShell in the nearest supported Region when the selected one has none, so this keeps sessions, and the files in their home directories, in the Regions you chose.',
    type: "set(string)",
    default: [],
    nullable: false,
    validation: [
      allowedRegionsValidation,
      {
        condition: `length(var.allowed_regions) == 0 || try(alltrue([for n in ${givenNetworks} : contains(var.allowed_regions, n.region) if n != null]), true)`,
        errorMessage: `allowed_regions leaves out \${try(join(", ", sort(distinct([for n in ${givenNetworks} : n.region if n != null && !contains(var.allowed_regions, n.region)]))), "a Region")}, the Region of a network in vpc_environments.networks: the policy would allow that network and deny CloudShell in its Region. Add the Region to allowed_regions.`,
      },
      {
        condition: `var.preset != "deny-all" || length(var.allowed_regions) == 0`,
        errorMessage: 'allowed_regions cannot be combined with preset "deny-all", which denies every CloudShell action in every Region: leave it empty, or choose another preset.',
      },
    ],
  });
  unit.variable("partition", {
    description: 'AWS partition for ARNs: "aws", or "aws-us-gov" for GovCloud (CloudShell has no China Regions).',
    type: "string",
    default: "aws",
    nullable: false,
    validation: [partitionValidation],
  });
  return ["preset", ...OVERRIDABLE.map(([, f]) => f.override!), "vpc_environments", "allowed_regions", "partition"];
}

function build(unit: Unit): void {
  declareStatementActions(unit, [...VPC_GRANT_STATEMENTS, ENI_CLEANUP_STATEMENT, DENY_PUBLIC_STATEMENT]);
  policyInputs(unit);

  const data = { file: "presets.tf" };
  unit.local(
    "feature_actions",
    Object.fromEntries(Object.entries(FEATURES).map(([f, d]) => [f, d.actions])),
    { ...data, comment: "The IAM actions behind each console feature of CloudShell (src/facts/features.ts)." },
  );
  unit.local("preset_effects", Object.fromEntries(Object.entries(PRESETS).map(([p, d]) => [p, d.effects])), {
    ...data,
    comment: "What each preset does with each feature: allow, deny (explicitly), or omit (neither).",
  });
  unit.local(
    "preset_wildcards",
    Object.fromEntries(Object.entries(PRESETS).filter(([, d]) => d.wildcard).map(([p, d]) => [p, d.wildcard!])),
    {
      ...data,
      comment:
        "These presets grant or deny cloudshell:* as AWS's own examples do; the others name each action,\nso an action AWS adds later is never granted without a review.",
    },
  );
  unit.local("deny_sids", Object.fromEntries(Object.entries(FEATURES).map(([f, d]) => [f, d.denySid])), {
    ...data,
    comment: "Sid of the explicit Deny statement of each feature.",
  });

  unit.local(
    "overrides",
    Object.fromEntries(OVERRIDABLE.map(([f, d]) => [f, `\${var.${d.override}}`])),
    { comment: "Per-feature inputs: null keeps the preset's choice." },
  );
  unit.local(
    "effects",
    `\${{
for feature, effect in local.preset_effects[var.preset] :
feature => lookup(local.overrides, feature, null) == null ? effect : (local.overrides[feature] ? "allow" : "deny")
}}`,
  );
  unit.local("wildcard", "${lookup(local.preset_wildcards, var.preset, null)}");
  unit.local(
    "cloudshell_allowed",
    '${sort(flatten([for feature, effect in local.effects : local.feature_actions[feature] if effect == "allow"]))}',
  );
  unit.local("denied_features", '${sort([for feature, effect in local.effects : feature if effect == "deny"])}');
  unit.local("cloudshell_denied", "${sort(flatten([for feature in local.denied_features : local.feature_actions[feature]]))}");

  unit.local(
    "allow_statement",
    {
      Sid: "AllowCloudShell",
      Effect: "Allow",
      Action: '${local.wildcard == "allow" ? ["cloudshell:*"] : local.cloudshell_allowed}',
      Resource: "*",
    },
    { comment: "CloudShell's own statements: one Allow, then one explicit Deny per denied feature." },
  );
  unit.local("deny_all_statement", { Sid: DENY_ALL.Sid, Effect: "Deny", Action: ["cloudshell:*"], Resource: "*" });
  unit.local(
    "deny_statements",
    `\${concat(
[for s in [local.deny_all_statement] : s if local.wildcard == "deny"],
[for feature in local.denied_features : {
Sid      = local.deny_sids[feature]
Effect   = "Deny"
Action   = local.feature_actions[feature]
Resource = "*"
} if local.wildcard != "deny"],
)}`,
  );

  const vpc = { file: "vpc.tf" };
  objectLocal(unit, "vpc_environments", { fields: VPC_ENVIRONMENTS }, vpc);
  unit.local("grant_ec2_permissions", "${local.vpc_environments.grant_ec2_permissions == true}", vpc);
  unit.local(
    "networks",
    `\${[for n in ${givenNetworks} : {
vpc_id             = tostring(n.vpc_id)
subnet_ids         = [for id in try(values(n.subnet_ids), n.subnet_ids) : tostring(id)]
security_group_ids = [for id in n.security_group_ids : tostring(id)]
} if n != null]}`,
    { ...vpc, comment: "The networks' IDs (their subnet_ids are a map by zone in cloudshell-vpc-network's output)." },
  );
  unit.local(
    "allowed_ids",
    Object.fromEntries(
      RESTRICTIONS.map((r) => [
        r.input,
        `\${sort(distinct(concat([for id in coalesce(local.vpc_environments.${r.input}, toset([])) : id], flatten([for n in local.networks : n.${r.network}]))))}`,
      ]),
    ),
    { ...vpc, comment: "The IDs each restriction allows: its list and the networks' IDs." },
  );
  unit.local("restricted", Object.fromEntries(RESTRICTIONS.map((r) => [r.input, `\${${restricts(r.input)}}`])), {
    ...vpc,
    comment: "Which keys are restricted, and how many IDs each lists, decided from the inputs as given: both are\nknown at plan even when the IDs are not (networks created in the same apply).",
  });
  unit.local(
    "id_counts",
    Object.fromEntries(
      RESTRICTIONS.map((r) => [
        r.input,
        `\${${givenLength(r.input)} + sum(concat([0], [for n in ${givenNetworks} : ${r.network === "vpc_id" ? "1" : `length(n.${r.network})`} if n != null]))}`,
      ]),
    ),
    vpc,
  );
  unit.local(
    "placeholder_ids",
    Object.fromEntries(RESTRICTIONS.map((r) => [r.input, `\${[for i in range(local.id_counts.${r.input}) : format("${placeholderFormat(r.prefix)}", i)]}`])),
    {
      ...vpc,
      comment: `Placeholders of the longest ID form (the prefix and ${ID_HEX_DIGITS} characters), one per ID: the policy written with\nthem is as long as the policy can get, and known at plan.`,
    },
  );
  unit.local("restricted_inputs", `\${[for input in ${hclStrings(RESTRICTIONS.map((r) => r.input))} : input if local.restricted[input]]}`, vpc);
  unit.local(
    "require_vpc",
    "${local.vpc_environments.require_vpc == null ? length(local.restricted_inputs) > 0 : local.vpc_environments.require_vpc}",
    vpc,
  );
  const partition = { Partition: "var.partition" };
  unit.local("eni_cleanup_statement", withReferences(ENI_CLEANUP_STATEMENT, partition), vpc);
  unit.local("deny_public_statement", withReferences(DENY_PUBLIC_STATEMENT, partition), vpc);
  unit.local(
    "region_statements",
    `\${[for regions in [sort(var.allowed_regions)] : {
Sid       = "${OUTSIDE_REGIONS.Sid}"
Effect    = "Deny"
Action    = ["cloudshell:*"]
Resource  = "*"
Condition = { StringNotEquals = { "aws:RequestedRegion" = regions } }
} if length(regions) > 0]}`,
    { comment: "allowed_regions: CloudShell anywhere else is denied, whatever else the policy grants." },
  );
  // The policy twice: with the IDs, and with placeholders of their longest form (its size is known at plan).
  policyLocals(unit, "allowed_ids", "");
  policyLocals(unit, "placeholder_ids", "sized_");

  unit.output("json", {
    description: "The identity policy as JSON, for aws_iam_policy, a permission set's inline policy, or anything that takes a policy.",
    value: "${local.json}",
  });
  unit.output("json_size", {
    description: `Characters of json as IAM counts them (whitespace not counted). Quotas: ${sizeQuotas}.`,
    value: `\${${iamSize("local.json")}}`,
  });
  unit.output("json_with_placeholder_ids", {
    description: `json with every allowed ID replaced by a placeholder of the longest ID form (such as "${placeholderExample("vpc")}"): known at plan even when the IDs are not (networks created in the same apply), for reviewers.`,
    value: "${local.sized_json}",
  });
  unit.output("max_json_size", {
    description: `The most characters json can take (whitespace not counted): json_with_placeholder_ids's size, with every ID at its longest form (the prefix and ${ID_HEX_DIGITS} hex digits). Known at plan from the number of IDs; cloudshell-policy checks it against the ${thousands(POLICY_SIZE_LIMITS.managed)} of a managed policy.`,
    value: `\${${iamSize("local.sized_json")}}`,
  });
  unit.output("deny_json", {
    description: "Only the Deny statements, as a policy for an SCP or a permissions guardrail; null when the policy denies nothing.",
    value: "${local.deny_json}",
  });
  unit.output("deny_json_size", {
    description: `Characters of deny_json as an SCP counts them (whitespace too, and jsonencode writes none); 0 when it is null. An SCP takes at most ${thousands(POLICY_SIZE_LIMITS.scp)}.`,
    value: "${local.deny_json == null ? 0 : length(local.deny_json)}",
  });
  unit.output("deny_json_with_placeholder_ids", {
    description: "deny_json with every allowed ID replaced by a placeholder of the longest ID form: known at plan even when the IDs are not.",
    value: "${local.sized_deny_json}",
  });
  unit.output("max_deny_json_size", {
    description: "The most characters deny_json can take as an SCP counts them: deny_json_with_placeholder_ids's size, known at plan; 0 when the policy denies nothing.",
    value: "${local.sized_deny_json == null ? 0 : length(local.sized_deny_json)}",
  });
  unit.output("allowed_actions", {
    description: "Every action the policy allows (cloudshell:* expanded to the actions it covers today), some only under the conditions in json.",
    value:
      "${sort(distinct(concat(local.cloudshell_allowed, flatten([for s in local.vpc_statements : s.Action if s.Effect == \"Allow\"]))))}",
  });
  unit.output("denied_actions", {
    description: "The CloudShell actions the policy denies unconditionally (conditional VPC denies are not listed).",
    value: "${local.cloudshell_denied}",
  });
}

export const policyDocument: Definition = {
  name: "cloudshell-policy-document",
  kind: "module",
  source: sourceOf(__dirname),
  title: "CloudShell policy document",
  requirements: NO_PROVIDER,
  build,
  readmeContext: (evidence) => ({
    presets: PRESETS,
    permissionMatrix: matrixTable(evidence.read<MatrixFile>(MATRIX_FILE)),
    subnetsFit: SUBNETS_IN_A_MANAGED_POLICY,
    subnetsOver: SUBNETS_IN_A_MANAGED_POLICY + 1,
  }),
  extraFiles: policyDocumentTests,
};
