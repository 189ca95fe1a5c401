// The network's monthly estimate in TypeScript, for the README's cost table: the same arithmetic
// as the module's cost locals. The module's terraform test (tests/cost.tftest.hcl, one run per
// README row) checks that Terraform gives the same figures.
import { defaultInterfaceEndpoints } from "../../facts/endpoints";
import { HOURS_PER_MONTH, PRICE_NAMES, PriceName, priceOf, priceSource } from "../../facts/prices";

export interface CostUnits {
  interface_endpoints: number;
  endpoint_azs: number;
  nat_gateways: number;
  dns_firewall_domains: number;
  endpoint_az_hours: number;
  nat_gateway_hours: number;
  public_ipv4_hours: number;
}

export interface Cost extends CostUnits {
  monthly_usd: { endpoints: number; nat_gateways: number; public_ipv4: number; dns_firewall_domains: number; total: number };
  /** Flow logs are billed per GB, not by the hour: the price, or 0 without flow logs. */
  flow_logs_usd_per_gb: number;
  dns_firewall_usd_per_million_queries: number;
  dns_query_logs_usd_per_gb: number;
  region: string;
  /** For each price, where it came from (null: no price). */
  price_sources: Record<PriceName, string | null>;
  missing_prices: PriceName[];
}

const cents = (x: number) => Math.round(x * 100) / 100;

/** For each price, where the module says it comes from in `region`. */
export const priceSources = (region: string) => Object.fromEntries(PRICE_NAMES.map((n) => [n, priceSource(region, n)])) as Record<PriceName, string | null>;

/** The list price the module uses in `region`; the README's table is for Regions with every price it needs. */
function listPrice(region: string, name: PriceName): number {
  const fact = priceOf(region, name);
  if (!fact) throw new Error(`no list price for ${name} in ${region} (src/facts/prices.ts)`);
  return fact.usd;
}

/** What a configuration bills a month, at the list prices the module uses in `region` (no DNS Firewall, no flow logs). */
export function estimate(interfaceEndpoints: number, endpointAzs: number, natGateways: number, region = "us-east-1"): Cost {
  const prices = { interface_endpoint_hour: listPrice(region, "interface_endpoint_hour"), nat_gateway_hour: listPrice(region, "nat_gateway_hour"), public_ipv4_hour: listPrice(region, "public_ipv4_hour") };
  const units: CostUnits = {
    interface_endpoints: interfaceEndpoints,
    endpoint_azs: endpointAzs,
    nat_gateways: natGateways,
    dns_firewall_domains: 0,
    endpoint_az_hours: interfaceEndpoints * endpointAzs * HOURS_PER_MONTH,
    nat_gateway_hours: natGateways * HOURS_PER_MONTH,
    public_ipv4_hours: natGateways * HOURS_PER_MONTH,
  };
  const endpoints = cents(units.endpoint_az_hours * prices.interface_endpoint_hour);
  const nat = cents(units.nat_gateway_hours * prices.nat_gateway_hour);
  const ipv4 = cents(units.public_ipv4_hours * prices.public_ipv4_hour);
  return {
    ...units,
    monthly_usd: { endpoints, nat_gateways: nat, public_ipv4: ipv4, dns_firewall_domains: 0, total: cents(endpoints + nat + ipv4) },
    flow_logs_usd_per_gb: 0,
    dns_firewall_usd_per_million_queries: 0,
    dns_query_logs_usd_per_gb: 0,
    region,
    price_sources: priceSources(region),
    missing_prices: [],
  };
}

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
