// The policy that keeps people in this network, and the outputs the console's form asks for.
import { tf, Unit } from "../../cdktf/seam";
import { MAX_SECURITY_GROUPS, POLICY_SIZE_LIMITS, thousands } from "../../facts/limits";

export function policyAndOutputs(unit: Unit): void {
  unit.local(
    "security_group_ids",
    "${var.create ? concat([try(aws_security_group.cloudshell[0].id, null)], var.additional_security_group_ids) : []}",
    { file: "policy.tf", comment: "The security groups offered to CloudShell: the module's own first, then yours." },
  );
  const policy = unit.module(
    "cloudshell_policy",
    "../cloudshell-policy-document",
    {
      preset: tf("var.policy_preset"),
      partition: tf("local.partition"),
      // Without the network (create = false) nothing is restricted, and cloudshell_policy_json is null.
      vpc_environments: {
        grant_ec2_permissions: true,
        vpc_ids: tf("var.create ? [local.vpc_id] : null"),
        subnet_ids: tf("var.create ? [for az in local.azs : aws_subnet.private[az].id] : null"),
        security_group_ids: tf("var.create ? local.security_group_ids : null"),
      },
    },
    {
      file: "policy.tf",
      comment: "A policy that lets people create CloudShell environments only in this network, with these groups.",
    },
  );

  const out = (name: string, description: string, value: string) => unit.output(name, { description, value: tf(value) });
  out("vpc_id", "ID of the VPC (\"VPC\" in the console's Create VPC environment form); null when create is false.", "var.create ? local.vpc_id : null");
  out("private_subnet_ids", "IDs of the private subnets for CloudShell (\"Subnet\" in the form), keyed by Availability Zone name.", "{ for az, s in aws_subnet.private : az => s.id }");
  out(
    "security_group_ids",
    `Security groups to pick in the form ("Security group", at most ${MAX_SECURITY_GROUPS}): the CloudShell group, then additional_security_group_ids.`,
    "local.security_group_ids",
  );
  out("cloudshell_security_group_id", "ID of the CloudShell security group; null when create is false.", "try(aws_security_group.cloudshell[0].id, null)");
  out("endpoint_security_group_id", "ID of the security group of the interface endpoints; null without interface endpoints.", "try(aws_security_group.endpoints[0].id, null)");
  out(
    "vpc_environment",
    "Everything the console's \"Create VPC environment\" form asks for: vpc_id, subnet_ids (by zone) and security_group_ids, and the network's region. Give it to a policy's vpc_environments.networks (cloudshell-policy-document), which allows exactly this network and checks allowed_regions against its Region. With create = false vpc_id is null and the lists are empty, which networks rejects.",
    "{\nregion             = local.region\nsecurity_group_ids = local.security_group_ids\nsubnet_ids         = { for az, s in aws_subnet.private : az => s.id }\nvpc_id             = var.create ? local.vpc_id : null\n}",
  );
  out(
    "endpoints",
    "VPC endpoints by label: id, service_name, type (Interface or Gateway) and dns_names (empty for gateway endpoints).",
    "merge(\n{ for label, e in aws_vpc_endpoint.interface : label => { id = e.id, service_name = e.service_name, type = \"Interface\", dns_names = [for d in e.dns_entry : d.dns_name] } },\n{ for label, e in aws_vpc_endpoint.gateway : label => { id = e.id, service_name = e.service_name, type = \"Gateway\", dns_names = [] } },\n)",
  );
  out("nat_gateway_ids", "IDs of the NAT gateways, keyed by Availability Zone name; empty with internet_access = \"none\".", "{ for az, n in aws_nat_gateway.this : az => n.id }");
  out("public_subnet_ids", "IDs of the public subnets that hold the NAT gateways, keyed by Availability Zone name.", "{ for az, s in aws_subnet.public : az => s.id }");
  out(
    "cloudshell_policy_json",
    "IAM policy JSON that lets people create CloudShell VPC environments only in this VPC, its private subnets and the security_group_ids (public environments denied), with the EC2 permissions that needs; null when create is false.",
    `var.create ? ${policy}.json : null`,
  );
  out(
    "cloudshell_policy_json_with_placeholder_ids",
    "cloudshell_policy_json with this network's IDs replaced by placeholders of the longest ID form: known at plan when the IDs are not (the network created in the same apply), for reviewers; null when create is false.",
    `var.create ? ${policy}.json_with_placeholder_ids : null`,
  );
  out(
    "cloudshell_policy_size",
    `Characters of cloudshell_policy_json as IAM counts them (whitespace not counted): a managed policy takes ${thousands(POLICY_SIZE_LIMITS.managed)}, an inline user policy ${thousands(POLICY_SIZE_LIMITS.inline_user)}; 0 when create is false.`,
    `var.create ? ${policy}.json_size : 0`,
  );
  out(
    "cloudshell_policy_max_size",
    "The most characters cloudshell_policy_json can take, with its IDs at their longest form: known at plan; 0 when create is false.",
    `var.create ? ${policy}.max_json_size : 0`,
  );
  out(
    "endpoint_policies",
    "The policy of each VPC endpoint by label: the data perimeter (gateway endpoints, added interface endpoints, endpoints.perimeter_on), a policy from endpoints.policies, or null (AWS's default: full access).",
    "var.create ? merge(local.interface_endpoint_policies, local.gateway_endpoint_policies) : {}",
  );
  out("flow_log_ids", "IDs of the flow logs of the CloudShell subnets, keyed by Availability Zone name; empty without flow logs.", "{ for az, f in aws_flow_log.cloudshell : az => f.id }");
  out("dns_firewall_rule_group_id", "ID of the DNS Firewall rule group associated with the VPC; null without dns_firewall.", "try(aws_route53_resolver_firewall_rule_group.this[0].id, null)");
  out("dns_query_log_group_name", "Name of the CloudWatch Logs group of the VPC's DNS query logs; null without dns_firewall.query_logging.", "try(aws_cloudwatch_log_group.dns_queries[0].name, null)");
  out("flow_log_group_name", "Name of the CloudWatch Logs group of the flow logs; null unless they go to CloudWatch Logs.", "try(aws_cloudwatch_log_group.flow_logs[0].name, null)");
  out("region", "The Region the network is planned for (derived from availability_zones unless given).", "local.region");
  out("endpoint_availability_zones", "The zones that carry the interface endpoints' network interfaces.", "var.create ? local.endpoint_azs : []");
  out(
    "cost",
    "What the configuration bills, per month: interface_endpoints x endpoint_azs = endpoint_az_hours, nat_gateway_hours, public_ipv4_hours, dns_firewall_domains, and monthly_usd at the prices (data processing not included); per volume, flow_logs_usd_per_gb, dns_firewall_usd_per_million_queries and dns_query_logs_usd_per_gb (0 without them). region is the network's Region; price_sources names, for each price, \"prices input\" or the Region (or every Region) and AWS source of its list price, and null where this module has none for the Region: it never uses another Region's. A figure without its price is null (and total with it), missing_prices lists those prices, and the plan warns: give them in the prices input.",
    "local.cost_estimate",
  );
}
