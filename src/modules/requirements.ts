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
  reason: "aws_vpc_security_group_ingress_rule/egress_rule resources and the IAM arguments used here exist in 5.x; the generator pins provider bindings 6.25.",
};

export const NO_PROVIDER: Requirements = { ...TERRAFORM, providers: [] };
