// What the people the guardrail stops would try, and what the people who run it must still do, as
// IAM requests for the guardrail simulation (src/evidence/simulate-scp.ts): one row per attempt, each a
// group of requests that must all get the same answer. The principals are an administrator of a
// member account who is not exempt (with an identity policy that allows everything), the platform's
// deployment role, the break-glass role, an exempt Identity Center role and a role exempt by tag.
// The flows are end-to-end paths across accounts: break-glass from the management account, AFT
// from its own account, and sessions federated through SAML or OIDC under the resource control policy.
import { PROTECTION_TAG } from "../facts/protected-resources";
import { CLOUDSHELL_SERVICE } from "../facts/vpc-statements";
import { ACCOUNT, Context, IamRequest, REGION } from "./simulate";
import { IDS } from "./scenarios";

export const EXEMPT_TAG = "dp:exclude";

const iam = (type: string, name: string) => `arn:aws:iam::${ACCOUNT}:${type}/${name}`;
const ec2 = (type: string, id: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:${type}/${id}`;
const regional = (service: string, rest: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${rest}`;

export const BREAK_GLASS_ROLE = iam("role", "break-glass-admin");
export const DEPLOYMENT_ROLE = iam("role", "AWSAFTExecution");
export const PERMISSION_SET = "BreakGlass";
export const PERMISSION_SET_ROLE = iam("role", `aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_${PERMISSION_SET}_0123456789abcdef`);
const TAGGED_ROLE = iam("role", "platform");
const APPROVED_VPC = ec2("vpc", IDS.allowedVpc);
const OTHER_VPC = ec2("vpc", IDS.otherVpc);

/** A trust policy that names the given principals (the usual one names the account: <account>:root). */
export const trust = (...principals: string[]) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: principals }, Action: ["sts:AssumeRole", "sts:TagSession"] }],
});
const TRUSTS_THE_ACCOUNT = trust(`arn:aws:iam::${ACCOUNT}:root`);
/** A KMS key policy lets the account's IAM policies decide (the default key policy's first statement). */
const KEY_POLICY = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }] };
/** A role that trusts an identity provider, session tags included. */
const trustsProvider = (provider: string) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Federated: provider }, Action: ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML", "sts:TagSession"] }],
});

const settingTag = (key: string, value = "true"): Context => ({ "aws:TagKeys": [key], [`aws:RequestTag/${key}`]: value });
const taggedExempt: Context = { [`aws:ResourceTag/${EXEMPT_TAG}`]: "true" };
const protectedAs = (kind: string): Context => ({ [`aws:ResourceTag/${PROTECTION_TAG.key}`]: kind });
const inVpc = (vpc: string): Context => ({ "ec2:Vpc": vpc });
const on = (resource: string, context: Context, ...actions: string[]): IamRequest[] => actions.map((action) => ({ action, resource, context }));
const attaching = (policyArn: string): Context => ({ "iam:PolicyARN": policyArn });

/** I = the insider, D = the deployment role, B = break-glass, P = the permission-set role, T = the role exempt by tag. */
export const ATTACK_PRINCIPALS = ["developer", "deployment role", "break-glass role", "permission-set role", `${EXEMPT_TAG}=true`] as const;
export type AttackPrincipal = (typeof ATTACK_PRINCIPALS)[number];

export interface Attack {
  group: string;
  label: string;
  requests: IamRequest[];
}

const BECOME = "Becoming or acting as an exempt role";
const DETECTION = "Switching off the detection";
const NETWORK = "Reopening an approved network";
const SCOPE = "What stays allowed";

