// Where a CloudShell VPC environment's traffic can go, per network: internet through NAT, the VPC
// endpoints with or without a policy (the data perimeter), the Route 53 Resolver DNS Firewall, flow logs.
import { POLICY_SIZE_LIMITS } from "../facts/limits";
import { parsePolicy, policySize } from "./access";
import { PolicyDocument, statementsOf } from "./evaluate";
import { resolve } from "./links";
import { attribute, ConfigModule, knownString, referencesOf, Resource, World } from "./plan";

export interface Endpoint {
  label: string;
  type: string;
  /** "policy" (the perimeter or another policy), "default" (AWS's full-access default), "unknown" (known after apply). */
  policy: "policy" | "default" | "unknown";
  size?: number;
  address: string;
}

export interface NetworkView {
  /** The module instance that holds it ("" for the root module). */
  module: string;
  vpc: string;
  natGateways: string[];
  internetGateway: boolean;
  endpoints: Endpoint[];
  dnsFirewall?: string;
  /** The names the DNS Firewall's ALLOW rules let resolve (their domain lists' domains), sorted. */
  allowedDomains: string[];
  flowLogs: number;
}

const NETWORK_TYPES = ["aws_vpc", "aws_subnet", "aws_vpc_endpoint", "aws_nat_gateway", "aws_route53_resolver_firewall_rule_group_association"];
/** An endpoint policy holds 20,480 characters, whitespace included (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html). */
export const ENDPOINT_POLICY_LIMIT = POLICY_SIZE_LIMITS.vpc_endpoint;

/** AWS's default endpoint policy: one Allow of everything to everyone, without conditions. */
function isFullAccess(d: PolicyDocument): boolean {
  const all = (v: unknown) => v === "*" || (Array.isArray(v) && v.length === 1 && v[0] === "*") || (typeof v === "object" && v !== null && (v as { AWS?: unknown }).AWS === "*");
  const s = statementsOf(d);
  return s.length === 1 && s[0].Effect === "Allow" && all(s[0].Action) && all(s[0].Resource) && all((s[0] as { Principal?: unknown }).Principal) && !s[0].Condition;
}

function endpointOf(r: Resource, policies: Resource[]): Endpoint {
  const service = knownString(r, "service_name") ?? "(service known after apply)";
  const label = service.replace(/^com\.amazonaws\.[^.]+\./, "");
  const own = policies.find((p) => knownString(p, "vpc_endpoint_id") && knownString(p, "vpc_endpoint_id") === knownString(r, "id"));
  const value = own ? attribute(own, "policy") : attribute(r, "policy");
  if (value === "unknown") return { label, type: knownString(r, "vpc_endpoint_type") ?? "?", policy: "unknown", address: r.address };
  const parsed = typeof value === "string" && value ? parsePolicy(value) : undefined;
  const full = parsed && parsed.document !== "unknown" && isFullAccess(parsed.document);
  return {
    label,
    type: knownString(r, "vpc_endpoint_type") ?? "?",
    policy: parsed && !full ? "policy" : "default",
    size: typeof value === "string" ? policySize(value, true) : undefined,
    address: r.address,
  };
}

/** The domains of the lists a module's ALLOW rules use: by the list's ID where known, else by the rule's reference in the configuration. */
function allowedDomainsOf(world: World, config: ConfigModule | undefined, rules: Resource[], lists: Resource[]): string[] {
  const used = rules
    .filter((r) => knownString(r, "action") === "ALLOW")
    .flatMap((r) => {
      const id = knownString(r, "firewall_domain_list_id");
      return id ? lists.filter((l) => knownString(l, "id") === id) : resolve(config, world, r.module, referencesOf(config, r, "firewall_domain_list_id")).filter((l) => lists.includes(l));
    });
  const domains = used.flatMap((l) => {
    const listed = attribute(l, "domains");
    return Array.isArray(listed) ? listed : [];
  });
  return [...new Set(domains.filter((d): d is string => typeof d === "string"))].sort();
}

