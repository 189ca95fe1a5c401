// modules/cloudshell-vpc-network: a private network for CloudShell VPC environments, with the VPC
// endpoints AWS lists for its compute host, in one module block. Every decision that depends on the
// inputs alone (AZs, CIDRs, NAT placement, endpoint names, security-group rules, cost) is a local
// in decisions.tf, which refers only to var.* and local.*; the resource files only iterate over
// those maps.
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
import { tf, tfList, tfMap, tfNumber, Unit } from "../cdktf/seam";
import { Definition, sourceOf } from "../generator/definition";
import { DEFAULT_ENDPOINTS, defaultInterfaceEndpoints, ENDPOINT_LABEL_PATTERN, GATEWAY_SERVICES } from "../facts/endpoints";
import { HOURS_PER_MONTH, US_EAST_1_PRICES } from "../facts/prices";
import { costScenarios } from "./vpc-network-cost";
import { PRESETS } from "../facts/features";
import { MAX_SECURITY_GROUPS, VPC_ENVIRONMENT_PARTITIONS } from "../facts/limits";
import { awsIdPattern, hclStrings } from "./hcl-snippets";
import { AWS_PROVIDER, TERRAFORM } from "./requirements";
import { vpcNetworkTests } from "./vpc-network-tests";

/** The provider-free locals file; test/vpc-network.test.ts loads it with variables.tf. */
/** The locals decided from the inputs alone. */
export const DECISIONS_FILE = "decisions.tf";
export const MAX_AZS = 6;
export const INTERNET_ACCESS = ["none", "single", "per_az"];
export const POLICY_PRESETS = Object.keys(PRESETS).filter((p) => p !== "deny-all");

const usd = (x: number) => `$${x.toFixed(2)}`;
const LETTERS = 'split("", "abcdefghijklmnopqrstuvwxyz")';
const AZ_PATTERN = "^[a-z]{2}(-[a-z]+)+-[0-9]+[a-z]$";
const REGION_PATTERN = "^[a-z]{2}(-[a-z]+)+-[0-9]+$";
/** A valid IPv4 network address in CIDR form (no host bits set). */
const isCidr = (v: string) => `can(cidrnetmask(${v})) && try(cidrsubnet(${v}, 0, 0) == ${v}, false)`;
const DEFAULT_LABELS = DEFAULT_ENDPOINTS.map((e) => e.label);

