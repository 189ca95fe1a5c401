// AWS limits and partitions the modules check inputs against.

/** Security groups one CloudShell VPC environment takes at most.
 * https://docs.aws.amazon.com/cloudshell/latest/userguide/using-cshell-in-vpc.html */
export const MAX_SECURITY_GROUPS = 5;

/** The partitions with CloudShell, VPC environments included: commercial and GovCloud, no China
 * Regions: https://docs.aws.amazon.com/cloudshell/latest/userguide/supported-aws-regions.html and
 * https://docs.aws.amazon.com/general/latest/gr/cloudshell.html (no China Region in either). */
export const CLOUDSHELL_PARTITIONS = ["aws", "aws-us-gov"];

/** Policy size quotas in characters. IAM does not count whitespace
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html); an SCP saved through
 * the API, as Terraform does, counts it, so SCPs are written minified
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html).
 * SCP: 10,240 since 2026-05-15 (was 5,120): AWS What's New, "AWS Organizations increased SCP quotas"
 * (https://aws.amazon.com/about-aws/whats-new/2026/05/aws-organizations-increased-scp-quotas/),
 * confirmed in an account by FogSecurity/aws-size PR #71 (https://github.com/FogSecurity/aws-size/pull/71)
 * and adopted by Landing Zone Accelerator 1.16.0. Resource control policies stay at 5,120 (same sources). */
export const POLICY_SIZE_LIMITS = {
  managed: 6144,
  inline_user: 2048,
  inline_group: 5120,
  inline_role: 10240,
  scp: 10240,
  rcp: 5120,
  /** A VPC endpoint policy, whitespace included (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html). */
  vpc_endpoint: 20480,
};

/**
 * How many subnets (with one VPC, one security group, the EC2 grant, preset minimum) the
 * policy-document module fits in a managed policy: the README says it, its shipped tests prove this
 * many fit and one more does not, and a row of Mistakes we catch plans one more.
 */
export const SUBNETS_IN_A_MANAGED_POLICY = 36;

/** A count as messages and READMEs write it: 6,144. */
export const thousands = (x: number): string => x.toLocaleString("en-US");
