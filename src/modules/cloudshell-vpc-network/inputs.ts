// The inputs of modules/cloudshell-vpc-network, as one table: the network's shape here, what a
// shell may reach (reach-inputs.ts), what is recorded (logging-inputs.ts), the policy and the prices.
import { Validation } from "../../cdktf/seam";
import { PRESETS } from "../../facts/features";
import { CLOUDSHELL_PARTITIONS } from "../../facts/limits";
import { HOURS_PER_MONTH, PRICE_NAMES, PRICED_REGIONS } from "../../facts/prices";
import { PROTECTION_TAG } from "../../facts/protected-resources";
import { tagsInput } from "../common-inputs";
import { awsIdPattern, hclStrings, REGION_PATTERN } from "../hcl-snippets";
import { Input, VariableInput } from "../inputs";
import { AZ_PATTERN, DEFAULT_VPC_CIDR, INTERNET_ACCESS, isCidr, LETTERS, MAX_AZS, price, PRICES, VPC, vpc, vpcCidr } from "./fields";
import { LOGGING_INPUTS } from "./logging-inputs";
import { REACH_INPUTS } from "./reach-inputs";

/**
 * The presets the network's policy may take: those that let people launch CloudShell, which a VPC
 * environment needs (a preset added to src/facts/features.ts is accepted here only if it does).
 */
export const POLICY_PRESETS = Object.keys(PRESETS).filter((p) => PRESETS[p].effects.launch === "allow");
/** What a preset the network's policy cannot take is told. */
export const POLICY_PRESET_MESSAGE = `policy_preset must be one of ${POLICY_PRESETS.join(", ")}: the presets that let people launch CloudShell.`;

/** Explicit subnet CIDRs by zone, and the validation only this map carries. */
const subnetCidrs = (input: string, what: string, own: Validation): VariableInput => ({
  name: input,
  description: `Explicit ${what} CIDRs keyed by Availability Zone name, such as { "us-east-1a" = "10.0.0.0/24" }; zones not listed get computed CIDRs.`,
  type: "map(string)",
  default: {},
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
    own,
  ],
});

/** The network: its zones, Region, VPC, subnets and internet access. */
const SHAPE_INPUTS: Input[] = [
  {
    name: "create",
    description: "Whether to create anything. With false, nothing is created, the outputs are null or empty and the cost is zero.",
    type: "bool",
    default: true,
  },
  {
    name: "name",
    description: "Name of the network, used in the Name tag of every resource (1-48 of A-Z a-z 0-9 . _ -).",
    type: "string",
    default: "cloudshell",
    validation: [
      {
        condition: 'length(var.name) <= 48 && can(regex("^[A-Za-z0-9._-]+$", var.name))',
        errorMessage: 'name must be 1-48 characters of A-Z a-z 0-9 . _ -, such as "cloudshell".',
      },
    ],
  },
  {
    name: "availability_zones",
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
  },
  {
    name: "region",
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
  },
  {
    name: "partition",
    description: 'AWS partition, for the ARNs of cloudshell_policy_json: "aws" or "aws-us-gov". Null derives it from the Region (us-gov-* is "aws-us-gov").',
    type: "string",
    default: null,
    validation: [
      {
        condition: `var.partition == null ? true : contains(${hclStrings(CLOUDSHELL_PARTITIONS)}, var.partition)`,
        errorMessage: `partition must be null or one of ${CLOUDSHELL_PARTITIONS.join(", ")} (the partitions with CloudShell VPC environments).`,
      },
    ],
  },
  {
    name: "vpc",
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
  },
  {
    name: "internet_gateway_id",
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
  },
  {
    name: "subnet_newbits",
    description:
      "Bits added to the VPC prefix for each computed subnet (8 makes /24 subnets in a /16). The private subnet of zone letter n (a = 0) is netnum n; the public one is counted from the top of the range, so adding a zone never moves another zone's subnet.",
    type: "number",
    default: 8,
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
  },
  subnetCidrs("private_subnet_cidrs", "private subnet", {
    // Checked on the private map only: validations of the two maps referring to each other would be a cycle.
    condition: "length(distinct(concat(values(var.private_subnet_cidrs), values(var.public_subnet_cidrs)))) == length(var.private_subnet_cidrs) + length(var.public_subnet_cidrs)",
    errorMessage: "private_subnet_cidrs and public_subnet_cidrs must not give one CIDR to two subnets (AWS rejects the second at apply).",
  }),
  subnetCidrs("public_subnet_cidrs", "public (NAT) subnet", {
    condition: 'length(var.public_subnet_cidrs) == 0 || var.internet_access != "none"',
    errorMessage: 'public_subnet_cidrs is set but internet_access is "none": public subnets exist only for NAT gateways. Set internet_access, or leave public_subnet_cidrs out.',
  }),
  {
    name: "internet_access",
    description:
      'How the CloudShell environments reach the internet. A VPC environment never gets a public IP, so only NAT works: "none" (default, isolated: AWS APIs only through endpoints), "single" (one NAT gateway in the first zone, shared), "per_az" (one NAT gateway per zone).',
    type: "string",
    default: "none",
    validation: [
      {
        condition: `contains(${hclStrings(INTERNET_ACCESS)}, var.internet_access)`,
        errorMessage: `internet_access must be one of ${INTERNET_ACCESS.map((x) => `"${x}"`).join(", ")}.`,
      },
    ],
  },
];

export const INPUTS: Input[] = [
  ...SHAPE_INPUTS,
  ...REACH_INPUTS,
  {
    name: "policy_preset",
    description: `Preset of cloudshell_policy_json (see modules/cloudshell-policy-document): ${POLICY_PRESETS.map((p) => `"${p}"`).join(", ")}. The policy also grants the EC2 permissions a VPC environment needs and denies any environment outside this network.`,
    type: "string",
    default: "minimum",
    validation: [
      {
        condition: `contains(${hclStrings(POLICY_PRESETS)}, var.policy_preset)`,
        errorMessage: POLICY_PRESET_MESSAGE,
      },
    ],
  },
  ...LOGGING_INPUTS,
  {
    name: "prices",
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
  },
  tagsInput(`Tags for every taggable resource; each also gets a Name tag and ${PROTECTION_TAG.key} = "${PROTECTION_TAG.values.network}", which the guardrail's protect_approved_networks protects.`),
];
