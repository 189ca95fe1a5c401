// examples/permissions-boundary: a CloudShell preset as a permissions boundary. The boundary only
// limits: the role's own policy grants CloudShell (preset full, customer-managed), the boundary
// (preset no-credentials) takes PutCredentials away, and the role can do nothing outside CloudShell.
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { tf, Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { AWS_PROVIDER, TERRAFORM } from "../../modules/requirements";

const POLICY = "../../modules/cloudshell-policy";

function build(unit: Unit): void {
  unit.provider(AwsProvider, { region: "us-east-1" });
  const boundary = unit.module("boundary", POLICY, { name: "cloudshell-boundary", preset: "no-credentials" }, {
    comment: "The boundary: the most this role may ever do. Not attached to anything; a boundary grants nothing.",
  });
  const grant = unit.module("grant", POLICY, { name: "cloudshell-full", preset: "full" }, {
    comment: "What the role is granted: everything CloudShell offers, as a customer-managed policy (not\nAWSCloudShellFullAccess, which Security Hub IAM.27 flags).",
  });
  unit.resource(
    IamRole,
    "operator",
    {
      name: "cloudshell-operator",
      assumeRolePolicy: tf(
        `jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = format("arn:%s:iam::%s:root", split(":", ${boundary}.arn)[1], split(":", ${boundary}.arn)[4]) } }] })`,
      ),
      permissionsBoundary: tf(`${boundary}.arn`),
    },
    {
      comment:
        "Trusted by the account it is created in (the account of the boundary policy's ARN, known after apply):\nits administrators decide who may assume it. No data source, so the plan makes no AWS call.",
    },
  );
  unit.resource(IamRolePolicyAttachment, "grant", { role: tf("aws_iam_role.operator.name"), policyArn: tf(`${grant}.arn`) });
  unit.output("role_arn", { description: "ARN of the role.", value: tf("aws_iam_role.operator.arn") });
  unit.output("boundary_json", { description: "The boundary policy.", value: tf(`${boundary}.json`) });
  unit.output("grant_json", { description: "The role's identity policy.", value: tf(`${grant}.json`) });
}

export const permissionsBoundary: Definition = {
  name: "permissions-boundary",
  kind: "example",
  source: sourceOf(__dirname),
  title: "Example: a CloudShell preset as a permissions boundary",
  requirements: { ...TERRAFORM, providers: [AWS_PROVIDER] },
  build,
};
