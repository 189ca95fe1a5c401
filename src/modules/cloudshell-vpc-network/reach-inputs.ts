// The inputs of modules/cloudshell-vpc-network that decide what a shell in the network may reach:
// the VPC endpoints and their perimeter, and the CloudShell security group's egress and companions.
import { ENDPOINT_LABEL_PATTERN, FULL_SERVICE_NAME_PATTERN, GATEWAY_SERVICES } from "../../facts/endpoints";
import { MAX_SECURITY_GROUPS } from "../../facts/limits";
import { awsIdPattern, hclStrings } from "../hcl-snippets";
import { Input } from "../inputs";
import { DEFAULT_INTERFACE_LABELS, DEFAULT_LABELS, DESTINATIONS, EGRESS_RULE, ENDPOINTS, endpoints, isCidr, KNOWN_LABELS, KNOWN_SOURCE, LISTED_INTERFACE_LABELS, OPTIONAL_LABELS, PLANNED_REGION, REGIONAL_ONLY, rule } from "./fields";

export const REACH_INPUTS: Input[] = [
  {
    name: "endpoints",
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
  },
  {
    name: "endpoint_az_count",
    description:
      "How many zones (the first ones, sorted) carry a network interface of each interface endpoint. Every endpoint is billed per zone per hour, and one zone serves the whole VPC, so the default is 1; 2 or more survive a zone outage.",
    type: "number",
    default: 1,
    validation: [
      {
        condition: "floor(var.endpoint_az_count) == var.endpoint_az_count && var.endpoint_az_count >= 1 && var.endpoint_az_count <= length(var.availability_zones)",
        errorMessage: "endpoint_az_count must be a whole number from 1 to the number of availability_zones.",
      },
    ],
  },
  {
    name: "endpoint_ingress_cidrs",
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
  },
  {
    name: "trusted_account_ids",
    description:
      "AWS accounts, besides the network's own, whose principals and resources the endpoint perimeter admits, such as [\"123456789012\"]. The perimeter (gateway endpoints, the interface endpoints you add, and endpoints.perimeter_on) allows a request through the endpoint only when both the principal and the resource belong to a trusted account (or to trusted_organization_id), plus requests of AWS services' own principals, reads of the AWS-owned buckets and SSM parameters the environment needs, and unsigned invokes of trusted accounts' private APIs (execute-api). A policy in endpoints.policies replaces it.",
    type: "set(string)",
    default: [],
    validation: [
      {
        condition: 'alltrue([for id in var.trusted_account_ids : can(regex("^[0-9]{12}$", id))])',
        errorMessage: 'trusted_account_ids must hold 12-digit AWS account IDs, such as "123456789012".',
      },
    ],
  },
  {
    name: "trusted_organization_id",
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
  },
  {
    name: "cloudshell_egress_rules",
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
  },
  {
    name: "additional_security_group_ids",
    description: `Your own security groups to offer with the CloudShell group, such as ["sg-0123456789abcdef0"]. A CloudShell VPC environment takes at most ${MAX_SECURITY_GROUPS} security groups, the module's own included, so at most ${MAX_SECURITY_GROUPS - 1}.`,
    type: "list(string)",
    default: [],
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
  },
];
