// examples/permission-set: an IAM Identity Center permission set whose inline policy is a
// CloudShell preset from modules/cloudshell-policy-document. No module of its own: the two
// resources take the document's json output as it is.
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SsoadminPermissionSet } from "@cdktf/provider-aws/lib/ssoadmin-permission-set";
import { SsoadminPermissionSetInlinePolicy } from "@cdktf/provider-aws/lib/ssoadmin-permission-set-inline-policy";
import { tf, Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { CLOUDSHELL_PARTITIONS } from "../../facts/limits";
import { AWS_PROVIDER, TERRAFORM } from "../../modules/requirements";

/** An Identity Center instance ARN, as the SSO Admin API's InstanceArn pattern describes it. */
const INSTANCE_ARN = `^arn:(${CLOUDSHELL_PARTITIONS.join("|")}):sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}$`;

function build(unit: Unit): void {
  unit.variable("sso_instance_arn", {
    description: 'ARN of the IAM Identity Center instance, such as "arn:aws:sso:::instance/ssoins-0123456789abcdef" (aws sso-admin list-instances).',
    type: "string",
    default: "arn:aws:sso:::instance/ssoins-0123456789abcdef",
    nullable: false,
    validation: [
      {
        condition: `can(regex("${INSTANCE_ARN}", var.sso_instance_arn))`,
        errorMessage: 'sso_instance_arn must be an IAM Identity Center instance ARN such as "arn:aws:sso:::instance/ssoins-0123456789abcdef" (ssoins- and 16 characters).',
      },
    ],
  });
  unit.provider(AwsProvider, { region: "us-east-1" });
  const policy = unit.module("cloudshell_policy", "../../modules/cloudshell-policy-document", {
    preset: "no-credentials",
    allow_restart: true,
  });
  unit.resource(SsoadminPermissionSet, "cloudshell", {
    name: "CloudShellUser",
    description: "AWS CloudShell without AWS CLI credentials in the shell.",
    instanceArn: tf("var.sso_instance_arn"),
    sessionDuration: "PT4H",
  }, { comment: "A permission set for people who use CloudShell; assign it to groups and accounts as usual." });
  unit.resource(SsoadminPermissionSetInlinePolicy, "cloudshell", {
    instanceArn: tf("var.sso_instance_arn"),
    permissionSetArn: tf("aws_ssoadmin_permission_set.cloudshell.arn"),
    inlinePolicy: tf(`${policy}.json`),
  }, { comment: "The preset as the permission set's inline policy: Identity Center writes it into a role in every\naccount the permission set is assigned to." });
  unit.output("permission_set_arn", { description: "ARN of the permission set.", value: tf("aws_ssoadmin_permission_set.cloudshell.arn") });
  unit.output("inline_policy", { description: "The permission set's inline policy.", value: tf(`${policy}.json`) });
}

export const permissionSet: Definition = {
  name: "permission-set",
  kind: "example",
  source: sourceOf(__dirname),
  title: "Example: a CloudShell permission set in IAM Identity Center",
  requirements: { ...TERRAFORM, providers: [AWS_PROVIDER] },
  build,
};
