// AWS Organizations facts for the organization-wide guardrail (modules/cloudshell-guardrail):
// the forms of target IDs, how many SCPs a target takes, and the one statement the
// guardrail adds beyond CloudShell's own: no attaching the AWS managed policy AWSCloudShellFullAccess.

/** SCPs attached directly to one root, OU or account at most (same page). */
export const SCP_MAX_PER_TARGET = 5;

/**
 * What an Organizations policy can be attached to, as the API's TargetId pattern describes them
 * (https://docs.aws.amazon.com/organizations/latest/APIReference/API_AttachPolicy.html).
 */
export const TARGET_ID_FORMS = [
  { what: "a root", pattern: "^r-[0-9a-z]{4,32}$", example: "r-ab12" },
  { what: "an organizational unit", pattern: "^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$", example: "ou-ab12-cd34ef56" },
  { what: "an account", pattern: "^[0-9]{12}$", example: "123456789012" },
];

/** The AWS managed policy that CIS AWS Foundations 1.22 and Security Hub IAM.27 flag. */
export const FULL_ACCESS_POLICY = "AWSCloudShellFullAccess";

/**
 * Attaching a managed policy to a user, group or role; iam:PolicyARN names the policy on each
 * (Service Authorization Reference for IAM; checked against the pinned catalog when generating).
 * Not the PutRole/UserPermissionsBoundary actions: a boundary only limits, it grants nothing, and
 * IAM.27 looks at attached policies.
 */
export const DENY_FULL_ACCESS_STATEMENT = {
  Sid: "DenyAttachingAWSCloudShellFullAccess",
  Effect: "Deny",
  Action: ["iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy"],
  Resource: "*",
  Condition: { ArnEquals: { "iam:PolicyARN": [`arn:\${var.partition}:iam::aws:policy/${FULL_ACCESS_POLICY}`] } },
};

/** The condition keys the exemptions add to every Deny; no statement of the guardrail may use them itself. */
export const EXEMPTION_KEYS = { arn: "aws:PrincipalArn", tagPrefix: "aws:PrincipalTag/" };
