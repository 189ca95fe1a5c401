// The VPC, subnets, NAT, security groups and endpoints: each iterates over a map of decisions.tf.
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { tf, tfList, tfMap, tfNumber, Unit } from "../../cdktf/seam";
import { AWS_OWNED_BUCKETS, AWS_OWNED_SSM } from "../../facts/endpoints";
import { protectedTags } from "../common-inputs";
import { withReferences } from "../hcl-snippets";

/** Where this module's ARNs take the partition and the Region from. */
const ARN_REFERENCES = { Partition: "local.partition", Region: "local.region" };

/** var.tags with a Name tag and the protection tag: every taggable resource of the network. */
export const tags = (name: string) => tfMap(protectedTags("network", `Name = ${name}`));

export function network(unit: Unit): void {
  unit.resource(
    DataAwsRegion,
    "current",
    {
      lifecycle: {
        postcondition: [
          {
            condition: tf("self.id == local.region"),
            errorMessage:
              "The AWS provider's Region is ${self.id}, but the network is planned for ${local.region} (region, or the Region of availability_zones ${join(\", \", var.availability_zones)}): its subnets and endpoint service names would be for ${local.region}, and the apply would fail halfway. Give availability_zones (and region) in ${self.id}, or a provider for ${local.region}.",
          },
        ],
      },
    },
    {
      count: "var.create ? 1 : 0",
      comment: "The provider's Region, read from its configuration (no AWS call): the plan stops when the inputs name another.",
    },
  );
  unit.local("vpc_id", "${local.vpc.create ? try(aws_vpc.this[0].id, null) : local.vpc.id}", {
    comment: "The VPC: created, or an existing one (whose ID is an input).",
  });
  unit.resource(
    Vpc,
    "this",
    { cidrBlock: tf("local.vpc_cidr"), enableDnsSupport: true, enableDnsHostnames: true, tags: tags("var.name") },
    { count: "local.create_vpc ? 1 : 0" },
  );
  unit.resource(
    DefaultSecurityGroup,
    "this",
    { vpcId: tf("aws_vpc.this[0].id"), tags: tags('"${var.name}-default-unused"') },
    {
      count: "local.create_vpc ? 1 : 0",
      comment:
        "The created VPC's default security group, with no rules: AWS gives it rules that admit its own\nmembers and all egress (Security Hub EC2.2); with none, anything placed in it by mistake is cut off.",
    },
  );
  unit.resource(
    Subnet,
    "private",
    {
      vpcId: tf("local.vpc_id"),
      availabilityZone: tf("each.key"),
      cidrBlock: tf("each.value"),
      mapPublicIpOnLaunch: false,
      tags: tags('"${var.name}-private-${each.key}"'),
      lifecycle: {
        precondition: [
          {
            condition: tf("length(local.overlapping_subnets) == 0"),
            errorMessage:
              "Subnet CIDRs overlap: ${join(\", \", local.overlapping_subnets)}. Change private_subnet_cidrs or public_subnet_cidrs, which must not overlap each other or the computed CIDRs of the other zones (AWS would reject the second subnet at apply).",
          },
        ],
      },
    },
    { forEach: "var.create ? local.private_subnets : {}", comment: "One private subnet per zone, keyed by zone name: the subnets CloudShell environments use." },
  );
  unit.resource(
    RouteTable,
    "private",
    { vpcId: tf("local.vpc_id"), tags: tags('"${var.name}-private-${each.key}"') },
    { forEach: "var.create ? local.private_subnets : {}", comment: "A route table per private subnet, so each zone can use its own NAT gateway." },
  );
  unit.resource(
    RouteTableAssociation,
    "private",
    { subnetId: tf("aws_subnet.private[each.key].id"), routeTableId: tf("aws_route_table.private[each.key].id") },
    { forEach: "var.create ? local.private_subnets : {}" },
  );

  const nat = { file: "nat.tf" };
  unit.resource(
    InternetGateway,
    "this",
    { vpcId: tf("local.vpc_id"), tags: tags("var.name") },
    {
      ...nat,
      count: "local.create_internet_gateway ? 1 : 0",
      comment:
        "Internet access, only with internet_access = \"single\" or \"per_az\": CloudShell never gets a public IP,\nso the private subnets route to NAT gateways in public subnets, which route to the internet gateway.",
    },
  );
  unit.local("internet_gateway_id", "${var.internet_gateway_id != null ? var.internet_gateway_id : try(aws_internet_gateway.this[0].id, null)}", nat);
  unit.resource(
    Subnet,
    "public",
    {
      vpcId: tf("local.vpc_id"),
      availabilityZone: tf("each.key"),
      cidrBlock: tf("each.value"),
      mapPublicIpOnLaunch: false,
      tags: tags('"${var.name}-public-${each.key}"'),
    },
    { ...nat, forEach: "var.create ? local.public_subnets : {}" },
  );
  unit.resource(
    RouteTable,
    "public",
    { vpcId: tf("local.vpc_id"), tags: tags('"${var.name}-public"') },
    { ...nat, count: "var.create && length(local.nat_azs) > 0 ? 1 : 0" },
  );
  unit.resource(
    Route,
    "public_internet",
    { routeTableId: tf("aws_route_table.public[0].id"), destinationCidrBlock: "0.0.0.0/0", gatewayId: tf("local.internet_gateway_id") },
    { ...nat, count: "var.create && length(local.nat_azs) > 0 ? 1 : 0" },
  );
  unit.resource(
    RouteTableAssociation,
    "public",
    { subnetId: tf("aws_subnet.public[each.key].id"), routeTableId: tf("aws_route_table.public[0].id") },
    { ...nat, forEach: "var.create ? local.public_subnets : {}" },
  );
  unit.resource(Eip, "nat", { domain: "vpc", tags: tags('"${var.name}-nat-${each.key}"') }, { ...nat, forEach: "var.create ? local.public_subnets : {}" });
  unit.resource(
    NatGateway,
    "this",
    { allocationId: tf("aws_eip.nat[each.key].id"), subnetId: tf("aws_subnet.public[each.key].id"), tags: tags('"${var.name}-${each.key}"') },
    { ...nat, forEach: "var.create ? local.public_subnets : {}", dependsOn: ["aws_internet_gateway.this", "aws_route.public_internet"] },
  );
  unit.resource(
    Route,
    "private_nat",
    { routeTableId: tf("aws_route_table.private[each.key].id"), destinationCidrBlock: "0.0.0.0/0", natGatewayId: tf("aws_nat_gateway.this[each.value].id") },
    { ...nat, forEach: "var.create ? local.private_nat_routes : {}" },
  );
}

