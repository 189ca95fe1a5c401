// AWS limits and partitions the modules check inputs against.

/** Security groups one CloudShell VPC environment takes at most.
 * https://docs.aws.amazon.com/cloudshell/latest/userguide/using-cshell-in-vpc.html */
export const MAX_SECURITY_GROUPS = 5;

/** Every AWS partition, for the partition of ARNs in a policy. */
export const AWS_PARTITIONS = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"];

/** The partitions where CloudShell VPC environments exist (no China Regions).
 * https://docs.aws.amazon.com/cloudshell/latest/userguide/supported-aws-regions.html */
export const VPC_ENVIRONMENT_PARTITIONS = ["aws", "aws-us-gov"];
