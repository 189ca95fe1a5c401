// examples/organization-guardrail: CloudShell governed for a whole organization with two guardrails
// from modules/cloudshell-guardrail: VPC environments in the approved network only, and no
// AWSCloudShellFullAccess, everywhere, with break-glass, the deployment roles and an Identity
// Center permission set exempt, and the detection and the approved network protected (the module
// README's example); no CloudShell at all in the sandbox OUs.
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { tf, Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { AWS_PROVIDER, TERRAFORM } from "../../modules/requirements";
import { EXAMPLE_EXEMPT_ARNS } from "../../facts/exemptions";
import { POLICY_SIZE_LIMITS, thousands } from "../../facts/limits";

const GUARDRAIL = "../../modules/cloudshell-guardrail";

function build(unit: Unit): void {
  unit.provider(AwsProvider, { region: "us-east-1" });
  const everywhere = unit.module(
    "organization",
    GUARDRAIL,
    {
      name: "cloudshell-organization",
      deny_public_environments: true,
      allowed_vpc_ids: ["vpc-0aaaaaaaaaaaaaaaa"],
      deny_credential_forwarding: true,
      deny_attaching_full_access: true,
      exempt_principal_arns: EXAMPLE_EXEMPT_ARNS,
      exempt_permission_sets: ["BreakGlass"],
      exempt_principal_tags: { "dp:exclude": "true" },
      protect_detection: true,
      protect_approved_networks: true,
      resource_control_policy: true,
      target_ids: ["r-ab12"],
    },
    {
      comment:
        "The whole organization: VPC environments in the approved network only, no console credentials in the\nshell, and no AWSCloudShellFullAccess (Security Hub IAM.27). Break-glass roles, the roles that deploy\ninto member accounts, the BreakGlass permission set and principals tagged dp:exclude = true are\nexempt; nobody else may change the monitoring, CloudTrail, AWS Config or the approved network.",
    },
  );
  const sandboxes = unit.module(
    "sandboxes",
    GUARDRAIL,
    {
      name: "cloudshell-disabled",
      description: "No CloudShell in sandbox OUs.",
      disable_cloudshell: true,
      exempt_principal_arns: EXAMPLE_EXEMPT_ARNS,
      target_ids: ["ou-ab12-sandbox1a", "ou-ab12-sandbox2b"],
    },
    { comment: "No CloudShell at all in the sandbox OUs; the same exempt roles, so that the deployment roles\nstill manage the break-glass roles there." },
  );
  unit.output("organization_scp", { description: "Every statement of the organization-wide SCPs, as one minified document.", value: tf(`${everywhere}.json`) });
  unit.output("organization_scp_sizes", { description: `Characters in each of the organization-wide SCPs (at most ${thousands(POLICY_SIZE_LIMITS.scp)} each).`, value: tf(`${everywhere}.policy_sizes`) });
  unit.output("organization_rcp", { description: "The resource control policy that keeps the exempt tag off federated sessions.", value: tf(`${everywhere}.rcp_json`) });
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
