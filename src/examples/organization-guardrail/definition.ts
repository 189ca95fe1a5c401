// examples/organization-guardrail: CloudShell governed for a whole organization with two SCPs from
// modules/cloudshell-guardrail: VPC environments only and no AWSCloudShellFullAccess everywhere,
// with a break-glass exemption; no CloudShell at all in the sandbox OUs.
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { tf, Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { AWS_PROVIDER, TERRAFORM } from "../../modules/requirements";
import { POLICY_SIZE_LIMITS, thousands } from "../../facts/limits";

const GUARDRAIL = "../../modules/cloudshell-guardrail";
const BREAK_GLASS = ["arn:aws:iam::*:role/break-glass-*"];

function build(unit: Unit): void {
  unit.provider(AwsProvider, { region: "us-east-1" });
  const everywhere = unit.module(
    "organization",
    GUARDRAIL,
    {
      name: "cloudshell-organization",
      deny_public_environments: true,
      deny_credential_forwarding: true,
      deny_attaching_full_access: true,
      exempt_principal_arns: BREAK_GLASS,
      exempt_principal_tags: { "dp:exclude": "true" },
      target_ids: ["r-ab12"],
    },
    { comment: "The whole organization: VPC environments only, no console credentials in the shell, and no\nAWSCloudShellFullAccess (Security Hub IAM.27); break-glass roles and principals tagged\ndp:exclude = true are exempt." },
  );
  const sandboxes = unit.module(
    "sandboxes",
    GUARDRAIL,
    {
      name: "cloudshell-disabled",
      description: "No CloudShell in sandbox OUs.",
      disable_cloudshell: true,
      exempt_principal_arns: BREAK_GLASS,
      target_ids: ["ou-ab12-sandbox1a", "ou-ab12-sandbox2b"],
    },
    { comment: "No CloudShell at all in the sandbox OUs." },
  );
  unit.output("organization_scp", { description: "The organization-wide SCP, minified.", value: tf(`${everywhere}.json`) });
  unit.output("organization_scp_size", { description: `Characters in the organization-wide SCP (at most ${thousands(POLICY_SIZE_LIMITS.scp)}).`, value: tf(`${everywhere}.size`) });
  unit.output("sandbox_scp", { description: "The SCP that disables CloudShell in the sandbox OUs.", value: tf(`${sandboxes}.json`) });
}

export const organizationGuardrail: Definition = {
  name: "organization-guardrail",
  kind: "example",
  source: sourceOf(__dirname),
  title: "Example: CloudShell guardrails for an organization",
  requirements: { ...TERRAFORM, providers: [AWS_PROVIDER] },
  build,
};