export function securityGroups(unit: Unit): void {
  const at = { file: "security-groups.tf" };
  unit.resource(
    SecurityGroup,
    "cloudshell",
    {
      namePrefix: "${var.name}-cloudshell-",
      description: "CloudShell VPC environments: no ingress; egress only as its rules allow",
      vpcId: tf("local.vpc_id"),
      tags: tags('"${var.name}-cloudshell"'),
      lifecycle: { createBeforeDestroy: true },
    },
    {
      ...at,
      count: "var.create ? 1 : 0",
      comment:
        "The group to pick in \"Create VPC environment\". Terraform removes the allow-all egress rule AWS adds\nto a new group, so only the rules below apply.",
    },
  );
  unit.resource(
    VpcSecurityGroupEgressRule,
    "cloudshell",
    {
      securityGroupId: tf("aws_security_group.cloudshell[0].id"),
      description: tf("each.value.description"),
      ipProtocol: tf("each.value.ip_protocol"),
      fromPort: tfNumber("each.value.from_port"),
      toPort: tfNumber("each.value.to_port"),
      cidrIpv4: tf("each.value.cidr_ipv4"),
      cidrIpv6: tf("each.value.cidr_ipv6"),
      prefixListId: tf("each.value.gateway_endpoint != null ? aws_vpc_endpoint.gateway[each.value.gateway_endpoint].prefix_list_id : each.value.prefix_list_id"),
      referencedSecurityGroupId: tf("each.value.to_endpoints ? aws_security_group.endpoints[0].id : each.value.referenced_security_group_id"),
      tags: tags('"${var.name}-cloudshell-${each.key}"'),
    },
    { ...at, forEach: "var.create ? local.cloudshell_egress_rules : {}" },
  );
  unit.resource(
    SecurityGroup,
    "endpoints",
    {
      namePrefix: "${var.name}-endpoints-",
      description: "VPC endpoints for CloudShell: HTTPS from the CloudShell group only",
      vpcId: tf("local.vpc_id"),
      tags: tags('"${var.name}-endpoints"'),
      lifecycle: { createBeforeDestroy: true },
    },
    {
      ...at,
      count: "local.create_endpoint_security_group ? 1 : 0",
      comment: "Attached to every interface endpoint when it is created, so the VPC's default group is never used.",
    },
  );
  unit.resource(
    VpcSecurityGroupIngressRule,
    "endpoints_from_cidrs",
    {
      securityGroupId: tf("aws_security_group.endpoints[0].id"),
      description: "HTTPS from the VPC's other workloads (private DNS sends them here)",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      cidrIpv4: tf("each.key"),
      tags: tags('"${var.name}-endpoints-https-${each.key}"'),
    },
    { ...at, forEach: "var.create ? local.endpoint_ingress_cidrs : {}" },
  );
  unit.resource(
    VpcSecurityGroupIngressRule,
    "endpoints",
    {
      securityGroupId: tf("aws_security_group.endpoints[0].id"),
      description: "HTTPS from CloudShell environments",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      referencedSecurityGroupId: tf("aws_security_group.cloudshell[0].id"),
      tags: tags('"${var.name}-endpoints-https"'),
    },
    { ...at, count: "local.create_endpoint_security_group ? 1 : 0" },
  );
}

