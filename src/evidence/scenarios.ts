// The cases of the permission matrix: a short name (a README table row) and the inputs of one
// `module "cloudshell-policy-document"` block. Terraform computes each policy from these inputs;
// nothing here knows what the policy says.

import { OVERRIDABLE, PRESETS } from "../facts/features";

export type ModuleInputs = Record<string, unknown>;

export interface Scenario {
  name: string;
  inputs: ModuleInputs;
}

/** Fake IDs: "a" is what a restricted scenario allows, "b" is anything else. */
export const IDS = {
  allowedVpc: "vpc-0aaaaaaaaaaaaaaaa",
  otherVpc: "vpc-0bbbbbbbbbbbbbbbb",
  allowedSubnet: "subnet-0aaaaaaaaaaaaaaaa",
  otherSubnet: "subnet-0bbbbbbbbbbbbbbbb",
  allowedSecurityGroup: "sg-0aaaaaaaaaaaaaaaa",
  otherSecurityGroup: "sg-0bbbbbbbbbbbbbbbb",
} as const;

/** Every preset, from the facts: a preset added there gets a row here, and the test asks for its expectations. */
export const PRESET_NAMES = Object.keys(PRESETS);

/** Every allow_* input of the module, from the facts. */
export const OVERRIDES = OVERRIDABLE.map(([, f]) => f.override!);

const grant = { grant_ec2_permissions: true };
const allIds = {
  vpc_ids: [IDS.allowedVpc],
  subnet_ids: [IDS.allowedSubnet],
  security_group_ids: [IDS.allowedSecurityGroup],
};

export const SCENARIOS: Scenario[] = [
  // Each preset with every other input left at its default.
  ...PRESET_NAMES.map((preset) => ({ name: preset, inputs: { preset } })),
  // Each override both ways: granting on top of `minimum`, denying on top of `full`.
  ...OVERRIDES.map((input) => ({ name: `minimum + ${input}`, inputs: { preset: "minimum", [input]: true } })),
  ...OVERRIDES.map((input) => ({ name: `full - ${input}`, inputs: { preset: "full", [input]: false } })),
  // VPC environments.
  { name: "minimum + VPC grant", inputs: { preset: "minimum", vpc_environments: { ...grant } } },
  {
    name: "minimum + VPC grant, no ENI cleanup",
    inputs: { preset: "minimum", vpc_environments: { ...grant, allow_eni_cleanup: false } },
  },
  { name: "minimum + require_vpc", inputs: { preset: "minimum", vpc_environments: { grant_ec2_permissions: false, require_vpc: true } } },
  {
    name: "minimum + VPC grant + require_vpc",
    inputs: { preset: "minimum", vpc_environments: { ...grant, require_vpc: true } },
  },
  {
    name: "minimum + VPC grant + vpc_ids",
    inputs: { preset: "minimum", vpc_environments: { ...grant, vpc_ids: [IDS.allowedVpc] } },
  },
  {
    name: "minimum + VPC grant + all IDs",
    inputs: { preset: "minimum", vpc_environments: { ...grant, ...allIds } },
  },
  { name: "full + VPC grant", inputs: { preset: "full", vpc_environments: { ...grant } } },
  // Regions.
  { name: "minimum + allowed_regions", inputs: { preset: "minimum", allowed_regions: ["us-east-1"] } },
];
