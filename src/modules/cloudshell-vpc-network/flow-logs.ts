// flow-logs.tf: optional VPC flow logs of the CloudShell subnets (flow_logs.enabled), to
// CloudWatch Logs (a log group and the role that delivers to it) or to an S3 bucket.
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { tf, tfNumber, Unit } from "../../cdktf/seam";
import { tags } from "./resources";


export function flowLogs(unit: Unit): void {
  const at = { file: "flow-logs.tf" };
  const group = { ...at, count: "local.create_flow_log_group ? 1 : 0" };
  unit.local(
    "flow_log_trust_policy",
    {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: "vpc-flow-logs.amazonaws.com" },
          Action: "sts:AssumeRole",
          Condition: {
            StringEquals: { "aws:SourceAccount": "${local.account_id}" },
            ArnLike: { "aws:SourceArn": "arn:${local.partition}:ec2:${local.region}:${local.account_id}:vpc-flow-log/*" },
          },
        },
      ],
    },
    {
      ...at,
      comment:
        "Only the flow-log service may assume the delivery role, and only for this account's flow logs in this\nRegion (confused deputy: AWS's flow-logs IAM role page recommends both aws:SourceAccount and aws:SourceArn).",
    },
  );
  unit.local("account_id", "${try(aws_security_group.cloudshell[0].owner_id, \"\")}", {
    ...at,
    comment: "The network's own account, read from its security group after apply (no AWS call at plan); \"\" when create is false.",
  });
  unit.resource(
    CloudwatchLogGroup,
    "flow_logs",
    {
      namePrefix: "/aws/vpc-flow-logs/${var.name}-",
      retentionInDays: tfNumber("local.flow_logs.retention_in_days"),
      kmsKeyId: tf("var.log_kms_key_arn"),
      tags: tags('"${var.name}-flow-logs"'),
    },
    { ...group, comment: "An audit trail of every connection a CloudShell environment makes, off by default (flow_logs)." },
  );
  unit.resource(
    IamRole,
    "flow_logs",
    {
      namePrefix: "${var.name}-flow-logs-",
      assumeRolePolicy: tf("jsonencode(local.flow_log_trust_policy)"),
      tags: tags('"${var.name}-flow-logs"'),
    },
    group,
  );
  unit.resource(
    IamRolePolicy,
    "flow_logs",
    {
      role: tf("aws_iam_role.flow_logs[0].id"),
      policy: tf(`jsonencode({
Version = "2012-10-17"
Statement = [{
Effect   = "Allow"
Action   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams"]
Resource = [aws_cloudwatch_log_group.flow_logs[0].arn, format("%s:*", aws_cloudwatch_log_group.flow_logs[0].arn)]
}]
})`),
    },
    group,
  );
  unit.resource(
    FlowLog,
    "cloudshell",
    {
      subnetId: tf("aws_subnet.private[each.key].id"),
      trafficType: tf("local.flow_logs.traffic_type"),
      logDestinationType: tf("local.flow_logs.destination"),
      logDestination: tf('local.flow_logs.destination == "s3" ? local.flow_logs.s3_bucket_arn : aws_cloudwatch_log_group.flow_logs[0].arn'),
      iamRoleArn: tf('local.flow_logs.destination == "s3" ? null : aws_iam_role.flow_logs[0].arn'),
      tags: tags('"${var.name}-${each.key}"'),
    },
    { ...at, forEach: "local.create_flow_logs ? local.private_subnets : {}", comment: "One flow log per CloudShell subnet: harmless in an existing VPC, whose other subnets it leaves alone." },
  );
}
