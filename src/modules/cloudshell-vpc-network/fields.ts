// The object inputs' fields of modules/cloudshell-vpc-network, and the facts and expressions its
// input table (inputs.ts and the files it composes) and its decisions share.
import { DEFAULT_ENDPOINTS, LISTED_ENDPOINTS } from "../../facts/endpoints";
import { REGIONAL_ENDPOINT_LABELS } from "../../facts/endpoint-services";
import { HOURS_PER_MONTH, PRICE_NAMES } from "../../facts/prices";
import { field, Fields } from "../strict-object";

/** The most Availability Zones availability_zones takes. */
export const MAX_AZS = 6;
export const INTERNET_ACCESS = ["none", "single", "per_az"];

export const LETTERS = 'split("", "abcdefghijklmnopqrstuvwxyz")';
export const AZ_PATTERN = "^[a-z]{2}(-[a-z]+)+-[0-9]+[a-z]$";
/** A valid IPv4 network address in CIDR form (no host bits set). */
export const isCidr = (v: string) => `can(cidrnetmask(${v})) && try(cidrsubnet(${v}, 0, 0) == ${v}, false)`;
export const DEFAULT_LABELS = DEFAULT_ENDPOINTS.map((e) => e.label);
/** Listed endpoints that exist only in some Regions (CodeCatalyst's). */
export const REGIONAL_ONLY = LISTED_ENDPOINTS.filter((e) => e.regions);
/** The Region from the inputs: region, or the zone names without their letter. decisions.tf's
 * local.region is this expression; validations repeat it because they cannot read locals. */
export const PLANNED_REGION = "coalesce(var.region, substr(var.availability_zones[0], 0, length(var.availability_zones[0]) - 1))";
export const OPTIONAL_LABELS = LISTED_ENDPOINTS.filter((e) => !e.byDefault).map((e) => e.label);
/** The interface endpoints AWS lists for CloudShell's compute host: no perimeter unless endpoints.perimeter_on names them. */
export const LISTED_INTERFACE_LABELS = LISTED_ENDPOINTS.filter((e) => e.type === "Interface").map((e) => e.label);
export const DEFAULT_INTERFACE_LABELS = DEFAULT_ENDPOINTS.filter((e) => e.type === "Interface").map((e) => e.label);
/** Labels endpoints.add accepts without a full service name. */
export const KNOWN_LABELS = [...new Set([...REGIONAL_ENDPOINT_LABELS, ...LISTED_ENDPOINTS.map((e) => e.label)])].sort();
export const KNOWN_SOURCE = "AWS's list of services that integrate with PrivateLink, src/facts/endpoint-services.ts";

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
export const DESTINATIONS = ["cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id"];
export const FLOW_LOG_DESTINATIONS = ["cloud-watch-logs", "s3"];
/** The retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
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
export const dns = (name: string) => field("var.dns_firewall", name, DNS_FIREWALL[name]);
/** A domain name as DNS Firewall lists take it: optionally "*." first, lower-case labels. */
export const DOMAIN_PATTERN = "^([*][.])?([a-z0-9]([a-z0-9-]*[a-z0-9])?[.])*[a-z0-9]([a-z0-9-]*[a-z0-9])?[.]?$";
export const flowLogs = (name: string) => field("var.flow_logs", name, FLOW_LOGS[name]);
/** Each price defaults to null: the list price of the network's Region where src/facts/prices.ts has it, else none. */
export const PRICES: Fields = {
  ...Object.fromEntries(PRICE_NAMES.map((p) => [p, { type: "number" as const, default: null }])),
  hours_per_month: { type: "number", default: HOURS_PER_MONTH },
};
export const vpc = (name: string) => field("var.vpc", name, VPC[name]);
/** The VPC's CIDR as validations see it: vpc.cidr, or the default of a created VPC (decisions.tf's local.vpc_cidr). */
export const vpcCidr = `(${vpc("cidr")} != null ? ${vpc("cidr")} : ${vpc("create")} ? "${DEFAULT_VPC_CIDR}" : null)`;
export const endpoints = (name: string) => field("var.endpoints", name, ENDPOINTS[name]);
export const rule = (name: string) => field("r", name, EGRESS_RULE[name]);
export const price = (name: string) => field("var.prices", name, PRICES[name]);

