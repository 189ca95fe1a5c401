// Shared by the three network examples: the provider block and the outputs that re-expose the
// cloudshell-vpc-network module (what the console's "Create VPC environment" form asks for, and the cost).
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { tf, Unit } from "../cdktf/seam";
import { Value } from "../hcl/writer";

export const NETWORK_SOURCE = "../../modules/cloudshell-vpc-network";

/** The provider block, the module call, and the outputs every network example has. */
export function networkExample(unit: Unit, inputs: Record<string, Value>): string {
  unit.provider(AwsProvider, { region: "us-east-1" });
  const network = unit.module("network", NETWORK_SOURCE, inputs);
  unit.output("vpc_environment", {
    description: "What to enter in the console's \"Create VPC environment\" form: VPC, subnet (any zone), security groups.",
    value: tf(`${network}.vpc_environment`),
  });
  unit.output("endpoints", { description: "The VPC endpoints by label, with their IDs and DNS names.", value: tf(`${network}.endpoints`) });
  unit.output("cloudshell_policy_json", {
    description: "The IAM policy for the people who use CloudShell here: the policy_preset, the EC2 permissions of a VPC environment, and no environment outside this network.",
    value: tf(`${network}.cloudshell_policy_json`),
  });
  unit.output("cost", {
    description: "Billed units a month and the estimate in USD; price_sources names where each price comes from (null, and a plan warning, where there is none for the Region). Shown by terraform plan.",
    value: tf(`${network}.cost`),
  });
  return network;
}
