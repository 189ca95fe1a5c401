// Generated from src/facts/monitoring.ts by npm run review:compile; do not edit.
"use strict";
// Facts the CloudShell monitoring module (modules/cloudshell-monitoring) is built on: how CloudTrail
// records CloudShell's and IAM's calls, and how they reach EventBridge. Each with its source; what
// could not be read off an AWS page is marked UNCONFIRMED and the module is built to fail loud
// (an alert too many) rather than silent where it matters.
Object.defineProperty(exports, "__esModule", { value: true });
exports.ALARM_STATE_CHANGE = exports.RULE_NAME_MAX = exports.VPC_ID_SPELLINGS = exports.ROUTE53_RESOLVER_EVENTS = exports.MONITORING_EVENT_SOURCES = exports.RECORDING_EVENT_SOURCES = exports.IAM_EVENT_REGIONS = exports.CONFIG_RULE_IDENTIFIER = exports.POLICY_ARN_PARAMETER = exports.ATTACH_POLICY_EVENTS = exports.VPC_CONFIG_SPELLINGS = exports.ALL_MANAGEMENT_EVENTS_STATE = exports.CLOUDSHELL_EVENT_NAMES = exports.IAM_EVENTS = exports.CLOUDSHELL_EVENTS = exports.CLOUDTRAIL_DETAIL_TYPE = void 0;
/** CloudTrail events reach EventBridge with this detail-type, and only where a trail logs them
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail.html). */
exports.CLOUDTRAIL_DETAIL_TYPE = "AWS API Call via CloudTrail";
/** CloudShell's CloudTrail events in EventBridge: source and eventSource
 * (https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-cloudshell.html). */
exports.CLOUDSHELL_EVENTS = { source: "aws.cloudshell", eventSource: "cloudshell.amazonaws.com" };
/** IAM's CloudTrail events: eventSource as in the IAM guide's CloudTrail examples
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html); source aws.iam as
 * in AWS Knowledge Center's IAM rule (https://repost.aws/knowledge-center/iam-eventbridge-sns-rule). */
exports.IAM_EVENTS = { source: "aws.iam", eventSource: "iam.amazonaws.com" };
/**
 * CloudShell's event names. The CloudShell logging page lists them in lower camel case
 * (createEnvironment, getFileUploadUrls*, putCredentials, "*" marking read-only calls;
 * https://docs.aws.amazon.com/cloudshell/latest/userguide/logging-and-monitoring.html); records
 * published by third parties show CreateEnvironment, PutCredentials, GetFileDownloadUrls. Which
 * casing CloudTrail writes is UNCONFIRMED, so the rules match event names ignoring case.
 */
exports.CLOUDSHELL_EVENT_NAMES = {
    createEnvironment: "CreateEnvironment",
    fileTransfer: ["GetFileUploadUrls", "GetFileDownloadUrls"],
    putCredentials: "PutCredentials",
};
/** Read-only events (GetFileUploadUrls, GetFileDownloadUrls per the logging page, and denied
 * Get* calls) reach a rule only in this state
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail-management.html). */
exports.ALL_MANAGEMENT_EVENTS_STATE = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";
/**
 * Where CreateEnvironment's VPC configuration sits in the record: UNCONFIRMED. AWS documents no
 * CloudShell record. CloudShell's (undocumented) API takes VpcConfig { VpcId, SubnetIds,
 * SecurityGroupIds } (third-party captures: https://gist.github.com/avoidik/306b740fa4481e2cce29dffae571c122,
 * https://dev.to/aws-builders/cloudshell-the-hidden-api-51km); CloudTrail records JSON APIs'
 * parameters as sent (MWAA's CreateEnvironment record keeps NetworkConfiguration.SubnetIds) or in
 * lower camel case (IAM's records). The rules look at both spellings.
 */
exports.VPC_CONFIG_SPELLINGS = [
    { config: "VpcConfig", vpc: "VpcId", subnets: "SubnetIds", groups: "SecurityGroupIds" },
    { config: "vpcConfig", vpc: "vpcId", subnets: "subnetIds", groups: "securityGroupIds" },
];
/** The calls that attach a managed policy, and the parameter that names it (the IAM API's
 * PolicyArn, in CloudTrail's lower camel case as the IAM guide's records show their parameters). */
exports.ATTACH_POLICY_EVENTS = ["AttachUserPolicy", "AttachGroupPolicy", "AttachRolePolicy"];
exports.POLICY_ARN_PARAMETER = "policyArn";
/** The AWS Config managed rule that reports identities with given managed policies attached
 * (https://docs.aws.amazon.com/config/latest/developerguide/iam-policy-blacklisted-check.html). */
exports.CONFIG_RULE_IDENTIFIER = "IAM_POLICY_BLACKLISTED_CHECK";
/** IAM's events reach EventBridge only in us-east-1 (AWS Knowledge Center,
 * https://repost.aws/knowledge-center/eventbridge-rule-triggers-iam-single-region); in GovCloud,
 * us-gov-west-1 is assumed (UNCONFIRMED). */
exports.IAM_EVENT_REGIONS = ["us-east-1", "us-gov-west-1"];
/** CloudTrail's and AWS Config's own CloudTrail events
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-logging.html;
 * https://docs.aws.amazon.com/config/latest/developerguide/log-api-calls.html). */
exports.RECORDING_EVENT_SOURCES = ["cloudtrail.amazonaws.com", "config.amazonaws.com"];
/**
 * The CloudTrail eventSource of each service whose changes to the monitoring the guardrail's
 * protect_detection denies, by IAM service prefix: "<service>.amazonaws.com", as CloudTrail names a
 * record's service (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html),
 * and CloudWatch's monitoring.amazonaws.com
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/logging_cw_api_calls.html).
 */
exports.MONITORING_EVENT_SOURCES = {
    events: "events.amazonaws.com",
    sns: "sns.amazonaws.com",
    cloudwatch: "monitoring.amazonaws.com",
    logs: "logs.amazonaws.com",
    config: "config.amazonaws.com",
};
/** Route 53 Resolver's CloudTrail events (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/logging-using-cloudtrail.html). */
exports.ROUTE53_RESOLVER_EVENTS = { eventSource: "route53resolver.amazonaws.com" };
/**
 * Where a Route 53 Resolver record names the VPC: its API's VpcId (AssociateFirewallRuleGroup),
 * VPCId (AssociateResolverRule) or ResourceId, the VPC's ID (UpdateFirewallConfig,
 * https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_UpdateFirewallConfig.html),
 * kept as sent or in lower camel case (vpcId, vPCId, resourceId) as CloudTrail writes other JSON
 * APIs' parameters: which one is UNCONFIRMED (no AWS page shows these records), so the rule looks
 * at all six.
 */
exports.VPC_ID_SPELLINGS = ["VpcId", "vpcId", "VPCId", "vPCId", "ResourceId", "resourceId"];
/** Rule names: 1-64 of . - _ A-Z a-z 0-9 (EventBridge PutRule API). */
exports.RULE_NAME_MAX = 64;
/** The detail-type of a CloudWatch alarm's state change on the default event bus, from source aws.cloudwatch
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-eventbridge.html). */
exports.ALARM_STATE_CHANGE = "CloudWatch Alarm State Change";
