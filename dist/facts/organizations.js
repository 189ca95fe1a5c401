// Generated from src/facts/organizations.ts by npm run review:compile; do not edit.
"use strict";
// AWS Organizations facts for the organization-wide guardrail (modules/cloudshell-guardrail):
// the forms of target IDs, how many SCPs a target takes, and the statements the guardrail adds
// beyond CloudShell's own: no attaching the AWS managed policy AWSCloudShellFullAccess, and the
// statements that keep non-exempt principals from becoming exempt.
Object.defineProperty(exports, "__esModule", { value: true });
exports.STATEMENT_WORDS = exports.PROTECTION_STATEMENTS = exports.TAG_ACTIONS = exports.PRINCIPAL_CHANGE_ACTIONS = exports.EXEMPTION_KEYS = exports.DENY_FULL_ACCESS_STATEMENT = exports.FULL_ACCESS_POLICY = exports.TARGET_ID_FORMS = exports.SCP_MAX_PER_TARGET = void 0;
const arn_1 = require("./arn");
/** SCPs attached directly to one root, OU or account at most: 10 since 2026-05-15 (was 5), the
 * same sources as POLICY_SIZE_LIMITS.scp in limits.ts (fact sheet 10.1;
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
 * Everything that creates, deletes or changes an IAM role or user, or gives someone a way to act as
 * it (Service Authorization Reference for IAM, actions with the role or user resource type;
 * checked against the pinned catalog when generating). Denied on the roles and users whose ARN
 * matches an exempt pattern, so nobody but an exempt principal can create a matching principal,
 * take one over (trust policy, access keys, passwords, other credentials, MFA) or change what it
 * may do. iam:UpdateUser renames a user: IAM checks the new name too (API_UpdateUser: "you must have
 * permission on both the source object and the target object"). iam:PassRole and the instance
 * profile actions would let a service run code as the role. Read-only actions (Get*, List*) are
 * left out: they change nothing.
 */
exports.PRINCIPAL_CHANGE_ACTIONS = {
    role: [
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
        "iam:PassRole",
        "iam:AddRoleToInstanceProfile",
        "iam:RemoveRoleFromInstanceProfile",
    ],
    user: [
        "iam:CreateUser",
        "iam:DeleteUser",
        "iam:UpdateUser",
        "iam:AttachUserPolicy",
        "iam:DetachUserPolicy",
        "iam:PutUserPolicy",
        "iam:DeleteUserPolicy",
        "iam:PutUserPermissionsBoundary",
        "iam:DeleteUserPermissionsBoundary",
        "iam:AddUserToGroup",
        "iam:RemoveUserFromGroup",
        "iam:TagUser",
        "iam:UntagUser",
        "iam:CreateAccessKey",
        "iam:UpdateAccessKey",
        "iam:DeleteAccessKey",
        "iam:CreateLoginProfile",
        "iam:UpdateLoginProfile",
        "iam:DeleteLoginProfile",
        "iam:UploadSSHPublicKey",
        "iam:UpdateSSHPublicKey",
        "iam:DeleteSSHPublicKey",
        "iam:CreateServiceSpecificCredential",
        "iam:ResetServiceSpecificCredential",
        "iam:UpdateServiceSpecificCredential",
        "iam:DeleteServiceSpecificCredential",
        "iam:UploadSigningCertificate",
        "iam:UpdateSigningCertificate",
        "iam:DeleteSigningCertificate",
        "iam:EnableMFADevice",
        "iam:DeactivateMFADevice",
        "iam:ResyncMFADevice",
    ],
};
/**
 * Every request that puts a tag key on a principal or a session, or takes one off: tagging and
 * untagging roles and users, creating them with tags, and session tags (sts:TagSession; session tags
 * become aws:PrincipalTag/..., https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
 * Each carries aws:TagKeys (Service Authorization Reference for IAM and STS). AWS's data perimeter
 * examples deny the same with Action "*" (aws-samples/data-perimeter-policy-examples,
 * data_perimeter_governance_scp.json, ProtectDataPerimeterTags); a list keeps the SCP reviewable and
 * leaves the tag free on other resources.
 */
exports.TAG_ACTIONS = ["iam:CreateRole", "iam:CreateUser", "iam:TagRole", "iam:UntagRole", "iam:TagUser", "iam:UntagUser", "sts:TagSession"];
/**
 * The statements that protect the exemptions, in the order the SCP holds them, with their Sids and what they do in plain words
 * (the README and `npm run review` say it so). Condition key names, the tag key in
 * aws:PrincipalTag/<key> included, are not case-sensitive
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html), and
 * IAM keeps one tag per key whatever its case: the tag keys are compared ignoring case, so
 * "DP:Exclude" is denied like "dp:exclude".
 */
exports.PROTECTION_STATEMENTS = {
    principals: {
        Sid: "DenyChangingExemptPrincipals",
        words: "no one but an exempt principal may create, delete, take over or change an IAM role or user whose ARN matches an exempt pattern",
    },
    taggedPrincipals: {
        Sid: "DenyChangingTaggedExemptPrincipals",
        words: "no one but an exempt principal may delete, take over or change an IAM role or user that carries an exempt tag",
    },
    tags: {
        Sid: "DenySettingExemptTags",
        words: "no one but an exempt principal may put an exempt tag key on a role, user or session, or take it off",
    },
};
/** What each guardrail statement the organization facts add does, in plain words, by Sid. */
exports.STATEMENT_WORDS = {
    [exports.DENY_FULL_ACCESS_STATEMENT.Sid]: `no attaching ${exports.FULL_ACCESS_POLICY}`,
    ...Object.fromEntries(Object.values(exports.PROTECTION_STATEMENTS).map((s) => [s.Sid, s.words])),
};
