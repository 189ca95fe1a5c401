// Mistakes made with modules/cloudshell-guardrail, and what the plan says (src/modules/mistakes.ts).
import type { Value } from "../../hcl/writer";
import type { Mistake } from "../mistakes";
import { DEPLOYMENT_ROLE_PATTERNS } from "../../facts/exemptions";

const MODULE = "modules/cloudshell-guardrail";
const ROOT = { target_ids: ["r-ab12"] };
const PUBLIC = { ...ROOT, deny_public_environments: true };
/** Exemption by tag needs the resource control policy (its own row below). */
const TAGGED = { ...PUBLIC, resource_control_policy: true };
const BREAK_GLASS = "arn:aws:iam::*:role/break-glass-*";
const VPC = "vpc-0123456789abcdef0";
/** Nine exempt patterns: each is repeated in every statement, so with 40 subnets they take two SCPs. */
const NINE_PATTERNS = [BREAK_GLASS, ...Array.from({ length: 8 }, (_, i) => `arn:aws:iam::*:role/platform-deployer-0${i}-*`)];

/** A row of the guardrail: its inputs over the root as target. */
const row = (what: string, inputs: Record<string, Value>, expect: string, control?: Record<string, Value>, issue?: string): Mistake => ({
  module: MODULE,
  what,
  inputs: { ...ROOT, ...inputs },
  expect,
  ...(control ? { control: { ...ROOT, ...control } } : {}),
  ...(issue ? { issue } : {}),
});
/** An exemption pattern refused, with the pattern it should have been as the control. */
const exemption = (what: string, pattern: string, expect: string, control = BREAK_GLASS): Mistake =>
  row(what, { deny_public_environments: true, exempt_principal_arns: [pattern] }, expect, { deny_public_environments: true, exempt_principal_arns: [control] }, "22");

