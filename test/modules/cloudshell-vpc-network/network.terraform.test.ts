// modules/cloudshell-vpc-network: the synthesized resources (construct level), and every bad input
// with the message real Terraform gives it. What the network does with good inputs (subnets, NAT,
// endpoints, rules, cost, the policy) is asserted by the module's own terraform test files, with
// the real provider mocked (src/modules/cloudshell-vpc-network/terraform-tests.ts, run by test/modules/shipped-tests.terraform.test.ts).
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Route53ResolverFirewallConfig } from "@cdktf/provider-aws/lib/route53-resolver-firewall-config";
import { Route53ResolverFirewallDomainList } from "@cdktf/provider-aws/lib/route53-resolver-firewall-domain-list";
import { Route53ResolverFirewallRule } from "@cdktf/provider-aws/lib/route53-resolver-firewall-rule";
import { Route53ResolverFirewallRuleGroup } from "@cdktf/provider-aws/lib/route53-resolver-firewall-rule-group";
import { Route53ResolverFirewallRuleGroupAssociation } from "@cdktf/provider-aws/lib/route53-resolver-firewall-rule-group-association";
import { Route53ResolverQueryLogConfig } from "@cdktf/provider-aws/lib/route53-resolver-query-log-config";
import { Route53ResolverQueryLogConfigAssociation } from "@cdktf/provider-aws/lib/route53-resolver-query-log-config-association";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { directoryOf } from "../../../src/generator/definition";
import { costScenarios } from "../../../src/modules/cloudshell-vpc-network/cost";
import { Value } from "../../../src/hcl/writer";
import { DECISIONS_FILE } from "../../../src/modules/cloudshell-vpc-network/decisions";
import { vpcNetwork } from "../../../src/modules/cloudshell-vpc-network/definition";
import { checkInputs } from "../../../tools/input-checks";
import { generated, synthesizedJson } from "../../../tools/generated";

type J = Record<string, unknown>;
type Resources = Record<string, Record<string, J>>;

const DIR = directoryOf(vpcNetwork);
const json = () => synthesizedJson(vpcNetwork.name) as J;
const resources = () => json().resource as Resources;
const file = (name: string) => {
  const content = generated().files.get(`${DIR}/${name}`);
  if (content === undefined) throw new Error(`${DIR}/${name} was not generated`);
  return content;
};

/** Every resource's for_each or count expression, by "type.name". */
function iterationExpressions(): Record<string, { kind: "for_each" | "count"; expr: string }> {
  const out: Record<string, { kind: "for_each" | "count"; expr: string }> = {};
  for (const [type, byName] of Object.entries(resources())) {
    for (const [name, body] of Object.entries(byName)) {
      const kind = "for_each" in body ? "for_each" : "count";
      out[`${type}.${name}`] = { kind, expr: (body[kind] as string).slice(2, -1) };
    }
  }
  return out;
}

const TWO = ["us-east-1b", "us-east-1a"];

