// modules/cloudshell-policy-document: the CloudShell policy as JSON, with no provider at all, so it
// can feed an IAM policy, an SCP, a permission set, and real Terraform can test it offline.
import { Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { DEFAULT_PRESET, DENY_ALL, FEATURES, OUTSIDE_REGIONS, OVERRIDABLE, PRESETS } from "../../facts/features";
import { MatrixFile, MATRIX_FILE, matrixTable } from "../../generator/matrix-table";
import { declareStatementActions } from "../../generator/action-check";
import { POLICY_SIZE_LIMITS, thousands } from "../../facts/limits";
import { field, Fields, objectLocal, objectVariable } from "../strict-object";
import { DENY_PUBLIC_STATEMENT, ENI_CLEANUP_STATEMENT, ENI_PLACEMENT_SID, RESTRICTIONS, VPC_GRANT_STATEMENTS } from "../../facts/vpc-statements";
import { awsIdPattern, hclStrings, iamSize, withReferences } from "../hcl-snippets";
import { NO_PROVIDER } from "../requirements";
import { allowedRegionsValidation, partitionValidation } from "../common-inputs";
import { policyDocumentTests } from "./terraform-tests";

const presetNames = Object.keys(PRESETS);
const sizeQuotas = `managed policy ${thousands(POLICY_SIZE_LIMITS.managed)}, inline policy of a user ${thousands(POLICY_SIZE_LIMITS.inline_user)}, of a group ${thousands(POLICY_SIZE_LIMITS.inline_group)}, of a role ${thousands(POLICY_SIZE_LIMITS.inline_role)}`;

/** vpc_environments: an object input whose unknown keys are errors (src/modules/strict-object.ts). */
export const VPC_ENVIRONMENTS: Fields = {
  grant_ec2_permissions: { type: "bool", default: false },
  allow_eni_cleanup: { type: "bool", default: true },
  vpc_ids: { type: "set(string)", default: [] },
  subnet_ids: { type: "set(string)", default: [] },
  security_group_ids: { type: "set(string)", default: [] },
  require_vpc: { type: "bool", default: null },
};
const env = (name: string) => field("var.vpc_environments", name, VPC_ENVIRONMENTS[name]);
const noRestriction = `alltrue([for ids in [${RESTRICTIONS.map((r) => env(r.input)).join(", ")}] : length(ids) == 0])`;

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
      "CloudShell VPC environments. grant_ec2_permissions grants the EC2 permissions the console needs to create one (scoped with aws:CalledVia and the ManagedByCloudShell tag, as AWS does), allow_eni_cleanup lets CloudShell delete its network interfaces; vpc_ids, subnet_ids and security_group_ids are allow-lists: CreateEnvironment is denied with any other ID, or without the key, and public environments are then denied too; require_vpc = true denies public (non-VPC) environments. These denials apply when an environment is created; an environment created earlier keeps running.",
    fields: VPC_ENVIRONMENTS,
    validation: [
      ...RESTRICTIONS.map((r) => ({
        condition: `alltrue([for id in ${env(r.input)} : can(regex("${awsIdPattern(r.prefix)}", id))])`,
        errorMessage: `vpc_environments.${r.input} must hold ${r.what} IDs such as "${r.prefix}-0123456789abcdef0" (${r.prefix}- and 8 or 17 hex digits).`,
      })),
      {
        condition: `${env("require_vpc")} != false || ${noRestriction}`,
        errorMessage:
          "vpc_environments.require_vpc = false cannot be combined with vpc_ids, subnet_ids or security_group_ids: a restriction to IDs always denies public environments. Leave require_vpc null or true.",
      },
      {
        condition: `var.preset != "deny-all" || (!${env("grant_ec2_permissions")} && ${env("require_vpc")} == null && ${noRestriction})`,
        errorMessage: 'vpc_environments cannot be combined with preset "deny-all", which denies every CloudShell action: leave it unset, or choose another preset.',
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
  unit.local(
    "eni_placement_arns",
    `\${concat(
[for id in length(local.vpc_environments.security_group_ids) > 0 ? sort(local.vpc_environments.security_group_ids) : ["*"] : format("arn:%s:ec2:*:*:security-group/%s", var.partition, id)],
[for id in length(local.vpc_environments.subnet_ids) > 0 ? sort(local.vpc_environments.subnet_ids) : ["*"] : format("arn:%s:ec2:*:*:subnet/%s", var.partition, id)],
)}`,
    { ...vpc, comment: "Where CloudShell may place its network interface: the allowed subnets and groups when given, else any." },
  );
  const partition = { Partition: "var.partition" };
  unit.local("vpc_grant_statements", VPC_GRANT_STATEMENTS.map((s) => (s.Sid === ENI_PLACEMENT_SID ? { ...s, Resource: "${local.eni_placement_arns}" } : withReferences(s, partition))), {
    ...vpc,
    comment: "EC2 permissions a VPC environment needs, scoped to calls CloudShell makes for the user.",
  });
  unit.local("eni_cleanup_statement", withReferences(ENI_CLEANUP_STATEMENT, partition), vpc);
  unit.local(
    "restriction_statements",
    Object.fromEntries(
      RESTRICTIONS.map((r) => [
        r.input,
        [
          {
            Sid: r.sid,
            Effect: "Deny",
            Action: ["cloudshell:CreateEnvironment"],
            Resource: "*",
            Condition: { "ForAnyValue:StringNotEquals": { [r.key]: `\${sort(local.vpc_environments.${r.input})}` } },
          },
          ...(r.absentSid
            ? [{ Sid: r.absentSid, Effect: "Deny", Action: ["cloudshell:CreateEnvironment"], Resource: "*", Condition: { Null: { [r.key]: "true" } } }]
            : []),
        ],
      ]),
    ),
    {
      ...vpc,
      comment:
        "Deny, not Allow: an Allow with ForAllValues also matches a request without the key, which is\nhow a public environment slips through AWS's own allow-list example. A restricted subnet or\nsecurity-group key is also denied when absent: ForAnyValue never matches a missing key.",
    },
  );
  unit.local("deny_public_statement", withReferences(DENY_PUBLIC_STATEMENT, partition), vpc);
  unit.local(
    "restricted_inputs",
    `\${[for input in ${hclStrings(RESTRICTIONS.map((r) => r.input))} : input if length(local.vpc_environments[input]) > 0]}`,
    vpc,
  );
  unit.local(
    "require_vpc",
    "${local.vpc_environments.require_vpc == null ? length(local.restricted_inputs) > 0 : local.vpc_environments.require_vpc}",
    vpc,
  );
  unit.local(
    "vpc_statements",
    `\${concat(
[for s in local.vpc_grant_statements : s if local.vpc_environments.grant_ec2_permissions],
[for s in [local.eni_cleanup_statement] : s if local.vpc_environments.grant_ec2_permissions && local.vpc_environments.allow_eni_cleanup],
flatten([for input in local.restricted_inputs : local.restriction_statements[input]]),
[for s in [local.deny_public_statement] : s if local.require_vpc],
)}`,
    vpc,
  );

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

  unit.local(
    "statements",
    `\${concat(
[for s in [local.allow_statement] : s if local.wildcard != "deny" && length(local.cloudshell_allowed) > 0],
local.deny_statements,
local.region_statements,
local.vpc_statements,
)}`,
    { comment: "The whole policy; its Deny statements alone make a guardrail for an SCP." },
  );
  unit.local("deny_only", '${[for s in local.statements : s if s.Effect == "Deny"]}');

  unit.local("json", '${jsonencode({ Version = "2012-10-17", Statement = local.statements })}', {
    comment: "Minified JSON (jsonencode writes no whitespace); sizes count characters as IAM does, without whitespace.",
  });
  unit.local("deny_json", '${length(local.deny_only) > 0 ? jsonencode({ Version = "2012-10-17", Statement = local.deny_only }) : null}');

  unit.output("json", {
    description: "The identity policy as JSON, for aws_iam_policy, a permission set's inline policy, or anything that takes a policy.",
    value: "${local.json}",
  });
  unit.output("json_size", {
    description: `Characters of json as IAM counts them (whitespace not counted). Quotas: ${sizeQuotas}.`,
    value: `\${${iamSize("local.json")}}`,
  });
  unit.output("deny_json", {
    description: "Only the Deny statements, as a policy for an SCP or a permissions guardrail; null when the policy denies nothing.",
    value: "${local.deny_json}",
  });
  unit.output("deny_json_size", {
    description: `Characters of deny_json as an SCP counts them (whitespace too, and jsonencode writes none); 0 when it is null. An SCP takes at most ${thousands(POLICY_SIZE_LIMITS.scp)}.`,
    value: "${local.deny_json == null ? 0 : length(local.deny_json)}",
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
  readmeContext: (evidence) => ({ presets: PRESETS, permissionMatrix: matrixTable(evidence.read<MatrixFile>(MATRIX_FILE)) }),
  extraFiles: policyDocumentTests,
};
