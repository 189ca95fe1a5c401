// Inputs that several modules declare the same way.
import { Validation } from "../cdktf/seam";
import { CLOUDSHELL_PARTITIONS } from "../facts/limits";
import { PROTECTION_TAG, ProtectedKind } from "../facts/protected-resources";
import { hclStrings, REGION_PATTERN } from "./hcl-snippets";
import { VariableInput } from "./inputs";

/** `tags`: AWS's tag rules, checked at plan time (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html). */
export function tagsInput(description: string): VariableInput {
  return {
    name: "tags",
    description,
    type: "map(string)",
    default: {},
    validation: [
      {
        condition: 'alltrue([for k, v in var.tags : length(k) >= 1 && length(k) <= 128 && length(v) <= 256 && !startswith(lower(k), "aws:")])',
        errorMessage: 'tags must have keys of 1-128 characters that do not start with "aws:", and values of at most 256 characters.',
      },
    ],
  };
}

/**
 * The tags of a module's resources: var.tags, then the protection tag that the guardrail's
 * protections match (src/facts/protected-resources.ts), last so that no input overrides it.
 */
export const protectedTags = (kind: ProtectedKind, extra = ""): string =>
  `merge(var.tags, { ${extra ? `${extra}, ` : ""}"${PROTECTION_TAG.key}" = "${PROTECTION_TAG.values[kind]}" })`;

/** `allowed_regions`: null (every Region) or Region names, none in China (CloudShell has no China Regions); never empty. */
export const allowedRegionsValidations: Validation[] = [
  {
    condition: `var.allowed_regions == null ? true : alltrue([for r in var.allowed_regions : can(regex("${REGION_PATTERN}", r)) && !startswith(r, "cn-")])`,
    errorMessage: 'allowed_regions must hold Region names such as "us-east-1" or "us-gov-west-1" (CloudShell has no China Regions).',
  },
  {
    condition: "var.allowed_regions == null ? true : length(var.allowed_regions) > 0",
    errorMessage:
      "allowed_regions is empty: list the Regions, or leave allowed_regions out (null, the default) for every Region. An empty list is not \"no restriction\" here, as for every allow-list: one built from networks not created would otherwise lift the restriction in silence.",
  },
];

/** `partition`: one of the partitions with CloudShell. */
export const partitionValidation: Validation = {
  condition: `contains(${hclStrings(CLOUDSHELL_PARTITIONS)}, var.partition)`,
  errorMessage: `partition must be one of ${CLOUDSHELL_PARTITIONS.join(", ")}: the partitions with CloudShell (it has no China Regions).`,
};