function variables(unit: Unit): void {
  unit.variable("create", {
    description: "Whether to create anything. With false, nothing is created, the outputs are null or empty and the cost is zero.",
    type: "bool",
    default: true,
    nullable: false,
  });
  unit.variable("name", {
    description: "Name of the network, used in the Name tag of every resource (1-48 of A-Z a-z 0-9 . _ -).",
    type: "string",
    default: "cloudshell",
    nullable: false,
    validation: [
      {
        condition: 'length(var.name) <= 48 && can(regex("^[A-Za-z0-9._-]+$", var.name))',
        errorMessage: 'name must be 1-48 characters of A-Z a-z 0-9 . _ -, such as "cloudshell".',
      },
    ],
  });
  unit.variable("availability_zones", {
    description: `Availability Zone names of one Region, such as ["us-east-1a", "us-east-1b"] (1-${MAX_AZS}, distinct). Each gets a private subnet, keyed by its name. Names, not IDs: no data source is needed to plan.`,
    type: "list(string)",
    nullable: false,
    validation: [
      {
        condition: `length(var.availability_zones) >= 1 && length(var.availability_zones) <= ${MAX_AZS}`,
        errorMessage: `availability_zones must hold 1 to ${MAX_AZS} Availability Zone names, such as ["us-east-1a", "us-east-1b"].`,
      },
      {
        condition: `alltrue([for az in var.availability_zones : can(regex("${AZ_PATTERN}", az))])`,
        errorMessage: 'availability_zones must hold Availability Zone names such as "us-east-1a" (a Region name followed by one letter), not zone IDs such as "use1-az1".',
      },
      {
        condition: "length(distinct(var.availability_zones)) == length(var.availability_zones)",
        errorMessage: "availability_zones must not name an Availability Zone twice.",
      },
      {
        condition: "length(distinct([for az in var.availability_zones : substr(az, 0, length(az) - 1)])) <= 1",
        errorMessage: 'availability_zones must all be in one Region, such as ["us-east-1a", "us-east-1b"].',
      },
    ],
  });
  unit.variable("region", {
    description: "Region of the network, such as \"us-east-1\". Null derives it from availability_zones (the name without its last letter).",
    type: "string",
    default: null,
    validation: [
      {
        condition: `var.region == null ? true : can(regex("${REGION_PATTERN}", var.region)) && !startswith(var.region, "cn-")`,
        errorMessage: 'region must be a Region name such as "us-east-1" or "us-gov-west-1" (CloudShell has no China Regions).',
      },
      {
        condition: "var.region == null ? true : alltrue([for az in var.availability_zones : substr(az, 0, length(az) - 1) == var.region])",
        errorMessage: 'region must be the Region of availability_zones: "us-east-1" for ["us-east-1a", "us-east-1b"].',
      },
    ],
  });
  unit.variable("partition", {
    description: 'AWS partition, for the ARNs of cloudshell_policy_json: "aws" or "aws-us-gov". Null derives it from the Region (us-gov-* is "aws-us-gov").',
    type: "string",
    default: null,
    validation: [
      {
        condition: `var.partition == null ? true : contains(${hclStrings(VPC_ENVIRONMENT_PARTITIONS)}, var.partition)`,
        errorMessage: `partition must be null or one of ${VPC_ENVIRONMENT_PARTITIONS.join(", ")} (the partitions with CloudShell VPC environments).`,
      },
    ],
  });
  unit.variable("vpc", {
    description:
      "The VPC. create = true (default) creates one with DNS support and hostnames on (which private DNS for endpoints needs); create = false uses the existing VPC id (\"vpc-...\"), whose DNS support and hostnames must be on. cidr is the VPC's IPv4 CIDR (/16 to /28), from which subnet CIDRs are computed; for an existing VPC give its CIDR, or a secondary CIDR of it.",
    type: `object({
  create = optional(bool, true)
  cidr   = optional(string, "10.0.0.0/16")
  id     = optional(string)
})`,
    default: {},
    nullable: false,
    validation: [
      {
        condition: `var.vpc.cidr == null ? false : ${isCidr("var.vpc.cidr")} && try(tonumber(split("/", var.vpc.cidr)[1]) >= 16 && tonumber(split("/", var.vpc.cidr)[1]) <= 28, false)`,
        errorMessage: 'vpc.cidr must be an IPv4 network in CIDR form with a prefix from /16 to /28, such as "10.0.0.0/16".',
      },
      {
        condition: `var.vpc.create ? var.vpc.id == null : can(regex("${awsIdPattern("vpc")}", var.vpc.id))`,
        errorMessage: 'vpc.id must be an existing VPC ID such as "vpc-0123456789abcdef0" when vpc.create is false, and null when vpc.create is true.',
      },
    ],
  });
  unit.variable("internet_gateway_id", {
    description:
      "With an existing VPC and internet access through NAT: that VPC's internet gateway (\"igw-...\"), since a VPC can have only one. Null creates one when NAT needs it.",
    type: "string",
    default: null,
    validation: [
      {
        condition: `var.internet_gateway_id == null ? true : can(regex("${awsIdPattern("igw")}", var.internet_gateway_id)) && !var.vpc.create`,
        errorMessage: 'internet_gateway_id must be null, or an ID such as "igw-0123456789abcdef0" of the existing VPC (vpc.create = false).',
      },
    ],
  });
  unit.variable("subnet_newbits", {
    description:
      "Bits added to the VPC prefix for each computed subnet (8 makes /24 subnets in a /16). The private subnet of zone letter n (a = 0) is netnum n; the public one is counted from the top of the range, so adding a zone never moves another zone's subnet.",
    type: "number",
    default: 8,
    nullable: false,
    validation: [
      {
        condition: "var.subnet_newbits >= 2 && var.subnet_newbits <= 12 && floor(var.subnet_newbits) == var.subnet_newbits",
        errorMessage: "subnet_newbits must be a whole number from 2 to 12.",
      },
      {
        condition: 'try(tonumber(split("/", var.vpc.cidr)[1]) + var.subnet_newbits <= 28, true)',
        errorMessage: "subnet_newbits plus the prefix length of vpc.cidr must be at most 28 (the smallest subnet AWS allows is /28).",
      },
      {
        condition: `try(2 * max([for az in var.availability_zones : index(${LETTERS}, substr(az, -1, 1))]...) + 1 < pow(2, var.subnet_newbits), true)`,
        errorMessage: "subnet_newbits is too small for the zone letters in availability_zones: private (from the bottom) and public (from the top) subnets would overlap. Increase it.",
      },
    ],
  });
  for (const [input, what] of [
    ["private_subnet_cidrs", "private subnet"],
    ["public_subnet_cidrs", "public (NAT) subnet"],
  ]) {
    unit.variable(input, {
      description: `Explicit ${what} CIDRs keyed by Availability Zone name, such as { "us-east-1a" = "10.0.0.0/24" }; zones not listed get computed CIDRs.`,
      type: "map(string)",
      default: {},
      nullable: false,
      validation: [
        {
          condition: `alltrue([for az, cidr in var.${input} : contains(var.availability_zones, az) && ${isCidr("cidr")}])`,
          errorMessage: `${input} must map Availability Zone names from availability_zones to IPv4 CIDRs, such as { "us-east-1a" = "10.0.0.0/24" }.`,
        },
      ],
    });
  }
  unit.variable("internet_access", {
    description:
      'How the CloudShell environments reach the internet. A VPC environment never gets a public IP, so only NAT works: "none" (default, isolated: AWS APIs only through endpoints), "single" (one NAT gateway in the first zone, shared), "per_az" (one NAT gateway per zone).',
    type: "string",
    default: "none",
    nullable: false,
    validation: [
      {
        condition: `contains(${hclStrings(INTERNET_ACCESS)}, var.internet_access)`,
        errorMessage: `internet_access must be one of ${INTERNET_ACCESS.map((x) => `"${x}"`).join(", ")}.`,
      },
    ],
  });
  unit.variable("endpoints", {
    description: `VPC endpoints, by label: the service-name suffix, such as "sts" for com.amazonaws.<region>.sts. The defaults are the services CloudShell's compute host depends on (${DEFAULT_LABELS.join(", ")}; the CodeCatalyst ones only in us-west-2 and eu-west-1; s3 as a free gateway endpoint). add: the AWS APIs people call from an isolated environment, such as ["sts", "ec2", "ssm"] (${GATEWAY_SERVICES.join(" and ")} become gateway endpoints, the others interface endpoints). remove: defaults to leave out.`,
    type: `object({
  add    = optional(set(string), [])
  remove = optional(set(string), [])
})`,
    default: {},
    nullable: false,
    validation: [
      {
        condition: `alltrue([for label in setunion(var.endpoints.add, var.endpoints.remove) : can(regex("${ENDPOINT_LABEL_PATTERN}", label))])`,
        errorMessage: 'endpoints.add and endpoints.remove must hold service labels in lower case, such as "sts", "ec2", "ssm", "ecr.api" or "s3".',
      },
      {
        condition: `length(setsubtract(var.endpoints.remove, ${hclStrings(DEFAULT_LABELS)})) == 0`,
        errorMessage: `endpoints.remove can only hold default endpoints: ${DEFAULT_LABELS.join(", ")}.`,
      },
      {
        condition: "length(setintersection(var.endpoints.add, var.endpoints.remove)) == 0",
        errorMessage: "endpoints.add and endpoints.remove must not share a label.",
      },
    ],
  });
  unit.variable("endpoint_az_count", {
    description:
      "How many zones (the first ones, sorted) carry a network interface of each interface endpoint. Every endpoint is billed per zone per hour, and one zone serves the whole VPC, so the default is 1; 2 or more survive a zone outage.",
    type: "number",
    default: 1,
    nullable: false,
    validation: [
      {
        condition: "floor(var.endpoint_az_count) == var.endpoint_az_count && var.endpoint_az_count >= 1 && var.endpoint_az_count <= length(var.availability_zones)",
        errorMessage: "endpoint_az_count must be a whole number from 1 to the number of availability_zones.",
      },
    ],
  });
  unit.variable("cloudshell_egress_rules", {
    description:
      "Extra egress rules of the CloudShell security group, by name. Each has exactly one destination (cidr_ipv4, cidr_ipv6, prefix_list_id or referenced_security_group_id), ip_protocol \"tcp\" (default), \"udp\", \"icmp\" or \"-1\" (all), and from_port/to_port (0-65535; null with \"-1\"). The module already allows 443 to the endpoints, to S3 through its gateway endpoint and, with NAT, to the internet.",
    type: `map(object({
  description                  = optional(string)
  ip_protocol                  = optional(string, "tcp")
  from_port                    = optional(number)
  to_port                      = optional(number)
  cidr_ipv4                    = optional(string)
  cidr_ipv6                    = optional(string)
  prefix_list_id               = optional(string)
  referenced_security_group_id = optional(string)
}))`,
    default: {},
    nullable: false,
    validation: [
      {
        condition: "alltrue([for r in var.cloudshell_egress_rules : length(compact([r.cidr_ipv4, r.cidr_ipv6, r.prefix_list_id, r.referenced_security_group_id])) == 1])",
        errorMessage: "Each of cloudshell_egress_rules needs exactly one of cidr_ipv4, cidr_ipv6, prefix_list_id, referenced_security_group_id.",
      },
      {
        condition: 'alltrue([for r in var.cloudshell_egress_rules : contains(["tcp", "udp", "icmp", "-1"], r.ip_protocol)])',
        errorMessage: 'The ip_protocol of cloudshell_egress_rules must be "tcp", "udp", "icmp" or "-1" (all).',
      },
      {
        condition:
          'alltrue([for r in var.cloudshell_egress_rules : r.ip_protocol == "-1" ? r.from_port == null && r.to_port == null : r.ip_protocol == "icmp" ? true : try(r.from_port >= 0 && r.to_port <= 65535 && r.from_port <= r.to_port, false)])',
        errorMessage: 'cloudshell_egress_rules with ip_protocol "tcp" or "udp" need from_port <= to_port within 0-65535; with "-1" both must be null.',
      },
      {
        condition: `alltrue([for r in var.cloudshell_egress_rules : r.cidr_ipv4 == null ? true : ${isCidr("r.cidr_ipv4")}])`,
        errorMessage: 'The cidr_ipv4 of cloudshell_egress_rules must be an IPv4 CIDR such as "10.1.0.0/16".',
      },
      {
        condition: `alltrue([for r in var.cloudshell_egress_rules : r.referenced_security_group_id == null ? true : can(regex("${awsIdPattern("sg")}", r.referenced_security_group_id))])`,
        errorMessage: 'The referenced_security_group_id of cloudshell_egress_rules must be an ID such as "sg-0123456789abcdef0".',
      },
      {
        condition: `alltrue([for r in var.cloudshell_egress_rules : r.prefix_list_id == null ? true : can(regex("${awsIdPattern("pl")}", r.prefix_list_id))])`,
        errorMessage: 'The prefix_list_id of cloudshell_egress_rules must be an ID such as "pl-63a5400a".',
      },
    ],
  });
  unit.variable("additional_security_group_ids", {
    description: `Your own security groups to offer with the CloudShell group, such as ["sg-0123456789abcdef0"]. A CloudShell VPC environment takes at most ${MAX_SECURITY_GROUPS} security groups, the module's own included, so at most ${MAX_SECURITY_GROUPS - 1}.`,
    type: "list(string)",
    default: [],
    nullable: false,
    validation: [
      {
        condition: `alltrue([for sg in var.additional_security_group_ids : can(regex("${awsIdPattern("sg")}", sg))])`,
        errorMessage: 'additional_security_group_ids must hold security group IDs such as "sg-0123456789abcdef0".',
      },
      {
        condition: "length(distinct(var.additional_security_group_ids)) == length(var.additional_security_group_ids)",
        errorMessage: "additional_security_group_ids must not name a security group twice.",
      },
      {
        condition: `length(var.additional_security_group_ids) <= ${MAX_SECURITY_GROUPS - 1}`,
        errorMessage: `additional_security_group_ids can hold at most ${MAX_SECURITY_GROUPS - 1}: a CloudShell VPC environment takes at most ${MAX_SECURITY_GROUPS} security groups, and the module's CloudShell group is one of them.`,
      },
    ],
  });
  unit.variable("policy_preset", {
    description: `Preset of cloudshell_policy_json (see modules/cloudshell-policy-document): ${POLICY_PRESETS.map((p) => `"${p}"`).join(", ")}. The policy also grants the EC2 permissions a VPC environment needs and denies any environment outside this network.`,
    type: "string",
    default: "minimum",
    nullable: false,
    validation: [
      {
        condition: `contains(${hclStrings(POLICY_PRESETS)}, var.policy_preset)`,
        errorMessage: `policy_preset must be one of ${POLICY_PRESETS.join(", ")}.`,
      },
    ],
  });
  unit.variable("prices", {
    description: `Prices in USD for the cost output: per interface endpoint per zone per hour, per NAT gateway hour, per public IPv4 address hour, and hours in a month. Defaults: us-east-1 list prices (${US_EAST_1_PRICES.interface_endpoint_hour}, ${US_EAST_1_PRICES.nat_gateway_hour}, ${US_EAST_1_PRICES.public_ipv4_hour}) and ${HOURS_PER_MONTH} hours. Data processing is not included.`,
    type: `object({
  interface_endpoint_hour = optional(number, ${US_EAST_1_PRICES.interface_endpoint_hour})
  nat_gateway_hour        = optional(number, ${US_EAST_1_PRICES.nat_gateway_hour})
  public_ipv4_hour        = optional(number, ${US_EAST_1_PRICES.public_ipv4_hour})
  hours_per_month         = optional(number, ${HOURS_PER_MONTH})
})`,
    default: {},
    nullable: false,
    validation: [
      {
        condition:
          "alltrue([for p in [var.prices.interface_endpoint_hour, var.prices.nat_gateway_hour, var.prices.public_ipv4_hour] : p != null ? p >= 0 : false])",
        errorMessage: "prices must be numbers of USD, zero or more, such as { nat_gateway_hour = 0.062 }.",
      },
      {
        condition: "var.prices.hours_per_month != null ? var.prices.hours_per_month > 0 && var.prices.hours_per_month <= 744 : false",
        errorMessage: "prices.hours_per_month must be more than 0 and at most 744 (31 days).",
      },
    ],
  });
  unit.variable("tags", {
    description: "Tags for every taggable resource; each also gets a Name tag.",
    type: "map(string)",
    default: {},
    nullable: false,
    validation: [
      {
        condition: 'alltrue([for k, v in var.tags : length(k) >= 1 && length(k) <= 128 && length(v) <= 256 && !startswith(lower(k), "aws:")])',
        errorMessage: 'tags must have keys of 1-128 characters that do not start with "aws:", and values of at most 256 characters.',
      },
    ],
  });
}

