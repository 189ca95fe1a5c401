// What an exemption of the organization guardrail (modules/cloudshell-guardrail) has to protect:
// every way a principal of a member account could become, act as, change or disable an exempt
// role, as IAM actions grouped by the resource type they act on (checked against the pinned
// action catalog when generating: a Deny whose Resource or condition key an action does not
// support protects nothing, so the generator refuses it). Sources: the Service Authorization
// Reference for IAM and STS
// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html,
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html).

import { PARTITION } from "./arn";

/** Everything that creates, deletes or changes an IAM role, its trust, policies, boundary or tags. */
export const ROLE_CHANGE_ACTIONS = [
  "iam:CreateRole",
  "iam:DeleteRole",
  "iam:UpdateRole",
  "iam:UpdateRoleDescription",
  "iam:UpdateAssumeRolePolicy",
  "iam:AttachRolePolicy",
  "iam:DetachRolePolicy",
  "iam:PutRolePolicy",
  "iam:DeleteRolePolicy",
  "iam:PutRolePermissionsBoundary",
  "iam:DeleteRolePermissionsBoundary",
  "iam:TagRole",
  "iam:UntagRole",
];

/**
 * Acting as a role: assuming it. The Deny holds only for callers of the role's own account
 * (aws:ResourceAccount equal to ${aws:PrincipalAccount}, or the key absent): the usual trust
 * policy "trusts the account" (arn:aws:iam::<account>:root) hands the decision to the caller's
 * own policies (IAM, "Principal" element), so any administrator of that account could otherwise
 * assume it. A caller in another account gets in only if the exempt role's trust policy names
 * it, and only exempt principals may change that; AFT's aws-aft-AdministratorRole, in the AFT
 * account, so keeps assuming AWSAFTExecution.
 */
export const ASSUME_ACTIONS = ["sts:AssumeRole"];

/** Everything that changes a customer managed policy an exempt role carries (resource type policy). */
export const POLICY_CHANGE_ACTIONS = [
  "iam:CreatePolicy",
  "iam:CreatePolicyVersion",
  "iam:DeletePolicy",
  "iam:DeletePolicyVersion",
  "iam:SetDefaultPolicyVersion",
  "iam:TagPolicy",
  "iam:UntagPolicy",
];

/** Everything that changes an instance profile (resource type instance-profile): through one, EC2 runs code as its role. */
export const INSTANCE_PROFILE_ACTIONS = [
  "iam:CreateInstanceProfile",
  "iam:DeleteInstanceProfile",
  "iam:AddRoleToInstanceProfile",
  "iam:RemoveRoleFromInstanceProfile",
  "iam:TagInstanceProfile",
  "iam:UntagInstanceProfile",
];

/**
 * Giving a role to a service, or a wider policy to it, for everyone, exempt or not (invariants
 * of exempt roles): a service that runs as an exempt role lets whoever can change the workload
 * act as it (CloudFormation, for one, reuses a stack's role on update without a new
 * iam:PassRole: RoleARN in its API reference), and a customer managed policy outside the
 * protected names could be changed by anyone allowed to manage IAM.
 */
export const WIDENING_ACTIONS = ["iam:PassRole", "iam:AttachRolePolicy"];
export const BOUNDARY_ACTIONS = ["iam:PutRolePermissionsBoundary"];

/**
 * Tagging a user with an exempt tag, for everyone: an SCP cannot see which user
 * iam:AddUserToGroup adds (its only resource is the group), so an exempt user's permissions
 * could be changed through any group. Exempt principals are roles.
 */
export const USER_TAG_ACTIONS = ["iam:TagUser", "iam:CreateUser"];

/**
 * Identity providers: a principal of the account that creates or changes an OIDC or SAML
 * provider, or maps a Cognito identity pool's claims to principal tags, could receive sessions
 * carrying any tag it likes through AssumeRoleWithWebIdentity or AssumeRoleWithSAML, calls whose
 * caller is not an AWS identity (IAM: "Permissions for AssumeRole, AssumeRoleWithSAML, and
 * AssumeRoleWithWebIdentity"), so no SCP is known to see them (UNCONFIRMED on an AWS page).
 */
export const IDENTITY_PROVIDER_ACTIONS = [
  "iam:CreateOpenIDConnectProvider",
  "iam:UpdateOpenIDConnectProviderThumbprint",
  "iam:AddClientIDToOpenIDConnectProvider",
  "iam:CreateSAMLProvider",
  "iam:UpdateSAMLProvider",
  "cognito-identity:SetPrincipalTagAttributeMap",
];

/** The session-tag action a resource control policy sees on a role, whoever the caller (IAM session tags page). */
export const SESSION_TAG_ACTIONS = ["sts:TagSession"];

/**
 * Role names AWS owns. Service-linked roles (path /aws-service-role/) are never restricted by an
 * SCP (AWS Organizations, "Service control policies"); IAM Identity Center's roles live under
 * /aws-reserved/sso.amazonaws.com/ and are named AWSReservedSSO_<permission set>_<16 hex digits>
 * (IAM Identity Center, "Referencing permission sets in resource policies"), and are exempted
 * only by the named input exempt_permission_sets.
 */
export const RESERVED_ROLE_PATHS = ["aws-service-role/", "aws-reserved/"];
export const IDENTITY_CENTER_ROLE_PREFIX = "AWSReservedSSO_";
/** The role of a permission set in any account, from any Identity Center Region (the path may hold one). */
export const identityCenterRolePattern = (permissionSet: string): string =>
  `arn:${PARTITION}:iam::*:role/aws-reserved/sso.amazonaws.com/*${IDENTITY_CENTER_ROLE_PREFIX}${permissionSet}_${"?".repeat(16)}`;

/** Characters an exempt role pattern must name before its first wildcard: "role/*-*" exempts every role with a dash. */
export const MIN_LITERAL_PREFIX = 3;

/**
 * The roles that deploy into member accounts. They are ordinary roles, subject to SCPs: exempt
 * them, or the guardrail's protections stop them too. Each with the page that names it.
 */
export const DEPLOYMENT_ROLES = [
  {
    pattern: `arn:${PARTITION}:iam::*:role/AWSControlTowerExecution`,
    who: "AWS Control Tower, from the management account",
    source: "https://docs.aws.amazon.com/controltower/latest/userguide/roles-how.html",
  },
  {
    pattern: `arn:${PARTITION}:iam::*:role/AWSAFTExecution`,
    who: "Account Factory for Terraform, from the AFT account",
    source: "https://docs.aws.amazon.com/controltower/latest/userguide/aft-architecture.html",
  },
  {
    pattern: `arn:${PARTITION}:iam::*:role/stacksets-exec-*`,
    who: "CloudFormation StackSets with service-managed permissions",
    source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-activate-trusted-access.html",
  },
  {
    pattern: `arn:${PARTITION}:iam::*:role/OrganizationAccountAccessRole`,
    who: "AWS Organizations' role in accounts it creates, from the management account",
    source: "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_access-cross-account-role.html",
  },
];

/** The deployment roles' patterns in the aws partition, as a guardrail's exempt_principal_arns lists them. */
export const DEPLOYMENT_ROLE_PATTERNS = DEPLOYMENT_ROLES.map((r) => r.pattern.replace("${Partition}", "aws"));

/** What the examples exempt: the break-glass roles and the roles that deploy into member accounts (else the protections stop those too). */
export const EXAMPLE_EXEMPT_ARNS = ["arn:aws:iam::*:role/break-glass-*", ...DEPLOYMENT_ROLE_PATTERNS];
