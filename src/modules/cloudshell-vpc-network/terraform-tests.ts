// terraform test files for modules/cloudshell-vpc-network. The AWS provider is mocked
// (mock_provider "aws": the real provider's schema, no AWS call), and every run applies, so the
// outputs are checked with the IDs AWS would return. The expectations are written here by hand;
// the default endpoint labels come from src/facts/endpoints.ts, the cost figures are literals.
// The network's shape is tested here; what a shell may reach and what is recorded, in
// terraform-tests-reach.ts; the mocked provider and IDs are test-mocks.ts.
import { sourceOf } from "../../generator/definition";
import { Run, sameJson, testFile } from "../../generator/tftest";
import { Value } from "../../hcl/writer";
import { iamSize, placeholderExample } from "../hcl-snippets";
import { costScenarios, priceSources } from "./cost";
import { ACCOUNT, apply, byLabel, CLOUDSHELL_SG, CODECATALYST, cost, DEFAULT_GATEWAY, DEFAULT_INTERFACE, denies, endpointTypes, ENDPOINTS_SG, EXISTING_VPC, GROUP_AND_S3_OVERRIDES, inRegion, INTERFACE_VPCE, isEmpty, MOCK, NAT, none, perimeter, PRIVATE_SUBNETS, REGION, S3_VPCE, statement, subnetOverrides, THREE_ZONES, TWO_ZONES, VPC } from "./test-mocks";
import { DNS_RUNS, ENDPOINT_RUNS, FLOW_LOG_RUNS, REACH_SOURCE } from "./terraform-tests-reach";

const SOURCE = sourceOf(__filename);

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
      [
        `strcontains(output.cloudshell_policy_json_with_placeholder_ids, "${placeholderExample("vpc")}") && !strcontains(output.cloudshell_policy_json_with_placeholder_ids, "${VPC}") && ${iamSize("output.cloudshell_policy_json_with_placeholder_ids")} == output.cloudshell_policy_max_size`,
        "the policy with placeholder IDs must hold no real ID and be what cloudshell_policy_max_size measures",
      ],
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

const COMMENT = "The AWS provider is mocked: no credentials and no AWS call. Each run applies with mocked IDs.";
const file = (zones: string[], runs: Run[], source = SOURCE) =>
  testFile({ source, comment: COMMENT, mockProvider: MOCK, variables: { availability_zones: zones }, runs: runs.map(apply) });

export const vpcNetworkTests = () => ({
  "tests/defaults.tftest.hcl": file(TWO_ZONES, DEFAULT_RUNS),
  "tests/internet_access.tftest.hcl": file(THREE_ZONES, INTERNET_RUNS),
  "tests/existing_vpc.tftest.hcl": file(TWO_ZONES, EXISTING_VPC_RUNS),
  "tests/endpoints.tftest.hcl": file(TWO_ZONES, ENDPOINT_RUNS, REACH_SOURCE),
  "tests/create_false.tftest.hcl": file(TWO_ZONES, CREATE_FALSE_RUNS),
  "tests/layout.tftest.hcl": file(TWO_ZONES, LAYOUT_RUNS),
  "tests/cost.tftest.hcl": file(TWO_ZONES, COST_RUNS),
  "tests/flow_logs.tftest.hcl": file(TWO_ZONES, FLOW_LOG_RUNS, REACH_SOURCE),
  "tests/dns_firewall.tftest.hcl": file(TWO_ZONES, DNS_RUNS, REACH_SOURCE),
});