/** Decisions from the inputs alone, in one file that refers only to var.* and local.*. */
function decisions(unit: Unit): void {
  const at = { file: DECISIONS_FILE };
  unit.local("azs", "${sort(var.availability_zones)}", {
    ...at,
    comment:
      "Everything here is decided from the inputs alone (no resource, no data source), so it is\nknown at plan time; the resource files only iterate over these maps.",
  });
  unit.local("region", "${var.region != null ? var.region : substr(local.azs[0], 0, length(local.azs[0]) - 1)}", at);
  unit.local("partition", '${var.partition != null ? var.partition : startswith(local.region, "us-gov-") ? "aws-us-gov" : "aws"}', at);

  unit.local("az_numbers", `\${{ for az in local.azs : az => index(${LETTERS}, substr(az, -1, 1)) }}`, {
    ...at,
    comment: "Subnets are keyed by zone name and numbered by zone letter, so adding a zone moves nothing.",
  });
  unit.local(
    "private_subnets",
    "${{ for az in local.azs : az => lookup(var.private_subnet_cidrs, az, cidrsubnet(var.vpc.cidr, var.subnet_newbits, local.az_numbers[az])) }}",
    at,
  );
  unit.local(
    "nat_azs",
    '${var.internet_access == "per_az" ? local.azs : var.internet_access == "single" ? slice(local.azs, 0, 1) : []}',
    { ...at, comment: "NAT gateways, and the public subnets they need, exist only with internet access." },
  );
  unit.local(
    "public_subnets",
    "${{ for az in local.nat_azs : az => lookup(var.public_subnet_cidrs, az, cidrsubnet(var.vpc.cidr, var.subnet_newbits, pow(2, var.subnet_newbits) - 1 - local.az_numbers[az])) }}",
    at,
  );
  unit.local("private_nat_routes", '${{ for az in local.azs : az => var.internet_access == "per_az" ? az : local.azs[0] if length(local.nat_azs) > 0 }}', {
    ...at,
    comment: "Which NAT gateway each private subnet's default route uses.",
  });
  unit.local("create_vpc", "${var.create && var.vpc.create}", at);
  unit.local("create_internet_gateway", "${var.create && length(local.nat_azs) > 0 && var.internet_gateway_id == null}", at);

  unit.local(
    "default_endpoints",
    Object.fromEntries(
      DEFAULT_ENDPOINTS.map((e) => [
        e.label,
        { service_name: e.serviceName ?? `com.amazonaws.\${local.region}.${e.label}`, type: e.type, regions: e.regions ?? [] },
      ]),
    ),
    {
      ...at,
      comment:
        "What CloudShell's compute host may use (AWS's list for VPC environments, plus S3); service names\nare built from the Region, never looked up. regions = [] means every Region.",
    },
  );
  unit.local("gateway_services", GATEWAY_SERVICES, at);
  unit.local(
    "endpoint_labels",
    "${setunion(setsubtract([for label, e in local.default_endpoints : label if length(e.regions) == 0 || contains(e.regions, local.region)], var.endpoints.remove), var.endpoints.add)}",
    at,
  );
  unit.local(
    "endpoints",
    `\${{
for label in local.endpoint_labels : label => {
service_name = try(local.default_endpoints[label].service_name, format("com.amazonaws.%s.%s", local.region, label))
type         = try(local.default_endpoints[label].type, contains(local.gateway_services, label) ? "Gateway" : "Interface")
}
}}`,
    at,
  );
  unit.local("interface_endpoints", '${{ for label, e in local.endpoints : label => e if e.type == "Interface" }}', at);
  unit.local("gateway_endpoints", '${{ for label, e in local.endpoints : label => e if e.type == "Gateway" }}', at);
  unit.local("endpoint_azs", "${slice(local.azs, 0, var.endpoint_az_count)}", {
    ...at,
    comment: "Interface endpoints sit in the first endpoint_az_count zones: one interface per endpoint per zone.",
  });
  unit.local("create_endpoint_security_group", "${var.create && length(local.interface_endpoints) > 0}", at);

  unit.local(
    "egress_rule_defaults",
    {
      description: null,
      ip_protocol: "tcp",
      from_port: 443,
      to_port: 443,
      cidr_ipv4: null,
      cidr_ipv6: null,
      prefix_list_id: null,
      referenced_security_group_id: null,
      to_endpoints: false,
      gateway_endpoint: null,
    },
    { ...at, comment: "Every egress rule has these fields; the module's own rules are HTTPS (443)." },
  );
  const rule = (fields: string) => `merge(local.egress_rule_defaults, { ${fields} })`;
  unit.local(
    "cloudshell_egress_rules",
    `\${merge(
{ for name, r in { endpoints = ${rule('description = "HTTPS to the interface endpoints", to_endpoints = true')} } : name => r if length(local.interface_endpoints) > 0 },
{ for label, e in local.gateway_endpoints : format("gateway-%s", label) => ${rule('description = format("HTTPS to %s through its gateway endpoint", label), gateway_endpoint = label')} },
{ for name, r in { internet = ${rule('description = "HTTPS to the internet through NAT", cidr_ipv4 = "0.0.0.0/0"')} } : name => r if length(local.nat_azs) > 0 },
{ for name, r in var.cloudshell_egress_rules : format("custom-%s", name) => merge(r, { to_endpoints = false, gateway_endpoint = null }) },
)}`,
    {
      ...at,
      comment:
        "Egress of the CloudShell security group, by name. It has no ingress: nothing connects to a shell.\nThe endpoint group admits 443 from the CloudShell group only.",
    },
  );

  unit.local(
    "cost",
    `\${{
endpoint_azs        = var.create && length(local.interface_endpoints) > 0 ? var.endpoint_az_count : 0
interface_endpoints = var.create ? length(local.interface_endpoints) : 0
nat_gateways        = var.create ? length(local.nat_azs) : 0
}}`,
    { ...at, comment: "Billed hours a month, and their list price (data processing is billed per GB on top)." },
  );
  unit.local(
    "cost_hours",
    `\${{
endpoint_az_hours = local.cost.interface_endpoints * local.cost.endpoint_azs * var.prices.hours_per_month
nat_gateway_hours = local.cost.nat_gateways * var.prices.hours_per_month
public_ipv4_hours = local.cost.nat_gateways * var.prices.hours_per_month
}}`,
    at,
  );
  const cents = (x: string) => `floor((${x}) * 100 + 0.5) / 100`;
  unit.local(
    "cost_usd",
    `\${{
endpoints    = ${cents("local.cost_hours.endpoint_az_hours * var.prices.interface_endpoint_hour")}
nat_gateways = ${cents("local.cost_hours.nat_gateway_hours * var.prices.nat_gateway_hour")}
public_ipv4  = ${cents("local.cost_hours.public_ipv4_hours * var.prices.public_ipv4_hour")}
}}`,
    at,
  );
  unit.local(
    "cost_estimate",
    `\${merge(local.cost, local.cost_hours, {
monthly_usd = merge(local.cost_usd, { total = ${cents("local.cost_usd.endpoints + local.cost_usd.nat_gateways + local.cost_usd.public_ipv4")} })
})}`,
    at,
  );
}

