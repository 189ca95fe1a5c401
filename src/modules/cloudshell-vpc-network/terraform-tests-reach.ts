// terraform test files of modules/cloudshell-vpc-network for what a shell may reach and what is
// recorded: the endpoints and their perimeter, egress rules, the DNS Firewall and flow logs.
// Mocked provider and IDs: test-mocks.ts; the files are listed in terraform-tests.ts.
import { sourceOf } from "../../generator/definition";
import { Run, sameJson } from "../../generator/tftest";
import { AWS_SERVICE_DOMAINS } from "../../facts/endpoints";
import { ACCOUNT, DEFAULT_GATEWAY, DEFAULT_INTERFACE, endpointTypes, none, perimeter, PRIVATE_SUBNETS, REGION, subnetOverrides, TWO_ZONES } from "./test-mocks";

export const REACH_SOURCE = sourceOf(__filename);

const ADDED = ["sts", "ec2", "ssm", "dynamodb"];
const STS_POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "sts:GetCallerIdentity", Resource: "*" }] });
const FULL_ACCESS = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] });
const REMOVED = ["execute-api"];
export const ENDPOINT_RUNS: Run[] = [
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

const KMS_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const DNS_RUNS: Run[] = [
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

export const FLOW_LOG_RUNS: Run[] = [
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