describe("cloudshell-vpc-network: synthesized resources", () => {
  const TAGGABLE = [
    Vpc, Subnet, RouteTable, InternetGateway, Eip, NatGateway, SecurityGroup, DefaultSecurityGroup, VpcSecurityGroupEgressRule, VpcSecurityGroupIngressRule, VpcEndpoint, CloudwatchLogGroup, IamRole, FlowLog,
    Route53ResolverFirewallDomainList, Route53ResolverFirewallRuleGroup, Route53ResolverFirewallRuleGroupAssociation, Route53ResolverQueryLogConfig,
  ];
  const UNTAGGABLE = [Route, RouteTableAssociation, IamRolePolicy, Route53ResolverFirewallRule, Route53ResolverFirewallConfig, Route53ResolverQueryLogConfigAssociation];

  test("one data source, the provider's Region (read from its configuration, no AWS call), and no provider block", () => {
    expect(Object.keys(json().data as J)).toEqual(["aws_region"]);
    const region = (json().data as Record<string, Record<string, J>>).aws_region.current;
    expect(region.count).toBe("${var.create ? 1 : 0}");
    expect(JSON.stringify(region.lifecycle)).toContain("self.id == local.region");
    expect(json().provider).toBeUndefined();
  });

  test("a created VPC's default security group is managed with no rules", () => {
    const sg = resources().aws_default_security_group.this;
    expect(sg.count).toBe("${local.create_vpc ? 1 : 0}");
    expect(sg.ingress).toBeUndefined();
    expect(sg.egress).toBeUndefined();
  });

  test("every resource iterates with for_each over a map, or count 0/1, and honours create", () => {
    for (const [address, { kind, expr }] of Object.entries(iterationExpressions())) {
      if (kind === "count") expect(`${address}: ${expr}`).toMatch(/: (local\.create_\w+|var\.create( && .*)?) \? 1 : 0$/);
      else expect(`${address}: ${expr}`).toMatch(/: (var\.create|local\.create_\w+) \? local\.\w+ : \{\}$/);
    }
  });

  test("every taggable resource is tagged with var.tags and a Name", () => {
    const taggable = new Set<string>(TAGGABLE.map((c) => c.tfResourceType));
    for (const c of [...TAGGABLE, ...UNTAGGABLE]) expect(`${c.tfResourceType}: ${"tagsInput" in c.prototype}`).toBe(`${c.tfResourceType}: ${taggable.has(c.tfResourceType)}`);
    for (const [type, byName] of Object.entries(resources())) {
      expect(taggable.has(type) || UNTAGGABLE.some((c) => c.tfResourceType === type)).toBe(true);
      for (const [name, body] of Object.entries(byName)) {
        if (taggable.has(type)) expect(`${type}.${name}: ${body.tags}`).toMatch(/: \$\{merge\(var\.tags, \{ Name = .+\}\)\}$/);
      }
    }
  });

  test("interface endpoints get private DNS (unless turned off per label), a policy only if given, and the endpoint security group", () => {
    const ep = resources().aws_vpc_endpoint.interface;
    expect(ep.private_dns_enabled).toBe("${each.value.private_dns}");
    expect(ep.policy).toBe("${local.interface_endpoint_policies[each.key]}");
    expect(ep.security_group_ids).toBe("${[aws_security_group.endpoints[0].id]}");
    expect(ep.subnet_ids).toBe("${[for az in local.endpoint_azs : aws_subnet.private[az].id]}");
  });

  test("the endpoint group admits 443 from the CloudShell group and endpoint_ingress_cidrs only; the CloudShell group has no ingress", () => {
    const ingress = resources().aws_vpc_security_group_ingress_rule;
    expect(Object.keys(ingress).sort()).toEqual(["endpoints", "endpoints_from_cidrs"]);
    expect(ingress.endpoints).toMatchObject({ from_port: 443, to_port: 443, ip_protocol: "tcp", referenced_security_group_id: "${aws_security_group.cloudshell[0].id}" });
    expect(ingress.endpoints_from_cidrs).toMatchObject({ from_port: 443, to_port: 443, ip_protocol: "tcp", cidr_ipv4: "${each.key}", for_each: "${var.create ? local.endpoint_ingress_cidrs : {}}" });
    for (const sg of Object.values(resources().aws_security_group)) {
      expect(sg.ingress).toBeUndefined();
      expect(sg.egress).toBeUndefined();
    }
  });

  test("decisions.tf refers to no resource, module or data source", () => {
    const plan = file(DECISIONS_FILE);
    expect(plan.match(/\b(aws_[a-z_]+\.[a-z_]+|module\.\w+|data\.\w+)/g) ?? []).toEqual([]);
  });

  test("every input has a description, and every input but create has validation", () => {
    for (const [name, v] of Object.entries(json().variable as Record<string, J>)) {
      expect(`${name}: ${typeof v.description}`).toBe(`${name}: string`);
      if (name !== "create") expect(`${name}: ${((v.validation as unknown[]) ?? []).length > 0}`).toBe(`${name}: true`);
    }
  });

  test("cloudshell_policy_json comes from the policy-document module with this network's IDs", () => {
    const mod = (json().module as Record<string, J>).cloudshell_policy;
    expect(mod.source).toBe("../cloudshell-policy-document");
    expect(mod.vpc_environments).toMatchObject({ grant_ec2_permissions: true, security_group_ids: "${local.security_group_ids}" });
  });
});

describe("cloudshell-vpc-network: the README's cost table", () => {
  test.each(costScenarios().map((r) => [r.name, r] as const))("%s: its total is in the README and in a terraform test run", (_name, row) => {
    expect(file("README.md")).toContain(`| $${row.cost.monthly_usd.total.toFixed(2)} |`);
    expect(file("tests/cost.tftest.hcl")).toContain(`total = ${row.cost.monthly_usd.total}`);
  });
});

