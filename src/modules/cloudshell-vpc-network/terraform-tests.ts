// terraform test files for modules/cloudshell-vpc-network. The AWS provider is mocked
// (mock_provider "aws": the real provider's schema, no AWS call), and every run applies, so the
// outputs are checked with the IDs AWS would return. The expectations are written here by hand;
// the default endpoint labels come from src/facts/endpoints.ts, the cost figures are literals.
import { sourceOf } from "../../generator/definition";
import { Assert, Override, Run, sameJson, testFile } from "../../generator/tftest";
import { Value } from "../../hcl/writer";
import { AWS_SERVICE_DOMAINS, DEFAULT_ENDPOINTS, defaultInterfaceEndpoints } from "../../facts/endpoints";
import { costScenarios, priceSources } from "./cost";

const SOURCE = sourceOf(__filename);
const REGION = "us-east-1";
const ACCOUNT = "123456789012";
const TWO_ZONES = ["us-east-1a", "us-east-1b"];
const THREE_ZONES = [...TWO_ZONES, "us-east-1c"];

// Mocked IDs, in AWS's formats (17 hex digits where AWS uses them).
const VPC = "vpc-0c5e1a2b3d4f56789";
const EXISTING_VPC = "vpc-0fedcba9876543210";
const DEFAULT_SUBNET = "subnet-0f1e2d3c4b5a69788";
const PRIVATE_SUBNETS: Record<string, string> = {
  "us-east-1a": "subnet-0a1b2c3d4e5f6a7b8",
  "us-east-1b": "subnet-0b2c3d4e5f6a7b8c9",
  "us-east-1c": "subnet-0c3d4e5f6a7b8c9d0",
};
const CLOUDSHELL_SG = "sg-0d4e5f6a7b8c9d0e1";
const ENDPOINTS_SG = "sg-0e5f6a7b8c9d0e1f2";
const INTERFACE_VPCE = "vpce-0c9d0e1f2a3b4c5d6";
const S3_VPCE = "vpce-0d0e1f2a3b4c5d6e7";
const NAT = "nat-0a7b8c9d0e1f2a3b4";

