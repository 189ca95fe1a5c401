// examples/existing-vpc: subnets, endpoints and security groups for CloudShell in a VPC you already
// have. Its ID, its CIDR and the CloudShell subnets' CIDRs are inputs, so planning needs no data source.
import { tf, Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { AWS_PROVIDER, TERRAFORM } from "../../modules/requirements";
import { networkExample } from "../network-example";
import { awsIdPattern } from "../../modules/hcl-snippets";

function build(unit: Unit): void {
  unit.variable("vpc_id", {
    description: "ID of your existing VPC (the default is a placeholder: replace it); its DNS support and DNS hostnames must be on.",
    type: "string",
    default: "vpc-0123456789abcdef0",
    validation: [
      {
        condition: `can(regex("${awsIdPattern("vpc")}", var.vpc_id))`,
        errorMessage: 'vpc_id must be a VPC ID such as "vpc-0123456789abcdef0".',
      },
    ],
  });
  unit.variable("vpc_cidr", {
    description: 'The VPC\'s CIDR, or a secondary CIDR of it, that holds subnet_cidrs, such as "10.20.0.0/16".',
    type: "string",
    default: "10.20.0.0/16",
    validation: [{ condition: "can(cidrnetmask(var.vpc_cidr))", errorMessage: 'vpc_cidr must be an IPv4 CIDR such as "10.20.0.0/16".' }],
  });
  unit.variable("subnet_cidrs", {
    description:
      'The CloudShell subnets, by Availability Zone of the provider\'s Region: free ranges inside vpc_cidr that no subnet of the VPC uses yet, such as { "us-east-1a" = "10.20.200.0/24" }. Null (default) uses placeholders that fit the placeholder VPC (10.20.200.0/24, 10.20.201.0/24 and 10.20.202.0/24 in us-east-1a, b and c): replace them.',
    type: "map(string)",
    default: null,
    validation: [
      {
        condition: "var.subnet_cidrs == null ? true : length(var.subnet_cidrs) >= 1 && alltrue([for cidr in values(var.subnet_cidrs) : can(cidrnetmask(cidr))])",
        errorMessage: 'subnet_cidrs must map one or more Availability Zone names to IPv4 CIDRs, such as { "us-east-1a" = "10.20.200.0/24" }.',
      },
    ],
  });
  // A local, not the variable's default: zone names are map keys, which a variable default would rewrite.
  unit.local("subnet_cidrs", '${var.subnet_cidrs != null ? var.subnet_cidrs : { "us-east-1a" = "10.20.200.0/24", "us-east-1b" = "10.20.201.0/24", "us-east-1c" = "10.20.202.0/24" }}');
  networkExample(unit, {
    name: "cloudshell",
    availability_zones: tf("keys(local.subnet_cidrs)"),
    vpc: { create: false, id: tf("var.vpc_id"), cidr: tf("var.vpc_cidr") },
    // Every subnet explicit: computed ones would start at the bottom of vpc_cidr, where an existing VPC's subnets usually are.
    private_subnet_cidrs: tf("local.subnet_cidrs"),
    endpoints: { add: ["sts"], remove: ["execute-api"] },
    // The AWS CLI in the shell uses the console's credentials (sts through the endpoint); no console file transfer.
    policy_preset: "no-file-transfer",
  });
}

export const existingVpc: Definition = {
  name: "existing-vpc",
  kind: "example",
  source: sourceOf(__dirname),
  title: "Example: CloudShell in an existing VPC",
  requirements: { ...TERRAFORM, providers: [AWS_PROVIDER] },
  build,
};