export function endpoints(unit: Unit): void {
  const at = { file: "endpoints.tf" };
  unit.local(
    "trusted_account_ids",
    "${sort(distinct(concat(aws_security_group.cloudshell[*].owner_id, tolist(var.trusted_account_ids))))}",
    {
      ...at,
      comment:
        "The network's own account, read from its security group (known after apply, no AWS call at plan),\nand the accounts the input adds.",
    },
  );
  unit.local(
    "perimeter_statements",
    [
      {
        Sid: "AllowTrustedAccounts",
        Effect: "Allow",
        Principal: "*",
        Action: "*",
        Resource: "*",
        Condition: { StringEquals: { "aws:PrincipalAccount": "${local.trusted_account_ids}", "aws:ResourceAccount": "${local.trusted_account_ids}" } },
      },
    ],
    {
      ...at,
      comment:
        "The default policy of a gateway endpoint: a data perimeter. A request through it is allowed only when\nthe principal and the bucket or table both belong to a trusted account or organization, so neither\nan outside bucket nor an outside principal (a presigned URL needs no credentials here) gets through.",
    },
  );
  unit.local(
    "organization_statements",
    `\${[for org in compact([var.trusted_organization_id]) : {
Sid       = "AllowTrustedOrganization"
Effect    = "Allow"
Principal = "*"
Action    = "*"
Resource  = "*"
Condition = { StringEquals = { "aws:PrincipalOrgID" = org, "aws:ResourceOrgID" = org } }
}]}`,
    at,
  );
  unit.local(
    "aws_owned_bucket_statement",
    { Sid: "AllowReadingAwsOwnedBuckets", Effect: "Allow", Principal: "*", Action: ["s3:GetObject"], Resource: withReferences(AWS_OWNED_BUCKETS.map((b) => b.arn), ARN_REFERENCES) },
    { ...at, comment: "S3 only: what the environment itself reads from AWS's buckets (src/facts/endpoints.ts)." },
  );
  unit.local(
    "gateway_endpoint_policies",
    `\${{
for label, e in local.gateway_endpoints : label => e.policy != null ? e.policy : jsonencode({
Version   = "2012-10-17"
Statement = concat(local.perimeter_statements, local.organization_statements, label == "s3" ? [local.aws_owned_bucket_statement] : [])
})
}}`,
    at,
  );
  unit.local(
    "service_principal_statement",
    { Sid: "AllowAwsServicePrincipals", Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { Bool: { "aws:PrincipalIsAWSService": "true" } } },
    {
      ...at,
      comment:
        "Interface endpoints under the perimeter: the trusted-account and organization statements above, and AWS's\ndocumented exceptions (aws-samples/data-perimeter-policy-examples, vpc_endpoint_policies): AWS services'\nown principals, and per service the AWS-owned resources or unsigned calls that trusted work needs.",
    },
  );
  unit.local(
    "service_statements",
    {
      "execute-api": [
        {
          Sid: "AllowInvokingTrustedAccountsApis",
          Effect: "Allow",
          Principal: "*",
          Action: "execute-api:Invoke",
          Resource: '${[for account in local.trusted_account_ids : "arn:${local.partition}:execute-api:${local.region}:${account}:*"]}',
        },
      ],
      ssm: [
        {
          Sid: "AllowTrustedPrincipalsReadingAwsOwnedResources",
          Effect: "Allow",
          Principal: "*",
          Action: AWS_OWNED_SSM.actions,
          Resource: withReferences(AWS_OWNED_SSM.resources, ARN_REFERENCES),
          Condition: { StringEquals: { "aws:PrincipalAccount": "${local.trusted_account_ids}" } },
        },
      ],
      sts: [
        {
          Sid: "AllowFederatedPrincipalsIntoTrustedRoles",
          Effect: "Allow",
          Principal: "*",
          Action: ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"],
          Resource: "*",
          Condition: { StringEquals: { "aws:ResourceAccount": "${local.trusted_account_ids}" } },
        },
      ],
    },
    {
      ...at,
      comment:
        "execute-api: any caller, signed or not (a private API can allow unsigned calls), but only to APIs of\ntrusted accounts. ssm: AWS's public parameters and documents. sts: web-identity and SAML federation\ninto trusted accounts' roles (AWS's sts_endpoint_policy.json, with Principal \"*\", which covers\nfederated callers too, where it writes { Federated = \"*\" }: the IAM simulator rejects that in an endpoint policy).",
    },
  );
  unit.local(
    "interface_endpoint_policies",
    `\${{
for label, e in local.interface_endpoints : label => e.policy != null ? e.policy : !e.perimeter ? null : jsonencode({
Version   = "2012-10-17"
Statement = concat(local.perimeter_statements, local.organization_statements, [local.service_principal_statement], try(local.service_statements[label], []))
})
}}`,
    { ...at, comment: "null keeps AWS's default policy (full access): the compute host's endpoints unless perimeter_on names them." },
  );
  unit.resource(
    VpcEndpoint,
    "interface",
    {
      vpcId: tf("local.vpc_id"),
      serviceName: tf("each.value.service_name"),
      vpcEndpointType: "Interface",
      privateDnsEnabled: tf("each.value.private_dns") as unknown as boolean,
      policy: tf("local.interface_endpoint_policies[each.key]"),
      subnetIds: tfList("[for az in local.endpoint_azs : aws_subnet.private[az].id]"),
      securityGroupIds: tfList("[aws_security_group.endpoints[0].id]"),
      tags: tags('"${var.name}-${each.key}"'),
    },
    {
      ...at,
      forEach: "var.create ? local.interface_endpoints : {}",
      comment: "Interface endpoints, keyed by label, in endpoint_az_count zones; private DNS unless turned off per label.",
    },
  );
  unit.resource(
    VpcEndpoint,
    "gateway",
    {
      vpcId: tf("local.vpc_id"),
      serviceName: tf("each.value.service_name"),
      vpcEndpointType: "Gateway",
      routeTableIds: tfList("[for az in local.azs : aws_route_table.private[az].id]"),
      policy: tf("local.gateway_endpoint_policies[each.key]"),
      tags: tags('"${var.name}-${each.key}"'),
    },
    { ...at, forEach: "var.create ? local.gateway_endpoints : {}", comment: "Gateway endpoints (S3, DynamoDB): free, routed from every private subnet." },
  );
}
