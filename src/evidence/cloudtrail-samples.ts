// CloudTrail records as EventBridge delivers them, for matching the monitoring module's planned
// patterns offline. The envelope is EventBridge's; `detail` is the CloudTrail record, with the
// fields of the CloudTrail record-contents page. AWS documents no CloudShell record, so where a
// field's shape is not on an AWS page, FIELD_SOURCES says where it comes from and marks it
// UNCONFIRMED; the samples cover each plausible shape (both casings of event names, both
// spellings of the VPC configuration) so that a rule is shown to catch all of them.

const DOCS = {
  envelope: "https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html",
  viaCloudTrail: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail.html",
  record: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html",
  cloudshellEvents: "https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-cloudshell.html",
  cloudshellLogging: "https://docs.aws.amazon.com/cloudshell/latest/userguide/logging-and-monitoring.html",
  iamLogging: "https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html",
  resolverLogging: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/logging-using-cloudtrail.html",
};

/** Where each field that a pattern reads comes from. */
export const FIELD_SOURCES: Record<string, string> = {
  source: `\`aws.cloudshell\` ([EventBridge: CloudShell events](${DOCS.cloudshellEvents})); \`aws.iam\` for IAM (AWS Knowledge Center, https://repost.aws/knowledge-center/iam-eventbridge-sns-rule)`,
  "detail-type": `\`AWS API Call via CloudTrail\` ([EventBridge: events via CloudTrail](${DOCS.viaCloudTrail}))`,
  "detail.eventSource": `\`cloudshell.amazonaws.com\` ([EventBridge: CloudShell events](${DOCS.cloudshellEvents})); \`iam.amazonaws.com\` ([IAM: CloudTrail](${DOCS.iamLogging}))`,
  "detail.eventName": `the API action ([CloudTrail record contents](${DOCS.record})). CloudShell's page lists \`createEnvironment\`, \`getFileUploadUrls\`, \`getFileDownloadUrls\`, \`putCredentials\` ([CloudShell logging](${DOCS.cloudshellLogging})); published records show \`CreateEnvironment\`, \`PutCredentials\`, \`GetFileDownloadUrls\`: the casing is UNCONFIRMED, the samples use both and the rules ignore case. IAM's are \`AttachUserPolicy\`, \`AttachGroupPolicy\`, \`AttachRolePolicy\` (API action names, as the IAM page's records show theirs)`,
  "detail.errorCode": `"The AWS service error if the request returns an error" ([CloudTrail record contents](${DOCS.record}), which adds that some services put errors in responseElements instead; top-level for CloudShell's denials in a published record, UNCONFIRMED on an AWS page)`,
  "detail.requestParameters": `"The parameters, if any, that were sent with the request" ([CloudTrail record contents](${DOCS.record}))`,
  "detail.requestParameters.VpcConfig / vpcConfig (VpcId, SubnetIds, SecurityGroupIds)": "UNCONFIRMED: no AWS page shows a CloudShell record. CloudShell's (undocumented) API takes VpcConfig { VpcId, SubnetIds, SecurityGroupIds } (third-party captures); CloudTrail keeps a JSON API's own casing for some services (MWAA's CreateEnvironment record) and lower camel case for others (IAM), so the samples use both",
  "detail.requestParameters.VpcId / vpcId / VPCId / vPCId / ResourceId / resourceId (Route 53 Resolver)": `UNCONFIRMED: the Route 53 Resolver API's VpcId (AssociateFirewallRuleGroup), VPCId (AssociateResolverRule) and ResourceId (UpdateFirewallConfig: the VPC's ID), as sent or in lower camel case; Resolver's calls are recorded by CloudTrail ([Route 53: CloudTrail](${DOCS.resolverLogging})) but no record is shown there, so the samples use both spellings and the rule looks at six`,
  "detail.eventSource (EventBridge, CloudWatch)": "`events.amazonaws.com`, `monitoring.amazonaws.com`: CloudTrail's record contents (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html) and CloudWatch's CloudTrail page (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/logging_cw_api_calls.html)",
  "detail.eventSource (CloudTrail, AWS Config)": "`cloudtrail.amazonaws.com`, `config.amazonaws.com`: the services' own CloudTrail pages (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-logging.html, https://docs.aws.amazon.com/config/latest/developerguide/log-api-calls.html)",
  "detail.requestParameters.policyArn": `the IAM API's PolicyArn parameter, in lower camel case as the IAM page's records show their parameters (\`userName\`, \`policyName\`; [IAM: CloudTrail](${DOCS.iamLogging})); an AttachRolePolicy record itself is not on that page: UNCONFIRMED`,
};

