// List prices for the network's monthly estimate (us-east-1; data processing is billed per GB on top).
// Interface endpoints are billed per endpoint per Availability Zone per hour:
// https://aws.amazon.com/privatelink/pricing/ ; NAT gateways per hour plus per GB, and each NAT
// gateway's public IPv4 address per hour: https://aws.amazon.com/vpc/pricing/
export const HOURS_PER_MONTH = 730;

/** us-east-1 list prices, the defaults of the network module's prices input. */
export const US_EAST_1_PRICES = {
  interface_endpoint_hour: 0.01,
  nat_gateway_hour: 0.045,
  public_ipv4_hour: 0.005,
};

export type Prices = typeof US_EAST_1_PRICES;

/** Flow logs are billed per GB delivered (vended logs, us-east-1, first 10 TB a month), not by the
 * hour: CloudWatch Logs 0.50, S3 0.25 USD per GB. From https://aws.amazon.com/cloudwatch/pricing/
 * as we know it; not in our fact sheet, so UNCONFIRMED here. */
export const FLOW_LOG_GB_PRICES = { cloud_watch_logs_gb: 0.5, s3_gb: 0.25 };

