// What the organization guardrail (modules/cloudshell-guardrail) protects besides the exemptions:
// the detection (cloudshell-monitoring's resources, CloudTrail, AWS Config) and the egress of the
// approved networks (cloudshell-vpc-network). Each action with the resource type or condition key
// it is matched by, checked against the pinned action catalog when generating. Sources: the
// Service Authorization Reference of each service
// (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).

/**
 * The tag the modules put on everything they create, and that the guardrail's protections match
 * (aws:ResourceTag/<key>); only exempt principals may set or remove it. One value per kind, so
 * each protection covers only its own module's resources.
 */
export const PROTECTION_TAG = {
  key: "cloudshell:protected",
  values: { detection: "detection", network: "network" },
} as const;
export type ProtectedKind = keyof typeof PROTECTION_TAG.values;

/** Changes to an IAM role the modules create (the event-bus role, the flow-log role). */
const MODULE_ROLE_ACTIONS = [
  "iam:DeleteRole",
  "iam:UpdateAssumeRolePolicy",
  "iam:PutRolePolicy",
  "iam:DeleteRolePolicy",
  "iam:AttachRolePolicy",
  "iam:DetachRolePolicy",
  "iam:PutRolePermissionsBoundary",
];

/**
 * Switching off or rewiring cloudshell-monitoring's and cloudshell-trail-monitoring's resources, matched by the protection tag
 * (each action takes aws:ResourceTag on its resource): its EventBridge rules and targets, the
 * SNS topic and its policy and subscriptions, the topic's KMS key (tag it yourself: the module
 * does not create it), the event-bus role, and the AWS Config rule.
 */
export const DETECTION_TAGGED_ACTIONS = [
  "events:DisableRule",
  "events:DeleteRule",
  "events:PutRule",
  "events:PutTargets",
  "events:RemoveTargets",
  "sns:DeleteTopic",
  "sns:SetTopicAttributes",
  "sns:AddPermission",
  "sns:RemovePermission",
  "sns:Unsubscribe",
  "kms:ScheduleKeyDeletion",
  "kms:DisableKey",
  "kms:DisableKeyRotation",
  "kms:PutKeyPolicy",
  "kms:UpdateAlias",
  "kms:DeleteAlias",
  ...MODULE_ROLE_ACTIONS,
  "config:DeleteConfigRule",
  "config:PutConfigRule",
  "config:DeleteEvaluationResults",
  // cloudshell-trail-monitoring's alarms, and the metric and subscription filters on the
  // organization trail's log group (tag that log group yourself: the module does not create it).
  "cloudwatch:DeleteAlarms",
  "cloudwatch:DisableAlarmActions",
  "cloudwatch:PutMetricAlarm",
  "cloudwatch:SetAlarmState",
  "logs:DeleteMetricFilter",
  "logs:PutMetricFilter",
  "logs:DeleteSubscriptionFilter",
];

/**
 * Stopping the record the detection reads: every CloudTrail trail and AWS Config's recorder and
 * delivery channel of the account, whoever created them (as AWS Control Tower's detective
 * guardrails do for its own trail and recorder).
 */
export const RECORDING_ACTIONS = [
  "cloudtrail:StopLogging",
  "cloudtrail:DeleteTrail",
  "cloudtrail:UpdateTrail",
  "cloudtrail:PutEventSelectors",
  "config:StopConfigurationRecorder",
  "config:DeleteConfigurationRecorder",
  "config:PutConfigurationRecorder",
  "config:DeleteDeliveryChannel",
];

/**
 * Egress changes inside an approved VPC, matched by ec2:Vpc (the ARN of the VPC the resource is
 * in): security-group rules, routes and route-table associations, NAT gateways, network ACLs and
 * route propagation from a virtual private gateway.
 */