export const guardrailMistakes: Mistake[] = [
  // What to deny
  row("No choice at all", {}, "The guardrail denies nothing: set at least one of disable_cloudshell", { deny_public_environments: true }),
  row("disable_cloudshell with an allow-list", { disable_cloudshell: true, allowed_vpc_ids: [VPC] }, "disable_cloudshell = true already denies every CloudShell action", { disable_cloudshell: true, deny_attaching_full_access: true }),
  row("disable_cloudshell with deny_file_transfer", { disable_cloudshell: true, deny_file_transfer: true }, "disable_cloudshell = true already denies every CloudShell action"),
  row("disable_cloudshell with allowed_regions", { disable_cloudshell: true, allowed_regions: ["us-east-1"] }, "disable_cloudshell = true already denies every CloudShell action"),
  row("A malformed VPC ID", { allowed_vpc_ids: ["vpc-12"] }, 'allowed_vpc_ids must hold VPC IDs such as "vpc-0123456789abcdef0"', { allowed_vpc_ids: [VPC] }),
  row("A malformed subnet ID", { allowed_subnet_ids: ["subnet-xyz"] }, "allowed_subnet_ids must hold subnet IDs", { allowed_subnet_ids: ["subnet-01234567"] }),
  row("A malformed security group ID", { allowed_security_group_ids: ["sg-1"] }, "allowed_security_group_ids must hold security group IDs", {
    allowed_security_group_ids: [1, 2, 3, 4, 5, 6].map((i) => `sg-0000000${i}`),
  }),
  row(
    "An empty allow-list from networks not created (it used to mean no restriction)",
    { allowed_subnet_ids: "${values(module.network_not_created.vpc_environment.subnet_ids)}" },
    "allowed_subnet_ids is empty, which approves no subnet at all",
    { allowed_subnet_ids: "${values(module.network.vpc_environment.subnet_ids)}" },
    "23.2",
  ),
  row(
    "Allowed IDs of a network created in the same apply, protected, with more SCPs than max_scps (the sizes are checked at plan)",
    {
      allowed_subnet_ids: "${aws_subnet.more[*].id}",
      allowed_vpc_ids: ["${module.network.vpc_id}"],
      protect_approved_networks: true,
      exempt_principal_arns: NINE_PATTERNS,
      max_scps: 1,
    },
    "The guardrail does not fit",
    { allowed_subnet_ids: "${aws_subnet.more[*].id}", allowed_vpc_ids: ["${module.network.vpc_id}"], protect_approved_networks: true, exempt_principal_arns: NINE_PATTERNS },
    "23.1",
  ),
  row("An empty allowed_regions (no restriction is null)", { deny_public_environments: true, allowed_regions: [] }, "allowed_regions is empty", { deny_public_environments: true }),
  row("A Region written without its number", { deny_public_environments: true, allowed_regions: ["us-east"] }, 'allowed_regions must hold Region names such as "us-east-1"', {
    allowed_regions: ["us-east-1", "eu-west-1"],
  }),
  // Where to attach
  row(
    "An OU created in the same apply, in target_ids (its ID is a for_each key Terraform needs at plan)",
    { deny_public_environments: true, target_ids: ["${aws_organizations_organizational_unit.sandboxes.id}"] },
    "cannot be determined until apply",
    { deny_public_environments: true, target_ids: [], targets: { sandboxes: "${aws_organizations_organizational_unit.sandboxes.id}" } },
  ),
  row("target_ids and targets both", { deny_public_environments: true, target_ids: ["r-ab12"], targets: { root: "r-ab12" } }, "Set target_ids or targets, not both", { deny_public_environments: true, target_ids: [], targets: { root: "r-ab12" } }),
  row("An empty targets map", { deny_public_environments: true, target_ids: [], targets: {} }, "targets is empty"),
  row("An OU ID without its root part", { deny_public_environments: true, target_ids: ["ou-cd34ef56"] }, 'target_ids must hold root IDs ("r-ab12"), organizational unit IDs ("ou-ab12-cd34ef56") or account IDs ("123456789012")', {
    deny_public_environments: true,
    target_ids: ["r-ab12", "ou-ab12-cd34ef56", "123456789012"],
  }),
  row("An 11-digit account ID", { deny_public_environments: true, target_ids: ["12345678901"] }, "target_ids must hold root IDs"),
  row("An uppercase root ID", { deny_public_environments: true, target_ids: ["r-AB12"] }, "target_ids must hold root IDs"),
  row("No target", { deny_public_environments: true, target_ids: [] }, "target_ids is empty: the SCP would be created and attached nowhere", { create: false, deny_public_environments: true, target_ids: [] }, "22"),
  // Who is exempt
  exemption("A session ARN as exemption (it never matches aws:PrincipalArn)", "arn:aws:sts::123456789012:assumed-role/admin/me", "exempt_principal_arns must hold IAM role ARN patterns", "arn:aws:iam::123456789012:role/admin"),
  exemption("A bare wildcard as exemption", "*", "exempt_principal_arns must hold IAM role ARN patterns"),
  exemption("An IAM user as exemption (a group can change its permissions)", "arn:aws:iam::123456789012:user/admin", "exempt_principal_arns names an IAM user: exempt roles instead"),
  exemption("Every role as exemption", "arn:aws:iam::*:role/*", "the role name (or path) must begin with at least 3 characters before any wildcard"),
  exemption("Every role with a dash as exemption", "arn:aws:iam::*:role/*-*", "the role name (or path) must begin with at least 3 characters"),
  exemption("role/?* as exemption", "arn:aws:iam::*:role/?*", "the role name (or path) must begin with at least 3 characters"),
  exemption("A two-letter prefix as exemption", "arn:aws:iam::*:role/ad*", "the role name (or path) must begin with at least 3 characters", "arn:*:iam::*:role/ops/break-glass"),
  exemption("Every role on any path as exemption", "arn:aws:iam::*:role/*/*", "the role name (or path) must begin with at least 3 characters"),
  exemption("Service-linked roles as exemption", "arn:aws:iam::*:role/aws-service-role/*", "exempt_principal_arns must not match AWS's own roles"),
  exemption("Identity Center's roles as exemption", "arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*", "exempted by name with exempt_permission_sets"),
  exemption("An Identity Center role name as exemption", "arn:aws:iam::*:role/AWSReservedSSO_Admin_*", "exempt_principal_arns must not match AWS's own roles"),
  exemption("A prefix of AWS's paths as exemption", "arn:aws:iam::*:role/aws-*", "exempt_principal_arns must not match AWS's own roles", "arn:aws:iam::123456789012:root"),
  exemption("Every account's root user as exemption", "arn:aws:iam::*:root", "exempt_principal_arns must not exempt the root user of every account", "arn:aws:iam::123456789012:root"),
  row("A permission set ARN instead of its name", { ...PUBLIC, exempt_permission_sets: ["arn:aws:sso:::permissionSet/ssoins-1/ps-1"] }, 'exempt_permission_sets must hold permission set names such as "BreakGlass"', {
    ...PUBLIC,
    exempt_permission_sets: ["BreakGlass", "Security.Response-1"],
  }),
  row("An empty exempt tag value", { ...TAGGED, exempt_principal_tags: { "dp:exclude": "" } }, "an empty value would exempt every principal that carries the key", { ...TAGGED, exempt_principal_tags: { "dp:exclude": "true" } }, "22"),
  row("The protection tag as exemption", { ...TAGGED, exempt_principal_tags: { "cloudshell:protected": "x" } }, "exempt_principal_tags must not use cloudshell:protected", undefined, "22"),
  row("A reserved exemption tag key", { ...TAGGED, exempt_principal_tags: { "aws:exclude": "true" } }, "exempt_principal_tags must map IAM tag keys"),
  row(
    "Exempt tags without the resource control policy (a role trusting an outside account would take the tag)",
    { ...PUBLIC, exempt_principal_tags: { "dp:exclude": "true" } },
    "exempt_principal_tags needs resource_control_policy = true",
    { ...TAGGED, exempt_principal_tags: { "dp:exclude": "true" } },
    "22",
  ),
  // What the guardrail protects
  row("protect_detection without an exemption (it would stop the deployment roles too)", { ...PUBLIC, protect_detection: true }, "protect_detection and protect_approved_networks deny changes to everyone who is not exempt", {
    ...PUBLIC,
    protect_detection: true,
    exempt_principal_arns: DEPLOYMENT_ROLE_PATTERNS,
  }, "22"),
  row("protect_approved_networks without an exemption", { allowed_vpc_ids: [VPC], protect_approved_networks: true }, "name them in exempt_principal_arns", undefined, "22"),
  row("protect_approved_networks without approved VPCs", { ...PUBLIC, protect_approved_networks: true, exempt_principal_arns: [BREAK_GLASS] }, "protect_approved_networks protects the VPCs in allowed_vpc_ids: set allowed_vpc_ids", {
    allowed_vpc_ids: [VPC],
    protect_approved_networks: true,
    exempt_principal_arns: [BREAK_GLASS],
  }, "22"),
  row("A resource control policy without exempt tags", { ...PUBLIC, resource_control_policy: true, exempt_principal_arns: [BREAK_GLASS] }, "resource_control_policy protects the exempt tags on sessions", {
    ...PUBLIC,
    resource_control_policy: true,
    exempt_principal_tags: { "dp:exclude": "true" },
  }, "22"),
  // How many SCPs, and their names
  row("max_scps of 10 (FullAWSAccess takes one of a target's 10)", { ...PUBLIC, max_scps: 10 }, "max_scps must be a whole number from 1 to 9", { ...PUBLIC, max_scps: 9 }),
  row("max_scps of 0", { ...PUBLIC, max_scps: 0 }, "max_scps must be a whole number from 1 to 9"),
  row("scp_count over max_scps", { ...PUBLIC, scp_count: 3 }, "scp_count must be null (counted at plan) or a whole number from 1 to max_scps"),
  row("A fractional scp_count", { ...PUBLIC, scp_count: 1.5 }, "scp_count must be null"),
  row("A wrong scp_count (deprecated: the count is known at plan)", { ...PUBLIC, scp_count: 2 }, "scp_count = 2, but the statements take 1 SCP(s)", { ...PUBLIC, scp_count: 1 }, "23.1"),
  row("A name over 125 characters", { ...PUBLIC, name: "x".repeat(126) }, "name must be 1-125 characters", { ...PUBLIC, name: "x".repeat(125) }),
  row("An empty name", { ...PUBLIC, name: "" }, "name must be 1-125 characters"),
  row("A description over 512 characters", { ...PUBLIC, description: "x".repeat(513) }, "description must be at most 512 characters"),
  row("An unknown partition", { ...PUBLIC, partition: "aws-moon" }, "partition must be one of aws, aws-us-gov: the partitions with CloudShell", { ...PUBLIC, partition: "aws-us-gov" }),
  row("A reserved tag key", { ...PUBLIC, tags: { "aws:owner": "x" } }, 'do not start with "aws:"'),
];
