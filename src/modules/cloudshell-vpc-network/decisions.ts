// decisions.tf: what the network looks like, decided from the inputs alone (known at plan time).
import { Unit } from "../../cdktf/seam";
import { AWS_SERVICE_DOMAINS, FULL_SERVICE_NAME_PATTERN, GATEWAY_SERVICES, LISTED_ENDPOINTS } from "../../facts/endpoints";
import { EVERY_REGION_PRICES, LIST_PRICES, PRICE_NAMES, PRICE_PAGES, PRICED_REGIONS, PriceName, priceSource } from "../../facts/prices";
import { hclStrings } from "../hcl-snippets";
import { DEFAULT_VPC_CIDR, DNS_FIREWALL, EGRESS_RULE, ENDPOINTS, FLOW_LOGS, LETTERS, LISTED_INTERFACE_LABELS, PLANNED_REGION, PRICES, VPC } from "./fields";
import { objectLocal } from "../strict-object";

/** The locals decided from the inputs alone. */
export const DECISIONS_FILE = "decisions.tf";

/** Decisions from the inputs alone, in one file that refers only to var.* and local.*. */
export function decisions(unit: Unit): void {
  const at = { file: DECISIONS_FILE };
  objectLocal(unit, "vpc", { fields: VPC }, at);
  objectLocal(unit, "endpoints", { fields: ENDPOINTS }, { ...at, as: "endpoints_input" });
  objectLocal(unit, "cloudshell_egress_rules", { fields: EGRESS_RULE, map: true }, { ...at, as: "custom_egress_rules" });
  objectLocal(unit, "prices", { fields: PRICES }, at);
  objectLocal(unit, "flow_logs", { fields: FLOW_LOGS }, at);
  objectLocal(unit, "dns_firewall", { fields: DNS_FIREWALL }, at);
  unit.local("vpc_cidr", `\${local.vpc.cidr != null ? local.vpc.cidr : "${DEFAULT_VPC_CIDR}"}`, {
    ...at,
    comment: "A created VPC's CIDR defaults; an existing VPC's is required (a validation of var.vpc).",
  });
  unit.local("azs", "${sort(var.availability_zones)}", {
    ...at,
    comment:
      "Everything here is decided from the inputs alone (no resource, no data source), so it is\nknown at plan time; the resource files only iterate over these maps.",
  });
  unit.local("region", `\${${PLANNED_REGION}}`, at);
  unit.local("partition", '${var.partition != null ? var.partition : startswith(local.region, "us-gov-") ? "aws-us-gov" : "aws"}', at);

  unit.local("az_numbers", `\${{ for az in local.azs : az => index(${LETTERS}, substr(az, -1, 1)) }}`, {
    ...at,
    comment: "Subnets are keyed by zone name and numbered by zone letter, so adding a zone moves nothing.",
  });
  unit.local(
    "private_subnets",
    "${{ for az in local.azs : az => lookup(var.private_subnet_cidrs, az, cidrsubnet(local.vpc_cidr, var.subnet_newbits, local.az_numbers[az])) }}",
    at,
  );
  unit.local(
    "nat_azs",
    '${var.internet_access == "per_az" ? local.azs : var.internet_access == "single" ? slice(local.azs, 0, 1) : []}',
    { ...at, comment: "NAT gateways, and the public subnets they need, exist only with internet access." },
  );
  unit.local(
    "public_subnets",
    "${{ for az in local.nat_azs : az => lookup(var.public_subnet_cidrs, az, cidrsubnet(local.vpc_cidr, var.subnet_newbits, pow(2, var.subnet_newbits) - 1 - local.az_numbers[az])) }}",
    at,
  );
  unit.local(
    "subnet_cidrs",
    '${merge({ for az, cidr in local.private_subnets : "private ${az}" => cidr }, { for az, cidr in local.public_subnets : "public ${az}" => cidr })}',
    { ...at, comment: "Every subnet's CIDR, explicit or computed; two overlap when their common prefix holds the same network." },
  );
  const prefix = (x: string) => `tonumber(split("/", ${x})[1])`;
  const network = (cidr: string, bits: string) => `cidrhost(format("%s/%d", cidrhost(${cidr}, 0), ${bits}), 0)`;
  const common = `min(${prefix("local.subnet_cidrs[a]")}, ${prefix("local.subnet_cidrs[b]")})`;
  unit.local(
    "overlapping_subnets",
    `\${flatten([for i, a in keys(local.subnet_cidrs) : [for j, b in keys(local.subnet_cidrs) : format("%s (%s) and %s (%s)", a, local.subnet_cidrs[a], b, local.subnet_cidrs[b]) if i < j && ${network("local.subnet_cidrs[a]", common)} == ${network("local.subnet_cidrs[b]", common)}]])}`,
    at,
  );
  unit.local("private_nat_routes", '${{ for az in local.azs : az => var.internet_access == "per_az" ? az : local.azs[0] if length(local.nat_azs) > 0 }}', {
    ...at,
    comment: "Which NAT gateway each private subnet's default route uses.",
  });
  unit.local("create_vpc", "${var.create && local.vpc.create}", at);
  unit.local("create_flow_logs", "${var.create && local.flow_logs.enabled}", at);
  unit.local("create_flow_log_group", '${local.create_flow_logs && local.flow_logs.destination == "cloud-watch-logs"}', at);
  unit.local("create_dns_firewall", "${local.create_vpc && local.dns_firewall.enabled}", at);
  unit.local("create_dns_query_logs", "${local.create_dns_firewall && local.dns_firewall.query_logging}", at);
  unit.local("dns_allowed_domains", `\${sort(distinct(concat(${hclStrings(AWS_SERVICE_DOMAINS)}, tolist(local.dns_firewall.allowed_domains))))}`, {
    ...at,
    comment: "The names the DNS Firewall answers: AWS's service domains and the user's; every other name gets NXDOMAIN.",
  });
  unit.local("create_internet_gateway", "${var.create && length(local.nat_azs) > 0 && var.internet_gateway_id == null}", at);

  unit.local(
    "listed_endpoints",
    Object.fromEntries(
      LISTED_ENDPOINTS.map((e) => [
        e.label,
        { service_name: e.serviceName ?? `com.amazonaws.\${local.region}.${e.label}`, type: e.type, regions: e.regions ?? [], by_default: e.byDefault },
      ]),
    ),
    {
      ...at,
      comment:
        "What CloudShell's compute host may use (AWS's list for VPC environments, plus S3); service names\nare built from the Region, never looked up. regions = [] means every Region; CodeCatalyst's are\nnot created unless added.",
    },
  );
  unit.local("gateway_services", GATEWAY_SERVICES, at);
  unit.local(
    "endpoint_labels",
    "${setunion(setsubtract([for label, e in local.listed_endpoints : label if e.by_default && (length(e.regions) == 0 || contains(e.regions, local.region))], local.endpoints_input.remove), local.endpoints_input.add)}",
    at,
  );
  unit.local(
    "endpoints",
    `\${{
for label in local.endpoint_labels : label => {
service_name = can(regex("${FULL_SERVICE_NAME_PATTERN}", label)) ? label : try(local.listed_endpoints[label].service_name, format("com.amazonaws.%s.%s", local.region, label))
type         = try(local.listed_endpoints[label].type, contains(local.gateway_services, label) ? "Gateway" : "Interface")
private_dns  = !contains(local.endpoints_input.private_dns_disabled, label)
policy       = lookup(local.endpoints_input.policies, label, null)
perimeter    = contains(local.gateway_services, label) || (contains(${hclStrings(LISTED_INTERFACE_LABELS)}, label) ? contains(local.endpoints_input.perimeter_on, label) : !contains(local.endpoints_input.perimeter_off, label))
}
}}`,
    {
      ...at,
      comment:
        "A label that is a full service name is used as it is; policy null keeps the default (see endpoints.tf).\nperimeter: gateway endpoints and the interface endpoints users add get the data perimeter; the\ncompute host's endpoints only through perimeter_on (AWS does not say which principals it uses).",
    },
  );
  unit.local("interface_endpoints", '${{ for label, e in local.endpoints : label => e if e.type == "Interface" }}', at);
  unit.local("gateway_endpoints", '${{ for label, e in local.endpoints : label => e if e.type == "Gateway" }}', at);
  unit.local("endpoint_azs", "${slice(local.azs, 0, var.endpoint_az_count)}", {
    ...at,
    comment: "Interface endpoints sit in the first endpoint_az_count zones: one interface per endpoint per zone.",
  });
  unit.local("create_endpoint_security_group", "${var.create && length(local.interface_endpoints) > 0}", at);
  unit.local(
    "endpoint_ingress_cidrs",
    "${{ for cidr in coalesce(var.endpoint_ingress_cidrs, local.vpc.create ? [] : [local.vpc_cidr]) : cidr => cidr if length(local.interface_endpoints) > 0 }}",
    {
      ...at,
      comment:
        "Private DNS answers for the whole VPC: in an existing VPC every workload then reaches these endpoints,\nso its CIDR is admitted unless endpoint_ingress_cidrs says otherwise.",
    },
  );

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
{ for name, r in local.custom_egress_rules : format("custom-%s", name) => merge(r, { to_endpoints = false, gateway_endpoint = null }) },
)}`,
    {
      ...at,
      comment:
        "Egress of the CloudShell security group, by name. It has no ingress: nothing connects to a shell.\nThe endpoint group admits 443 from the CloudShell group only.",
    },
  );

  const prices = (region: string) =>
    Object.fromEntries(PRICE_NAMES.filter((n) => LIST_PRICES[region][n]).map((n) => [n, { usd: LIST_PRICES[region][n]!.usd, source: priceSource(region, n)! }]));
  unit.local("list_prices", Object.fromEntries(PRICED_REGIONS.map((r) => [r, prices(r)])), {
    ...at,
    comment: "List prices by Region, with their sources (src/facts/prices.ts). A price the network's Region lacks is null,\nnever another Region's: the cost that needs it is null too, and the plan warns (check.prices).",
  });
  unit.local(
    "every_region_prices",
    Object.fromEntries(Object.entries(EVERY_REGION_PRICES).map(([n, f]) => [n, { usd: f!.usd, source: priceSource("", n as PriceName)! }])),
    { ...at, comment: "Prices AWS charges alike in every Region." },
  );
  const listed = (name: string, field: string) => `try(local.list_prices[local.region][${name}].${field}, local.every_region_prices[${name}].${field}, null)`;
  unit.local(
    "unit_prices",
    `\${merge({ hours_per_month = local.prices.hours_per_month }, { for name in ${hclStrings([...PRICE_NAMES])} : name => local.prices[name] != null ? local.prices[name] : ${listed("name", "usd")} })}`,
    at,
  );
  unit.local(
    "price_sources",
    `\${{ for name in ${hclStrings([...PRICE_NAMES])} : name => local.prices[name] != null ? "prices input" : ${listed("name", "source")} }}`,
    { ...at, comment: "Where each price came from: the prices input, or the list price's Region (or every Region) and source; null: none." },
  );
  unit.local(
    "cost",
    `\${{
dns_firewall_domains = local.create_dns_firewall ? length(local.dns_allowed_domains) + 1 : 0
endpoint_azs        = var.create && length(local.interface_endpoints) > 0 ? var.endpoint_az_count : 0
interface_endpoints = var.create ? length(local.interface_endpoints) : 0
nat_gateways        = var.create ? length(local.nat_azs) : 0
}}`,
    { ...at, comment: "Billed hours a month, and their list price (data processing is billed per GB on top)." },
  );
  unit.local(
    "cost_hours",
    `\${{
endpoint_az_hours = local.cost.interface_endpoints * local.cost.endpoint_azs * local.unit_prices.hours_per_month
nat_gateway_hours = local.cost.nat_gateways * local.unit_prices.hours_per_month
public_ipv4_hours = local.cost.nat_gateways * local.unit_prices.hours_per_month
}}`,
    at,
  );
  const cents = (x: string) => `floor((${x}) * 100 + 0.5) / 100`;
  /** A monthly figure: 0 without units, null without a price. */
  const usd = (units: string, price: string) => `${units} == 0 ? 0 : local.unit_prices.${price} == null ? null : ${cents(`${units} * local.unit_prices.${price}`)}`;
  unit.local(
    "cost_usd",
    `\${{
dns_firewall_domains = ${usd("local.cost.dns_firewall_domains", "dns_firewall_domain_month")}
endpoints    = ${usd("local.cost_hours.endpoint_az_hours", "interface_endpoint_hour")}
nat_gateways = ${usd("local.cost_hours.nat_gateway_hours", "nat_gateway_hour")}
public_ipv4  = ${usd("local.cost_hours.public_ipv4_hours", "public_ipv4_hour")}
}}`,
    at,
  );
  unit.local(
    "needed_prices",
    `\${{
dns_firewall_domain_month     = local.cost.dns_firewall_domains > 0
dns_firewall_million_queries  = local.create_dns_firewall
dns_query_logs_gb             = local.create_dns_query_logs
flow_logs_cloud_watch_logs_gb = local.create_flow_log_group
flow_logs_s3_gb               = local.create_flow_logs && local.flow_logs.destination == "s3"
interface_endpoint_hour       = local.cost_hours.endpoint_az_hours > 0
nat_gateway_hour              = local.cost.nat_gateways > 0
public_ipv4_hour              = local.cost.nat_gateways > 0
}}`,
    { ...at, comment: "The prices this configuration is billed by; those without a price are missing_prices." },
  );
  unit.local("missing_prices", "${sort([for name, needed in local.needed_prices : name if needed && local.unit_prices[name] == null])}", at);
  const perVolume = (on: string, price: string) => `!${on} ? 0 : local.unit_prices.${price}`;
  unit.local(
    "cost_estimate",
    `\${merge(local.cost, local.cost_hours, {
monthly_usd = merge(local.cost_usd, { total = anytrue([for v in values(local.cost_usd) : v == null]) ? null : ${cents("sum(values(local.cost_usd))")} })
flow_logs_usd_per_gb = !local.create_flow_logs ? 0 : local.flow_logs.destination == "s3" ? local.unit_prices.flow_logs_s3_gb : local.unit_prices.flow_logs_cloud_watch_logs_gb
dns_firewall_usd_per_million_queries = ${perVolume("local.create_dns_firewall", "dns_firewall_million_queries")}
dns_query_logs_usd_per_gb = ${perVolume("local.create_dns_query_logs", "dns_query_logs_gb")}
region = local.region
price_sources = local.price_sources
missing_prices = local.missing_prices
})}`,
    at,
  );
  unit.local("price_pages", PRICE_PAGES, { ...at, comment: "Where AWS publishes each price, for the warning that asks for one." });
  unit.check(
    "prices",
    [
      {
        condition: "length(local.missing_prices) == 0",
        errorMessage: `The network's cost has no list price for \${join(", ", local.missing_prices)} in \${local.region} (this module carries some for ${PRICED_REGIONS.join(", ")}, and never uses another Region's): those figures of the cost output are null. Give them in the prices input, such as prices = { \${try(local.missing_prices[0], "interface_endpoint_hour")} = <USD> }, from \${join(" and ", distinct([for name in local.missing_prices : local.price_pages[name]]))}.`,
      },
    ],
    { ...at, comment: "A warning, not an error: the network is right, only its estimate lacks a price." },
  );
}