const tags = (name: string) => tfMap(`merge(var.tags, { Name = ${name} })`);

function network(unit: Unit): void {
  unit.local("vpc_id", "${var.vpc.create ? try(aws_vpc.this[0].id, null) : var.vpc.id}", {
    comment: "The VPC: created, or an existing one (whose ID is an input).",
  });
  unit.resource(
    Vpc,
    "this",
    { cidrBlock: tf("var.vpc.cidr"), enableDnsSupport: true, enableDnsHostnames: true, tags: tags("var.name") },
    { count: "local.create_vpc ? 1 : 0" },
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

function securityGroups(unit: Unit): void {
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

function endpoints(unit: Unit): void {
  const at = { file: "endpoints.tf" };
  unit.resource(
    VpcEndpoint,
    "interface",
    {
      vpcId: tf("local.vpc_id"),
      serviceName: tf("each.value.service_name"),
      vpcEndpointType: "Interface",
      privateDnsEnabled: true,
      subnetIds: tfList("[for az in local.endpoint_azs : aws_subnet.private[az].id]"),
      securityGroupIds: tfList("[aws_security_group.endpoints[0].id]"),
      tags: tags('"${var.name}-${each.key}"'),
    },
    {
      ...at,
      forEach: "var.create ? local.interface_endpoints : {}",
      comment: "Interface endpoints, keyed by label, with private DNS, in endpoint_az_count zones.",
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
      tags: tags('"${var.name}-${each.key}"'),
    },
    { ...at, forEach: "var.create ? local.gateway_endpoints : {}", comment: "Gateway endpoints (S3, DynamoDB): free, routed from every private subnet." },
  );
}

function policyAndOutputs(unit: Unit): void {
  unit.local(
    "security_group_ids",
    "${var.create ? concat([try(aws_security_group.cloudshell[0].id, null)], var.additional_security_group_ids) : []}",
    { file: "policy.tf", comment: "The security groups offered to CloudShell: the module's own first, then yours." },
  );
  const policy = unit.module(
    "cloudshell_policy",
    "../cloudshell-policy-document",
    {
      preset: tf("var.policy_preset"),
      partition: tf("local.partition"),
      vpc_environments: {
        grant_ec2_permissions: true,
        vpc_ids: tf("var.create ? [local.vpc_id] : []"),
        subnet_ids: tf("[for az in local.azs : aws_subnet.private[az].id if var.create]"),
        security_group_ids: tf("local.security_group_ids"),
      },
    },
    {
      file: "policy.tf",
      comment: "A policy that lets people create CloudShell environments only in this network, with these groups.",
    },
  );

  const out = (name: string, description: string, value: string) => unit.output(name, { description, value: tf(value) });
  out("vpc_id", "ID of the VPC (\"VPC\" in the console's Create VPC environment form); null when create is false.", "var.create ? local.vpc_id : null");
  out("private_subnet_ids", "IDs of the private subnets for CloudShell (\"Subnet\" in the form), keyed by Availability Zone name.", "{ for az, s in aws_subnet.private : az => s.id }");
  out(
    "security_group_ids",
    "Security groups to pick in the form (\"Security group\", at most 5): the CloudShell group, then additional_security_group_ids.",
    "local.security_group_ids",
  );
  out("cloudshell_security_group_id", "ID of the CloudShell security group; null when create is false.", "try(aws_security_group.cloudshell[0].id, null)");
  out("endpoint_security_group_id", "ID of the security group of the interface endpoints; null without interface endpoints.", "try(aws_security_group.endpoints[0].id, null)");
  out(
    "vpc_environment",
    "Everything the console's \"Create VPC environment\" form asks for: vpc_id, subnet_ids (by zone) and security_group_ids.",
    "{\nsecurity_group_ids = local.security_group_ids\nsubnet_ids         = { for az, s in aws_subnet.private : az => s.id }\nvpc_id             = var.create ? local.vpc_id : null\n}",
  );
  out(
    "endpoints",
    "VPC endpoints by label: id, service_name, type (Interface or Gateway) and dns_names (empty for gateway endpoints).",
    "merge(\n{ for label, e in aws_vpc_endpoint.interface : label => { id = e.id, service_name = e.service_name, type = \"Interface\", dns_names = [for d in e.dns_entry : d.dns_name] } },\n{ for label, e in aws_vpc_endpoint.gateway : label => { id = e.id, service_name = e.service_name, type = \"Gateway\", dns_names = [] } },\n)",
  );
  out("nat_gateway_ids", "IDs of the NAT gateways, keyed by Availability Zone name; empty with internet_access = \"none\".", "{ for az, n in aws_nat_gateway.this : az => n.id }");
  out("public_subnet_ids", "IDs of the public subnets that hold the NAT gateways, keyed by Availability Zone name.", "{ for az, s in aws_subnet.public : az => s.id }");
  out(
    "cloudshell_policy_json",
    "IAM policy JSON that lets people create CloudShell VPC environments only in this VPC, its private subnets and the security_group_ids (public environments denied), with the EC2 permissions that needs; null when create is false.",
    `var.create ? ${policy}.json : null`,
  );
  out("region", "The Region the network is planned for (derived from availability_zones unless given).", "local.region");
  out("endpoint_availability_zones", "The zones that carry the interface endpoints' network interfaces.", "var.create ? local.endpoint_azs : []");
  out(
    "cost",
    "What the configuration bills by the hour, per month: interface_endpoints x endpoint_azs = endpoint_az_hours, nat_gateway_hours, public_ipv4_hours, and monthly_usd at the prices input (data processing not included).",
    "local.cost_estimate",
  );
}

function build(unit: Unit): void {
  variables(unit);
  decisions(unit);
  network(unit);
  securityGroups(unit);
  endpoints(unit);
  policyAndOutputs(unit);
}

export const vpcNetwork: Definition = {
  name: "cloudshell-vpc-network",
  kind: "module",
  source: sourceOf(__filename),
  title: "CloudShell VPC network",
  requirements: { ...TERRAFORM, providers: [AWS_PROVIDER] },
  build,
  readmeContext: () => ({
    defaultEndpoints: DEFAULT_ENDPOINTS.map((e) => ({
      ...e,
      service: e.serviceName ?? `com.amazonaws.<region>.${e.label}`,
      where: e.regions ? e.regions.join(", ") : "every Region",
    })),
    regionalEndpointCount: defaultInterfaceEndpoints("us-east-1").length,
    costRows: costScenarios().map((r) => ({ ...r, total: usd(r.cost.monthly_usd.total), extraText: r.extra ? `+${usd(r.extra)}` : "-" })),
    perEndpointMonth: (US_EAST_1_PRICES.interface_endpoint_hour * HOURS_PER_MONTH).toFixed(2),
    maxSecurityGroups: MAX_SECURITY_GROUPS,
    maxAdditional: MAX_SECURITY_GROUPS - 1,
    prices: US_EAST_1_PRICES,
    hours: HOURS_PER_MONTH,
  }),
  extraFiles: vpcNetworkTests,
};