const ACCOUNT = "111122223333";
const USER = {
  type: "AssumedRole",
  principalId: "AROAEXAMPLEID:alice",
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Developer/alice`,
  accountId: ACCOUNT,
  accessKeyId: "ASIAEXAMPLEKEY",
  sessionContext: { sessionIssuer: { type: "Role", arn: `arn:aws:iam::${ACCOUNT}:role/Developer`, accountId: ACCOUNT, userName: "Developer" } },
};

interface Call {
  source: "aws.cloudshell" | "aws.iam" | "aws.route53resolver" | "aws.cloudtrail" | "aws.config" | "aws.events" | "aws.cloudwatch";
  region: string;
  eventName: string;
  requestParameters?: unknown;
  errorCode?: string;
  readOnly?: boolean;
}

/** An EventBridge event whose detail is a CloudTrail record of `call`. */
function event(call: Call, n: number): Record<string, unknown> {
  const prefix = call.source.slice("aws.".length);
  // Written here, not taken from the facts the rules use: CloudWatch's records name monitoring.amazonaws.com.
  const service = prefix === "cloudwatch" ? "monitoring.amazonaws.com" : `${prefix}.amazonaws.com`;
  const id = `0000000${n}-0000-4000-8000-000000000000`.slice(-36);
  return {
    version: "0",
    id,
    "detail-type": "AWS API Call via CloudTrail",
    source: call.source,
    account: ACCOUNT,
    time: "2026-11-29T10:00:00Z",
    region: call.region,
    resources: [],
    detail: {
      eventVersion: "1.09",
      userIdentity: USER,
      eventTime: "2026-11-29T10:00:00Z",
      eventSource: service,
      eventName: call.eventName,
      awsRegion: call.region,
      sourceIPAddress: "198.51.100.7",
      userAgent: "Mozilla/5.0",
      ...(call.errorCode ? { errorCode: call.errorCode, errorMessage: `User: ${USER.arn} is not authorized to perform: ${call.source.slice("aws.".length)}:${call.eventName}` } : {}),
      requestParameters: call.requestParameters ?? null,
      responseElements: null,
      requestID: id,
      eventID: id,
      readOnly: call.readOnly ?? false,
      eventType: "AwsApiCall",
      managementEvent: true,
      recipientAccountId: ACCOUNT,
      eventCategory: "Management",
    },
  };
}

export const APPROVED = { vpc: "vpc-0123456789abcdef0", subnets: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"], group: "sg-0123456789abcdef0" };
/** The approved network as the monitoring modules' inputs: examples/monitoring's (its plan's patterns are compared with the evidence's). */
export const APPROVED_NETWORK = { approved_vpc_ids: [APPROVED.vpc], approved_subnet_ids: APPROVED.subnets, approved_security_group_ids: [APPROVED.group] };
const OTHER = { vpc: "vpc-0fedcba9876543210", subnet: "subnet-0fedcba9876543210" };
const FULL_ACCESS = "arn:aws:iam::aws:policy/AWSCloudShellFullAccess";

const vpcConfig = (pascal: boolean, vpc: string, subnets: string[], groups: string[]) =>
  pascal ? { VpcConfig: { VpcId: vpc, SubnetIds: subnets, SecurityGroupIds: groups } } : { vpcConfig: { vpcId: vpc, subnetIds: subnets, securityGroupIds: groups } };

export interface Sample {
  name: string;
  note: string;
  /** The rule keys that must alert on it; every other rule must not. */
  alerts: string[];
  event: Record<string, unknown>;
}

const CALLS: (Omit<Sample, "event"> & { call: Call })[] = [
  { name: "public environment (no parameters)", note: "CreateEnvironment with requestParameters null, as CloudTrail writes a call without parameters", alerts: ["public_environment"], call: { source: "aws.cloudshell", region: "eu-west-1", eventName: "CreateEnvironment" } },
  { name: "public environment (a name only)", note: "createEnvironment (the logging page's casing) with an environment name and no VPC configuration", alerts: ["public_environment"], call: { source: "aws.cloudshell", region: "eu-west-1", eventName: "createEnvironment", requestParameters: { EnvironmentName: "default" } } },
  { name: "VPC environment, approved (VpcConfig)", note: "CreateEnvironment in the approved VPC, subnet and group, PascalCase parameters", alerts: [], call: { source: "aws.cloudshell", region: "us-east-1", eventName: "CreateEnvironment", requestParameters: vpcConfig(true, APPROVED.vpc, [APPROVED.subnets[0]], [APPROVED.group]) } },
  { name: "VPC environment, approved (vpcConfig)", note: "the same, lower camel case parameters", alerts: [], call: { source: "aws.cloudshell", region: "us-east-1", eventName: "CreateEnvironment", requestParameters: vpcConfig(false, APPROVED.vpc, APPROVED.subnets, [APPROVED.group]) } },
  { name: "VPC environment, another VPC", note: "CreateEnvironment in a VPC outside the approved list", alerts: ["outside_approved_network"], call: { source: "aws.cloudshell", region: "us-east-1", eventName: "CreateEnvironment", requestParameters: vpcConfig(true, OTHER.vpc, [OTHER.subnet], [APPROVED.group]) } },
  { name: "VPC environment, one subnet not approved", note: "the approved VPC, one approved and one other subnet, lower camel case", alerts: ["outside_approved_network"], call: { source: "aws.cloudshell", region: "us-east-1", eventName: "CreateEnvironment", requestParameters: vpcConfig(false, APPROVED.vpc, [APPROVED.subnets[0], OTHER.subnet], [APPROVED.group]) } },
  { name: "CreateEnvironment denied", note: "a public environment the guardrail denied (errorCode AccessDenied)", alerts: ["access_denied"], call: { source: "aws.cloudshell", region: "eu-west-1", eventName: "CreateEnvironment", errorCode: "AccessDenied" } },
  { name: "download URLs", note: "GetFileDownloadUrls (read-only), the casing of published records", alerts: ["file_transfer"], call: { source: "aws.cloudshell", region: "eu-west-1", eventName: "GetFileDownloadUrls", readOnly: true, requestParameters: { EnvironmentId: "abcdefgh-aaaa-bbbb-cccc-dddddddddddd" } } },
  { name: "upload URLs", note: "getFileUploadUrls (read-only), the logging page's casing", alerts: ["file_transfer"], call: { source: "aws.cloudshell", region: "eu-west-1", eventName: "getFileUploadUrls", readOnly: true } },
  { name: "credentials forwarded", note: "PutCredentials", alerts: ["credential_forwarding"], call: { source: "aws.cloudshell", region: "eu-west-1", eventName: "PutCredentials" } },
  { name: "download denied", note: "GetFileDownloadUrls denied with AccessDeniedException", alerts: ["access_denied"], call: { source: "aws.cloudshell", region: "eu-west-1", eventName: "GetFileDownloadUrls", readOnly: true, errorCode: "AccessDeniedException" } },
  { name: "a session opened", note: "CreateSession: ordinary use, no alert", alerts: [], call: { source: "aws.cloudshell", region: "eu-west-1", eventName: "CreateSession" } },
  { name: "AWSCloudShellFullAccess attached to a role", note: "AttachRolePolicy", alerts: ["full_access_attached"], call: { source: "aws.iam", region: "us-east-1", eventName: "AttachRolePolicy", requestParameters: { roleName: "Developer", policyArn: FULL_ACCESS } } },
  { name: "AWSCloudShellFullAccess attached to a user", note: "AttachUserPolicy", alerts: ["full_access_attached"], call: { source: "aws.iam", region: "us-east-1", eventName: "AttachUserPolicy", requestParameters: { userName: "alice", policyArn: FULL_ACCESS } } },
  { name: "another policy attached to a role", note: "AttachRolePolicy of ReadOnlyAccess", alerts: [], call: { source: "aws.iam", region: "us-east-1", eventName: "AttachRolePolicy", requestParameters: { roleName: "Developer", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" } } },
  { name: "AWSCloudShellFullAccess attachment denied", note: "AttachGroupPolicy denied by the guardrail: nothing was attached", alerts: [], call: { source: "aws.iam", region: "us-east-1", eventName: "AttachGroupPolicy", errorCode: "AccessDenied", requestParameters: { groupName: "developers", policyArn: FULL_ACCESS } } },
  { name: "DNS Firewall rule group associated with the approved VPC", note: "AssociateFirewallRuleGroup, lower camel case vpcId: a rule group that may answer every name", alerts: ["approved_network_changes"], call: { source: "aws.route53resolver", region: "us-east-1", eventName: "AssociateFirewallRuleGroup", requestParameters: { firewallRuleGroupId: "rslvr-frg-0123456789abcdef", vpcId: APPROVED.vpc, priority: 101, name: "allow-all" } } },
  { name: "Resolver rule associated with the approved VPC", note: "AssociateResolverRule, the API's own VPCId: DNS forwarded elsewhere", alerts: ["approved_network_changes"], call: { source: "aws.route53resolver", region: "us-east-1", eventName: "AssociateResolverRule", requestParameters: { ResolverRuleId: "rslvr-rr-0123456789abcdef", VPCId: APPROVED.vpc } } },
  { name: "DNS Firewall of the approved VPC set to fail open", note: "UpdateFirewallConfig, lower camel case resourceId (the VPC's ID): queries pass while the firewall cannot answer", alerts: ["approved_network_changes"], call: { source: "aws.route53resolver", region: "us-east-1", eventName: "UpdateFirewallConfig", requestParameters: { resourceId: APPROVED.vpc, firewallFailOpen: "ENABLED" } } },
  { name: "DNS Firewall of another VPC set to fail open", note: "UpdateFirewallConfig in a VPC that is not approved", alerts: [], call: { source: "aws.route53resolver", region: "us-east-1", eventName: "UpdateFirewallConfig", requestParameters: { resourceId: OTHER.vpc, firewallFailOpen: "ENABLED" } } },
  { name: "DNS Firewall rule group associated with another VPC", note: "AssociateFirewallRuleGroup in a VPC that is not approved", alerts: [], call: { source: "aws.route53resolver", region: "us-east-1", eventName: "AssociateFirewallRuleGroup", requestParameters: { firewallRuleGroupId: "rslvr-frg-0123456789abcdef", vpcId: OTHER.vpc, priority: 101, name: "allow-all" } } },
  { name: "monitoring rule deletion denied", note: "DeleteRule of a monitoring rule, denied by the guardrail: someone probing the detection", alerts: ["monitoring_tampering"], call: { source: "aws.events", region: "us-east-1", eventName: "DeleteRule", errorCode: "AccessDeniedException", requestParameters: { name: "cloudshell-monitoring-public-environment" } } },
  { name: "alarm actions disable denied", note: "DisableAlarmActions on a trail-monitoring alarm, denied", alerts: ["monitoring_tampering"], call: { source: "aws.cloudwatch", region: "us-east-1", eventName: "DisableAlarmActions", errorCode: "AccessDenied", requestParameters: { alarmNames: ["cloudshell-trail-monitoring-public-environment"] } } },
  { name: "a rule deleted by a deployment", note: "DeleteRule that succeeded (an exempt role's change): no alert", alerts: [], call: { source: "aws.events", region: "us-east-1", eventName: "DeleteRule", requestParameters: { name: "team-nightly-job" } } },
  { name: "trail stopped", note: "StopLogging of the organization trail's shadow in the account", alerts: ["recording_stopped"], call: { source: "aws.cloudtrail", region: "us-east-1", eventName: "StopLogging", requestParameters: { name: "arn:aws:cloudtrail:us-east-1:111122223333:trail/organization-trail" } } },
  { name: "Config recorder stop denied", note: "StopConfigurationRecorder denied by the guardrail: someone probing the detection", alerts: ["recording_stopped"], call: { source: "aws.config", region: "us-east-1", eventName: "StopConfigurationRecorder", errorCode: "AccessDenied", requestParameters: { configurationRecorderName: "default" } } },
  { name: "a trail created", note: "CreateTrail: more recording, no alert", alerts: [], call: { source: "aws.cloudtrail", region: "us-east-1", eventName: "CreateTrail", requestParameters: { name: "team-data-events" } } },
];

export const SAMPLES: Sample[] = CALLS.map(({ call, ...rest }, i) => ({ ...rest, event: event(call, i + 1) }));
