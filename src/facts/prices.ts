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

