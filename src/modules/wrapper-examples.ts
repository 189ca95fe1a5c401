// Two items per module's wrapper (wrappers/<module>/): the example its README shows, and what the
// tests plan (test/examples/plans.terraform.test.ts plans them in the same plan as the examples). A module without
// an entry still gets its wrapper; its README then shows a generic example, and the test names it.
import type { WrapperExample } from "../generator/wrappers";
import { EXAMPLE_EXEMPT_ARNS } from "../facts/exemptions";

export const WRAPPER_EXAMPLES: Record<string, WrapperExample> = {
  // Provider-free, with an input of type any (vpc_environments) passed through lookup().
  "cloudshell-policy-document": {
    defaults: { preset: "no-credentials" },
    items: {
      developers: {},
      "vpc-only": { preset: "minimum", vpc_environments: { grant_ec2_permissions: true, vpc_ids: ["vpc-0123456789abcdef0"] } },
    },
  },
  "cloudshell-policy": {
    defaults: { preset: "no-credentials", tags: { Team: "platform" } },
    items: {
      developers: { name: "cloudshell-developers", role_names: ["developer"], tags: { Owner: "developer-tools" } },
      auditors: { name: "cloudshell-auditors", preset: "minimum", role_names: ["auditor"], allowed_regions: ["us-east-1"] },
    },
  },
  "cloudshell-guardrail": {
    defaults: { deny_credential_forwarding: true, exempt_principal_arns: EXAMPLE_EXEMPT_ARNS },
    items: {
      organization: { name: "cloudshell-organization", deny_public_environments: true, target_ids: ["r-ab12"] },
      // disable_cloudshell cannot be combined with another denial: the item overrides the default.
      sandboxes: { name: "cloudshell-sandboxes", disable_cloudshell: true, deny_credential_forwarding: false, target_ids: ["ou-ab12-sandbox1a"] },
    },
  },
  "cloudshell-vpc-network": {
    defaults: { availability_zones: ["us-east-1a", "us-east-1b"] },
    items: {
      "team-a": { name: "cloudshell-team-a", vpc: { cidr: "10.10.0.0/16" } },
      "team-b": { name: "cloudshell-team-b", vpc: { cidr: "10.20.0.0/16" }, internet_access: "single" },
    },
  },
  "cloudshell-monitoring": {
    defaults: { sns_topic_arn: "arn:aws:sns:us-east-1:123456789012:security-alerts" },
    items: {
      workloads: { name: "cloudshell-workloads" },
      "vpc-only": { name: "cloudshell-vpc-only", approved_vpc_ids: ["vpc-0123456789abcdef0"], detect_access_denied: false },
    },
  },
  "cloudshell-trail-monitoring": {
    defaults: { log_group_name: "aws-cloudtrail-logs-o-exampleorgid", log_group_region: "us-east-1", sns_topic_arn: "arn:aws:sns:us-east-1:123456789012:security-alerts" },
    items: {
      organization: { name: "cloudshell-organization" },
      "vpc-only": { name: "cloudshell-vpc-only", approved_vpc_ids: ["vpc-0123456789abcdef0"], detect_access_denied: false },
    },
  },
};
