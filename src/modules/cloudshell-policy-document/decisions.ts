// The decisions of modules/cloudshell-policy-document, as locals of the inputs: what the chosen
// preset and the per-feature inputs do with each feature, and which VPC environments are allowed
// (the IDs, whether each key is restricted, and placeholders that size the policy at plan).
import { Unit } from "../../cdktf/seam";
import { FEATURES, OVERRIDABLE, PRESETS } from "../../facts/features";
import { RESTRICTIONS } from "../../facts/vpc-statements";
import { hclStrings, ID_HEX_DIGITS, placeholderFormat } from "../hcl-snippets";
import { objectLocal } from "../strict-object";
import { givenLength, givenNetworks, restricts, VPC_ENVIRONMENTS } from "./inputs";

export const VPC_FILE = { file: "vpc.tf" };

/** What each preset and per-feature input does with each feature (presets.tf, main.tf). */
export function presetDecisions(unit: Unit): void {
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

}

/** Which VPC environments the policy allows (vpc.tf). */
export function vpcDecisions(unit: Unit): void {
  const vpc = VPC_FILE;
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
}
