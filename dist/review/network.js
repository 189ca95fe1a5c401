// Generated from src/review/network.ts by npm run review:compile; do not edit.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.egress = exports.ENDPOINT_POLICY_LIMIT = void 0;
exports.networksOf = networksOf;
exports.endpointWords = endpointWords;
exports.networkWidening = networkWidening;
// Where a CloudShell VPC environment's traffic can go, per network: internet through NAT, the VPC
// endpoints with or without a policy (the data perimeter), the Route 53 Resolver DNS Firewall, flow logs.
const limits_1 = require("../facts/limits");
const access_1 = require("./access");
const evaluate_1 = require("./evaluate");
const links_1 = require("./links");
const plan_1 = require("./plan");
const NETWORK_TYPES = ["aws_vpc", "aws_subnet", "aws_vpc_endpoint", "aws_nat_gateway", "aws_route53_resolver_firewall_rule_group_association"];
/** An endpoint policy holds 20,480 characters, whitespace included (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html). */
exports.ENDPOINT_POLICY_LIMIT = limits_1.POLICY_SIZE_LIMITS.vpc_endpoint;
/** AWS's default endpoint policy: one Allow of everything to everyone, without conditions. */
function isFullAccess(d) {
    const all = (v) => v === "*" || (Array.isArray(v) && v.length === 1 && v[0] === "*") || (typeof v === "object" && v !== null && v.AWS === "*");
    const s = (0, evaluate_1.statementsOf)(d);
    return s.length === 1 && s[0].Effect === "Allow" && all(s[0].Action) && all(s[0].Resource) && all(s[0].Principal) && !s[0].Condition;
}
function endpointOf(r, policies) {
    const service = (0, plan_1.knownString)(r, "service_name") ?? "(service known after apply)";
    const label = service.replace(/^com\.amazonaws\.[^.]+\./, "");
    const own = policies.find((p) => (0, plan_1.knownString)(p, "vpc_endpoint_id") && (0, plan_1.knownString)(p, "vpc_endpoint_id") === (0, plan_1.knownString)(r, "id"));
    const value = own ? (0, plan_1.attribute)(own, "policy") : (0, plan_1.attribute)(r, "policy");
    if (value === "unknown")
        return { label, type: (0, plan_1.knownString)(r, "vpc_endpoint_type") ?? "?", policy: "unknown", address: r.address };
    const parsed = typeof value === "string" && value ? (0, access_1.parsePolicy)(value) : undefined;
    const full = parsed && parsed.document !== "unknown" && isFullAccess(parsed.document);
    return {
        label,
        type: (0, plan_1.knownString)(r, "vpc_endpoint_type") ?? "?",
        policy: parsed && !full ? "policy" : "default",
        size: typeof value === "string" ? (0, access_1.policySize)(value, true) : undefined,
        address: r.address,
    };
}
/** The domains of the lists a module's ALLOW rules use: by the list's ID where known, else by the rule's reference in the configuration. */
function allowedDomainsOf(world, config, rules, lists) {
    const used = rules
        .filter((r) => (0, plan_1.knownString)(r, "action") === "ALLOW")
        .flatMap((r) => {
        const id = (0, plan_1.knownString)(r, "firewall_domain_list_id");
        return id ? lists.filter((l) => (0, plan_1.knownString)(l, "id") === id) : (0, links_1.resolve)(config, world, r.module, (0, plan_1.referencesOf)(config, r, "firewall_domain_list_id")).filter((l) => lists.includes(l));
    });
    const domains = used.flatMap((l) => {
        const listed = (0, plan_1.attribute)(l, "domains");
        return Array.isArray(listed) ? listed : [];
    });
    return [...new Set(domains.filter((d) => typeof d === "string"))].sort();
}
/** The networks of one state: every module instance with network resources, or only those `keep` admits. */
function networksOf(world, keep, config) {
    const modules = [...new Set(world.resources.filter((r) => r.mode === "managed" && NETWORK_TYPES.includes(r.type)).map((r) => r.module))].filter(keep).sort();
    const endpointPolicies = world.resources.filter((r) => r.type === "aws_vpc_endpoint_policy");
    return modules.map((module) => {
        const here = (type) => world.resources.filter((r) => r.module === module && r.type === type && r.mode === "managed");
        const vpc = here("aws_vpc")[0];
        const vpcId = [...here("aws_subnet"), ...here("aws_vpc_endpoint")].map((r) => (0, plan_1.knownString)(r, "vpc_id")).find(Boolean);
        const cidr = vpc && (0, plan_1.knownString)(vpc, "cidr_block");
        const rules = here("aws_route53_resolver_firewall_rule")
            .map((r) => `${(0, plan_1.knownString)(r, "action") ?? "?"} ${(0, plan_1.knownString)(r, "name") ?? ""}`.trim())
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
const egress = (n) => n.natGateways.length
    ? `internet through ${n.natGateways.length} NAT gateway${n.natGateways.length > 1 ? "s" : ""} (${n.natGateways.join(", ")})`
    : n.internetGateway
        ? "an internet gateway, no NAT gateway (a VPC environment gets no public IP, so no internet)"
        : "no internet path (no NAT gateway)";
exports.egress = egress;
function endpointWords(n) {
    if (!n.endpoints.length)
        return "none";
    const by = (policy) => n.endpoints.filter((e) => e.policy === policy).map((e) => `${e.label}${e.type === "Gateway" ? " (gateway)" : ""}`);
    return [
        [by("policy"), "with a policy (perimeter)"],
        [by("default"), "with AWS's default policy (full access)"],
        [by("unknown"), "policy known after apply"],
    ]
        .filter(([labels]) => labels.length)
        .map(([labels, words]) => `${labels.join(", ")}: ${words}`)
        .join("; ");
}
/** What got wider between two states of one network: a way to the internet, an endpoint without its policy, the DNS Firewall gone. */
function networkWidening(before, after) {
    if (!after)
        return [];
    const out = [];
    if ((after.natGateways.length > 0) && !(before?.natGateways.length))
        out.push(`adds ${(0, exports.egress)(after)}`);
    for (const e of after.endpoints) {
        const was = before?.endpoints.find((x) => x.address === e.address);
        if (was?.policy === "policy" && e.policy !== "policy")
            out.push(`the ${e.label} endpoint loses its policy (${e.policy === "unknown" ? "new policy known after apply" : "full access"})`);
    }
    if (before?.dnsFirewall && !after.dnsFirewall)
        out.push("the DNS Firewall is removed");
    const more = before?.dnsFirewall && after.dnsFirewall ? after.allowedDomains.filter((d) => !before.allowedDomains.includes(d)) : [];
    if (more.length)
        out.push(`the DNS Firewall lets more names resolve: ${more.join(", ")}`);
    if (before?.flowLogs && !after.flowLogs)
        out.push("its flow logs are removed");
    return out;
}
