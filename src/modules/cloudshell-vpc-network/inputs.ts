// The inputs of modules/cloudshell-vpc-network: every variable, described and validated.
import { tagsInput } from "../common-inputs";
import { PROTECTION_TAG } from "../../facts/protected-resources";
import { Unit } from "../../cdktf/seam";
import { AWS_SERVICE_DOMAINS, DEFAULT_ENDPOINTS, ENDPOINT_LABEL_PATTERN, FULL_SERVICE_NAME_PATTERN, GATEWAY_SERVICES, LISTED_ENDPOINTS } from "../../facts/endpoints";
import { REGIONAL_ENDPOINT_LABELS } from "../../facts/endpoint-services";
import { HOURS_PER_MONTH, PRICE_NAMES, PRICED_REGIONS } from "../../facts/prices";
import { PRESETS } from "../../facts/features";
import { MAX_SECURITY_GROUPS, CLOUDSHELL_PARTITIONS } from "../../facts/limits";
import { awsIdPattern, hclStrings, REGION_PATTERN } from "../hcl-snippets";
import { field, Fields, objectVariable } from "../strict-object";


/** The most Availability Zones availability_zones takes. */
export const MAX_AZS = 6;
export const INTERNET_ACCESS = ["none", "single", "per_az"];
export const POLICY_PRESETS = Object.keys(PRESETS).filter((p) => p !== "deny-all");

export const LETTERS = 'split("", "abcdefghijklmnopqrstuvwxyz")';
const AZ_PATTERN = "^[a-z]{2}(-[a-z]+)+-[0-9]+[a-z]$";
/** A valid IPv4 network address in CIDR form (no host bits set). */
const isCidr = (v: string) => `can(cidrnetmask(${v})) && try(cidrsubnet(${v}, 0, 0) == ${v}, false)`;
const DEFAULT_LABELS = DEFAULT_ENDPOINTS.map((e) => e.label);
/** Listed endpoints that exist only in some Regions (CodeCatalyst's). */
const REGIONAL_ONLY = LISTED_ENDPOINTS.filter((e) => e.regions);
/** The Region from the inputs: region, or the zone names without their letter. decisions.tf's
 * local.region is this expression; validations repeat it because they cannot read locals. */
export const PLANNED_REGION = "coalesce(var.region, substr(var.availability_zones[0], 0, length(var.availability_zones[0]) - 1))";
const OPTIONAL_LABELS = LISTED_ENDPOINTS.filter((e) => !e.byDefault).map((e) => e.label);
/** The interface endpoints AWS lists for CloudShell's compute host: no perimeter unless endpoints.perimeter_on names them. */
export const LISTED_INTERFACE_LABELS = LISTED_ENDPOINTS.filter((e) => e.type === "Interface").map((e) => e.label);
const DEFAULT_INTERFACE_LABELS = DEFAULT_ENDPOINTS.filter((e) => e.type === "Interface").map((e) => e.label);
/** Labels endpoints.add accepts without a full service name. */
const KNOWN_LABELS = [...new Set([...REGIONAL_ENDPOINT_LABELS, ...LISTED_ENDPOINTS.map((e) => e.label)])].sort();
const KNOWN_SOURCE = "AWS's list of services that integrate with PrivateLink, src/facts/endpoint-services.ts";