const MOCK = {
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
const inRegion = (id: string): Override => ({ target: "data.aws_region.current[0]", values: { id } });

const subnetOverrides = (zones: string[]): Override[] =>
  zones.map((az) => ({ target: `aws_subnet.private["${az}"]`, values: { id: PRIVATE_SUBNETS[az] } }));
/** Distinct IDs for the two groups and the S3 gateway endpoint (the mock gives one ID per type). */
const GROUP_AND_S3_OVERRIDES: Override[] = [
  { target: "aws_security_group.endpoints[0]", values: { id: ENDPOINTS_SG } },
  { target: 'aws_vpc_endpoint.gateway["s3"]', values: { id: S3_VPCE, prefix_list_id: "pl-63a5400a" } },
];

const DEFAULT_INTERFACE = defaultInterfaceEndpoints(REGION).map((e) => e.label);
const CODECATALYST = ["codecatalyst", "codecatalyst.git", "codecatalyst.packages"];
const DEFAULT_GATEWAY = DEFAULT_ENDPOINTS.filter((e) => e.type === "Gateway").map((e) => e.label);
const byLabel = (labels: string[], value: (label: string) => Value) => Object.fromEntries([...labels].sort().map((l) => [l, value(l)]));
const endpointTypes = (iface: string[], gateway: string[]) =>
  byLabel([...iface, ...gateway], (l) => (gateway.includes(l) ? "Gateway" : "Interface"));

const statement = (sid: string) => `[for s in jsondecode(output.cloudshell_policy_json).Statement : s if s.Sid == "${sid}"][0]`;
const denies = (sid: string, key: string, ids: string[]): Assert =>
  sameJson(`${statement(sid)}.Condition["ForAnyValue:StringNotEquals"]["${key}"]`, [...ids].sort(), `${sid} must deny ${key} other than ${ids.join(", ")}`);
const isEmpty = (output: string): Assert => [`length(output.${output}) == 0`, `${output} must be empty`];
const none = (resources: string[]): Assert => [
  `${resources.map((r) => `length(${r}) == 0`).join(" && ")}`,
  `expected none of ${resources.join(", ")}`,
];

/** The cost output at the default prices (us-east-1, 730 hours), no DNS Firewall or flow logs: every figure a literal. */
const cost = (
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
const apply = (run: Run): Run => ({ command: "apply", ...run });

/** The default gateway endpoint policy, written out by hand. */
/** The AWS-owned buckets of AWS's data-perimeter S3 example an Amazon Linux 2023 host with SSM Agent and ECR pulls reads, written out by hand. */
const AWS_OWNED_BUCKET_ARNS = [
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

const perimeter = (accounts: string[], opts: { s3?: boolean; org?: string } = {}): Value => ({
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

const DEFAULT_RUNS: Run[] = [
  {
    name: "two_zones_give_the_console_the_mocked_network",
    overrides: [...subnetOverrides(TWO_ZONES), ...GROUP_AND_S3_OVERRIDES],
    asserts: [
      sameJson("output.vpc_environment", {
        security_group_ids: [CLOUDSHELL_SG],
        subnet_ids: { "us-east-1a": PRIVATE_SUBNETS["us-east-1a"], "us-east-1b": PRIVATE_SUBNETS["us-east-1b"] },
        vpc_id: VPC,
        region: REGION,
      }),
      sameJson("output.private_subnet_ids", { "us-east-1a": PRIVATE_SUBNETS["us-east-1a"], "us-east-1b": PRIVATE_SUBNETS["us-east-1b"] }),
      ["output.vpc_id == output.vpc_environment.vpc_id", "vpc_id must be the form's VPC"],
      [`output.cloudshell_security_group_id == "${CLOUDSHELL_SG}" && output.endpoint_security_group_id == "${ENDPOINTS_SG}"`, "the two security groups must be the mocked ones"],
      [`output.region == "${REGION}"`, "the Region must come from the zone names"],
      isEmpty("nat_gateway_ids"),
      isEmpty("public_subnet_ids"),
      // Subnets are keyed and numbered by zone letter, each with its own route table.
      sameJson("{ for az, s in aws_subnet.private : az => s.cidr_block }", { "us-east-1a": "10.0.0.0/24", "us-east-1b": "10.0.1.0/24" }),
      sameJson("keys(aws_route_table.private)", TWO_ZONES),
      // Isolated: no internet path at all; egress only to the endpoints and S3's gateway.
      none(["aws_internet_gateway.this", "aws_route_table.public", "aws_route.public_internet", "aws_subnet.public", "aws_eip.nat", "aws_route.private_nat"]),
      sameJson("keys(aws_vpc_security_group_egress_rule.cloudshell)", ["endpoints", "gateway-s3"]),
      ["length(aws_security_group.endpoints) == 1 && length(aws_vpc_security_group_ingress_rule.endpoints) == 1", "interface endpoints need their security group and its one ingress rule"],
      // The endpoints and what they cost.
      sameJson("{ for label, e in output.endpoints : label => e.type }", endpointTypes(DEFAULT_INTERFACE, DEFAULT_GATEWAY)),
      sameJson(
        "{ for label, e in output.endpoints : label => e.id }",
        byLabel([...DEFAULT_INTERFACE, ...DEFAULT_GATEWAY], (l) => (l === "s3" ? S3_VPCE : INTERFACE_VPCE)),
      ),
      sameJson(
        "{ for label, e in output.endpoints : label => e.service_name }",
        byLabel([...DEFAULT_INTERFACE, ...DEFAULT_GATEWAY], (l) => `com.amazonaws.${REGION}.${l}`),
      ),
      sameJson("output.endpoint_availability_zones", ["us-east-1a"]),
      sameJson("output.cost", cost([9, 1, 6570], [0, 0, 0], { endpoints: 65.7, nat_gateways: 0, public_ipv4: 0, total: 65.7 })),
      // The policy: only this VPC, its subnets and its group; no public environments.
      denies("DenyCloudShellOutsideAllowedVpcs", "cloudshell:VpcIds", [VPC]),
      denies("DenyCloudShellOutsideAllowedSubnets", "cloudshell:SubnetIds", TWO_ZONES.map((az) => PRIVATE_SUBNETS[az])),
      denies("DenyCloudShellOutsideAllowedSecurityGroups", "cloudshell:SecurityGroupIds", [CLOUDSHELL_SG]),
      [`${statement("DenyCloudShellPublicEnvironments")}.Effect == "Deny"`, "public environments must be denied"],
      // The S3 gateway endpoint is a data perimeter around this account; a created VPC admits no CIDR to the endpoints.
      sameJson('jsondecode(output.endpoint_policies["s3"])', perimeter([ACCOUNT], { s3: true })),
      ['aws_vpc_endpoint.gateway["s3"].policy == output.endpoint_policies["s3"]', "the gateway endpoint must carry the perimeter policy"],
      ["alltrue([for label, e in aws_vpc_endpoint.interface : e.private_dns_enabled && output.endpoint_policies[label] == null])", "interface endpoints: private DNS on, AWS's default policy"],
      none(["aws_vpc_security_group_ingress_rule.endpoints_from_cidrs", "aws_flow_log.cloudshell", "aws_cloudwatch_log_group.flow_logs", "aws_iam_role.flow_logs"]),
      ["output.cost.flow_logs_usd_per_gb == 0", "no flow logs by default, so no price"],
      // The created VPC's default group is taken over with no rules; no DNS Firewall unless asked.
      ["length(aws_default_security_group.this) == 1 && aws_default_security_group.this[0].vpc_id == output.vpc_id", "the created VPC's default security group must be managed"],
      none(["aws_route53_resolver_firewall_rule_group.this", "aws_route53_resolver_firewall_rule_group_association.this"]),
      [
        `length([for s in jsondecode(output.cloudshell_policy_json).Statement : s if s.Effect == "Deny"]) == 6`,
        "expected exactly six Deny statements: other VPCs, subnets and security groups, requests without subnet or security-group IDs, public environments",
      ],
    ],
  },
];

/** Every interface endpoint under the perimeter: test/modules/shipped-tests.terraform.test.ts simulates these policies. */
export const PERIMETER_RUN = "perimeter_on_every_interface_endpoint";
export const PERIMETER_ADDED = ["sts", "ec2", "ssm"];
DEFAULT_RUNS.push({
  name: PERIMETER_RUN,
  variables: { endpoints: { add: PERIMETER_ADDED, perimeter_on: DEFAULT_INTERFACE } },
  asserts: [
    ["alltrue([for label, e in aws_vpc_endpoint.interface : e.policy == output.endpoint_policies[label] && e.policy != null])", "every interface endpoint must carry its perimeter policy"],
    sameJson(
      "{ for label, p in output.endpoint_policies : label => [for s in jsondecode(p).Statement : s.Sid] }",
      byLabel([...DEFAULT_INTERFACE, ...PERIMETER_ADDED, ...DEFAULT_GATEWAY], (l) =>
        l === "s3"
          ? ["AllowTrustedAccounts", "AllowReadingAwsOwnedBuckets"]
          : [
              "AllowTrustedAccounts",
              "AllowAwsServicePrincipals",
              ...(l === "execute-api" ? ["AllowInvokingTrustedAccountsApis"] : []),
              ...(l === "ssm" ? ["AllowTrustedPrincipalsReadingAwsOwnedResources"] : []),
              ...(l === "sts" ? ["AllowFederatedPrincipalsIntoTrustedRoles"] : []),
            ],
      ),
    ),
    sameJson('jsondecode(output.endpoint_policies["execute-api"]).Statement[2].Resource', [`arn:aws:execute-api:${REGION}:${ACCOUNT}:*`]),
  ],
});

const INTERNET_RUNS: Run[] = [
  {
    name: "single_nat_gateway_for_three_zones_costs_102_20_usd",
    variables: { internet_access: "single" },
    overrides: subnetOverrides(THREE_ZONES),
    asserts: [
      sameJson("output.nat_gateway_ids", { "us-east-1a": NAT }),
      sameJson("keys(output.public_subnet_ids)", ["us-east-1a"]),
      sameJson("keys(output.private_subnet_ids)", THREE_ZONES),
      // The public subnet is counted from the top of the range; every zone routes to the one NAT gateway.
      sameJson("{ for az, s in aws_subnet.public : az => s.cidr_block }", { "us-east-1a": "10.0.255.0/24" }),
      sameJson("{ for az, r in aws_route.private_nat : az => r.nat_gateway_id }", Object.fromEntries(THREE_ZONES.map((az) => [az, NAT]))),
      ["length(aws_internet_gateway.this) == 1", "NAT needs an internet gateway"],
      sameJson("keys(aws_vpc_security_group_egress_rule.cloudshell)", ["endpoints", "gateway-s3", "internet"]),
      ['aws_vpc_security_group_egress_rule.cloudshell["internet"].cidr_ipv4 == "0.0.0.0/0"', "with NAT, HTTPS to the internet is allowed"],
      sameJson("output.cost", cost([9, 1, 6570], [1, 730, 730], { endpoints: 65.7, nat_gateways: 32.85, public_ipv4: 3.65, total: 102.2 })),
    ],
  },
  {
    // Planned: the single-NAT run above checks the mocked IDs; here each zone routes to its own gateway.
    name: "per_az_puts_a_nat_gateway_in_every_zone",
    command: "plan",
    variables: { internet_access: "per_az" },
    asserts: [
      sameJson("keys(aws_nat_gateway.this)", THREE_ZONES),
      sameJson("{ for az, s in aws_subnet.public : az => s.cidr_block }", { "us-east-1a": "10.0.255.0/24", "us-east-1b": "10.0.254.0/24", "us-east-1c": "10.0.253.0/24" }),
      sameJson("local.private_nat_routes", Object.fromEntries(THREE_ZONES.map((az) => [az, az]))),
      sameJson("keys(aws_eip.nat)", THREE_ZONES),
      sameJson("output.cost", cost([9, 1, 6570], [3, 2190, 2190], { endpoints: 65.7, nat_gateways: 98.55, public_ipv4: 10.95, total: 175.2 })),
    ],
  },
];

const EXISTING_VPC_RUNS: Run[] = [
  {
    name: "existing_vpc_is_used_not_created",
    variables: { vpc: { create: false, id: EXISTING_VPC, cidr: "10.20.0.0/16" }, private_subnet_cidrs: { "us-east-1a": "10.20.200.0/24" } },
    overrides: subnetOverrides(TWO_ZONES),
    asserts: [
      sameJson("{ for az, s in aws_subnet.private : az => s.cidr_block }", { "us-east-1a": "10.20.200.0/24", "us-east-1b": "10.20.1.0/24" }),
      [`output.vpc_environment.vpc_id == "${EXISTING_VPC}" && output.vpc_id == "${EXISTING_VPC}"`, "the outputs must carry the existing VPC's ID"],
      none(["aws_vpc.this", "aws_default_security_group.this"]),
      denies("DenyCloudShellOutsideAllowedVpcs", "cloudshell:VpcIds", [EXISTING_VPC]),
      sameJson("output.private_subnet_ids", { "us-east-1a": PRIVATE_SUBNETS["us-east-1a"], "us-east-1b": PRIVATE_SUBNETS["us-east-1b"] }),
      // Private DNS sends the VPC's other workloads to these endpoints: its CIDR may reach them.
      sameJson("keys(aws_vpc_security_group_ingress_rule.endpoints_from_cidrs)", ["10.20.0.0/16"]),
      ['aws_vpc_security_group_ingress_rule.endpoints_from_cidrs["10.20.0.0/16"].cidr_ipv4 == "10.20.0.0/16" && aws_vpc_security_group_ingress_rule.endpoints_from_cidrs["10.20.0.0/16"].from_port == 443', "HTTPS from the VPC's CIDR"],
    ],
  },
  {
    // A VPC that already has a logs endpoint (a second one with private DNS fails: "conflicting DNS domain"),
    // and kms without private DNS; only the CloudShell group may reach the endpoints.
    name: "existing_vpc_leaves_out_its_own_endpoints",
    command: "plan",
    variables: {
      vpc: { create: false, id: EXISTING_VPC, cidr: "10.20.0.0/16" },
      endpoints: { remove: ["logs"], private_dns_disabled: ["kms"] },
      endpoint_ingress_cidrs: [],
    },
    asserts: [
      ['!contains(keys(aws_vpc_endpoint.interface), "logs")', "logs must be left out"],
      ['!aws_vpc_endpoint.interface["kms"].private_dns_enabled && aws_vpc_endpoint.interface["ssmmessages"].private_dns_enabled', "private DNS off for kms only"],
      none(["aws_vpc_security_group_ingress_rule.endpoints_from_cidrs"]),
    ],
  },
];

const ADDED = ["sts", "ec2", "ssm", "dynamodb"];
const STS_POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "sts:GetCallerIdentity", Resource: "*" }] });
const FULL_ACCESS = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] });
const REMOVED = ["execute-api"];
const ENDPOINT_RUNS: Run[] = [
  {
    name: "endpoints_add_and_remove",
    command: "plan",
    variables: { endpoints: { add: ADDED, remove: REMOVED } },
    asserts: [
      sameJson(
        "{ for label, e in output.endpoints : label => e.type }",
        endpointTypes([...DEFAULT_INTERFACE.filter((l) => !REMOVED.includes(l)), "sts", "ec2", "ssm"], [...DEFAULT_GATEWAY, "dynamodb"]),
      ),
      [`output.endpoints["dynamodb"].service_name == "com.amazonaws.${REGION}.dynamodb"`, "dynamodb must be a gateway endpoint of the Region"],
      // Added endpoints get the perimeter (known after apply: it names the account), the compute host's keep AWS's default.
      sameJson("sort([for label, e in local.endpoints : label if e.perimeter])", ["dynamodb", "ec2", "s3", "ssm", "sts"]),
      ['alltrue([for label in ["kms", "logs", "ssmmessages"] : local.interface_endpoint_policies[label] == null])', "the compute host's endpoints keep AWS's default policy unless perimeter_on names them"],
      ["output.cost.interface_endpoints == 11 && output.cost.endpoint_az_hours == 8030 && output.cost.monthly_usd.total == 80.3", "9 - 1 + 3 interface endpoints: 8030 hours, 80.30 USD"],
    ],
  },
  {
    name: "endpoints_in_two_zones_without_s3",
    command: "plan",
    variables: { endpoints: { add: ["sts", "ec2", "ssm", "dynamodb"], remove: ["execute-api", "s3"], perimeter_on: ["logs"], perimeter_off: ["ec2"] }, endpoint_az_count: 2 },
    asserts: [
      sameJson("sort([for label, e in local.endpoints : label if e.perimeter])", ["dynamodb", "logs", "ssm", "sts"]),
      sameJson("keys(aws_vpc_endpoint.gateway)", ["dynamodb"]),
      sameJson("keys(aws_vpc_security_group_egress_rule.cloudshell)", ["endpoints", "gateway-dynamodb"]),
      sameJson("output.endpoint_availability_zones", TWO_ZONES),
      ["output.cost.interface_endpoints == 11 && output.cost.endpoint_azs == 2 && output.cost.endpoint_az_hours == 16060 && output.cost.monthly_usd.total == 160.6", "11 interface endpoints x 2 zones: 16060 hours, 160.60 USD"],
    ],
  },
  {
    name: "no_interface_endpoints_no_endpoint_security_group",
    command: "plan",
    variables: { endpoints: { remove: DEFAULT_INTERFACE } },
    asserts: [
      none(["aws_security_group.endpoints", "aws_vpc_security_group_ingress_rule.endpoints", "aws_vpc_endpoint.interface"]),
      sameJson("keys(aws_vpc_security_group_egress_rule.cloudshell)", ["gateway-s3"]),
      sameJson("output.cost.monthly_usd", { endpoints: 0, nat_gateways: 0, public_ipv4: 0, dns_firewall_domains: 0, total: 0 }),
    ],
  },
  {
    name: "custom_egress_rules_are_added_by_name",
    command: "plan",
    variables: { cloudshell_egress_rules: { http: { from_port: 80, to_port: 80, cidr_ipv4: "0.0.0.0/0" } } },
    asserts: [
      sameJson("keys(aws_vpc_security_group_egress_rule.cloudshell)", ["custom-http", "endpoints", "gateway-s3"]),
      ['aws_vpc_security_group_egress_rule.cloudshell["custom-http"].ip_protocol == "tcp" && aws_vpc_security_group_egress_rule.cloudshell["custom-http"].from_port == 80', "a custom rule keeps its protocol and ports"],
    ],
  },
  {
    name: "endpoint_policies_replace_the_defaults_and_a_full_service_name_is_used_as_it_is",
    command: "plan",
    variables: { endpoints: { add: ["sts", `com.amazonaws.${REGION}.newservice`], policies: { sts: STS_POLICY, s3: FULL_ACCESS } } },
    asserts: [
      [`aws_vpc_endpoint.interface["com.amazonaws.${REGION}.newservice"].service_name == "com.amazonaws.${REGION}.newservice"`, "the full name must be the service name"],
      [`output.endpoint_policies["sts"] == ${JSON.stringify(STS_POLICY)} && aws_vpc_endpoint.interface["sts"].policy == ${JSON.stringify(STS_POLICY)}`, "sts must carry the given policy"],
      [`output.endpoint_policies["s3"] == ${JSON.stringify(FULL_ACCESS)}`, "a given s3 policy replaces the perimeter"],
      ['output.endpoint_policies["kms"] == null', "endpoints without a policy keep AWS's default"],
    ],
  },
  {
    name: "trusted_accounts_and_organization_widen_the_perimeter",
    variables: { endpoints: { add: ["dynamodb"] }, trusted_account_ids: ["210987654321"], trusted_organization_id: "o-a1b2c3d4e5" },
    asserts: [
      sameJson('jsondecode(output.endpoint_policies["s3"])', perimeter([ACCOUNT, "210987654321"], { s3: true, org: "o-a1b2c3d4e5" })),
      sameJson('jsondecode(output.endpoint_policies["dynamodb"])', perimeter([ACCOUNT, "210987654321"], { org: "o-a1b2c3d4e5" })),
    ],
  },
];

