// The outputs of modules/cloudshell-policy-document: the policy, its Deny statements for an SCP,
// their sizes (and largest sizes, known at plan), and the actions it allows and denies.
import { Unit } from "../../cdktf/seam";
import { POLICY_SIZE_LIMITS, thousands } from "../../facts/limits";
import { iamSize, ID_HEX_DIGITS, placeholderExample } from "../hcl-snippets";

const sizeQuotas = `managed policy ${thousands(POLICY_SIZE_LIMITS.managed)}, inline policy of a user ${thousands(POLICY_SIZE_LIMITS.inline_user)}, of a group ${thousands(POLICY_SIZE_LIMITS.inline_group)}, of a role ${thousands(POLICY_SIZE_LIMITS.inline_role)}`;

export function outputs(unit: Unit): void {
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