/** The object inputs; unknown keys are errors (src/modules/strict-object.ts). */
/** The CIDR of a created VPC when vpc.cidr is left out; an existing VPC's CIDR is required. */
export const DEFAULT_VPC_CIDR = "10.0.0.0/16";
export const VPC: Fields = {
  create: { type: "bool", default: true },
  cidr: { type: "string", default: null, defaultText: `default "${DEFAULT_VPC_CIDR}" for a created VPC, required for an existing one` },
  id: { type: "string", default: null },
};
export const ENDPOINTS: Fields = {
  add: { type: "set(string)", default: [] },
  remove: { type: "set(string)", default: [] },
  policies: { type: "map(string)", default: {} },
  private_dns_disabled: { type: "set(string)", default: [] },
  perimeter_on: { type: "set(string)", default: [] },
  perimeter_off: { type: "set(string)", default: [] },
};
export const EGRESS_RULE: Fields = {
  description: { type: "string", default: null },
  ip_protocol: { type: "string", default: "tcp" },
  from_port: { type: "number", default: null },
  to_port: { type: "number", default: null },
  cidr_ipv4: { type: "string", default: null },
  cidr_ipv6: { type: "string", default: null },
  prefix_list_id: { type: "string", default: null },
  referenced_security_group_id: { type: "string", default: null },
};
const DESTINATIONS = ["cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id"];
export const FLOW_LOG_DESTINATIONS = ["cloud-watch-logs", "s3"];
/** The retention periods CloudWatch Logs accepts, in days. */
const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
export const FLOW_LOGS: Fields = {
  enabled: { type: "bool", default: false },
  destination: { type: "string", default: "cloud-watch-logs" },
  retention_in_days: { type: "number", default: 90 },
  s3_bucket_arn: { type: "string", default: null },
  traffic_type: { type: "string", default: "ALL" },
};
export const DNS_FIREWALL: Fields = {
  enabled: { type: "bool", default: false },
  allowed_domains: { type: "set(string)", default: [] },
  query_logging: { type: "bool", default: false },
  retention_in_days: { type: "number", default: 90 },
};
const dns = (name: string) => field("var.dns_firewall", name, DNS_FIREWALL[name]);
/** A domain name as DNS Firewall lists take it: optionally "*." first, lower-case labels. */
const DOMAIN_PATTERN = "^([*][.])?([a-z0-9]([a-z0-9-]*[a-z0-9])?[.])*[a-z0-9]([a-z0-9-]*[a-z0-9])?[.]?$";
const flowLogs = (name: string) => field("var.flow_logs", name, FLOW_LOGS[name]);
/** Each price defaults to null: the list price of the network's Region where src/facts/prices.ts has it, else none. */
export const PRICES: Fields = {
  ...Object.fromEntries(PRICE_NAMES.map((p) => [p, { type: "number" as const, default: null }])),
  hours_per_month: { type: "number", default: HOURS_PER_MONTH },
};
const vpc = (name: string) => field("var.vpc", name, VPC[name]);
/** The VPC's CIDR as validations see it: vpc.cidr, or the default of a created VPC (decisions.tf's local.vpc_cidr). */
const vpcCidr = `(${vpc("cidr")} != null ? ${vpc("cidr")} : ${vpc("create")} ? "${DEFAULT_VPC_CIDR}" : null)`;
const endpoints = (name: string) => field("var.endpoints", name, ENDPOINTS[name]);
const rule = (name: string) => field("r", name, EGRESS_RULE[name]);
const price = (name: string) => field("var.prices", name, PRICES[name]);

