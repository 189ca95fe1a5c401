// modules/cloudshell-vpc-network: the synthesized resources (construct level). Its bad inputs and
// their messages are rows of "Mistakes we catch" (test/modules/mistakes.terraform.test.ts). What the network does with good inputs (subnets, NAT,
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
import { DECISIONS_FILE } from "../../../src/modules/cloudshell-vpc-network/decisions";
import { vpcNetwork } from "../../../src/modules/cloudshell-vpc-network/definition";
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
    const decisions = file(DECISIONS_FILE);
    expect(decisions.match(/\b(aws_[a-z_]+\.[a-z_]+|module\.\w+|data\.\w+)/g) ?? []).toEqual([]);
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
    expect(mod.vpc_environments).toMatchObject({ grant_ec2_permissions: true, security_group_ids: "${var.create ? local.security_group_ids : null}" });
  });
});

describe("cloudshell-vpc-network: the README's cost table", () => {
  test.each(costScenarios().map((r) => [r.name, r] as const))("%s: its total is in the README and in a terraform test run", (_name, row) => {
    expect(file("README.md")).toContain(`| $${row.cost.monthly_usd.total.toFixed(2)} |`);
    expect(file("tests/cost.tftest.hcl")).toContain(`total = ${row.cost.monthly_usd.total}`);
  });
});