/** The networks of one state: every module instance with network resources, or only those `keep` admits. */
export function networksOf(world: World, keep: (module: string) => boolean, config?: ConfigModule): NetworkView[] {
  const modules = [...new Set(world.resources.filter((r) => r.mode === "managed" && NETWORK_TYPES.includes(r.type)).map((r) => r.module))].filter(keep).sort();
  const endpointPolicies = world.resources.filter((r) => r.type === "aws_vpc_endpoint_policy");
  return modules.map((module) => {
    const here = (type: string) => world.resources.filter((r) => r.module === module && r.type === type && r.mode === "managed");
    const vpc = here("aws_vpc")[0];
    const vpcId = [...here("aws_subnet"), ...here("aws_vpc_endpoint")].map((r) => knownString(r, "vpc_id")).find(Boolean);
    const cidr = vpc && knownString(vpc, "cidr_block");
    const rules = here("aws_route53_resolver_firewall_rule")
      .map((r) => `${knownString(r, "action") ?? "?"} ${knownString(r, "name") ?? ""}`.trim())
      .sort();
    const associated = here("aws_route53_resolver_firewall_rule_group_association").length > 0;
    return {
      module,
      vpc: vpc ? `a new VPC${cidr ? ` ${cidr}` : ""}` : vpcId ? `VPC ${vpcId}` : "a VPC known after apply",
      natGateways: here("aws_nat_gateway").map((r) => String(r.index ?? r.address)),
      internetGateway: here("aws_internet_gateway").length > 0,
      endpoints: here("aws_vpc_endpoint")
        .map((r) => endpointOf(r, endpointPolicies))
        .sort((a, b) => a.label.localeCompare(b.label)),
      dnsFirewall: associated ? (rules.length ? rules.join(", ") : "associated") : undefined,
      allowedDomains: associated ? allowedDomainsOf(world, config, here("aws_route53_resolver_firewall_rule"), here("aws_route53_resolver_firewall_domain_list")) : [],
      flowLogs: here("aws_flow_log").length,
    };
  });
}

/** The ways out to the internet, in words. */
export const egress = (n: NetworkView): string =>
  n.natGateways.length
    ? `internet through ${n.natGateways.length} NAT gateway${n.natGateways.length > 1 ? "s" : ""} (${n.natGateways.join(", ")})`
    : n.internetGateway
      ? "an internet gateway, no NAT gateway (a VPC environment gets no public IP, so no internet)"
      : "no internet path (no NAT gateway)";

export function endpointWords(n: NetworkView): string {
  if (!n.endpoints.length) return "none";
  const by = (policy: Endpoint["policy"]) => n.endpoints.filter((e) => e.policy === policy).map((e) => `${e.label}${e.type === "Gateway" ? " (gateway)" : ""}`);
  return [
    [by("policy"), "with a policy (perimeter)"],
    [by("default"), "with AWS's default policy (full access)"],
    [by("unknown"), "policy known after apply"],
  ]
    .filter(([labels]) => labels.length)
    .map(([labels, words]) => `${(labels as string[]).join(", ")}: ${words}`)
    .join("; ");
}

/** What got wider between two states of one network: a way to the internet, an endpoint without its policy, the DNS Firewall gone. */
export function networkWidening(before: NetworkView | undefined, after: NetworkView | undefined): string[] {
  if (!after) return [];
  const out: string[] = [];
  if ((after.natGateways.length > 0) && !(before?.natGateways.length)) out.push(`adds ${egress(after)}`);
  for (const e of after.endpoints) {
    const was = before?.endpoints.find((x) => x.address === e.address);
    if (was?.policy === "policy" && e.policy !== "policy") out.push(`the ${e.label} endpoint loses its policy (${e.policy === "unknown" ? "new policy known after apply" : "full access"})`);
  }
  if (before?.dnsFirewall && !after.dnsFirewall) out.push("the DNS Firewall is removed");
  const more = before?.dnsFirewall && after.dnsFirewall ? after.allowedDomains.filter((d) => !before.allowedDomains.includes(d)) : [];
  if (more.length) out.push(`the DNS Firewall lets more names resolve: ${more.join(", ")}`);
  if (before?.flowLogs && !after.flowLogs) out.push("its flow logs are removed");
  return out;
}