const LAYOUT_RUNS: Run[] = [
  {
    name: "zones_a_and_c_are_numbered_by_letter",
    command: "plan",
    variables: { availability_zones: ["us-east-1a", "us-east-1c"] },
    asserts: [sameJson("{ for az, s in aws_subnet.private : az => s.cidr_block }", { "us-east-1a": "10.0.0.0/24", "us-east-1c": "10.0.2.0/24" })],
  },
  {
    name: "adding_zone_b_moves_no_other_subnet",
    command: "plan",
    variables: { availability_zones: THREE_ZONES },
    asserts: [sameJson("{ for az, s in aws_subnet.private : az => s.cidr_block }", { "us-east-1a": "10.0.0.0/24", "us-east-1b": "10.0.1.0/24", "us-east-1c": "10.0.2.0/24" })],
  },
  {
    // Zone b's explicit /25 lies inside zone a's computed 10.0.0.0/24.
    name: "an_explicit_cidr_inside_a_computed_one_fails_at_plan",
    command: "plan",
    variables: { private_subnet_cidrs: { "us-east-1b": "10.0.0.128/25" } },
    expectFailures: ["aws_subnet.private"],
  },
  {
    name: "codecatalyst_endpoints_only_when_added",
    command: "plan",
    variables: { availability_zones: ["us-west-2a", "us-west-2b"], endpoints: { add: CODECATALYST } },
    // No price for us-west-2's other figures here: the plan would warn (check.prices), which fails a run.
    overrides: [inRegion("us-west-2")],
    asserts: [
      [`alltrue([for label in ${JSON.stringify(CODECATALYST).replace(/,/g, ", ")} : !local.endpoints[label].perimeter])`, "CodeCatalyst's endpoints (the compute host's) get no perimeter by default"],
      sameJson("sort(keys(output.endpoints))", [...DEFAULT_INTERFACE, ...DEFAULT_GATEWAY, ...CODECATALYST].sort()),
      ['output.endpoints["codecatalyst"].service_name == "aws.api.global.codecatalyst"', "the global CodeCatalyst endpoint has a fixed name"],
      ['output.endpoints["codecatalyst.git"].service_name == "com.amazonaws.us-west-2.codecatalyst.git"', "regional CodeCatalyst endpoints follow the Region"],
    ],
  },
  {
    name: "tokyo_list_prices_are_used_in_tokyo",
    command: "plan",
    variables: { availability_zones: ["ap-northeast-1a"] },
    overrides: [inRegion("ap-northeast-1")],
    asserts: [
      sameJson("sort(keys(output.endpoints))", [...DEFAULT_INTERFACE, ...DEFAULT_GATEWAY].sort()),
      ["output.cost.monthly_usd.total == 91.98", "9 endpoints x 730 h x 0.014 USD = 91.98 USD"],
      sameJson("output.cost.price_sources", priceSources("ap-northeast-1"), "Tokyo's hourly prices and the every-Region IPv4 price, each named; no per-GB price of another Region"),
      sameJson("output.cost.missing_prices", [], "the configuration needs no price Tokyo lacks"),
    ],
  },
  {
    name: "a_region_without_a_list_price_gives_null_not_another_regions",
    command: "plan",
    variables: { availability_zones: ["eu-west-1a"], internet_access: "single" },
    overrides: [inRegion("eu-west-1")],
    expectFailures: ["check.prices"],
    asserts: [
      ["output.cost.monthly_usd.endpoints == null && output.cost.monthly_usd.total == null", "no eu-west-1 endpoint price here: null, never us-east-1's"],
      ["output.cost.monthly_usd.nat_gateways == 35.04 && output.cost.monthly_usd.public_ipv4 == 3.65", "eu-west-1's NAT price and the every-Region IPv4 price are used"],
      sameJson("output.cost.missing_prices", ["interface_endpoint_hour"]),
      ["output.cost.price_sources.interface_endpoint_hour == null", "a price without a source is null"],
    ],
  },
  {
    name: "the_prices_input_fills_a_missing_price",
    command: "plan",
    variables: { availability_zones: ["eu-west-1a"], prices: { interface_endpoint_hour: 0.011 } },
    overrides: [inRegion("eu-west-1")],
    asserts: [
      ['output.cost.region == "eu-west-1" && output.cost.price_sources.interface_endpoint_hour == "prices input"', "the cost must name where every price came from"],
      ["output.cost.monthly_usd.total == 72.27", "9 endpoints x 730 h x 0.011 USD"],
      sameJson("output.cost.missing_prices", []),
    ],
  },
  {
    name: "a_provider_in_another_region_stops_the_plan",
    command: "plan",
    overrides: [inRegion("eu-west-1")],
    expectFailures: ["data.aws_region.current"],
  },
  {
    name: "govcloud_partition_comes_from_the_region",
    variables: { availability_zones: ["us-gov-west-1a"], prices: { interface_endpoint_hour: 0.01 } },
    overrides: [{ target: 'aws_subnet.private["us-gov-west-1a"]', values: { id: PRIVATE_SUBNETS["us-east-1a"] } }, inRegion("us-gov-west-1")],
    asserts: [
      ['output.region == "us-gov-west-1"', "the Region comes from the zone name"],
      [`${statement("AllowCreateNetworkInterfaceWithCloudShellTagViaCloudShell")}.Resource == "arn:aws-us-gov:ec2:*:*:network-interface/*"`, "GovCloud ARNs use the aws-us-gov partition"],
    ],
  },
];

