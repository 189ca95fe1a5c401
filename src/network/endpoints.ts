// The VPC endpoints a CloudShell VPC environment depends on, and the prices used for the
// monthly estimate. Source: the fact sheet, sections 4.2 (endpoints) and 6 (prices).

/** How an endpoint label becomes a service name: regional "com.amazonaws.<region>.<label>" or a fixed name. */
export interface EndpointSpec {
  label: string;
  /** A fixed service name (the global CodeCatalyst one); otherwise com.amazonaws.<region>.<label>. */
  serviceName?: string;
  type: "Interface" | "Gateway";
  /** Only in these regions; every region when absent. */
  regions?: string[];
  why: string;
}

const LISTED = "listed by AWS as access the environment's managed compute host may need";
const CODECATALYST_REGIONS = ["us-west-2", "eu-west-1"];

/** Fact sheet 4.2: the endpoints AWS may use for the environment's managed compute host, plus S3. */
export const DEFAULT_ENDPOINTS: EndpointSpec[] = [
  { label: "ssmmessages", type: "Interface", why: "the shell's terminal I/O runs over a Session Manager data channel" },
  { label: "logs", type: "Interface", why: LISTED },
  { label: "kms", type: "Interface", why: LISTED },
  { label: "execute-api", type: "Interface", why: LISTED },
  { label: "ecs-telemetry", type: "Interface", why: LISTED },
  { label: "ecs-agent", type: "Interface", why: LISTED },
  { label: "ecs", type: "Interface", why: LISTED },
  { label: "ecr.dkr", type: "Interface", why: LISTED },
  { label: "ecr.api", type: "Interface", why: LISTED },
  { label: "codecatalyst.packages", type: "Interface", regions: CODECATALYST_REGIONS, why: "CodeCatalyst packages (us-west-2 and eu-west-1 only)" },
  { label: "codecatalyst.git", type: "Interface", regions: CODECATALYST_REGIONS, why: "CodeCatalyst git (us-west-2 and eu-west-1 only)" },
  {
    label: "codecatalyst",
    serviceName: "aws.api.global.codecatalyst",
    type: "Interface",
    regions: CODECATALYST_REGIONS,
    why: "CodeCatalyst's global API (us-west-2 and eu-west-1 only)",
  },
  { label: "s3", type: "Gateway", why: "listed by AWS too; a gateway endpoint, free of charge" },
];

/** Services reachable through a (free) gateway endpoint; any other added label is an interface endpoint. */
export const GATEWAY_SERVICES = ["s3", "dynamodb"];

/** An endpoint label as AWS writes service-name suffixes: lower-case words joined by "." or "-". */
export const ENDPOINT_LABEL_PATTERN = "^[a-z0-9]+([.-][a-z0-9]+)*$";

export const HOURS_PER_MONTH = 730;

/** us-east-1 list prices (fact sheet 6), the defaults of the prices input. */
export const US_EAST_1_PRICES = {
  interface_endpoint_hour: 0.01,
  nat_gateway_hour: 0.045,
  public_ipv4_hour: 0.005,
};

export type Prices = typeof US_EAST_1_PRICES;

export interface CostUnits {
  interface_endpoints: number;
  endpoint_azs: number;
  nat_gateways: number;
  endpoint_az_hours: number;
  nat_gateway_hours: number;
  public_ipv4_hours: number;
}

export interface Cost extends CostUnits {
  monthly_usd: { endpoints: number; nat_gateways: number; public_ipv4: number; total: number };
}

const cents = (x: number) => Math.round(x * 100) / 100;

/** The same arithmetic as the module's cost locals, for the README table (the test checks both agree). */
export function estimate(interfaceEndpoints: number, endpointAzs: number, natGateways: number, prices: Prices = US_EAST_1_PRICES): Cost {
  const units: CostUnits = {
    interface_endpoints: interfaceEndpoints,
    endpoint_azs: endpointAzs,
    nat_gateways: natGateways,
    endpoint_az_hours: interfaceEndpoints * endpointAzs * HOURS_PER_MONTH,
    nat_gateway_hours: natGateways * HOURS_PER_MONTH,
    public_ipv4_hours: natGateways * HOURS_PER_MONTH,
  };
  const endpoints = cents(units.endpoint_az_hours * prices.interface_endpoint_hour);
  const nat = cents(units.nat_gateway_hours * prices.nat_gateway_hour);
  const ipv4 = cents(units.public_ipv4_hours * prices.public_ipv4_hour);
  return { ...units, monthly_usd: { endpoints, nat_gateways: nat, public_ipv4: ipv4, total: cents(endpoints + nat + ipv4) } };
}

/** Interface endpoints the module creates by default in a region. */
export const defaultInterfaceEndpoints = (region: string) =>
  DEFAULT_ENDPOINTS.filter((e) => e.type === "Interface" && (!e.regions || e.regions.includes(region)));

/** The scenarios of the README's cost table: the module's default against a naive setup. */
export function costScenarios() {
  const regional = defaultInterfaceEndpoints("us-east-1").length;
  const rows = [
    { name: "This module's default (`internet_access = \"none\"`, `endpoint_az_count = 1`), any number of AZs", azs: 2, endpoints: regional, endpointAzs: 1, nat: 0 },
    { name: "Default + `internet_access = \"single\"`", azs: 2, endpoints: regional, endpointAzs: 1, nat: 1 },
    { name: "Naive, 2 AZs: every endpoint in every AZ, a NAT gateway per AZ", azs: 2, endpoints: regional, endpointAzs: 2, nat: 2 },
    { name: "Naive, 3 AZs: every endpoint in every AZ, a NAT gateway per AZ", azs: 3, endpoints: regional, endpointAzs: 3, nat: 3 },
  ];
  const def = estimate(regional, 1, 0);
  return rows.map((r) => {
    const cost = estimate(r.endpoints, r.endpointAzs, r.nat);
    return { ...r, cost, extra: cents(cost.monthly_usd.total - def.monthly_usd.total) };
  });
}
