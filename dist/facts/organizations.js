// Generated from src/facts/organizations.ts by npm run review:compile; do not edit.
"use strict";
// AWS Organizations facts for the organization-wide guardrail (modules/cloudshell-guardrail):
// the forms of target IDs, how many SCPs a target takes, and the statements the guardrail adds
// beyond CloudShell's own: no attaching the AWS managed policy AWSCloudShellFullAccess, the
// statements that keep non-exempt principals from becoming exempt, and those that protect the
// detection and the approved networks.
Object.defineProperty(exports, "__esModule", { value: true });
exports.STATEMENT_WORDS = exports.RCP_STATEMENT = exports.GUARDRAIL_STATEMENTS = exports.EXEMPTION_KEYS = exports.DENY_FULL_ACCESS_STATEMENT = exports.FULL_ACCESS_POLICY = exports.TARGET_ID_FORMS = exports.SCP_MAX_PER_TARGET = void 0;
const arn_1 = require("./arn");
/** SCPs attached directly to one root, OU or account at most: 10 since 2026-05-15 (was 5), the
 * same sources as POLICY_SIZE_LIMITS.scp in limits.ts (AWS What's New,
 * https://aws.amazon.com/about-aws/whats-new/2026/05/aws-organizations-increased-scp-quotas/ ;
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html). */
exports.SCP_MAX_PER_TARGET = 10;
/**
 * What an Organizations policy can be attached to, as the API's TargetId pattern describes them
 * (https://docs.aws.amazon.com/organizations/latest/APIReference/API_AttachPolicy.html).
 */
exports.TARGET_ID_FORMS = [
    { what: "a root", pattern: "^r-[0-9a-z]{4,32}$", example: "r-ab12" },
    { what: "an organizational unit", pattern: "^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$", example: "ou-ab12-cd34ef56" },
    { what: "an account", pattern: "^[0-9]{12}$", example: "123456789012" },
];
/** The AWS managed policy that CIS AWS Foundations 1.22 and Security Hub IAM.27 flag. */
exports.FULL_ACCESS_POLICY = "AWSCloudShellFullAccess";
/**
 * Attaching a managed policy to a user, group or role; iam:PolicyARN names the policy on each
 * (Service Authorization Reference for IAM; checked against the pinned catalog when generating).
 * Not the PutRole/UserPermissionsBoundary actions: a boundary only limits, it grants nothing, and
 * IAM.27 looks at attached policies.
 */
exports.DENY_FULL_ACCESS_STATEMENT = {
    Sid: "DenyAttachingAWSCloudShellFullAccess",
    Effect: "Deny",
    Action: ["iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy"],
    Resource: "*",
    Condition: { ArnEquals: { "iam:PolicyARN": [`arn:${arn_1.PARTITION}:iam::aws:policy/${exports.FULL_ACCESS_POLICY}`] } },
};
/** The condition keys the exemptions add to every Deny; no statement of the guardrail may use them itself. */
exports.EXEMPTION_KEYS = { arn: "aws:PrincipalArn", tagPrefix: "aws:PrincipalTag/" };
/**
 * The statements the guardrail adds beyond CloudShell's own, in the order the SCPs hold them, with
 * their Sids and what they do in plain words (the README and `npm run review` say it so). The
 * actions of each are in src/facts/exemptions.ts and src/facts/protected-resources.ts. An
 * invariant carries no exemption: it holds for exempt principals too. Condition key names, the
 * tag key in aws:PrincipalTag/<key> included, are not case-sensitive
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html),
 * and IAM keeps one tag per key whatever its case: tag keys are compared ignoring case, so
 * "DP:Exclude" is denied like "dp:exclude".
 */
exports.GUARDRAIL_STATEMENTS = {
    exemptRoles: {
        Sid: "DenyActingAsExemptRoles",
        words: "no one but an exempt principal may create, change, tag or delete a role that matches an exempt pattern (or a customer managed policy or instance profile named like it), or assume it from its own account",
        invariant: false,
    },
    taggedRoles: {
        Sid: "DenyActingAsTaggedExemptRoles",
        words: "no one but an exempt principal may change, tag or delete a role that carries an exempt tag, or assume it from its own account",
        invariant: false,
    },
    tags: {
        Sid: "DenySettingGuardrailTags",
        words: "no one but an exempt principal may set or remove an exempt tag key, or the protection tag, on anything: roles, sessions (sts:TagSession), federation tokens, resources",
        invariant: false,
    },
    identityProviders: {
        Sid: "DenyChangingIdentityProviders",
        words: "no one but an exempt principal may create or change an OIDC or SAML identity provider, or map a Cognito identity pool's claims to principal tags (ways to receive sessions with any tag)",
        invariant: false,
    },
    widening: {
        Sid: "DenyWideningExemptRoles",
        words: "no one, exempt or not, may pass an exempt role to a service, give it a permissions boundary, or attach to it a policy other than an AWS managed one or one named like it",
        invariant: true,
    },
    wideningTagged: {
        Sid: "DenyWideningTaggedExemptRoles",
        words: "no one, exempt or not, may pass a role that carries an exempt tag to a service, give it a permissions boundary, or attach to it a policy other than an AWS managed one",
        invariant: true,
    },
    userTags: {
        Sid: "DenyExemptTagsOnUsers",
        words: "no one, exempt or not, may put an exempt tag key on an IAM user (exempt principals are roles)",
        invariant: true,
    },
    protectedResources: {
        Sid: "DenyChangingProtectedResources",
        words: "no one but an exempt principal may change or delete what the monitoring or the network module created (their protection tag): rules, topic, key, roles, Config rule, endpoint policies, flow logs, DNS Firewall",
        invariant: false,
    },
    recording: {
        Sid: "DenyStoppingCloudTrailAndConfig",
        words: "no one but an exempt principal may stop, change or delete a CloudTrail trail, or stop or delete AWS Config's recorder or delivery channel",
        invariant: false,
    },
    vpcKeyed: {
        Sid: "DenyReopeningApprovedVpcs",
        words: "no one but an exempt principal may change security-group rules, routes, route-table associations, network ACLs or NAT gateways in an approved VPC",
        invariant: false,
    },
    vpcResource: {
        Sid: "DenyConnectingApprovedVpcs",
        words: "no one but an exempt principal may attach a gateway, peering, transit-gateway attachment or new endpoint to an approved VPC, or change its DNS (DHCP options, VPC attributes)",
        invariant: false,
    },
    lattice: {
        Sid: "DenyLatticeInApprovedVpcs",
        words: "no one but an exempt principal may associate an approved VPC with a VPC Lattice service network",
        invariant: false,
    },
    groupUse: {
        Sid: "DenyUsingApprovedNetworkGroups",
        words: "no one but an exempt principal may put the approved network's security groups on an instance or network interface, but CloudShell itself",
        invariant: false,
    },
};
/** The resource control policy's one statement (resource_control_policy): what SCPs may not see. */
exports.RCP_STATEMENT = {
    Sid: "DenyExemptSessionTags",
    words: "no session may carry an exempt tag key unless the caller is exempt, whoever calls: also SAML and OIDC federation",
};
/** What each guardrail statement the organization facts add does, in plain words, by Sid. */
exports.STATEMENT_WORDS = {
    [exports.DENY_FULL_ACCESS_STATEMENT.Sid]: `no attaching ${exports.FULL_ACCESS_POLICY}`,
    ...Object.fromEntries(Object.values(exports.GUARDRAIL_STATEMENTS).map((s) => [s.Sid, s.words])),
    [exports.RCP_STATEMENT.Sid]: exports.RCP_STATEMENT.words,
};
