// modules/cloudshell-vpc-network: the synthesized resources (construct level), and real Terraform
// evaluating every decision that needs no provider: network-plan.tf is loaded with variables.tf
// into a temporary configuration whose outputs are the plan's locals and the for_each/count
// expression of every resource. Planning the resources themselves needs hashicorp/aws, which
// cannot be downloaded on this machine: that part is reported as skipped, not pretended.
import * as fs from "node:fs";
import * as path from "node:path";
import { Eip } from "@cdktf/provider-aws/lib/eip";
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
import { DEFINITIONS } from "../src/definitions";
import { directoryOf } from "../src/generator/definition";
import { costScenarios, defaultInterfaceEndpoints } from "../src/network/endpoints";
import { PLAN_FILE, vpcNetwork } from "../src/modules/vpc-network";
import { generated } from "./support/generated";
import { evaluateOutputs, planOutcome, tempDir } from "./support/terraform";

type J = Record<string, unknown>;
type Resources = Record<string, Record<string, J>>;

const DIR = directoryOf(vpcNetwork);
const index = DEFINITIONS.indexOf(vpcNetwork);
const json = () => generated().units[index].synthesizedJson() as J;
const resources = () => json().resource as Resources;
const file = (name: string) => {
  const content = generated().files.get(`${DIR}/${name}`);
  if (content === undefined) throw new Error(`${DIR}/${name} was not generated`);
  return content;
};

const PLAN_LOCALS = [
  "region",
  "partition",
  "private_subnets",
  "public_subnets",
  "nat_azs",
  "private_nat_routes",
  "create_vpc",
  "create_internet_gateway",
  "interface_endpoints",
  "gateway_endpoints",
  "endpoint_azs",
  "cloudshell_egress_rules",
  "cost_estimate",
];

/** Every resource's for_each or count expression, by "type.name". */
function iterationExpressions(): Record<string, { kind: "for_each" | "count"; expr: string }> {
  const out: Record<string, { kind: "for_each" | "count"; expr: string }> = {};
  for (const [type, byName] of Object.entries(resources())) {
    for (const [name, body] of Object.entries(byName)) {
      const kind = "for_each" in body ? "for_each" : "count";
      const value = body[kind] as string;
      out[`${type}.${name}`] = { kind, expr: value.slice(2, -1) };
    }
  }
  return out;
}

/** variables.tf + network-plan.tf + outputs for the locals and the iteration expressions. */
function providerFreeConfig(vars: J): string {
  const dir = tempDir("vpc-network-plan-");
  fs.writeFileSync(path.join(dir, "variables.tf"), file("variables.tf"));
  fs.writeFileSync(path.join(dir, PLAN_FILE), file(PLAN_FILE));
  const outputs = [
    ...PLAN_LOCALS.map((l) => `output "${l}" {\n  value = local.${l}\n}\n`),
    ...Object.entries(iterationExpressions()).map(
      ([address, { kind, expr }]) => `output "${kind}__${address.replace(".", "__")}" {\n  value = ${expr}\n}\n`,
    ),
  ];
  fs.writeFileSync(path.join(dir, "outputs.tf"), outputs.join("\n"));
  fs.writeFileSync(path.join(dir, "terraform.tfvars.json"), JSON.stringify(vars));
  return dir;
}

const cache = new Map<string, J>();
function evaluate(vars: J): J {
  const key = JSON.stringify(vars);
  if (!cache.has(key)) cache.set(key, evaluateOutputs(providerFreeConfig(vars)) as J);
  return cache.get(key)!;
}
/** The keys the resource would be created with (for_each), or its count. */
function instances(outputs: J, address: string): string[] | number {
  const [type, name] = address.split(".");
  if (`count__${type}__${name}` in outputs) return outputs[`count__${type}__${name}`] as number;
  return Object.keys(outputs[`for_each__${type}__${name}`] as J).sort();
}

const TWO = ["us-east-1b", "us-east-1a"];
const THREE = ["us-east-1a", "us-east-1b", "us-east-1c"];
const REGIONAL = defaultInterfaceEndpoints("us-east-1").map((e) => e.label).sort();
const CODECATALYST = ["codecatalyst", "codecatalyst.git", "codecatalyst.packages"];