describe("cloudshell-vpc-network: bad inputs are rejected by real Terraform", () => {
  const OK = { availability_zones: TWO };
  const BAD: [name: string, vars: J, message: RegExp][] = [
    ["no zones", { availability_zones: [] }, /availability_zones must hold 1 to 6/],
    ["seven zones", { availability_zones: ["a", "b", "c", "d", "e", "f", "g"].map((l) => `us-east-1${l}`) }, /availability_zones must hold 1 to 6/],
    ["zone IDs instead of names", { availability_zones: ["use1-az1"] }, /not zone IDs/],
    ["a zone twice", { availability_zones: ["us-east-1a", "us-east-1a"] }, /must not name an Availability Zone twice/],
    ["zones of two Regions", { availability_zones: ["us-east-1a", "us-west-2a"] }, /must all be in one Region/],
    ["region not matching the zones", { ...OK, region: "eu-west-1" }, /region must be the Region of availability_zones/],
    ["a China Region", { availability_zones: ["cn-north-1a"], region: "cn-north-1" }, /CloudShell has no China Regions/],
    ["unknown partition", { ...OK, partition: "aws-mars" }, /partition must be null or one of aws, aws-us-gov/],
    ["malformed VPC CIDR", { ...OK, vpc: { cidr: "10.0.0.1/16" } }, /vpc.cidr must be an IPv4 network in CIDR form/],
    ["VPC CIDR too large", { ...OK, vpc: { cidr: "10.0.0.0/8" } }, /prefix from \/16 to \/28/],
    ["existing VPC without ID", { ...OK, vpc: { create: false } }, /vpc.id must be an existing VPC ID/],
    ["ID with a created VPC", { ...OK, vpc: { id: "vpc-0123456789abcdef0" } }, /vpc.id must be .* null when vpc.create is true/],
    ["internet gateway with a created VPC", { ...OK, internet_gateway_id: "igw-0123456789abcdef0" }, /internet_gateway_id must be null, or an ID/],
    ["subnets too small", { ...OK, vpc: { cidr: "10.0.0.0/24" } }, /subnet_newbits plus the prefix length/],
    ["subnet CIDR for an unknown zone", { ...OK, private_subnet_cidrs: { "us-east-1z": "10.0.0.0/24" } }, /private_subnet_cidrs must map Availability Zone names/],
    ["malformed public subnet CIDR", { ...OK, public_subnet_cidrs: { "us-east-1a": "10.0.0/24" } }, /public_subnet_cidrs must map/],
    ["a subnet CIDR outside the VPC", { ...OK, private_subnet_cidrs: { "us-east-1a": "10.1.0.0/24" } }, /private_subnet_cidrs must hold CIDRs inside vpc.cidr/],
    ["a subnet CIDR larger than the VPC", { ...OK, vpc: { cidr: "10.0.0.0/16" }, private_subnet_cidrs: { "us-east-1a": "10.0.0.0/8" } }, /private_subnet_cidrs must hold CIDRs inside vpc.cidr/],
    ["two zones with one private CIDR", { ...OK, private_subnet_cidrs: { "us-east-1a": "10.0.7.0/24", "us-east-1b": "10.0.7.0/24" } }, /must not give one CIDR to two subnets/],
    ["unknown internet mode", { ...OK, internet_access: "nat" }, /internet_access must be one of "none", "single", "per_az"/],
    ["malformed endpoint label", { ...OK, endpoints: { add: ["STS"] } }, /service labels in lower case/],
    ["removing a non-default endpoint", { ...OK, endpoints: { remove: ["sts"] } }, /endpoints.remove can only hold default endpoints/],
    ["adding and removing one label", { ...OK, endpoints: { add: ["ssmmessages"], remove: ["ssmmessages"] } }, /must not share a label/],
    ["zero endpoint zones", { ...OK, endpoint_az_count: 0 }, /endpoint_az_count must be a whole number from 1/],
    ["more endpoint zones than zones", { ...OK, endpoint_az_count: 3 }, /endpoint_az_count must be a whole number from 1/],
    ["egress rule with two destinations", { ...OK, cloudshell_egress_rules: { x: { from_port: 80, to_port: 80, cidr_ipv4: "0.0.0.0/0", prefix_list_id: "pl-63a5400a" } } }, /exactly one of cidr_ipv4/],
    ["egress rule with bad ports", { ...OK, cloudshell_egress_rules: { x: { from_port: 90, to_port: 80, cidr_ipv4: "0.0.0.0/0" } } }, /from_port <= to_port/],
    ["malformed security group", { ...OK, additional_security_group_ids: ["sg-123"] }, /security group IDs such as/],
    ["six security groups in all", { ...OK, additional_security_group_ids: [1, 2, 3, 4, 5].map((i) => `sg-0123456789abcdef${i}`) }, /at most 4: a CloudShell VPC environment takes at most 5 security groups/],
    ["deny-all policy preset", { ...OK, policy_preset: "deny-all" }, /policy_preset must be one of/],
    ["negative price", { ...OK, prices: { nat_gateway_hour: -1 } }, /prices must be numbers of USD, zero or more/],
    ["reserved tag key", { ...OK, tags: { "aws:owner": "x" } }, /do not start with "aws:"/],
    // Unknown keys of object inputs are errors, not silently dropped (issue 9, item 1).
    ["a misspelled vpc key", { ...OK, vpc: { create: false, vpc_id: "vpc-0123456789abcdef0" } }, /vpc accepts only the keys create, cidr, id; unknown: vpc_id\./],
    ["a misspelled endpoints key", { ...OK, endpoints: { ad: ["sts"] } }, /endpoints accepts only the keys add, remove.*; unknown: ad\./],
    ["a misspelled egress rule key", { ...OK, cloudshell_egress_rules: { web: { cidr_ipv4: "0.0.0.0/0", from_port: 80, to_prot: 80 } } }, /Each entry of cloudshell_egress_rules accepts only the keys .*; unknown: web\.to_prot\./],
    ["a misspelled prices key", { ...OK, prices: { nat_hour: 0.05 } }, /prices accepts only the keys .*; unknown: nat_hour\./],
    ["a word for a number", { ...OK, prices: { nat_gateway_hour: "cheap" } }, /prices\.nat_gateway_hour must be a number or null\./],
    ["a list for the endpoints object", { ...OK, endpoints: ["sts"] }, /endpoints accepts only the keys .*, and must be an object\./],
    ["flow logs to S3 without a bucket", { ...OK, flow_logs: { enabled: true, destination: "s3" } }, /flow_logs.s3_bucket_arn must be a bucket ARN/],
    ["flow logs to an unknown destination", { ...OK, flow_logs: { enabled: true, destination: "kinesis" } }, /flow_logs.destination must be one of "cloud-watch-logs", "s3"/],
    ["a retention CloudWatch refuses", { ...OK, flow_logs: { enabled: true, retention_in_days: 10 } }, /flow_logs.retention_in_days must be a period CloudWatch Logs accepts/],
    ["a misspelled flow_logs key", { ...OK, flow_logs: { enable: true } }, /flow_logs accepts only the keys .*; unknown: enable\./],
    ["a China zone without a Region", { availability_zones: ["cn-north-1a"] }, /must not be in a China Region: CloudShell has no China Regions/],
    ["CodeCatalyst outside its Regions", { ...OK, endpoints: { add: ["codecatalyst.git"] } }, /endpoints.add holds "codecatalyst.git", which exists only in us-west-2 and eu-west-1/],
    ["a misspelled endpoint label", { ...OK, endpoints: { add: ["stss"] } }, /endpoints.add holds stss, not a regional AWS service with VPC endpoints that this module knows .* or give the full service name/],
    ["a policy for an endpoint not created", { ...OK, endpoints: { policies: { sts: "{}" } } }, /endpoints.policies must map labels of endpoints this module creates/],
    ["a policy that is not JSON", { ...OK, endpoints: { policies: { s3: "allow all" } } }, /endpoints.policies must map labels .* to policy JSON/],
    ["private DNS off for a gateway endpoint", { ...OK, endpoints: { private_dns_disabled: ["s3"] } }, /endpoints.private_dns_disabled must hold labels of interface endpoints/],
    ["a malformed trusted account", { ...OK, trusted_account_ids: ["12345"] }, /trusted_account_ids must hold 12-digit AWS account IDs/],
    ["a malformed organization ID", { ...OK, trusted_organization_id: "r-abcd" }, /trusted_organization_id must be null or an organization ID such as "o-a1b2c3d4e5"/],
    ["a malformed endpoint ingress CIDR", { ...OK, endpoint_ingress_cidrs: ["10.0.0.0"] }, /endpoint_ingress_cidrs must be null, or hold IPv4 networks in CIDR form/],
    // Conflicting inputs (issue 15, item 5).
    ["an internet gateway without internet access", { ...OK, vpc: { create: false, id: "vpc-0123456789abcdef0" }, internet_gateway_id: "igw-0123456789abcdef0" }, /internet_gateway_id is set but internet_access is "none"/],
    ["NAT in an existing VPC without its internet gateway", { ...OK, vpc: { create: false, id: "vpc-0123456789abcdef0" }, internet_access: "single" }, /with an existing VPC \(vpc.create = false\) but internet_gateway_id is null/],
    ["public subnet CIDRs without internet access", { ...OK, public_subnet_cidrs: { "us-east-1a": "10.0.200.0/24" } }, /public_subnet_cidrs is set but internet_access is "none"/],
    ["flow-log settings without enabled", { ...OK, flow_logs: { destination: "s3", s3_bucket_arn: "arn:aws:s3:::logs" } }, /flow_logs sets destination, s3_bucket_arn without enabled/],
    ["DNS Firewall settings without enabled", { ...OK, dns_firewall: { allowed_domains: ["example.com"] } }, /dns_firewall sets allowed_domains without enabled/],
    ["a DNS Firewall in an existing VPC", { ...OK, vpc: { create: false, id: "vpc-0123456789abcdef0" }, dns_firewall: { enabled: true } }, /dns_firewall.enabled needs a VPC this module creates/],
    ["a malformed allowed domain", { ...OK, dns_firewall: { enabled: true, allowed_domains: ["https://example.com"] } }, /dns_firewall.allowed_domains must hold domain names/],
    ["a misspelled dns_firewall key", { ...OK, dns_firewall: { enabled: true, allow: ["example.com"] } }, /dns_firewall accepts only the keys .*; unknown: allow\./],
    ["perimeter_on for an added endpoint", { ...OK, endpoints: { add: ["sts"], perimeter_on: ["sts"] } }, /endpoints.perimeter_on must hold labels of the interface endpoints AWS lists for CloudShell's compute host/],
    ["perimeter_on for a removed endpoint", { ...OK, endpoints: { remove: ["kms"], perimeter_on: ["kms"] } }, /endpoints.perimeter_on must hold labels/],
    ["perimeter_off for a compute-host endpoint", { ...OK, endpoints: { perimeter_off: ["logs"] } }, /endpoints.perimeter_off must hold labels of interface endpoints in endpoints.add/],
    ["a KMS alias for the log groups", { ...OK, log_kms_key_arn: "alias/aws/logs" }, /log_kms_key_arn must be null or a KMS key ARN/],
    ["a KMS key without a log group", { ...OK, log_kms_key_arn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", flow_logs: { enabled: true, destination: "s3", s3_bucket_arn: "arn:aws:s3:::logs" } }, /log_kms_key_arn is set but the module creates no log group/],
  ];

  let got: Map<string, { accepted: boolean; messages: string[] }>;
  beforeAll(async () => {
    const results = await checkInputs(file("variables.tf"), [{ name: "ok", variables: OK }, { name: "inside", variables: { ...OK, vpc: { create: false, id: "vpc-0123456789abcdef0", cidr: "10.20.0.0/16" }, internet_access: "per_az", internet_gateway_id: "igw-0123456789abcdef0", private_subnet_cidrs: { "us-east-1a": "10.20.200.0/24" }, public_subnet_cidrs: { "us-east-1b": "10.20.201.0/28" } } }, ...BAD.map(([name, variables]) => ({ name, variables: variables as Record<string, Value> }))]);
    got = new Map(results.map((r) => [r.name, r]));
  });

  test.each(BAD)("%s", (name, _vars, message) => {
    const r = got.get(name)!;
    expect(r.accepted).toBe(false);
    expect(r.messages.join(" | ")).toMatch(message);
  });

  test("explicit CIDRs inside the VPC are accepted", () => {
    expect(got.get("inside")).toEqual({ name: "inside", accepted: true, messages: [] });
  });

  test("the default inputs with two zones are accepted", () => {
    expect(got.get("ok")).toEqual({ name: "ok", accepted: true, messages: [] });
  });
});
