// examples/isolated: no internet at all (no NAT), AWS APIs through endpoints only, and the IAM
// policy that forces people into this network.
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { tf, Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { AWS_PROVIDER, TERRAFORM } from "../../modules/requirements";
import { networkExample } from "../network-example";

function build(unit: Unit): void {
  const network = networkExample(unit, {
    name: "cloudshell-isolated",
    availability_zones: ["us-east-1a", "us-east-1b"],
    internet_access: "none",
    endpoints: { add: ["sts", "ec2", "ssm"] },
    // The shell's AWS CLI needs the console's forwarded credentials (PutCredentials) to use the
    // endpoints above; console file transfer stays denied, so data leaves only through AWS APIs.
    policy_preset: "no-file-transfer",
    flow_logs: { enabled: true, retention_in_days: 90 },
    // Names resolve only for AWS's service domains: no DNS channel out; every query is logged.
    dns_firewall: { enabled: true, query_logging: true, retention_in_days: 90 },
    tags: { Environment: "example" },
  });
  unit.resource(IamPolicy, "cloudshell", {
    name: "cloudshell-isolated-only",
    description: "CloudShell only as a VPC environment in the isolated network.",
    policy: tf(`${network}.cloudshell_policy_json`),
  }, { comment: "Attach this policy to the people who use CloudShell: it denies creating an environment outside the network (an environment created earlier is not affected)." });
  unit.output("policy_arn", { description: "ARN of the policy that allows CloudShell only in this network.", value: tf("aws_iam_policy.cloudshell.arn") });
}

export const isolated: Definition = {
  name: "isolated",
  kind: "example",
  source: sourceOf(__dirname),
  title: "Example: an isolated CloudShell network",
  requirements: { ...TERRAFORM, providers: [AWS_PROVIDER] },
  build,
};
