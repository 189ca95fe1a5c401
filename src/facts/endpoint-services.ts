// Regional AWS services with VPC endpoints: the label is the suffix of "com.amazonaws.<region>.<label>".
// PROVISIONAL list, to be replaced by the full list from AWS's PrivateLink page.
export const REGIONAL_ENDPOINT_LABELS: string[] = [
  "dynamodb", "ec2", "ec2messages", "ecr.api", "ecr.dkr", "ecs", "ecs-agent", "ecs-telemetry", "execute-api", "kms", "lambda", "logs",
  "monitoring", "s3", "secretsmanager", "sns", "sqs", "ssm", "ssmmessages", "sts",
];