/** The README's cost table, row by row: Terraform's arithmetic must give what the TypeScript estimate printed. */
const COST_RUNS: Run[] = costScenarios().map((row, i) => ({
  name: `readme_cost_row_${i + 1}`,
  command: "plan",
  variables: {
    availability_zones: THREE_ZONES.slice(0, row.azs),
    internet_access: row.nat === 0 ? "none" : row.nat === 1 ? "single" : "per_az",
    endpoint_az_count: row.endpointAzs,
  },
  asserts: [sameJson("output.cost", row.cost as unknown as Value, `the README row "${row.name}" says ${row.cost.monthly_usd.total} USD`)],
}));

const CREATE_FALSE_RUNS: Run[] = [
  {
    name: "create_false_creates_nothing",
    command: "plan",
    variables: { create: false },
    asserts: [
      [
        "output.vpc_id == null && output.cloudshell_security_group_id == null && output.endpoint_security_group_id == null && output.cloudshell_policy_json == null",
        "single IDs and the policy must be null",
      ],
      sameJson("output.vpc_environment", { region: REGION, security_group_ids: [], subnet_ids: {}, vpc_id: null }),
      [
        ["private_subnet_ids", "security_group_ids", "endpoints", "nat_gateway_ids", "public_subnet_ids", "endpoint_availability_zones"].map((o) => `length(output.${o}) == 0`).join(" && "),
        "every collection output must be empty",
      ],
      sameJson("output.cost", cost([0, 0, 0], [0, 0, 0], { endpoints: 0, nat_gateways: 0, public_ipv4: 0, total: 0 })),
      none([
        "aws_vpc.this",
        "aws_subnet.private",
        "aws_subnet.public",
        "aws_route_table.private",
        "aws_security_group.cloudshell",
        "aws_security_group.endpoints",
        "aws_vpc_endpoint.interface",
        "aws_vpc_endpoint.gateway",
        "aws_nat_gateway.this",
        "aws_eip.nat",
        "aws_internet_gateway.this",
      ]),
    ],
  },
];

