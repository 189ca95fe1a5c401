// The mocked provider, IDs and assertions the terraform test files of modules/cloudshell-vpc-network
// share (terraform-tests.ts, terraform-tests-reach.ts). Mocked IDs are in AWS's formats.
import { Assert, Override, Run, sameJson } from "../../generator/tftest";
import { Value } from "../../hcl/writer";
import { DEFAULT_ENDPOINTS, defaultInterfaceEndpoints } from "../../facts/endpoints";
import { priceSources } from "./cost";

export const REGION = "us-east-1";
export const ACCOUNT = "123456789012";
export const TWO_ZONES = ["us-east-1a", "us-east-1b"];
export const THREE_ZONES = [...TWO_ZONES, "us-east-1c"];

// Mocked IDs, in AWS's formats (17 hex digits where AWS uses them).
export const VPC = "vpc-0c5e1a2b3d4f56789";
export const EXISTING_VPC = "vpc-0fedcba9876543210";
export const DEFAULT_SUBNET = "subnet-0f1e2d3c4b5a69788";
export const PRIVATE_SUBNETS: Record<string, string> = {
  "us-east-1a": "subnet-0a1b2c3d4e5f6a7b8",
  "us-east-1b": "subnet-0b2c3d4e5f6a7b8c9",
  "us-east-1c": "subnet-0c3d4e5f6a7b8c9d0",
};
export const CLOUDSHELL_SG = "sg-0d4e5f6a7b8c9d0e1";
export const ENDPOINTS_SG = "sg-0e5f6a7b8c9d0e1f2";
export const INTERFACE_VPCE = "vpce-0c9d0e1f2a3b4c5d6";
export const S3_VPCE = "vpce-0d0e1f2a3b4c5d6e7";
export const NAT = "nat-0a7b8c9d0e1f2a3b4";