export const ATTACKS: Attack[] = [
  { group: BECOME, label: "Create a role named like an exempt one", requests: [{ action: "iam:CreateRole", resource: iam("role", "break-glass-mine") }] },
  { group: BECOME, label: "Assume an exempt role from its own account", requests: [{ action: "sts:AssumeRole", resource: BREAK_GLASS_ROLE, resourcePolicy: TRUSTS_THE_ACCOUNT }] },
  { group: BECOME, label: "Assume a role tagged exempt from its own account", requests: [{ action: "sts:AssumeRole", resource: TAGGED_ROLE, context: taggedExempt, resourcePolicy: TRUSTS_THE_ACCOUNT }] },
  { group: BECOME, label: "Rewrite an exempt role's trust policy", requests: on(BREAK_GLASS_ROLE, {}, "iam:UpdateAssumeRolePolicy") },
  { group: BECOME, label: "Attach an AWS managed policy to an exempt role, or delete it", requests: [...on(BREAK_GLASS_ROLE, attaching("arn:aws:iam::aws:policy/AdministratorAccess"), "iam:AttachRolePolicy"), ...on(BREAK_GLASS_ROLE, {}, "iam:DeleteRole", "iam:PutRolePolicy")] },
  { group: BECOME, label: "Change a policy named like an exempt role", requests: on(iam("policy", "break-glass-admin-policy"), {}, "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion") },
  { group: BECOME, label: "Attach another customer managed policy to an exempt role", requests: on(BREAK_GLASS_ROLE, attaching(iam("policy", "team-policy")), "iam:AttachRolePolicy") },
  { group: BECOME, label: "Pass an exempt role to a service", requests: on(BREAK_GLASS_ROLE, { "iam:PassedToService": "lambda.amazonaws.com" }, "iam:PassRole") },
  { group: BECOME, label: "Give an exempt role a permissions boundary", requests: on(BREAK_GLASS_ROLE, { "iam:PermissionsBoundary": "arn:aws:iam::aws:policy/ReadOnlyAccess" }, "iam:PutRolePermissionsBoundary") },
  { group: BECOME, label: "Change an instance profile named like an exempt role", requests: on(iam("instance-profile", "break-glass-admin"), {}, "iam:AddRoleToInstanceProfile", "iam:RemoveRoleFromInstanceProfile") },
  { group: BECOME, label: "Change a role tagged exempt", requests: [...on(TAGGED_ROLE, taggedExempt, "iam:UpdateAssumeRolePolicy"), ...on(TAGGED_ROLE, { ...taggedExempt, ...attaching("arn:aws:iam::aws:policy/AdministratorAccess") }, "iam:AttachRolePolicy")] },
  { group: BECOME, label: "Attach a customer managed policy to a role tagged exempt", requests: on(TAGGED_ROLE, { ...taggedExempt, ...attaching(iam("policy", "team-policy")) }, "iam:AttachRolePolicy") },
  // IAM itself refuses changes to roles under /aws-reserved/ (the simulator models it so); assuming one is the SCP's to deny.
  { group: BECOME, label: "Assume an exempt permission set's role from its own account", requests: [{ action: "sts:AssumeRole", resource: PERMISSION_SET_ROLE, resourcePolicy: TRUSTS_THE_ACCOUNT }] },
  {
    // The key in another case too: IAM compares condition key names ignoring case.
    group: BECOME,
    label: "Tag oneself exempt",
    requests: [...on(iam("role", "developer"), settingTag(EXEMPT_TAG), "iam:TagRole"), ...on(iam("role", "developer"), settingTag("DP:Exclude"), "iam:TagRole")],
  },
  { group: BECOME, label: "Tag a user exempt", requests: on(iam("user", "developer"), settingTag(EXEMPT_TAG), "iam:TagUser") },
  { group: BECOME, label: "Create a role with the exempt tag", requests: on(iam("role", "tagged-by-me"), settingTag(EXEMPT_TAG), "iam:CreateRole") },
  { group: BECOME, label: "Session tag on AssumeRole", requests: on(iam("role", "any-role"), settingTag(EXEMPT_TAG), "sts:TagSession") },
  { group: BECOME, label: "Session tag on GetFederationToken", requests: on(`arn:aws:sts::${ACCOUNT}:federated-user/me`, settingTag(EXEMPT_TAG), "sts:GetFederationToken") },
  {
    group: BECOME,
    label: "Create or change an identity provider",
    requests: [
      ...on(iam("oidc-provider", "idp.example.com"), {}, "iam:CreateOpenIDConnectProvider", "iam:UpdateOpenIDConnectProviderThumbprint"),
      ...on(iam("saml-provider", "corp"), {}, "iam:CreateSAMLProvider", "iam:UpdateSAMLProvider"),
      { action: "cognito-identity:SetPrincipalTagAttributeMap", resource: "*" },
    ],
  },
  { group: BECOME, label: "Remove the protection tag", requests: on(regional("events", "rule/cloudshell-monitoring-public-environment"), { "aws:TagKeys": [PROTECTION_TAG.key] }, "events:UntagResource") },

  {
    group: DETECTION,
    label: "Disable, delete or retarget a monitoring rule",
    requests: on(regional("events", "rule/cloudshell-monitoring-public-environment"), protectedAs(PROTECTION_TAG.values.detection), "events:DisableRule", "events:DeleteRule", "events:PutRule", "events:PutTargets", "events:RemoveTargets"),
  },
  {
    group: DETECTION,
    label: "Delete or rewire the alert topic",
    requests: on(regional("sns", "cloudshell-monitoring"), protectedAs(PROTECTION_TAG.values.detection), "sns:DeleteTopic", "sns:SetTopicAttributes", "sns:RemovePermission", "sns:Unsubscribe"),
  },
  {
    group: DETECTION,
    label: "Disable or delete the topic's key, or rewrite its policy",
    requests: on(regional("kms", "key/1234abcd-12ab-34cd-56ef-1234567890ab"), protectedAs(PROTECTION_TAG.values.detection), "kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:PutKeyPolicy").map((r) => ({ ...r, resourcePolicy: KEY_POLICY })),
  },
  { group: DETECTION, label: "Change the event-bus role", requests: on(iam("role", "cloudshell-monitoring-events-us-east-1"), protectedAs(PROTECTION_TAG.values.detection), "iam:DeleteRolePolicy", "iam:PutRolePolicy", "iam:DeleteRole") },
  { group: DETECTION, label: "Delete or change the IAM.27 Config rule", requests: on(regional("config", "config-rule/config-rule-abc123"), protectedAs(PROTECTION_TAG.values.detection), "config:DeleteConfigRule", "config:PutConfigRule") },
  {
    group: DETECTION,
    label: "Delete or silence the organization trail's alarms, or its metric filters",
    requests: [
      ...on(regional("cloudwatch", "alarm:cloudshell-trail-monitoring-public-environment"), protectedAs(PROTECTION_TAG.values.detection), "cloudwatch:DeleteAlarms", "cloudwatch:DisableAlarmActions"),
      ...on(regional("logs", "log-group:aws-cloudtrail-logs-o-exampleorgid"), protectedAs(PROTECTION_TAG.values.detection), "logs:DeleteMetricFilter"),
    ],
  },
  { group: DETECTION, label: "Stop, change or delete a CloudTrail trail", requests: on(regional("cloudtrail", "trail/organization-trail"), {}, "cloudtrail:StopLogging", "cloudtrail:PutEventSelectors", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail") },
  {
    group: DETECTION,
    label: "Stop or delete AWS Config's recorder or delivery channel",
    requests: [...on(regional("config", "configuration-recorder/default/abc123"), {}, "config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder"), { action: "config:DeleteDeliveryChannel", resource: "*" }],
  },

  {
    group: NETWORK,
    label: "Open the approved VPC's security groups",
    requests: on(ec2("security-group", IDS.allowedSecurityGroup), inVpc(APPROVED_VPC), "ec2:AuthorizeSecurityGroupEgress", "ec2:ModifySecurityGroupRules", "ec2:RevokeSecurityGroupEgress"),
  },
  { group: NETWORK, label: "Add a route or change a route-table association", requests: on(ec2("route-table", "rtb-0aaaaaaaaaaaaaaaa"), inVpc(APPROVED_VPC), "ec2:CreateRoute", "ec2:ReplaceRoute", "ec2:AssociateRouteTable") },
  { group: NETWORK, label: "Add a NAT gateway", requests: on(ec2("natgateway", "nat-0aaaaaaaaaaaaaaaa"), inVpc(APPROVED_VPC), "ec2:CreateNatGateway") },
  { group: NETWORK, label: "Open a network ACL", requests: on(ec2("network-acl", "acl-0aaaaaaaaaaaaaaaa"), inVpc(APPROVED_VPC), "ec2:CreateNetworkAclEntry", "ec2:ReplaceNetworkAclEntry") },
  { group: NETWORK, label: "Attach an internet, egress-only or VPN gateway", requests: on(APPROVED_VPC, {}, "ec2:AttachInternetGateway", "ec2:CreateEgressOnlyInternetGateway", "ec2:AttachVpnGateway") },
  { group: NETWORK, label: "Peer the VPC, or attach it to a transit gateway", requests: on(APPROVED_VPC, {}, "ec2:CreateVpcPeeringConnection", "ec2:AcceptVpcPeeringConnection", "ec2:CreateTransitGatewayVpcAttachment") },
  { group: NETWORK, label: "Add an endpoint, or change the VPC's DNS", requests: on(APPROVED_VPC, {}, "ec2:CreateVpcEndpoint", "ec2:AssociateDhcpOptions", "ec2:ModifyVpcAttribute") },
  { group: NETWORK, label: "Associate a VPC Lattice service network", requests: on(regional("vpc-lattice", "servicenetworkvpcassociation/snva-0aaaaaaaaaaaaaaaa"), { "vpc-lattice:VpcId": IDS.allowedVpc }, "vpc-lattice:CreateServiceNetworkVpcAssociation") },
  { group: NETWORK, label: "Change or delete an endpoint of the network", requests: on(ec2("vpc-endpoint", "vpce-0aaaaaaaaaaaaaaaa"), protectedAs(PROTECTION_TAG.values.network), "ec2:ModifyVpcEndpoint", "ec2:DeleteVpcEndpoints") },
  { group: NETWORK, label: "Delete the network's flow logs", requests: on(ec2("vpc-flow-log", "fl-0aaaaaaaaaaaaaaaa"), protectedAs(PROTECTION_TAG.values.network), "ec2:DeleteFlowLogs") },
  {
    group: NETWORK,
    label: "Take the DNS Firewall off, or open it",
    requests: [
      ...on(regional("route53resolver", "firewall-rule-group-association/rslvr-frgassoc-0aaaaaaaaaaaaaaa"), protectedAs(PROTECTION_TAG.values.network), "route53resolver:DisassociateFirewallRuleGroup", "route53resolver:UpdateFirewallRuleGroupAssociation"),
      ...on(regional("route53resolver", "firewall-rule-group/rslvr-frg-0aaaaaaaaaaaaaaa"), protectedAs(PROTECTION_TAG.values.network), "route53resolver:CreateFirewallRule"),
      ...on(regional("route53resolver", "firewall-domain-list/rslvr-fdl-0aaaaaaaaaaaaaaa"), protectedAs(PROTECTION_TAG.values.network), "route53resolver:UpdateFirewallDomains"),
    ],
  },
  {
    group: NETWORK,
    label: "Launch a proxy with the network's security group, or put it on an existing instance",
    requests: on(ec2("security-group", IDS.allowedSecurityGroup), protectedAs(PROTECTION_TAG.values.network), "ec2:RunInstances", "ec2:CreateNetworkInterface", "ec2:ModifyNetworkInterfaceAttribute", "ec2:ModifyInstanceAttribute"),
  },

  { group: SCOPE, label: "CloudShell creates its network interface in the approved network", requests: on(ec2("security-group", IDS.allowedSecurityGroup), { ...protectedAs(PROTECTION_TAG.values.network), "aws:CalledVia": [CLOUDSHELL_SERVICE] }, "ec2:CreateNetworkInterface") },
  { group: SCOPE, label: "Open another VPC's security group", requests: on(ec2("security-group", IDS.otherSecurityGroup), inVpc(OTHER_VPC), "ec2:AuthorizeSecurityGroupEgress") },
  { group: SCOPE, label: "Delete one's own EventBridge rule", requests: on(regional("events", "rule/my-rule"), {}, "events:DeleteRule") },
  { group: SCOPE, label: "Create and change one's own roles", requests: on(iam("role", "team-app"), {}, "iam:CreateRole", "iam:UpdateAssumeRolePolicy", "iam:PassRole") },
];

// ---- End to end: across accounts, and under the resource control policy ----

/** Accounts of the flows: the management account (no SCP applies to it) and the AFT account (governed, like the member). */
export const MANAGEMENT_ACCOUNT = "111111111111";
export const AFT_ACCOUNT = "222222222222";
/** An account outside the organization, the insider's own: no SCP applies to its principals. */
export const OUTSIDE_ACCOUNT = "999988887777";

export interface Flow {
  label: string;
  /** The caller, with the tags its principal carries. */
  principal: { arn: string; tags: Record<string, string> };
  /** Which guardrail policies apply: the SCPs to a caller of a governed account, the RCP to the member's resources. */
  under: "scp" | "none" | "rcp";
  request: IamRequest;
}

export const FLOWS: Flow[] = [
  {
    label: "Break-glass from the management account: its responder role assumes break-glass-admin, whose trust names it",
    principal: { arn: `arn:aws:iam::${MANAGEMENT_ACCOUNT}:role/security-responder`, tags: {} },
    under: "none",
    request: { action: "sts:AssumeRole", resource: BREAK_GLASS_ROLE, resourcePolicy: trust(`arn:aws:iam::${MANAGEMENT_ACCOUNT}:role/security-responder`) },
  },
  {
    label: "The break-glass session opens CloudShell anywhere (it is exempt)",
    principal: { arn: BREAK_GLASS_ROLE, tags: {} },
    under: "scp",
    request: { action: "cloudshell:CreateEnvironment", resource: "*" },
  },
  {
    label: "AFT from its own account: aws-aft-AdministratorRole (governed, not exempt) assumes AWSAFTExecution, whose trust names it",
    principal: { arn: `arn:aws:iam::${AFT_ACCOUNT}:role/aws-aft-AdministratorRole`, tags: {} },
    under: "scp",
    request: { action: "sts:AssumeRole", resource: DEPLOYMENT_ROLE, resourcePolicy: trust(`arn:aws:iam::${AFT_ACCOUNT}:role/aws-aft-AdministratorRole`) },
  },
  {
    label: "The member account's administrator assumes AWSAFTExecution, whose trust names the account (the AFT flow's denied twin)",
    principal: { arn: iam("role", "developer"), tags: {} },
    under: "scp",
    request: { action: "sts:AssumeRole", resource: DEPLOYMENT_ROLE, resourcePolicy: TRUSTS_THE_ACCOUNT },
  },
  {
    label: "The member account's administrator assumes break-glass-admin, whose trust names the account",
    principal: { arn: iam("role", "developer"), tags: {} },
    under: "scp",
    request: { action: "sts:AssumeRole", resource: BREAK_GLASS_ROLE, resourcePolicy: TRUSTS_THE_ACCOUNT },
  },
  {
    label: "An OIDC session (an identity provider the insider controls) asks for the exempt tag",
    principal: { arn: iam("oidc-provider", "idp.example.com"), tags: {} },
    under: "rcp",
    request: { action: "sts:TagSession", resource: iam("role", "federated"), context: settingTag(EXEMPT_TAG), resourcePolicy: trustsProvider(iam("oidc-provider", "idp.example.com")) },
  },
  {
    label: "A SAML session asks for the exempt tag",
    principal: { arn: iam("saml-provider", "corp"), tags: {} },
    under: "rcp",
    request: { action: "sts:TagSession", resource: iam("role", "federated"), context: settingTag(EXEMPT_TAG), resourcePolicy: trustsProvider(iam("saml-provider", "corp")) },
  },
  {
    label: "A role that trusts an account outside the organization (the insider's own) is assumed from there with the exempt tag",
    principal: { arn: `arn:aws:iam::${OUTSIDE_ACCOUNT}:role/outsider`, tags: {} },
    under: "rcp",
    request: { action: "sts:TagSession", resource: iam("role", "trusts-outsider"), context: settingTag(EXEMPT_TAG), resourcePolicy: trust(`arn:aws:iam::${OUTSIDE_ACCOUNT}:role/outsider`) },
  },
  {
    label: "The break-glass role passes the exempt tag on when it assumes another role",
    principal: { arn: BREAK_GLASS_ROLE, tags: {} },
    under: "rcp",
    request: { action: "sts:TagSession", resource: iam("role", "any-role"), context: settingTag(EXEMPT_TAG), resourcePolicy: trust(BREAK_GLASS_ROLE) },
  },
  {
    label: "The member account's administrator passes the exempt tag on when it assumes another role (the break-glass flow's denied twin)",
    principal: { arn: iam("role", "developer"), tags: {} },
    under: "rcp",
    request: { action: "sts:TagSession", resource: iam("role", "any-role"), context: settingTag(EXEMPT_TAG), resourcePolicy: trust(iam("role", "developer")) },
  },
];
