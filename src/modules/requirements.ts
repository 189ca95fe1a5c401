import { ProviderRequirement, Requirements } from "../generator/definition";

// The version floors. The generator prefixes each reason with what the directory itself uses
// (src/generator/versions.ts), so a module does not repeat another's reasons.

// Cross-variable references in validation conditions arrived in Terraform 1.9
// (https://github.com/hashicorp/terraform/blob/v1.9/CHANGELOG.md).
export const TERRAFORM = {
  terraform: ">= 1.9",
  terraformReason: "validation conditions that refer to other input variables are new in Terraform 1.9.",
};

// The lowest floor for the modules here: 5.0, even where their resources are older, because nothing
// older is tested. The generator raises a directory's floor to the newest feature it or a module it
// calls uses (src/generator/versions.ts, from src/facts/provider-versions.ts). CI plans each
// directory with its own floor (.github/workflows/pull-request.yml). No upper bound, as terraform-aws-modules do: a
// bound in a shared module blocks every caller's upgrade; callers pin exact versions in their own
// lock file (README, "Versions").
export const AWS_PROVIDER: ProviderRequirement = {
  name: "aws",
  source: "hashicorp/aws",
  version: ">= 5.0",
  reason: "CI plans with this floor, 5.100.0 and the newest 6.x; no upper bound (README, \"Versions\").",
};

export const NO_PROVIDER: Requirements = { ...TERRAFORM, providers: [] };
