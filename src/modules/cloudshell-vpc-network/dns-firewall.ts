// dns-firewall.tf: optional Route 53 Resolver DNS Firewall of the created VPC (dns_firewall.enabled),
// and its query logs. Security groups do not filter traffic to the VPC's DNS resolver and flow logs
// do not record it (https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-limitations.html),
// so without a firewall any name resolves, and names can carry data out. The rule group answers
// AWS's service domains and the user's list, and NXDOMAIN for every other name ("*"): the allow-list
// pattern of https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-dns-firewall-overview.html
// (rules run by priority, lowest first; the first match decides).
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Route53ResolverFirewallConfig } from "@cdktf/provider-aws/lib/route53-resolver-firewall-config";
import { Route53ResolverFirewallDomainList } from "@cdktf/provider-aws/lib/route53-resolver-firewall-domain-list";
import { Route53ResolverFirewallRule } from "@cdktf/provider-aws/lib/route53-resolver-firewall-rule";
import { Route53ResolverFirewallRuleGroup } from "@cdktf/provider-aws/lib/route53-resolver-firewall-rule-group";
import { Route53ResolverFirewallRuleGroupAssociation } from "@cdktf/provider-aws/lib/route53-resolver-firewall-rule-group-association";
import { Route53ResolverQueryLogConfig } from "@cdktf/provider-aws/lib/route53-resolver-query-log-config";
import { Route53ResolverQueryLogConfigAssociation } from "@cdktf/provider-aws/lib/route53-resolver-query-log-config-association";
import { tf, tfList, tfNumber, Unit } from "../../cdktf/seam";
import { tags } from "./resources";


export function dnsFirewall(unit: Unit): void {
  const at = { file: "dns-firewall.tf" };
  const firewall = { ...at, count: "local.create_dns_firewall ? 1 : 0" };
  const logs = { ...at, count: "local.create_dns_query_logs ? 1 : 0" };
  unit.resource(
    Route53ResolverFirewallDomainList,
    "allowed",
    { name: "${var.name}-allowed", domains: tfList("local.dns_allowed_domains"), tags: tags('"${var.name}-allowed"') },
    { ...firewall, comment: "The names the environment may resolve: AWS's service domains and dns_firewall.allowed_domains." },
  );
  unit.resource(Route53ResolverFirewallDomainList, "everything", { name: "${var.name}-everything", domains: ["*"], tags: tags('"${var.name}-everything"') }, firewall);
  unit.resource(Route53ResolverFirewallRuleGroup, "this", { name: "${var.name}", tags: tags("var.name") }, firewall);
  unit.resource(
    Route53ResolverFirewallRule,
    "allow",
    {
      name: "allow-listed-domains",
      action: "ALLOW",
      priority: 100,
      firewallDomainListId: tf("aws_route53_resolver_firewall_domain_list.allowed[0].id"),
      firewallRuleGroupId: tf("aws_route53_resolver_firewall_rule_group.this[0].id"),
    },
    firewall,
  );
  unit.resource(
    Route53ResolverFirewallRule,
    "block",
    {
      name: "block-every-other-domain",
      action: "BLOCK",
      blockResponse: "NXDOMAIN",
      priority: 200,
      firewallDomainListId: tf("aws_route53_resolver_firewall_domain_list.everything[0].id"),
      firewallRuleGroupId: tf("aws_route53_resolver_firewall_rule_group.this[0].id"),
    },
    firewall,
  );
  unit.resource(
    Route53ResolverFirewallRuleGroupAssociation,
    "this",
    {
      name: "${var.name}",
      firewallRuleGroupId: tf("aws_route53_resolver_firewall_rule_group.this[0].id"),
      vpcId: tf("aws_vpc.this[0].id"),
      priority: 101,
      tags: tags("var.name"),
    },
    { ...firewall, dependsOn: ["aws_route53_resolver_firewall_rule.allow", "aws_route53_resolver_firewall_rule.block"] },
  );
  unit.resource(
    Route53ResolverFirewallConfig,
    "this",
    { resourceId: tf("aws_vpc.this[0].id"), firewallFailOpen: "DISABLED" },
    { ...firewall, comment: "Fail closed: a query the firewall cannot evaluate is blocked, not answered." },
  );
  unit.resource(
    CloudwatchLogGroup,
    "dns_queries",
    {
      namePrefix: "/aws/route53-resolver/${var.name}-",
      retentionInDays: tfNumber("local.dns_firewall.retention_in_days"),
      kmsKeyId: tf("var.log_kms_key_arn"),
      tags: tags('"${var.name}-dns-queries"'),
    },
    { ...logs, comment: "Every DNS query of the VPC, with the firewall's action (dns_firewall.query_logging)." },
  );
  unit.resource(
    Route53ResolverQueryLogConfig,
    "this",
    { name: "${var.name}", destinationArn: tf("aws_cloudwatch_log_group.dns_queries[0].arn"), tags: tags("var.name") },
    logs,
  );
  unit.resource(
    Route53ResolverQueryLogConfigAssociation,
    "this",
    { resolverQueryLogConfigId: tf("aws_route53_resolver_query_log_config.this[0].id"), resourceId: tf("aws_vpc.this[0].id") },
    logs,
  );
}
