// examples/iam-policy: a no-credentials CloudShell policy attached to an existing role by name.
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { tf, Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { AWS_PROVIDER, TERRAFORM } from "../../modules/requirements";

function build(unit: Unit): void {
  unit.provider(AwsProvider, { region: "us-east-1" });
  const policy = unit.module("cloudshell_policy", "../../modules/cloudshell-policy", {
    name: "cloudshell-no-credentials",
    preset: "no-credentials",
    allow_restart: true,
    role_names: ["developer"],
  });
  unit.output("policy_arn", { description: "ARN of the CloudShell policy.", value: tf(`${policy}.arn`) });
  unit.output("policy_json", { description: "The policy JSON.", value: tf(`${policy}.json`) });
}

export const iamPolicy: Definition = {
  name: "iam-policy",
  kind: "example",
  source: sourceOf(__dirname),
  title: "Example: a CloudShell IAM policy attached to a role",
  requirements: { ...TERRAFORM, providers: [AWS_PROVIDER] },
  build,
};
