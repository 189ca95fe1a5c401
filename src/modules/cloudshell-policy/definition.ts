// modules/cloudshell-policy: the policy document as an aws_iam_policy, optionally attached to
// roles, users and groups by name.
import { IamGroupPolicyAttachment } from "@cdktf/provider-aws/lib/iam-group-policy-attachment";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { IamUserPolicyAttachment } from "@cdktf/provider-aws/lib/iam-user-policy-attachment";
import { tf, tfMap, Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { declareInputs } from "../inputs";
import { INPUTS, PASSED_THROUGH } from "./inputs";
import { ID_HEX_DIGITS } from "../hcl-snippets";
import { POLICY_SIZE_LIMITS, thousands } from "../../facts/limits";
import { AWS_PROVIDER, TERRAFORM } from "../requirements";
import { policyTests } from "./terraform-tests";

function build(unit: Unit): void {
  declareInputs(unit, INPUTS);

  const document = unit.module(
    "document",
    "../cloudshell-policy-document",
    Object.fromEntries(PASSED_THROUGH.map((v) => [v, tf(`var.${v}`)])),
    { comment: "The policy JSON: the provider-free module that proves what each preset allows." },
  );

  unit.resource(
    IamPolicy,
    "this",
    {
      name: tf("var.name"),
      namePrefix: tf('var.name == null ? coalesce(var.name_prefix, "cloudshell-") : null'),
      path: tf("var.path"),
      description: tf("var.description"),
      policy: tf(`${document}.json`),
      tags: tfMap("var.tags"),
      lifecycle: {
        precondition: [
          {
            condition: tf(`${document}.max_json_size <= ${POLICY_SIZE_LIMITS.managed}`),
            errorMessage: `The CloudShell policy can take up to \${${document}.max_json_size} characters (whitespace not counted), with every ID in vpc_environments at its longest form (vpc-, subnet- or sg- and ${ID_HEX_DIGITS} hex digits), as IDs of networks created in the same apply will be: a managed policy takes at most ${thousands(POLICY_SIZE_LIMITS.managed)}. List fewer IDs in vpc_environments, or set create = false and put the json output in a role's inline policy (aws_iam_role_policy), which holds ${thousands(POLICY_SIZE_LIMITS.inline_role)}. Do not split the allow-lists across two policies: each one's Deny would deny the other's environments.`,
          },
        ],
      },
    },
    { count: "var.create ? 1 : 0" },
  );
  for (const [name, ctor, key, input] of [
    ["roles", IamRolePolicyAttachment, "role", "role_names"],
    ["users", IamUserPolicyAttachment, "user", "user_names"],
    ["groups", IamGroupPolicyAttachment, "group", "group_names"],
  ] as const) {
    unit.resource(
      ctor as unknown as typeof IamRolePolicyAttachment,
      name,
      { [key]: tf("each.key"), policyArn: tf("aws_iam_policy.this[0].arn") } as unknown as { role: string; policyArn: string },
      { forEach: `var.create ? var.${input} : toset([])`, file: "attachments.tf", comment: name === "roles" ? "Attachments keyed by name, so adding or removing one never touches the others." : undefined },
    );
  }

  unit.output("arn", { description: "ARN of the IAM policy; null when create is false.", value: tf("try(aws_iam_policy.this[0].arn, null)") });
  unit.output("name", { description: "Name of the IAM policy; null when create is false.", value: tf("try(aws_iam_policy.this[0].name, null)") });
  unit.output("json", { description: "The policy JSON (computed even when create is false).", value: tf(`${document}.json`) });
  unit.output("size", {
    description: "Characters of the policy as IAM counts them (whitespace not counted); known once the IDs in vpc_environments are.",
    value: tf(`${document}.json_size`),
  });
  unit.output("max_size", {
    description: `The most characters the policy can take, with every ID at its longest form: known at plan, and checked then against the ${thousands(POLICY_SIZE_LIMITS.managed)} of a managed policy.`,
    value: tf(`${document}.max_json_size`),
  });
  unit.output("json_with_placeholder_ids", {
    description: "The policy JSON with every allowed ID replaced by a placeholder of the longest ID form: known at plan even when the IDs are not, for reviewers.",
    value: tf(`${document}.json_with_placeholder_ids`),
  });
  unit.output("deny_json", { description: "Only the Deny statements, for an SCP or a guardrail; null when the policy denies nothing.", value: tf(`${document}.deny_json`) });
}

export const policy: Definition = {
  name: "cloudshell-policy",
  kind: "module",
  source: sourceOf(__dirname),
  title: "CloudShell IAM policy",
  requirements: { ...TERRAFORM, providers: [AWS_PROVIDER] },
  build,
  extraFiles: policyTests,
};
