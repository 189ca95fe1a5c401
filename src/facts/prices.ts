// List prices for the network's monthly estimate (data processing is billed per GB on top).
// Interface endpoints are billed per endpoint per Availability Zone per hour:
// https://aws.amazon.com/privatelink/pricing/ ; NAT gateways per hour plus per GB, and each NAT
// gateway's public IPv4 address per hour: https://aws.amazon.com/vpc/pricing/ . The hourly prices
// are from third parties quoting AWS's pages and Price List API (such as
// https://cloudburn.io/blog/aws-nat-gateway-pricing and https://awsnegotiations.com/privatelink-cost-analysis.html),
// not read off an AWS page here, so they are UNCONFIRMED until someone reads the Price List API
// offer files (https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonVPC/current/<region>/index.json).
export const HOURS_PER_MONTH = 730;

/** A price the cost output uses, in USD. */
export interface Prices {
  interface_endpoint_hour: number;
  nat_gateway_hour: number;
  public_ipv4_hour: number;
  flow_logs_cloud_watch_logs_gb: number;
  flow_logs_s3_gb: number;
  dns_firewall_domain_month: number;
  dns_firewall_million_queries: number;
  dns_query_logs_gb: number;
}

/** us-east-1 list prices: the fallback for every price a Region below does not carry. */
export const US_EAST_1_PRICES: Prices = {
  interface_endpoint_hour: 0.01,
  nat_gateway_hour: 0.045,
  public_ipv4_hour: 0.005,
  // Flow logs are billed per GB delivered (vended logs, first 10 TB a month): CloudWatch Logs 0.50,
  // S3 0.25 USD (https://aws.amazon.com/cloudwatch/pricing/, as we know it; UNCONFIRMED here).
  flow_logs_cloud_watch_logs_gb: 0.5,
  flow_logs_s3_gb: 0.25,
  // Route 53 Resolver DNS Firewall: per domain name in the rule group's lists per month, and per
  // million queries processed (https://aws.amazon.com/route53/pricing/, "Route 53 Resolver DNS
  // Firewall"; first tiers; not readable through our search tools, so UNCONFIRMED).
  dns_firewall_domain_month: 0.0009,
  dns_firewall_million_queries: 0.6,
  // Resolver query logs delivered to CloudWatch Logs are billed as CloudWatch Logs ingestion
  // (https://aws.amazon.com/route53/pricing/ and https://aws.amazon.com/cloudwatch/pricing/;
  // 0.50 USD per GB, UNCONFIRMED here).
  dns_query_logs_gb: 0.5,
};

/**
 * List prices by Region, for the Regions this module carries; every price a Region lacks is
 * us-east-1's, and the cost output names, price by price, the Region it came from.
 * ap-northeast-1: AWS Price List API usage types APN1-VpcEndpoint-Hours, APN1-NatGateway-Hours,
 * APN1-PublicIPv4:InUseAddress, as quoted by third parties (UNCONFIRMED; the offer files above).
 */
export const LIST_PRICES: Record<string, Partial<Prices>> = {
  "us-east-1": US_EAST_1_PRICES,
  "ap-northeast-1": { interface_endpoint_hour: 0.014, nat_gateway_hour: 0.062, public_ipv4_hour: 0.005 },
};

/** The prices for a Region: its own where listed, us-east-1's for the rest. */
export const pricesFor = (region: string): Prices => ({ ...US_EAST_1_PRICES, ...(LIST_PRICES[region] ?? {}) });
