// examples/existing-vpc: subnets, endpoints and security groups for CloudShell in a VPC you already
// have. Its ID and CIDR are inputs, so planning needs no data source.
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
    description: 'A CIDR of the VPC with free room for the CloudShell subnets (a /24 each), such as "10.20.0.0/16".',
    type: "string",
    default: "10.20.0.0/16",
    validation: [{ condition: "can(cidrnetmask(var.vpc_cidr))", errorMessage: 'vpc_cidr must be an IPv4 CIDR such as "10.20.0.0/16".' }],
  });
  networkExample(unit, {
    name: "cloudshell",
    availability_zones: ["us-east-1a", "us-east-1b", "us-east-1c"],
    vpc: { create: false, id: tf("var.vpc_id"), cidr: tf("var.vpc_cidr") },
    subnet_newbits: 8,
    private_subnet_cidrs: { "us-east-1a": "10.20.200.0/24" },
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
