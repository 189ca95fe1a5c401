// IAM statements for CloudShell VPC environments, after the AWS user guide's "full access
// including VPC" example (the aws:CalledVia variant), with the partition left to an input:
// https://docs.aws.amazon.com/cloudshell/latest/userguide/aws-cloudshell-vpc-permissions-1.html
// ARNs use AWS's placeholder ${Partition} (src/facts/arn.ts); the module fills it in.
import { PARTITION } from "./arn";

export const CLOUDSHELL_TAG_KEY = "ManagedByCloudShell";
/** CloudShell's service principal: aws:CalledVia holds it when CloudShell calls EC2 for the user. */
export const CLOUDSHELL_SERVICE = "cloudshell.amazonaws.com";
const calledVia = { "aws:CalledVia": [CLOUDSHELL_SERVICE] };
const eni = `arn:${PARTITION}:ec2:*:*:network-interface/*`;
/**
 * The network interface carries the ManagedByCloudShell tag. AWS's example requires the value ""
 * (StringEquals), a value no AWS page confirms; requiring only the key (Null = false) cannot lock
 * users out if the value is anything else, and an untagged interface stays denied.
 */
const taggedByCloudShell = { Null: { [`aws:ResourceTag/${CLOUDSHELL_TAG_KEY}`]: "false" } };

/** The statement that lets CloudShell place its network interface in a subnet with security groups. */
export const ENI_PLACEMENT_SID = "AllowCreateNetworkInterfaceWithSubnetsAndSGViaCloudShell";

/** The EC2 permissions the console and CloudShell need to create a VPC environment. */
export const VPC_GRANT_STATEMENTS = [
  {
    Sid: "AllowDescribeVPC",
    Effect: "Allow",
    Action: ["ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs"],
    Resource: "*",
  },
  {
    Sid: "AllowInspectVPCConfigurationViaCloudShell",
    Effect: "Allow",
    Action: ["ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces"],
    Resource: "*",
    Condition: { "ForAnyValue:StringEquals": calledVia },
  },
  {
    Sid: "AllowCreateTagWithCloudShellKeyViaCloudShell",
    Effect: "Allow",
    Action: ["ec2:CreateTags"],
    Resource: eni,
    Condition: {
      StringEquals: { "ec2:CreateAction": "CreateNetworkInterface" },
      "ForAnyValue:StringEquals": { "aws:TagKeys": [CLOUDSHELL_TAG_KEY], ...calledVia },
    },
  },
  {
    // The module narrows these to the ARNs of subnet_ids and security_group_ids when they are given.
    Sid: ENI_PLACEMENT_SID,
    Effect: "Allow",
    Action: ["ec2:CreateNetworkInterface"],
    Resource: [`arn:${PARTITION}:ec2:*:*:security-group/*`, `arn:${PARTITION}:ec2:*:*:subnet/*`],
    Condition: { "ForAnyValue:StringEquals": calledVia },
  },
  {
    Sid: "AllowCreateNetworkInterfaceWithCloudShellTagViaCloudShell",
    Effect: "Allow",
    Action: ["ec2:CreateNetworkInterface"],
    Resource: eni,
    Condition: { "ForAnyValue:StringEquals": { "aws:TagKeys": [CLOUDSHELL_TAG_KEY], ...calledVia } },
  },
  {
    Sid: "AllowCreateNetworkInterfacePermissionWithCloudShellTagViaCloudShell",
    Effect: "Allow",
    Action: ["ec2:CreateNetworkInterfacePermission"],
    Resource: eni,
    Condition: {
      ...taggedByCloudShell,
      "ForAnyValue:StringEquals": calledVia,
    },
  },
];

/** Lets CloudShell delete the network interfaces it created; without it they pile up. */
export const ENI_CLEANUP_STATEMENT = {
  Sid: "AllowDeleteNetworkInterfaceWithCloudShellTagViaCloudShell",
  Effect: "Allow",
  Action: ["ec2:DeleteNetworkInterface"],
  Resource: eni,
  Condition: {
    ...taggedByCloudShell,
    "ForAnyValue:StringEquals": calledVia,
  },
};

/** Condition keys of CreateEnvironment, by the module input that lists allowed IDs. */
/**
 * Condition keys of CreateEnvironment, by the module input that lists allowed IDs. A Deny with
 * ForAnyValue:StringNotEquals never matches a request that lacks the key, so a restricted key
 * also gets a Deny when it is absent (absentSid); an absent VpcIds is a public environment, which
 * DENY_PUBLIC_STATEMENT denies whenever any ID is restricted.
 */
export const RESTRICTIONS = [
  { input: "vpc_ids", key: "cloudshell:VpcIds", sid: "DenyCloudShellOutsideAllowedVpcs", prefix: "vpc", what: "VPC", network: "vpc_id" },
  {
    input: "subnet_ids",
    network: "subnet_ids",
    key: "cloudshell:SubnetIds",
    sid: "DenyCloudShellOutsideAllowedSubnets",
    absentSid: "DenyCloudShellWithoutSubnetIds",
    prefix: "subnet",
    what: "subnet",
  },
  {
    input: "security_group_ids",
    network: "security_group_ids",
    key: "cloudshell:SecurityGroupIds",
    sid: "DenyCloudShellOutsideAllowedSecurityGroups",
    absentSid: "DenyCloudShellWithoutSecurityGroupIds",
    prefix: "sg",
    what: "security group",
  },
];

/** The only reliable way to keep people off public environments: the VPC keys are absent from a public one. */
export const DENY_PUBLIC_STATEMENT = {
  Sid: "DenyCloudShellPublicEnvironments",
  Effect: "Deny",
  Action: ["cloudshell:CreateEnvironment"],
  Resource: "*",
  Condition: { Null: { "cloudshell:VpcIds": "true" } },
};

/** What the Deny statements above do, in plain words, by Sid (npm run review and cloudshell-review say it so). */
export const VPC_STATEMENT_WORDS: Record<string, string> = {
  [DENY_PUBLIC_STATEMENT.Sid]: "no public (non-VPC) environments",
  ...Object.fromEntries(
    RESTRICTIONS.flatMap((r) => [
      [r.sid, `no environment outside the allowed ${r.what}s`],
      ...(r.absentSid ? [[r.absentSid, `no environment without ${r.what} IDs`]] : []),
    ]),
  ),
};
