// examples/with-nat: internet access through one shared NAT gateway.
import { Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { AWS_PROVIDER, TERRAFORM } from "../../modules/requirements";
import { networkExample } from "../network-example";

function build(unit: Unit): void {
  networkExample(unit, {
    name: "cloudshell-nat",
    availability_zones: ["us-east-1a", "us-east-1b"],
    internet_access: "single",
    // A developer shell: internet through NAT and the AWS CLI with the console's credentials.
    policy_preset: "full",
    cloudshell_egress_rules: {
      http: { description: "HTTP to the internet (package mirrors)", from_port: 80, to_port: 80, cidr_ipv4: "0.0.0.0/0" },
    },
  });
}

export const withNat: Definition = {
  name: "with-nat",
  kind: "example",
  source: sourceOf(__dirname),
  title: "Example: a CloudShell network with internet access through NAT",
  requirements: { ...TERRAFORM, providers: [AWS_PROVIDER] },
  build,
};