describe("cloudshell-vpc-network: synthesized resources", () => {
  const TAGGABLE = [Vpc, Subnet, RouteTable, InternetGateway, Eip, NatGateway, SecurityGroup, VpcSecurityGroupEgressRule, VpcSecurityGroupIngressRule, VpcEndpoint];
  const UNTAGGABLE = [Route, RouteTableAssociation];

  test("no data source and no provider block: nothing is looked up to plan", () => {
    expect(json().data).toBeUndefined();
    expect(json().provider).toBeUndefined();
  });

  test("every resource iterates with for_each over a map, or count 0/1, and honours create", () => {
    for (const [address, { kind, expr }] of Object.entries(iterationExpressions())) {
      if (kind === "count") expect(`${address}: ${expr}`).toMatch(/: (local\.create_\w+|var\.create( && .*)?) \? 1 : 0$/);
      else expect(`${address}: ${expr}`).toMatch(/: var\.create \? local\.\w+ : \{\}$/);
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

  test("interface endpoints get private DNS and the endpoint security group when created", () => {
    const ep = resources().aws_vpc_endpoint.interface;
    expect(ep.private_dns_enabled).toBe("${true}");
    expect(ep.security_group_ids).toBe("${[aws_security_group.endpoints[0].id]}");
    expect(ep.subnet_ids).toBe("${[for az in local.endpoint_azs : aws_subnet.private[az].id]}");
  });

  test("the endpoint group admits 443 from the CloudShell group only; the CloudShell group has no ingress", () => {
    const ingress = resources().aws_vpc_security_group_ingress_rule;
    expect(Object.keys(ingress)).toEqual(["endpoints"]);
    expect(ingress.endpoints).toMatchObject({ from_port: 443, to_port: 443, ip_protocol: "tcp", referenced_security_group_id: "${aws_security_group.cloudshell[0].id}" });
    for (const sg of Object.values(resources().aws_security_group)) {
      expect(sg.ingress).toBeUndefined();
      expect(sg.egress).toBeUndefined();
    }
  });

  test("network-plan.tf refers to no resource, module or data source", () => {
    const plan = file(PLAN_FILE);
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

describe("cloudshell-vpc-network: real Terraform on the provider-free plan (network-plan.tf)", () => {
  afterAll(() => {
    console.log(
      "cloudshell-vpc-network: Terraform evaluated variables.tf and network-plan.tf (subnets, NAT, endpoints, rules, cost) and every for_each/count.\n" +
        "NOT RUN HERE: `terraform plan` of the aws_* resources, which needs the hashicorp/aws provider; it cannot be downloaded on this machine.",
    );
  });

  test("default: isolated, private subnets keyed by zone, endpoints in one zone, no NAT", () => {
    const o = evaluate({ availability_zones: TWO });
    expect(o.region).toBe("us-east-1");
    expect(o.partition).toBe("aws");
    expect(o.private_subnets).toEqual({ "us-east-1a": "10.0.0.0/24", "us-east-1b": "10.0.1.0/24" });
    expect(o.endpoint_azs).toEqual(["us-east-1a"]);
    expect(Object.keys(o.interface_endpoints as J).sort()).toEqual(REGIONAL);
    expect((o.interface_endpoints as Record<string, J>).ssmmessages.service_name).toBe("com.amazonaws.us-east-1.ssmmessages");
    expect(o.gateway_endpoints).toEqual({ s3: { service_name: "com.amazonaws.us-east-1.s3", type: "Gateway" } });
    expect(instances(o, "aws_subnet.private")).toEqual(["us-east-1a", "us-east-1b"]);
    expect(instances(o, "aws_route_table.private")).toEqual(["us-east-1a", "us-east-1b"]);
    expect(instances(o, "aws_vpc.this")).toBe(1);
    for (const a of ["aws_subnet.public", "aws_eip.nat", "aws_nat_gateway.this", "aws_route.private_nat"]) expect(instances(o, a)).toEqual([]);
    for (const a of ["aws_internet_gateway.this", "aws_route_table.public", "aws_route.public_internet"]) expect(instances(o, a)).toBe(0);
    expect(instances(o, "aws_vpc_security_group_egress_rule.cloudshell")).toEqual(["endpoints", "gateway-s3"]);
    expect(instances(o, "aws_vpc_endpoint.gateway")).toEqual(["s3"]);
    expect(instances(o, "aws_security_group.endpoints")).toBe(1);
    expect(o.cost_estimate).toEqual({
      interface_endpoints: 9,
      endpoint_azs: 1,
      nat_gateways: 0,
      endpoint_az_hours: 6570,
      nat_gateway_hours: 0,
      public_ipv4_hours: 0,
      monthly_usd: { endpoints: 65.7, nat_gateways: 0, public_ipv4: 0, total: 65.7 },
    });
  });

  test('internet_access = "single": one NAT gateway in the first zone, every private subnet routes to it', () => {
    const o = evaluate({ availability_zones: THREE, internet_access: "single" });
    expect(o.public_subnets).toEqual({ "us-east-1a": "10.0.255.0/24" });
    expect(o.private_nat_routes).toEqual({ "us-east-1a": "us-east-1a", "us-east-1b": "us-east-1a", "us-east-1c": "us-east-1a" });
    expect(instances(o, "aws_nat_gateway.this")).toEqual(["us-east-1a"]);
    expect(instances(o, "aws_internet_gateway.this")).toBe(1);
    expect(instances(o, "aws_vpc_security_group_egress_rule.cloudshell")).toEqual(["endpoints", "gateway-s3", "internet"]);
    expect((o.cloudshell_egress_rules as Record<string, J>).internet.cidr_ipv4).toBe("0.0.0.0/0");
    expect(o.cost_estimate).toMatchObject({ nat_gateways: 1, nat_gateway_hours: 730, public_ipv4_hours: 730, monthly_usd: { total: 102.2 } });
  });

  test('internet_access = "per_az": a NAT gateway and public subnet per zone, each zone routes to its own', () => {
    const o = evaluate({ availability_zones: THREE, internet_access: "per_az" });
    expect(o.public_subnets).toEqual({ "us-east-1a": "10.0.255.0/24", "us-east-1b": "10.0.254.0/24", "us-east-1c": "10.0.253.0/24" });
    expect(o.private_nat_routes).toEqual({ "us-east-1a": "us-east-1a", "us-east-1b": "us-east-1b", "us-east-1c": "us-east-1c" });
    expect(instances(o, "aws_eip.nat")).toEqual(THREE);
    expect(o.cost_estimate).toMatchObject({ nat_gateways: 3, nat_gateway_hours: 2190, public_ipv4_hours: 2190 });
  });

  test("adding a zone moves no other zone's subnet (numbered by zone letter)", () => {
    const before = evaluate({ availability_zones: ["us-east-1a", "us-east-1c"] }).private_subnets as J;
    const after = evaluate({ availability_zones: ["us-east-1a", "us-east-1b", "us-east-1c"] }).private_subnets as J;
    expect(after).toMatchObject(before);
    expect(before).toEqual({ "us-east-1a": "10.0.0.0/24", "us-east-1c": "10.0.2.0/24" });
  });

  test("endpoints.add and .remove: added APIs become interface endpoints, s3/dynamodb gateways, removed defaults disappear", () => {
    const o = evaluate({ availability_zones: TWO, endpoints: { add: ["sts", "ec2", "ssm", "dynamodb"], remove: ["execute-api", "s3"] }, endpoint_az_count: 2 });
    expect(Object.keys(o.interface_endpoints as J).sort()).toEqual([...REGIONAL.filter((l) => l !== "execute-api"), "ec2", "ssm", "sts"].sort());
    expect((o.interface_endpoints as Record<string, J>).sts).toEqual({ service_name: "com.amazonaws.us-east-1.sts", type: "Interface" });
    expect(o.gateway_endpoints).toEqual({ dynamodb: { service_name: "com.amazonaws.us-east-1.dynamodb", type: "Gateway" } });
    expect(instances(o, "aws_vpc_security_group_egress_rule.cloudshell")).toEqual(["endpoints", "gateway-dynamodb"]);
    expect(o.endpoint_azs).toEqual(["us-east-1a", "us-east-1b"]);
    expect(o.cost_estimate).toMatchObject({ interface_endpoints: 11, endpoint_azs: 2, endpoint_az_hours: 11 * 2 * 730, monthly_usd: { total: 160.6 } });
  });

  test("removing every interface endpoint drops the endpoint security group and its rules", () => {
    const o = evaluate({ availability_zones: TWO, endpoints: { remove: REGIONAL } });
    expect(instances(o, "aws_security_group.endpoints")).toBe(0);
    expect(instances(o, "aws_vpc_security_group_ingress_rule.endpoints")).toBe(0);
    expect(instances(o, "aws_vpc_security_group_egress_rule.cloudshell")).toEqual(["gateway-s3"]);
    expect((o.cost_estimate as J).monthly_usd).toEqual({ endpoints: 0, nat_gateways: 0, public_ipv4: 0, total: 0 });
  });

  test("CodeCatalyst endpoints only in us-west-2 and eu-west-1, the global one by its fixed name", () => {
    const west = evaluate({ availability_zones: ["us-west-2a", "us-west-2b"] });
    expect(Object.keys(west.interface_endpoints as J).sort()).toEqual([...REGIONAL, ...CODECATALYST].sort());
    expect((west.interface_endpoints as Record<string, J>).codecatalyst.service_name).toBe("aws.api.global.codecatalyst");
    expect((west.interface_endpoints as Record<string, J>)["codecatalyst.git"].service_name).toBe("com.amazonaws.us-west-2.codecatalyst.git");
    const tokyo = evaluate({ availability_zones: ["ap-northeast-1a"], prices: { interface_endpoint_hour: 0.014 } });
    expect(Object.keys(tokyo.interface_endpoints as J).sort()).toEqual(REGIONAL);
    expect((tokyo.cost_estimate as J).monthly_usd).toMatchObject({ total: 91.98 });
  });

  test("GovCloud: partition derived from the Region", () => {
    const o = evaluate({ availability_zones: ["us-gov-west-1a"] });
    expect(o.region).toBe("us-gov-west-1");
    expect(o.partition).toBe("aws-us-gov");
  });

  test("existing VPC: no VPC created, subnets from its CIDR and explicit CIDRs", () => {
    const o = evaluate({
      availability_zones: THREE,
      vpc: { create: false, id: "vpc-0123456789abcdef0", cidr: "10.20.0.0/16" },
      private_subnet_cidrs: { "us-east-1a": "10.20.200.0/24" },
    });
    expect(instances(o, "aws_vpc.this")).toBe(0);
    expect(o.private_subnets).toEqual({ "us-east-1a": "10.20.200.0/24", "us-east-1b": "10.20.1.0/24", "us-east-1c": "10.20.2.0/24" });
  });

  test("create = false: no instance of anything, zero cost", () => {
    const o = evaluate({ availability_zones: TWO, internet_access: "per_az", create: false });
    for (const [address, { kind }] of Object.entries(iterationExpressions())) {
      expect(`${address}: ${JSON.stringify(instances(o, address))}`).toBe(`${address}: ${kind === "count" ? "0" : "[]"}`);
    }
    expect((o.cost_estimate as J).monthly_usd).toEqual({ endpoints: 0, nat_gateways: 0, public_ipv4: 0, total: 0 });
  });

  test("custom egress rules are added by name next to the module's own", () => {
    const o = evaluate({
      availability_zones: TWO,
      cloudshell_egress_rules: { http: { from_port: 80, to_port: 80, cidr_ipv4: "0.0.0.0/0" } },
    });
    expect(instances(o, "aws_vpc_security_group_egress_rule.cloudshell")).toEqual(["custom-http", "endpoints", "gateway-s3"]);
    expect((o.cloudshell_egress_rules as Record<string, J>)["custom-http"]).toMatchObject({ ip_protocol: "tcp", from_port: 80 });
  });

  test.each(costScenarios().map((r) => [r.name, r] as const))("README cost row matches Terraform: %s", (_name, row) => {
    const azs = THREE.slice(0, row.azs);
    const internet = row.nat === 0 ? "none" : row.nat === 1 ? "single" : "per_az";
    const o = evaluate({ availability_zones: azs, internet_access: internet, endpoint_az_count: row.endpointAzs });
    expect(o.cost_estimate).toEqual({
      interface_endpoints: row.cost.interface_endpoints,
      endpoint_azs: row.cost.endpoint_azs,
      nat_gateways: row.cost.nat_gateways,
      endpoint_az_hours: row.cost.endpoint_az_hours,
      nat_gateway_hours: row.cost.nat_gateway_hours,
      public_ipv4_hours: row.cost.public_ipv4_hours,
      monthly_usd: row.cost.monthly_usd,
    });
    expect(file("README.md")).toContain(`| $${row.cost.monthly_usd.total.toFixed(2)} |`);
  });

  test.skip("NOT RUN HERE: terraform plan of the aws_* resources (needs hashicorp/aws, which cannot be downloaded on this machine)", () => {});
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
  ];

  test.each(BAD)("%s", (_name, vars, message) => {
    const r = planOutcome(providerFreeConfig(vars));
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(message);
  });

  test("the default inputs with two zones are accepted", () => {
    expect(evaluate(OK).region).toBe("us-east-1");
  });
});
