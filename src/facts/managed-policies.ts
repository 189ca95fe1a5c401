// AWS managed policies that grant CloudShell, as far as a CloudShell review needs them: the plan
// names them only by ARN, so their statements are facts here. Each with its source. A policy not
// listed here is read as unknown by the review (it cannot tell what it grants), never as "nothing".
import { FULL_ACCESS_POLICY } from "./organizations";

export interface ManagedPolicyFact {
  /** The statements that can match a request of the services in `covers` (the policy's others are left out). */
  statements: { Effect: string; Action?: string[]; NotAction?: string[]; Resource: string }[];
  /** The service prefixes whose requests these statements decide; other requests are unknown. */
  covers?: string[];
  source: string;
}

export const MANAGED_POLICIES: Record<string, ManagedPolicyFact> = {
  // Version 1 is still the default: one Allow of cloudshell:* (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSCloudShellFullAccess.html).
  [FULL_ACCESS_POLICY]: {
    statements: [{ Effect: "Allow", Action: ["cloudshell:*"], Resource: "*" }],
    source: "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSCloudShellFullAccess.html",
  },
  AdministratorAccess: {
    statements: [{ Effect: "Allow", Action: ["*"], Resource: "*" }],
    source: "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html",
  },
  // Everything but IAM, Organizations and Account management, so CloudShell and EC2 included.
  PowerUserAccess: {
    statements: [{ Effect: "Allow", NotAction: ["iam:*", "organizations:*", "account:*"], Resource: "*" }],
    covers: ["cloudshell", "ec2"],
    source: "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/PowerUserAccess.html",
  },
  // Its first version's CloudShell actions (the README's "Why the denial must be explicit"); its
  // other statements, EC2 included, are not read here.
  AWSManagementConsoleBasicUserAccess: {
    statements: [
      {
        Effect: "Allow",
        Action: [
          "cloudshell:CreateEnvironment",
          "cloudshell:CreateSession",
          "cloudshell:GetEnvironmentStatus",
          "cloudshell:StartEnvironment",
          "cloudshell:StopEnvironment",
          "cloudshell:DeleteEnvironment",
          "cloudshell:PutCredentials",
          "cloudshell:ApproveCommand",
        ],
        Resource: "*",
      },
    ],
    covers: ["cloudshell"],
    source: "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSManagementConsoleBasicUserAccess.html",
  },
};

/** arn:<partition>:iam::aws:policy/<path><name> -> the name. */
export const managedPolicyName = (arn: string): string | undefined => /^arn:[^:]+:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn)?.[1];