const KMS_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const DNS_RUNS: Run[] = [
  {
    name: "dns_firewall_answers_aws_and_listed_domains_only",
    command: "plan",
    // The module carries no DNS Firewall price (none could be cited): a test's own, to check the arithmetic.
    variables: { dns_firewall: { enabled: true, allowed_domains: ["example.com", "*.example.com"] }, prices: { dns_firewall_domain_month: 0.0009, dns_firewall_million_queries: 0.6 } },
    asserts: [
      sameJson("aws_route53_resolver_firewall_domain_list.allowed[0].domains", [...AWS_SERVICE_DOMAINS, "example.com", "*.example.com"].sort()),
      sameJson("aws_route53_resolver_firewall_domain_list.everything[0].domains", ["*"]),
      [
        'aws_route53_resolver_firewall_rule.allow[0].action == "ALLOW" && aws_route53_resolver_firewall_rule.block[0].action == "BLOCK" && aws_route53_resolver_firewall_rule.block[0].block_response == "NXDOMAIN" && aws_route53_resolver_firewall_rule.allow[0].priority < aws_route53_resolver_firewall_rule.block[0].priority',
        "listed names are allowed first, then every other name gets NXDOMAIN",
      ],
      ["length(aws_route53_resolver_firewall_rule_group_association.this) == 1", "the rule group must be associated with the VPC"],
      ['aws_route53_resolver_firewall_config.this[0].firewall_fail_open == "DISABLED"', "the firewall must fail closed"],
      none(["aws_route53_resolver_query_log_config.this", "aws_cloudwatch_log_group.dns_queries"]),
      [`output.cost.dns_firewall_domains == ${AWS_SERVICE_DOMAINS.length + 3} && output.cost.dns_firewall_usd_per_million_queries == 0.6 && output.cost.monthly_usd.dns_firewall_domains == 0.01`, "the firewall is priced per domain and per million queries"],
    ],
  },
  {
    name: "dns_query_logs_go_to_an_encrypted_log_group",
    command: "plan",
    variables: { dns_firewall: { enabled: true, query_logging: true, retention_in_days: 30 }, log_kms_key_arn: KMS_KEY, prices: { dns_firewall_domain_month: 0.0009, dns_firewall_million_queries: 0.6, dns_query_logs_gb: 0.5 } },
    asserts: [
      [`aws_cloudwatch_log_group.dns_queries[0].retention_in_days == 30 && aws_cloudwatch_log_group.dns_queries[0].kms_key_id == "${KMS_KEY}"`, "query logs are kept 30 days, encrypted with the key"],
      ["length(aws_route53_resolver_query_log_config_association.this) == 1", "the query log configuration must be associated with the VPC"],
      ["output.cost.dns_query_logs_usd_per_gb == 0.5", "query logs are priced per GB"],
    ],
  },
];