export const VPC_KEYED_ACTIONS = [
  "ec2:AuthorizeSecurityGroupEgress",
  "ec2:AuthorizeSecurityGroupIngress",
  "ec2:RevokeSecurityGroupEgress",
  "ec2:RevokeSecurityGroupIngress",
  "ec2:ModifySecurityGroupRules",
  "ec2:CreateRoute",
  "ec2:ReplaceRoute",
  "ec2:DeleteRoute",
  "ec2:AssociateRouteTable",
  "ec2:ReplaceRouteTableAssociation",
  "ec2:DisassociateRouteTable",
  "ec2:CreateNatGateway",
  "ec2:CreateNetworkAclEntry",
  "ec2:ReplaceNetworkAclEntry",
  "ec2:DeleteNetworkAclEntry",
  "ec2:ReplaceNetworkAclAssociation",
  "ec2:EnableVgwRoutePropagation",
];

/**
 * New ways out of an approved VPC, matched by the VPC itself as the request's resource
 * (arn:<partition>:ec2:*:*:vpc/<id>): internet, egress-only, virtual private, carrier and local
 * gateways, peering, transit-gateway attachments, new endpoints, DHCP options (DNS servers) and
 * VPC attributes (Amazon DNS on or off).
 */
export const VPC_RESOURCE_ACTIONS = [
  "ec2:AttachInternetGateway",
  "ec2:CreateEgressOnlyInternetGateway",
  "ec2:AttachVpnGateway",
  "ec2:CreateCarrierGateway",
  "ec2:CreateLocalGatewayRouteTableVpcAssociation",
  "ec2:CreateVpcPeeringConnection",
  "ec2:AcceptVpcPeeringConnection",
  "ec2:CreateTransitGatewayVpcAttachment",
  "ec2:CreateVpcEndpoint",
  "ec2:AssociateDhcpOptions",
  "ec2:ModifyVpcAttribute",
];

/** A VPC Lattice service network reached from an approved VPC, matched by vpc-lattice:VpcId. */
export const LATTICE_ACTIONS = ["vpc-lattice:CreateServiceNetworkVpcAssociation"];

/**
 * What has no VPC key, matched by the protection tag the network module puts on its resources:
 * endpoint policies and endpoints, flow logs, the DNS Firewall's association, rules and domain
 * lists, DNS query logging, the log groups and the flow-log role.
 */
export const NETWORK_TAGGED_ACTIONS = [
  "ec2:ModifyVpcEndpoint",
  "ec2:DeleteVpcEndpoints",
  "ec2:DeleteFlowLogs",
  "route53resolver:DisassociateFirewallRuleGroup",
  "route53resolver:UpdateFirewallRuleGroupAssociation",
  "route53resolver:CreateFirewallRule",
  "route53resolver:UpdateFirewallRule",
  "route53resolver:DeleteFirewallRule",
  "route53resolver:UpdateFirewallDomains",
  "route53resolver:DisassociateResolverQueryLogConfig",
  "logs:DeleteLogGroup",
  ...MODULE_ROLE_ACTIONS,
];

/**
 * Putting the approved network's security groups on anything but CloudShell's own network
 * interface (a new instance or interface, or an existing one's groups changed): an instance with
 * them would be a proxy that CloudShell and the endpoints admit.
 * CloudShell creates its interface with the user's credentials through itself
 * (aws:CalledVia cloudshell.amazonaws.com, AWS's VPC permission example), which stays allowed.
 */
export const GROUP_USE_ACTIONS = ["ec2:RunInstances", "ec2:CreateNetworkInterface", "ec2:ModifyNetworkInterfaceAttribute", "ec2:ModifyInstanceAttribute"];

/**
 * Changes that reopen an approved VPC for which AWS gives no usable condition: a new DNS Firewall
 * association (only its own tags as keys), a Resolver forwarding rule associated with the VPC, and
 * the VPC's DNS Firewall configuration (fail open: queries pass while the firewall cannot answer).
 * The configuration's resource takes aws:ResourceTag, but hashicorp/aws's
 * aws_route53_resolver_firewall_config has no tags, so the network module cannot mark it: a Deny by
 * the protection tag would never match. cloudshell-monitoring alerts on these instead, by the VPC ID
 * in the CloudTrail record.
 */
export const UNCONDITIONED_NETWORK_ACTIONS = ["route53resolver:AssociateFirewallRuleGroup", "route53resolver:AssociateResolverRule", "route53resolver:UpdateFirewallConfig"];
