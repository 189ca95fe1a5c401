// Generated from src/review/analyse.ts by npm run review:compile; do not edit.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.absent = exports.principalContext = exports.ROWS = void 0;
exports.entitiesOf = entitiesOf;
exports.candidatesOf = candidatesOf;
exports.requestsOf = requestsOf;
exports.askedOf = askedOf;
exports.answer = answer;
exports.summarize = summarize;
exports.direction = direction;
// What each principal, SCP target and policy lets someone do with CloudShell, feature by feature,
// before the change and after it: every feature asked in every Region and network the policies
// name (and one they do not), so that "only in us-east-1" and "only in vpc-a" come from IAM's own
// answers, not from reading the policy text.
const access_1 = require("./access");
const evaluate_1 = require("./evaluate");
const requests_1 = require("./requests");
exports.ROWS = [
    { key: "public", label: `${requests_1.LAUNCH_LABEL}: public environment` },
    { key: "vpc", label: `${requests_1.LAUNCH_LABEL}: VPC environment` },
    ...requests_1.OTHER_FEATURES.map((f) => ({ key: f.key, label: f.label })),
];
const ALLOW_ALL = { id: "allow-all", name: "an identity policy that allows everything", kind: "document", document: { Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } };
const ORDINARY = "role/another-principal";
const principalContext = (partition, arnPath, tags) => ({
    "aws:PrincipalArn": `arn:${partition}:iam::${requests_1.REVIEW_ACCOUNT}:${arnPath}`,
    ...Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:PrincipalTag/${k}`, v])),
});
exports.principalContext = principalContext;
/** A permission set acts as the role IAM Identity Center creates for it in each account. */
const arnPathOf = (p) => p.arnPath ??
    (p.kind === "permission set" ? `role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_${p.label.replace(/^permission set /, "").replace(/\W+/g, "_")}_0000000000000000` : p.kind === "group" ? `user/a-member-of-${p.key}` : `${p.kind}/unnamed`);
/** Every principal, target and lone policy of one state, as entities. */
function entitiesOf(access) {
    const rootScps = access.targets.filter((t) => t.id.startsWith("r-")).flatMap((t) => t.scps);
    const principals = access.principals.map((p) => ({
        key: p.key,
        label: p.label,
        group: "principal",
        reading: "grant",
        set: { identity: p.identity, boundaries: p.boundaries, scps: rootScps },
        principal: (0, exports.principalContext)(access.partition, arnPathOf(p), p.tags),
        policies: [...p.identity, ...p.boundaries, ...rootScps],
        own: [...p.identity, ...p.boundaries],
    }));
    const targets = access.targets.map((t) => ({
        key: `target/${t.id}`,
        label: `SCPs on ${t.id}`,
        group: "target",
        reading: "guardrail",
        set: { identity: [ALLOW_ALL], scps: t.scps },
        principal: (0, exports.principalContext)(access.partition, ORDINARY, {}),
        policies: t.scps,
        own: t.scps,
    }));
    const lone = [...access.unattached, ...access.documents].map((p) => {
        const grants = p.document === "unknown" || (Array.isArray(p.document.Statement) ? p.document.Statement : [p.document.Statement]).some((s) => s.Effect === "Allow");
        return {
            key: `policy/${p.id}`,
            label: p.name,
            group: "policy",
            reading: grants ? "grant" : "guardrail",
            set: grants ? { identity: [p] } : { identity: [ALLOW_ALL], scps: [p] },
            principal: (0, exports.principalContext)(access.partition, ORDINARY, {}),
            policies: [p],
            own: [p],
        };
    });
    return [...principals, ...targets, ...lone];
}
function candidatesOf(policies) {
    const [vpcs, subnets, groups] = requests_1.NETWORK_KEYS.map((k) => (0, access_1.valuesNamed)(policies, k));
    return { regions: (0, access_1.regionsNamed)(policies), vpcs, subnets, groups };
}
/** The networks a VPC environment is asked for: the one the policies name, each named VPC, and another VPC, subnet or group. */
function networks(c) {
    const named = { vpc: c.vpcs[0] ?? requests_1.ANOTHER.vpc, subnet: c.subnets[0] ?? requests_1.ANOTHER.subnet, securityGroup: c.groups[0] ?? requests_1.ANOTHER.sg };
    const list = [
        { key: "named", network: named },
        ...c.vpcs.slice(1).map((vpc) => ({ key: `vpc:${vpc}`, network: { ...named, vpc } })),
        ...c.subnets.slice(1).map((subnet) => ({ key: `subnet:${subnet}`, network: { ...named, subnet } })),
        ...c.groups.slice(1).map((securityGroup) => ({ key: `group:${securityGroup}`, network: { ...named, securityGroup } })),
        { key: "another-vpc", network: { ...named, vpc: requests_1.ANOTHER.vpc } },
        { key: "another-subnet", network: { ...named, subnet: requests_1.ANOTHER.subnet } },
        { key: "another-group", network: { ...named, securityGroup: requests_1.ANOTHER.sg } },
    ];
    return list;
}
function questions(row, c) {
    if (row.key !== "vpc")
        return c.regions.map((region) => ({ key: region, region }));
    return c.regions.flatMap((region) => networks(c).map((n) => ({ key: `${region}|${n.key}`, region, network: n.network })));
}
/** The requests of one feature, asked by one principal in one Region (and network). */
function requestsOf(row, w, network) {
    if (row.key === "public")
        return (0, requests_1.launch)(w);
    if (row.key === "vpc")
        return [...(0, requests_1.launch)(w, network), ...(0, requests_1.vpcNetworkInterface)(w, network)];
    return requests_1.OTHER_FEATURES.find((f) => f.key === row.key).requests(w);
}
/** Every request the review asks about one feature, with the key of the question it answers. */
function askedOf(row, c, partition, principal) {
    return questions(row, c).map((q) => ({ key: q.key, requests: requestsOf(row, { partition, region: q.region, principal }, q.network) }));
}
function answer(entity, row, c, partition) {
    return new Map(askedOf(row, c, partition, entity.principal).map((q) => [q.key, (0, evaluate_1.decideAll)(q.requests, entity.set)]));
}
/** Every answer of an entity that is not there: a missing grant allows nothing, a missing guardrail denies nothing. */
const absent = (row, c, reading) => new Map(questions(row, c).map((q) => [q.key, reading === "grant" ? { result: "ImplicitlyDenied", reason: "not in this state" } : { result: "Allowed" }]));
exports.absent = absent;
const list = (xs) => xs.join(", ");
/** The answers in plain words: "yes", "yes, only in us-east-1", "yes, only in VPC vpc-a", "no (...)". */
function summarize(row, answers, c, reading) {
    const allowed = (key) => answers.get(key)?.result === "Allowed";
    const regionsWhere = (suffix) => c.regions.filter((r) => allowed(row.key === "vpc" ? `${r}|${suffix}` : r));
    const yes = regionsWhere("named");
    const unknown = [...answers.values()].find((d) => d.result === "Unknown");
    const no = (d) => {
        if (!d || d.result === "Allowed")
            return "no";
        if (d.result === "Unknown")
            return `unknown: ${d.reason}`;
        if (d.result === "ExplicitlyDenied")
            return `no: denied by ${d.reason}`;
        return reading === "guardrail" ? "no" : `no: ${d.reason ?? "nothing allows it"}`;
    };
    if (!yes.length)
        return unknown ? `unknown: ${unknown.reason}` : no(answers.get(row.key === "vpc" ? `${c.regions[0]}|named` : c.regions[0]));
    const where = [];
    if (row.key === "vpc") {
        const dims = [
            ["VPC", "another-vpc", c.vpcs, "vpc"],
            ["subnet", "another-subnet", c.subnets, "subnet"],
            ["security group", "another-group", c.groups, "group"],
        ];
        for (const [what, another, named, prefix] of dims) {
            if (yes.some((r) => allowed(`${r}|${another}`)))
                continue;
            const ok = named.filter((id, i) => yes.some((r) => allowed(`${r}|${i === 0 ? "named" : `${prefix}:${id}`}`)));
            where.push(`${what}${ok.length > 1 ? "s" : ""} ${list(ok)}`);
        }
    }
    const anywhere = yes.length === c.regions.length;
    const regions = anywhere ? "" : `in ${list(yes)}`;
    const parts = [row.key === "vpc" ? (where.length ? `only in ${where.join("; ")}` : "in any VPC") : "", regions].filter(Boolean);
    const text = `yes${parts.length ? `, ${parts.join("; ")}` : ""}`;
    return unknown && !anywhere ? `${text} (elsewhere unknown: ${unknown.reason})` : text;
}
/** How the answers moved between two states: wider where something is allowed now that was not. */
function direction(before, after) {
    let widens = false;
    let narrows = false;
    let unknown = false;
    for (const [key, a] of after) {
        const b = before.get(key);
        const was = b?.result === "Allowed";
        if (a.result === "Allowed" && !was)
            widens = true;
        if (was && a.result !== "Allowed" && a.result !== "Unknown")
            narrows = true;
        if (a.result === "Unknown" && !was && b?.result !== "Unknown")
            unknown = true;
    }
    if (widens)
        return "widens";
    if (unknown)
        return "may widen";
    if (narrows)
        return "narrows";
    return undefined;
}
