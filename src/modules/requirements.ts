import { ProviderRequirement, Requirements } from "../generator/definition";

// Cross-variable references in validation conditions arrived in Terraform 1.9.
export const TERRAFORM = {
  terraform: ">= 1.9",
  terraformReason: "validation conditions refer to other input variables (new in Terraform 1.9).",
};

export const AWS_PROVIDER: ProviderRequirement = {
  name: "aws",
  source: "hashicorp/aws",
  version: ">= 5.0",
  reason: "every resource and argument used here exists in 5.0 (aws_vpc_security_group_*_rule since 4.62, aws_eip.domain since 5.0); the bindings are generated from 6.25.",
};

/** The hashicorp/aws version every provider-backed check and plan snapshot is made with (tools/terraform.ts pins it). */
export const TESTED_AWS_PROVIDER = "5.100.0";

export const NO_PROVIDER: Requirements = { ...TERRAFORM, providers: [] };