export const MOCK = {
  provider: "aws",
  resources: {
    aws_vpc: { id: VPC, arn: `arn:aws:ec2:${REGION}:123456789012:vpc/${VPC}`, default_security_group_id: "sg-0123456789abcdef0", main_route_table_id: "rtb-0123456789abcdef0" },
    aws_subnet: { id: DEFAULT_SUBNET, arn: `arn:aws:ec2:${REGION}:123456789012:subnet/${DEFAULT_SUBNET}` },
    aws_route_table: { id: "rtb-0e1f2a3b4c5d6e7f8" },
    aws_route_table_association: { id: "rtbassoc-0a3b4c5d6e7f8a9b0" },
    aws_internet_gateway: { id: "igw-0f6a7b8c9d0e1f2a3" },
    aws_eip: { id: "eipalloc-0b8c9d0e1f2a3b4c5", allocation_id: "eipalloc-0b8c9d0e1f2a3b4c5", public_ip: "203.0.113.10" },
    aws_nat_gateway: { id: NAT },
    aws_route: { id: "r-rtb-0e1f2a3b4c5d6e7f81080289494" },
    aws_security_group: { id: CLOUDSHELL_SG, arn: `arn:aws:ec2:${REGION}:123456789012:security-group/${CLOUDSHELL_SG}`, owner_id: ACCOUNT },
    aws_vpc_security_group_egress_rule: { id: "sgr-0f2a3b4c5d6e7f8a9", arn: `arn:aws:ec2:${REGION}:123456789012:security-group-rule/sgr-0f2a3b4c5d6e7f8a9` },
    aws_vpc_security_group_ingress_rule: { id: "sgr-0a3b4c5d6e7f8a9b0", arn: `arn:aws:ec2:${REGION}:123456789012:security-group-rule/sgr-0a3b4c5d6e7f8a9b0` },
    aws_cloudwatch_log_group: { arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/vpc-flow-logs/cloudshell-0001` },
    aws_iam_role: { arn: `arn:aws:iam::${ACCOUNT}:role/cloudshell-flow-logs-0001`, id: "cloudshell-flow-logs-0001" },
    aws_flow_log: { id: "fl-0a1b2c3d4e5f6a7b8" },
    aws_vpc_endpoint: { id: INTERFACE_VPCE, arn: `arn:aws:ec2:${REGION}:123456789012:vpc-endpoint/${INTERFACE_VPCE}`, prefix_list_id: "pl-63a5400a" },
    aws_default_security_group: { id: "sg-0123456789abcdef0" },
    aws_route53_resolver_firewall_domain_list: { id: "rslvr-fdl-0a1b2c3d4e5f6a7b" },
    aws_route53_resolver_firewall_rule_group: { id: "rslvr-frg-0a1b2c3d4e5f6a7b" },
    aws_route53_resolver_query_log_config: { id: "rslvr-qlc-0a1b2c3d4e5f6a7b" },
  },
  // The provider's Region: a run in another Region overrides it (inRegion).
  data: { aws_region: { id: REGION } },
};

/** The provider's Region for a run whose zones are in another Region. */
export const inRegion = (id: string): Override => ({ target: "data.aws_region.current[0]", values: { id } });

export const subnetOverrides = (zones: string[]): Override[] =>
  zones.map((az) => ({ target: `aws_subnet.private["${az}"]`, values: { id: PRIVATE_SUBNETS[az] } }));
/** Distinct IDs for the two groups and the S3 gateway endpoint (the mock gives one ID per type). */
export const GROUP_AND_S3_OVERRIDES: Override[] = [
  { target: "aws_security_group.endpoints[0]", values: { id: ENDPOINTS_SG } },
  { target: 'aws_vpc_endpoint.gateway["s3"]', values: { id: S3_VPCE, prefix_list_id: "pl-63a5400a" } },
];

export const DEFAULT_INTERFACE = defaultInterfaceEndpoints(REGION).map((e) => e.label);
export const CODECATALYST = ["codecatalyst", "codecatalyst.git", "codecatalyst.packages"];
export const DEFAULT_GATEWAY = DEFAULT_ENDPOINTS.filter((e) => e.type === "Gateway").map((e) => e.label);
export const byLabel = (labels: string[], value: (label: string) => Value) => Object.fromEntries([...labels].sort().map((l) => [l, value(l)]));
export const endpointTypes = (iface: string[], gateway: string[]) =>
  byLabel([...iface, ...gateway], (l) => (gateway.includes(l) ? "Gateway" : "Interface"));

export const statement = (sid: string) => `[for s in jsondecode(output.cloudshell_policy_json).Statement : s if s.Sid == "${sid}"][0]`;
export const denies = (sid: string, key: string, ids: string[]): Assert =>
  sameJson(`${statement(sid)}.Condition["ForAnyValue:StringNotEquals"]["${key}"]`, [...ids].sort(), `${sid} must deny ${key} other than ${ids.join(", ")}`);
export const isEmpty = (output: string): Assert => [`length(output.${output}) == 0`, `${output} must be empty`];
export const none = (resources: string[]): Assert => [
  `${resources.map((r) => `length(${r}) == 0`).join(" && ")}`,
  `expected none of ${resources.join(", ")}`,
];

/** The cost output at the default prices (us-east-1, 730 hours), no DNS Firewall or flow logs: every figure a literal. */
export const cost = (
  [interface_endpoints, endpoint_azs, endpoint_az_hours]: [number, number, number],
  [nat_gateways, nat_gateway_hours, public_ipv4_hours]: [number, number, number],
  usd: { endpoints: number; nat_gateways: number; public_ipv4: number; total: number },
) => ({
  interface_endpoints,
  endpoint_azs,
  endpoint_az_hours,
  nat_gateways,
  nat_gateway_hours,
  public_ipv4_hours,
  dns_firewall_domains: 0,
  monthly_usd: { ...usd, dns_firewall_domains: 0 },
  flow_logs_usd_per_gb: 0,
  dns_firewall_usd_per_million_queries: 0,
  dns_query_logs_usd_per_gb: 0,
  region: REGION,
  price_sources: priceSources(REGION),
  missing_prices: [],
});

/** Runs apply unless they say plan: plan is enough where no value comes from AWS. */
export const apply = (run: Run): Run => ({ command: "apply", ...run });

/** The default gateway endpoint policy, written out by hand. */
/** The AWS-owned buckets of AWS's data-perimeter S3 example an Amazon Linux 2023 host with SSM Agent and ECR pulls reads, written out by hand. */
export const AWS_OWNED_BUCKET_ARNS = [
  `al2023-repos-${REGION}-de612dc2`,
  `al2023-${REGION}`,
  `aws-ssm-${REGION}`,
  `amazon-ssm-${REGION}`,
  `amazon-ssm-packages-${REGION}`,
  `${REGION}-birdwatcher-prod`,
  `aws-ssm-distributor-file-${REGION}`,
  `aws-ssm-document-attachments-${REGION}`,
  `patch-baseline-snapshot-${REGION}`,
  `prod-${REGION}-starport-layer-bucket`,
].map((b) => `arn:aws:s3:::${b}/*`);

export const perimeter = (accounts: string[], opts: { s3?: boolean; org?: string } = {}): Value => ({
  Version: "2012-10-17",
  Statement: [
    { Sid: "AllowTrustedAccounts", Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalAccount": accounts, "aws:ResourceAccount": accounts } } },
    ...(opts.org
      ? [{ Sid: "AllowTrustedOrganization", Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": opts.org, "aws:ResourceOrgID": opts.org } } }]
      : []),
    ...(opts.s3
      ? [{ Sid: "AllowReadingAwsOwnedBuckets", Effect: "Allow", Principal: "*", Action: ["s3:GetObject"], Resource: AWS_OWNED_BUCKET_ARNS }]
      : []),
  ],
});