const FLOW_LOG_RUNS: Run[] = [
  {
    name: "flow_logs_to_cloudwatch_logs_cover_every_cloudshell_subnet",
    variables: { flow_logs: { enabled: true, retention_in_days: 30 }, log_kms_key_arn: KMS_KEY, prices: { flow_logs_cloud_watch_logs_gb: 0.5 } },
    overrides: subnetOverrides(TWO_ZONES),
    asserts: [
      sameJson("{ for az, f in aws_flow_log.cloudshell : az => f.subnet_id }", { "us-east-1a": PRIVATE_SUBNETS["us-east-1a"], "us-east-1b": PRIVATE_SUBNETS["us-east-1b"] }),
      ['alltrue([for f in aws_flow_log.cloudshell : f.log_destination_type == "cloud-watch-logs" && f.log_destination == aws_cloudwatch_log_group.flow_logs[0].arn && f.iam_role_arn == aws_iam_role.flow_logs[0].arn && f.traffic_type == "ALL"])', "each flow log delivers everything to the log group with the role"],
      ["aws_cloudwatch_log_group.flow_logs[0].retention_in_days == 30", "retention must be the input"],
      ['jsondecode(aws_iam_role.flow_logs[0].assume_role_policy).Statement[0].Principal.Service == "vpc-flow-logs.amazonaws.com"', "only the flow-log service may assume the role"],
      sameJson(
        "jsondecode(aws_iam_role.flow_logs[0].assume_role_policy).Statement[0].Condition",
        { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc-flow-log/*` } },
        "only this account's flow logs may use the role",
      ),
      [`aws_cloudwatch_log_group.flow_logs[0].kms_key_id == "${KMS_KEY}"`, "the log group must be encrypted with log_kms_key_arn"],
      ["output.cost.flow_logs_usd_per_gb == 0.5 && output.cost.monthly_usd.total == 65.7", "flow logs add a price per GB, not an hourly cost"],
    ],
  },
  {
    name: "flow_logs_to_s3_need_no_log_group_or_role",
    command: "plan",
    variables: { flow_logs: { enabled: true, destination: "s3", s3_bucket_arn: "arn:aws:s3:::central-flow-logs/cloudshell", traffic_type: "REJECT" }, prices: { flow_logs_s3_gb: 0.25 } },
    asserts: [
      none(["aws_cloudwatch_log_group.flow_logs", "aws_iam_role.flow_logs", "aws_iam_role_policy.flow_logs"]),
      ['alltrue([for f in aws_flow_log.cloudshell : f.log_destination == "arn:aws:s3:::central-flow-logs/cloudshell" && f.traffic_type == "REJECT"])', "S3 flow logs go to the bucket"],
      ["output.cost.flow_logs_usd_per_gb == 0.25", "S3 delivery is priced per GB, at the prices input"],
    ],
  },
];

const COMMENT = "The AWS provider is mocked: no credentials and no AWS call. Each run applies with mocked IDs.";
const file = (zones: string[], runs: Run[]) =>
  testFile({ source: SOURCE, comment: COMMENT, mockProvider: MOCK, variables: { availability_zones: zones }, runs: runs.map(apply) });

export const vpcNetworkTests = () => ({
  "tests/defaults.tftest.hcl": file(TWO_ZONES, DEFAULT_RUNS),
  "tests/internet_access.tftest.hcl": file(THREE_ZONES, INTERNET_RUNS),
  "tests/existing_vpc.tftest.hcl": file(TWO_ZONES, EXISTING_VPC_RUNS),
  "tests/endpoints.tftest.hcl": file(TWO_ZONES, ENDPOINT_RUNS),
  "tests/create_false.tftest.hcl": file(TWO_ZONES, CREATE_FALSE_RUNS),
  "tests/layout.tftest.hcl": file(TWO_ZONES, LAYOUT_RUNS),
  "tests/cost.tftest.hcl": file(TWO_ZONES, COST_RUNS),
  "tests/flow_logs.tftest.hcl": file(TWO_ZONES, FLOW_LOG_RUNS),
  "tests/dns_firewall.tftest.hcl": file(TWO_ZONES, DNS_RUNS),
});