export function variables(unit: Unit): void {
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
        condition: 'alltrue([for az in var.availability_zones : !startswith(az, "cn-")])',
        errorMessage: "availability_zones must not be in a China Region: CloudShell has no China Regions.",
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
    description: "Region of the network, such as \"us-east-1\". Null derives it from availability_zones (the name without its last letter). Either way it must be the AWS provider's Region: the plan stops with an error naming both otherwise.",
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
        condition: `var.partition == null ? true : contains(${hclStrings(CLOUDSHELL_PARTITIONS)}, var.partition)`,
        errorMessage: `partition must be null or one of ${CLOUDSHELL_PARTITIONS.join(", ")} (the partitions with CloudShell VPC environments).`,
      },
    ],
  });
  objectVariable(unit, "vpc", {
    description:
      `The VPC. create = true (default) creates one with DNS support and hostnames on (which private DNS for endpoints needs); create = false uses the existing VPC id ("vpc-..."), whose DNS support and hostnames must be on. cidr is the VPC's IPv4 CIDR (/16 to /28), from which subnet CIDRs are computed (default ${DEFAULT_VPC_CIDR} for a created VPC); an existing VPC needs its CIDR, or a secondary CIDR of it, since subnets and the endpoints' ingress are computed from it.`,
    fields: VPC,
    validation: [
      {
        condition: `${vpcCidr} == null ? true : ${isCidr(vpcCidr)} && tonumber(split("/", ${vpcCidr})[1]) >= 16 && tonumber(split("/", ${vpcCidr})[1]) <= 28`,
        errorMessage: 'vpc.cidr must be an IPv4 network in CIDR form with a prefix from /16 to /28, such as "10.0.0.0/16".',
      },
      {
        condition: `${vpc("create")} || ${vpc("cidr")} != null`,
        errorMessage: 'vpc.cidr is required with an existing VPC (vpc.create = false): give its CIDR, or the secondary CIDR the CloudShell subnets go in, such as vpc = { create = false, id = "vpc-0123456789abcdef0", cidr = "10.20.0.0/16" }. Subnets and the endpoints\' ingress are computed from it.',
      },
      {
        condition: `${vpc("create")} ? ${vpc("id")} == null : can(regex("${awsIdPattern("vpc")}", ${vpc("id")}))`,
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
        condition: `var.internet_gateway_id == null ? true : can(regex("${awsIdPattern("igw")}", var.internet_gateway_id)) && !${vpc("create")}`,
        errorMessage: 'internet_gateway_id must be null, or an ID such as "igw-0123456789abcdef0" of the existing VPC (vpc.create = false).',
      },
      {
        condition: 'var.internet_gateway_id == null || var.internet_access != "none"',
        errorMessage: 'internet_gateway_id is set but internet_access is "none": nothing would use it. Set internet_access = "single" or "per_az", or leave internet_gateway_id out.',
      },
      {
        // A VPC has at most one internet gateway: creating a second one in an existing VPC fails at apply.
        condition: `${vpc("create")} || var.internet_access == "none" || var.internet_gateway_id != null`,
        errorMessage: 'internet_access is "single" or "per_az" with an existing VPC (vpc.create = false) but internet_gateway_id is null: give the VPC\'s internet gateway ("igw-..."), since a VPC can have only one and the module would otherwise create a second.',
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
        condition: `try(tonumber(split("/", ${vpcCidr})[1]) + var.subnet_newbits <= 28, true)`,
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
        {
          // Inside the VPC: the CIDR's first address, cut to the VPC's prefix length, is the VPC's network.
          condition: `${vpcCidr} == null ? true : alltrue([for az, cidr in var.${input} : try(tonumber(split("/", cidr)[1]) >= tonumber(split("/", ${vpcCidr})[1]) && cidrhost(format("%s/%s", cidrhost(cidr, 0), split("/", ${vpcCidr})[1]), 0) == cidrhost(${vpcCidr}, 0), false)])`,
          errorMessage: `${input} must hold CIDRs inside vpc.cidr (AWS rejects a subnet outside its VPC at apply).`,
        },
        ...(input === "public_subnet_cidrs"
          ? [
              {
                condition: 'length(var.public_subnet_cidrs) == 0 || var.internet_access != "none"',
                errorMessage: 'public_subnet_cidrs is set but internet_access is "none": public subnets exist only for NAT gateways. Set internet_access, or leave public_subnet_cidrs out.',
              },
            ]
          : []),
        // Checked on the private map only: validations of the two maps referring to each other would be a cycle.
        ...(input === "private_subnet_cidrs"
          ? [
              {
                condition: "length(distinct(concat(values(var.private_subnet_cidrs), values(var.public_subnet_cidrs)))) == length(var.private_subnet_cidrs) + length(var.public_subnet_cidrs)",
                errorMessage: "private_subnet_cidrs and public_subnet_cidrs must not give one CIDR to two subnets (AWS rejects the second at apply).",
              },
            ]
          : []),
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
  objectVariable(unit, "endpoints", {
    description: `VPC endpoints, by label: the service-name suffix, such as "sts" for com.amazonaws.<region>.sts. The defaults are the services AWS lists as access the environment's compute host may need (${DEFAULT_LABELS.join(", ")}; s3 as a free gateway endpoint); CodeCatalyst's (${OPTIONAL_LABELS.join(", ")}; us-west-2 and eu-west-1 only) are created only when added. add: the AWS APIs people call from an isolated environment, such as ["sts", "ec2", "ssm"] (${GATEWAY_SERVICES.join(" and ")} become gateway endpoints, the others interface endpoints), or a full service name. remove: defaults to leave out. policies: a policy JSON by label, replacing the default. Default policies: gateway endpoints and the interface endpoints you add get the data perimeter (only principals of trusted accounts on resources of trusted accounts, and AWS services); the default interface endpoints keep AWS's full-access policy, because AWS does not document which principals CloudShell's compute host uses through them. perimeter_on: default interface endpoints to put under the perimeter as well, such as ["logs", "kms", "ecr.api", "ecr.dkr", "execute-api"] (that CloudShell keeps working is UNCONFIRMED). perimeter_off: added interface endpoints to leave with AWS's full-access policy (a service that does not accept endpoint policies). private_dns_disabled: interface endpoints without private DNS, such as one the VPC already has.`,
    fields: ENDPOINTS,
    validation: [
      {
        condition: `alltrue([for label in ${endpoints("add")} : can(regex("${FULL_SERVICE_NAME_PATTERN}", label)) || contains(${hclStrings(KNOWN_LABELS)}, label)])`,
        errorMessage: `endpoints.add holds \${try(join(", ", [for label in ${endpoints("add")} : label if !can(regex("${FULL_SERVICE_NAME_PATTERN}", label)) && !contains(${hclStrings(KNOWN_LABELS)}, label)]), "a label")}, not a regional AWS service with VPC endpoints that this module knows (${KNOWN_SOURCE}). Check the spelling ("sts", "ecr.api", "ssmmessages"), or give the full service name, such as "com.amazonaws.us-east-1.newservice", which is used as it is.`,
      },
      {
        condition: `alltrue([for label in setunion(${endpoints("add")}, ${endpoints("remove")}) : can(regex("${ENDPOINT_LABEL_PATTERN}", label))])`,
        errorMessage: 'endpoints.add and endpoints.remove must hold service labels in lower case, such as "sts", "ec2", "ssm", "ecr.api" or "s3".',
      },
      {
        condition: `length(setsubtract(${endpoints("remove")}, ${hclStrings(DEFAULT_LABELS)})) == 0`,
        errorMessage: `endpoints.remove can only hold default endpoints: ${DEFAULT_LABELS.join(", ")}.`,
      },
      {
        condition: `length(setintersection(${endpoints("add")}, ${endpoints("remove")})) == 0`,
        errorMessage: "endpoints.add and endpoints.remove must not share a label.",
      },
      ...REGIONAL_ONLY.map((e) => ({
        condition: `!contains(${endpoints("add")}, "${e.label}") || contains(${hclStrings(e.regions!)}, ${PLANNED_REGION})`,
        errorMessage: `endpoints.add holds "${e.label}", which exists only in ${e.regions!.join(" and ")}: leave it out, or plan the network in one of those Regions.`,
      })),
      {
        condition: `alltrue([for label, policy in ${endpoints("policies")} : contains(setunion(setsubtract(${hclStrings(DEFAULT_LABELS)}, ${endpoints("remove")}), ${endpoints("add")}), label) && can(jsondecode(policy))])`,
        errorMessage: 'endpoints.policies must map labels of endpoints this module creates (a default not removed, or one in add) to policy JSON, such as { sts = jsonencode({ Version = "2012-10-17", Statement = [...] }) }.',
      },
      {
        condition: `alltrue([for label in ${endpoints("perimeter_on")} : contains(setsubtract(${hclStrings(LISTED_INTERFACE_LABELS)}, ${endpoints("remove")}), label) && (contains(${hclStrings(DEFAULT_INTERFACE_LABELS)}, label) || contains(${endpoints("add")}, label))])`,
        errorMessage: `endpoints.perimeter_on must hold labels of the interface endpoints AWS lists for CloudShell's compute host that this module creates (${LISTED_INTERFACE_LABELS.join(", ")}; not removed, CodeCatalyst's only when added); the endpoints you add are under the perimeter already.`,
      },
      {
        condition: `alltrue([for label in ${endpoints("perimeter_off")} : contains(${endpoints("add")}, label) && !contains(${hclStrings([...GATEWAY_SERVICES, ...LISTED_INTERFACE_LABELS])}, label)])`,
        errorMessage: "endpoints.perimeter_off must hold labels of interface endpoints in endpoints.add (not gateway endpoints, whose perimeter endpoints.policies replaces, and not the compute host's, which have no perimeter unless in perimeter_on).",
      },
      {
        condition: `alltrue([for label in ${endpoints("private_dns_disabled")} : contains(setunion(setsubtract(${hclStrings(DEFAULT_INTERFACE_LABELS)}, ${endpoints("remove")}), ${endpoints("add")}), label) && !contains(${hclStrings(GATEWAY_SERVICES)}, label)])`,
        errorMessage: "endpoints.private_dns_disabled must hold labels of interface endpoints this module creates (a default not removed, or one in add; gateway endpoints have no DNS names).",
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
  unit.variable("endpoint_ingress_cidrs", {
    description:
      "IPv4 CIDRs, besides the CloudShell security group, that may reach the interface endpoints on 443. Null (default) admits vpc.cidr when the VPC exists already (vpc.create = false): private DNS sends every workload of that VPC to these endpoints, and they would otherwise time out (if vpc.cidr is a secondary CIDR, list the VPC's other CIDRs here too); with a created VPC it admits nothing else. A list replaces that default, such as [] (CloudShell only) or [\"10.0.0.0/16\", \"10.1.0.0/16\"].",
    type: "list(string)",
    default: null,
    validation: [
      {
        condition: `var.endpoint_ingress_cidrs == null ? true : alltrue([for c in var.endpoint_ingress_cidrs : ${isCidr("c")}])`,
        errorMessage: 'endpoint_ingress_cidrs must be null, or hold IPv4 networks in CIDR form, such as "10.0.0.0/16".',
      },
    ],
  });
  unit.variable("trusted_account_ids", {
    description:
      "AWS accounts, besides the network's own, whose principals and resources the endpoint perimeter admits, such as [\"123456789012\"]. The perimeter (gateway endpoints, the interface endpoints you add, and endpoints.perimeter_on) allows a request through the endpoint only when both the principal and the resource belong to a trusted account (or to trusted_organization_id), plus requests of AWS services' own principals, reads of the AWS-owned buckets and SSM parameters the environment needs, and unsigned invokes of trusted accounts' private APIs (execute-api). A policy in endpoints.policies replaces it.",
    type: "set(string)",
    default: [],
    nullable: false,
    validation: [
      {
        condition: 'alltrue([for id in var.trusted_account_ids : can(regex("^[0-9]{12}$", id))])',
        errorMessage: 'trusted_account_ids must hold 12-digit AWS account IDs, such as "123456789012".',
      },
    ],
  });
  unit.variable("trusted_organization_id", {
    description:
      "An AWS Organizations ID (\"o-...\") whose principals and resources the endpoint perimeter also admits (aws:PrincipalOrgID and aws:ResourceOrgID). Null (default) trusts accounts only.",
    type: "string",
    default: null,
    validation: [
      {
        condition: 'var.trusted_organization_id == null ? true : can(regex("^o-[a-z0-9]{10,32}$", var.trusted_organization_id))',
        errorMessage: 'trusted_organization_id must be null or an organization ID such as "o-a1b2c3d4e5" (o- and 10 to 32 lower-case letters or digits).',
      },
    ],
  });
  objectVariable(unit, "cloudshell_egress_rules", {
    description:
      "Extra egress rules of the CloudShell security group, by name. Each has exactly one destination (cidr_ipv4, cidr_ipv6, prefix_list_id or referenced_security_group_id), ip_protocol \"tcp\" (default), \"udp\", \"icmp\" or \"-1\" (all), and from_port/to_port (0-65535; null with \"-1\"). The module already allows 443 to the endpoints, to S3 through its gateway endpoint and, with NAT, to the internet.",
    fields: EGRESS_RULE,
    map: true,
    validation: [
      {
        condition: `alltrue([for r in var.cloudshell_egress_rules : length(compact([${DESTINATIONS.map(rule).join(", ")}])) == 1])`,
        errorMessage: "Each of cloudshell_egress_rules needs exactly one of cidr_ipv4, cidr_ipv6, prefix_list_id, referenced_security_group_id.",
      },
      {
        condition: `alltrue([for r in var.cloudshell_egress_rules : contains(["tcp", "udp", "icmp", "-1"], ${rule("ip_protocol")})])`,
        errorMessage: 'The ip_protocol of cloudshell_egress_rules must be "tcp", "udp", "icmp" or "-1" (all).',
      },
      {
        condition: `alltrue([for r in var.cloudshell_egress_rules : ${rule("ip_protocol")} == "-1" ? ${rule("from_port")} == null && ${rule("to_port")} == null : ${rule("ip_protocol")} == "icmp" ? true : try(${rule("from_port")} >= 0 && ${rule("to_port")} <= 65535 && ${rule("from_port")} <= ${rule("to_port")}, false)])`,
        errorMessage: 'cloudshell_egress_rules with ip_protocol "tcp" or "udp" need from_port <= to_port within 0-65535; with "-1" both must be null.',
      },
      {
        condition: `alltrue([for r in var.cloudshell_egress_rules : ${rule("cidr_ipv4")} == null ? true : ${isCidr(rule("cidr_ipv4"))}])`,
        errorMessage: 'The cidr_ipv4 of cloudshell_egress_rules must be an IPv4 CIDR such as "10.1.0.0/16".',
      },
      {
        condition: `alltrue([for r in var.cloudshell_egress_rules : ${rule("referenced_security_group_id")} == null ? true : can(regex("${awsIdPattern("sg")}", ${rule("referenced_security_group_id")}))])`,
        errorMessage: 'The referenced_security_group_id of cloudshell_egress_rules must be an ID such as "sg-0123456789abcdef0".',
      },
      {
        condition: `alltrue([for r in var.cloudshell_egress_rules : ${rule("prefix_list_id")} == null ? true : can(regex("${awsIdPattern("pl")}", ${rule("prefix_list_id")}))])`,
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
  objectVariable(unit, "flow_logs", {
    description:
      "VPC flow logs of the CloudShell subnets, an audit trail of every connection a shell makes; off by default. destination \"cloud-watch-logs\" creates a log group (retention_in_days) and the role that delivers to it; \"s3\" delivers to s3_bucket_arn, whose bucket policy must admit the delivery.logs.amazonaws.com service. traffic_type: \"ALL\", \"ACCEPT\" or \"REJECT\". Billed per GB delivered (cost shows the price).",
    fields: FLOW_LOGS,
    validation: [
      {
        condition: `contains(${hclStrings(FLOW_LOG_DESTINATIONS)}, ${flowLogs("destination")})`,
        errorMessage: `flow_logs.destination must be one of ${FLOW_LOG_DESTINATIONS.map((d) => `"${d}"`).join(", ")}.`,
      },
      {
        condition: `contains([${LOG_RETENTION_DAYS.join(", ")}], ${flowLogs("retention_in_days")})`,
        errorMessage: `flow_logs.retention_in_days must be a period CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}.`,
      },
      {
        condition: `${flowLogs("destination")} == "s3" ? can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$", ${flowLogs("s3_bucket_arn")})) : ${flowLogs("s3_bucket_arn")} == null`,
        errorMessage: 'flow_logs.s3_bucket_arn must be a bucket ARN such as "arn:aws:s3:::my-flow-logs" (optionally with a /prefix) when destination is "s3", and null otherwise.',
      },
      {
        condition: `contains(["ALL", "ACCEPT", "REJECT"], ${flowLogs("traffic_type")})`,
        errorMessage: 'flow_logs.traffic_type must be "ALL", "ACCEPT" or "REJECT".',
      },
      {
        condition: `can(var.flow_logs.enabled) || length(keys(var.flow_logs)) == 0`,
        errorMessage: "flow_logs sets ${try(join(\", \", sort(keys(var.flow_logs))), \"keys\")} without enabled: no flow log would be created, since enabled defaults to false. Add enabled = true (or enabled = false to keep it off).",
      },
    ],
  });
  objectVariable(unit, "dns_firewall", {
    description: `Route 53 Resolver DNS Firewall for the created VPC, off by default. Security groups do not filter the VPC's DNS resolver and flow logs do not record queries to it, so without it any name resolves and a shell can send data out in DNS queries. enabled: a rule group that answers only AWS's service domains (${AWS_SERVICE_DOMAINS.join(", ")}) and allowed_domains, such as ["example.com", "*.example.com"], and answers NXDOMAIN for every other name. query_logging: Resolver query logs of the VPC to a CloudWatch Logs group kept retention_in_days. Billed per domain and per million queries (the cost output shows both).`,
    fields: DNS_FIREWALL,
    validation: [
      {
        condition: `alltrue([for d in ${dns("allowed_domains")} : can(regex("${DOMAIN_PATTERN}", d))])`,
        errorMessage: 'dns_firewall.allowed_domains must hold domain names in lower case, optionally starting with "*.", such as "example.com" or "*.example.com".',
      },
      {
        condition: `contains([${LOG_RETENTION_DAYS.join(", ")}], ${dns("retention_in_days")})`,
        errorMessage: `dns_firewall.retention_in_days must be a period CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}.`,
      },
      {
        condition: `can(var.dns_firewall.enabled) || length(keys(var.dns_firewall)) == 0`,
        errorMessage: "dns_firewall sets ${try(join(\", \", sort(keys(var.dns_firewall))), \"keys\")} without enabled: no firewall would be created, since enabled defaults to false. Add enabled = true (or enabled = false to keep it off).",
      },
      {
        // A rule group associated with a VPC filters every workload in it, not only CloudShell.
        condition: `!${dns("enabled")} || ${vpc("create")}`,
        errorMessage: "dns_firewall.enabled needs a VPC this module creates (vpc.create = true): in an existing VPC it would block every other workload's names too. Associate your own rule group with that VPC instead.",
      },
    ],
  });
  unit.variable("log_kms_key_arn", {
    description: "A KMS key ARN (\"arn:aws:kms:<region>:<account>:key/...\") to encrypt the CloudWatch Logs groups the module creates (flow logs, DNS query logs). Null keeps CloudWatch Logs' own encryption. The key's policy must allow the logs.<region>.amazonaws.com service principal (AWS's CloudWatch Logs encryption page).",
    type: "string",
    default: null,
    validation: [
      {
        condition: 'var.log_kms_key_arn == null ? true : can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-f-]+$", var.log_kms_key_arn))',
        errorMessage: 'log_kms_key_arn must be null or a KMS key ARN such as "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" (a key, not an alias).',
      },
      {
        condition: `var.log_kms_key_arn == null || try(${flowLogs("enabled")} && ${flowLogs("destination")} == "cloud-watch-logs", false) || try(${dns("enabled")} && ${dns("query_logging")}, false)`,
        errorMessage: 'log_kms_key_arn is set but the module creates no log group: it encrypts the flow-log group (flow_logs.enabled with destination "cloud-watch-logs") and the DNS query-log group (dns_firewall.query_logging). Enable one, or leave log_kms_key_arn out.',
      },
    ],
  });
  objectVariable(unit, "prices", {
    description: `Prices in USD for the cost output: per interface endpoint per zone per hour, per NAT gateway hour, per public IPv4 address hour, per GB of flow logs delivered to CloudWatch Logs or S3, per DNS Firewall domain per month and per million DNS Firewall queries, per GB of DNS query logs, and hours in a month (default ${HOURS_PER_MONTH}). A price left out is the list price of the network's Region where this module carries one (some for ${PRICED_REGIONS.join(", ")}; the public IPv4 price in every Region), else none: the figures that need it are then null and the plan warns. The cost output's price_sources names, price by price, where it came from. Data processing is not included.`,
    fields: PRICES,
    validation: [
      {
        condition: `alltrue([for p in [${PRICE_NAMES.map((p) => price(p)).join(", ")}] : p == null ? true : p >= 0])`,
        errorMessage: "prices must be numbers of USD, zero or more, such as { nat_gateway_hour = 0.062 }.",
      },
      {
        condition: `${price("hours_per_month")} > 0 && ${price("hours_per_month")} <= 744`,
        errorMessage: "prices.hours_per_month must be more than 0 and at most 744 (31 days).",
      },
    ],
  });
  tagsInput(unit, `Tags for every taggable resource; each also gets a Name tag and ${PROTECTION_TAG.key} = "${PROTECTION_TAG.values.network}", which the guardrail's protect_approved_networks protects.`);
}
