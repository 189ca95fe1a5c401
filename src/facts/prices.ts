// List prices for the network's monthly estimate (data processing is billed per GB on top), each
// with where it was read and when. Interface endpoints are billed per endpoint per Availability Zone
// per hour (https://aws.amazon.com/privatelink/pricing/); NAT gateways per hour plus per GB, and each
// NAT gateway's public IPv4 address per hour (https://aws.amazon.com/vpc/pricing/). AWS's pricing
// pages render their per-Region figures in the browser, so none was read off an AWS page here: each
// figure below is AWS's (a pricing page or the Price List API) as a third party quoted it, on the
// date given, and is UNCONFIRMED until someone reads the Price List API offer files
// (https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonVPC/current/<region>/index.json).
// A Region or price not listed has no price: the module's cost is then null where it needs it, and
// the plan warns, naming the prices input. No figure comes from another Region. The per-GB prices of
// flow logs and query logs (https://aws.amazon.com/cloudwatch/pricing/) and the DNS Firewall's
// (https://aws.amazon.com/route53/pricing/) have no source here that can be cited: none is carried.
export const HOURS_PER_MONTH = 730;

/** The prices the cost output uses, in USD. */
export const PRICE_NAMES = [
  "interface_endpoint_hour",
  "nat_gateway_hour",
  "public_ipv4_hour",
  "flow_logs_cloud_watch_logs_gb",
  "flow_logs_s3_gb",
  "dns_firewall_domain_month",
  "dns_firewall_million_queries",
  "dns_query_logs_gb",
] as const;
export type PriceName = (typeof PRICE_NAMES)[number];
export type Prices = Record<PriceName, number>;

/** One list price: the figure, the AWS source it is from, and when and through whom it was read. */
export interface PriceFact {
  usd: number;
  /** The AWS page or Price List API usage type. */
  source: string;
  /** When the figure was read (by the third party that quoted it), YYYY-MM-DD. */
  read: string;
  /** Who quoted it, where it was not read off the AWS source itself. */
  quotedBy: string;
}

export const PRIVATELINK_PRICING = "https://aws.amazon.com/privatelink/pricing/";
export const VPC_PRICING = "https://aws.amazon.com/vpc/pricing/";
const PRIVATELINK = PRIVATELINK_PRICING;
const VPC = VPC_PRICING;

/** Prices AWS charges alike in every Region: the public IPv4 charge (AWS's announcement of 2023-07-28, effective 2024-02-01). */
export const EVERY_REGION_PRICES: Partial<Record<PriceName, PriceFact>> = {
  public_ipv4_hour: {
    usd: 0.005,
    source: "https://aws.amazon.com/blogs/aws/new-aws-public-ipv4-address-charge-public-ip-insights/ (every public IPv4 address, all Regions)",
    read: "2024-02-08",
    quotedBy: "community.aws, \"AWS to Charge Public IPv4 Addresses\"",
  },
};

/** List prices by Region, where a source for them was found; a price a Region lacks is null there. */
export const LIST_PRICES: Record<string, Partial<Record<PriceName, PriceFact>>> = {
  "us-east-1": {
    interface_endpoint_hour: { usd: 0.01, source: `${PRIVATELINK} (interface endpoint per AZ-hour)`, read: "2026-05-01", quotedBy: "awsnegotiations.com, \"AWS PrivateLink Cost Analysis\"" },
    nat_gateway_hour: { usd: 0.045, source: `${VPC} (NAT gateway per hour)`, read: "2026-02-24", quotedBy: "cloudburn.io, \"AWS NAT Gateway Pricing\"" },
  },
  "ap-northeast-1": {
    interface_endpoint_hour: { usd: 0.014, source: "AWS Price List API, usage type APN1-VpcEndpoint-Hours", read: "2026-09-25", quotedBy: "public repositories quoting the Price List API" },
    nat_gateway_hour: { usd: 0.062, source: "AWS Price List API, usage type APN1-NatGateway-Hours", read: "2026-09-25", quotedBy: "public repositories quoting the Price List API" },
  },
  "us-west-2": {
    interface_endpoint_hour: { usd: 0.01, source: `AWS Price List API, usage type USW2-VpcEndpoint-Hours (${PRIVATELINK})`, read: "2026-10-06", quotedBy: "a public repository's table of AWS prices read from the Pricing API" },
  },
  "eu-west-1": {
    nat_gateway_hour: {
      usd: 0.048,
      source: "AWS Price List API, AmazonEC2 offer for eu-west-1 of 2026-09-25, usage type EU-NatGateway-Hours",
      read: "2026-10-02",
      quotedBy: "a public repository's verbatim extract of that offer file",
    },
  },
};

/** A Region's price, or the price every Region has, or undefined. */
export const priceOf = (region: string, name: PriceName): PriceFact | undefined => LIST_PRICES[region]?.[name] ?? EVERY_REGION_PRICES[name];

/** Where a price comes from, as the cost output's price_sources says it: "<Region or every Region>: <source>, read <date> (quoted by <who>)". */
export function priceSource(region: string, name: PriceName): string | null {
  const own = LIST_PRICES[region]?.[name];
  const fact = own ?? EVERY_REGION_PRICES[name];
  if (!fact) return null;
  return `${own ? region : "every Region"}: ${fact.source}, read ${fact.read} (quoted by ${fact.quotedBy}; UNCONFIRMED)`;
}

/** The AWS page of each price, for the message that asks for a missing one. */
export const PRICE_PAGES: Record<PriceName, string> = {
  interface_endpoint_hour: PRIVATELINK_PRICING,
  nat_gateway_hour: VPC_PRICING,
  public_ipv4_hour: VPC_PRICING,
  flow_logs_cloud_watch_logs_gb: "https://aws.amazon.com/cloudwatch/pricing/",
  flow_logs_s3_gb: "https://aws.amazon.com/cloudwatch/pricing/",
  dns_firewall_domain_month: "https://aws.amazon.com/route53/pricing/",
  dns_firewall_million_queries: "https://aws.amazon.com/route53/pricing/",
  dns_query_logs_gb: "https://aws.amazon.com/cloudwatch/pricing/",
};

/** Every Region with at least one list price here. */
export const PRICED_REGIONS = Object.keys(LIST_PRICES);
