// What each principal, SCP target and policy lets someone do with CloudShell, feature by feature,
// before the change and after it: every feature asked in every Region and network the policies
// name (and one they do not), so that "only in us-east-1" and "only in vpc-a" come from IAM's own
// answers, not from reading the policy text.
import { Access, Policy, Principal, regionsNamed, valuesNamed } from "./access";
import { Context, Decision, decideAll, PolicySet, Request } from "./evaluate";
import { ANOTHER, LAUNCH_LABEL, launch, Network, NETWORK_KEYS, OTHER_FEATURES, REVIEW_ACCOUNT, vpcNetworkInterface, Where } from "./requests";

export interface Row {
  key: string;
  label: string;
}

export const ROWS: Row[] = [
  { key: "public", label: `${LAUNCH_LABEL}: public environment` },
  { key: "vpc", label: `${LAUNCH_LABEL}: VPC environment` },
  ...OTHER_FEATURES.map((f) => ({ key: f.key, label: f.label })),
];

/** A principal, an SCP target or a policy on its own: what is asked, with which policies. */
export interface Entity {
  key: string;
  label: string;
  group: "principal" | "target" | "policy";
  /** How the answers read: a principal may or may not; a guardrail lets through or denies. */
  reading: "grant" | "guardrail";
  set: PolicySet;
  principal: Context;
  /** Every policy that decides its answers (a principal's include the root's SCPs). */
  policies: Policy[];
  /** Its own: a principal's identity policies and boundaries, a target's SCPs, the lone policy. */
  own: Policy[];
}

/** What the policies name, so every state is asked the same questions. */
export interface Candidates {
  regions: string[];
  vpcs: string[];
  subnets: string[];
  groups: string[];
}

const ALLOW_ALL: Policy = { id: "allow-all", name: "an identity policy that allows everything", kind: "document", document: { Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } };
const ORDINARY = "role/another-principal";

export const principalContext = (partition: string, arnPath: string, tags: Record<string, string>): Context => ({
  "aws:PrincipalArn": `arn:${partition}:iam::${REVIEW_ACCOUNT}:${arnPath}`,
  ...Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:PrincipalTag/${k}`, v])),
});

/** A permission set acts as the role IAM Identity Center creates for it in each account. */
const arnPathOf = (p: Principal): string =>
  p.arnPath ??
  (p.kind === "permission set" ? `role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_${p.label.replace(/^permission set /, "").replace(/\W+/g, "_")}_0000000000000000` : p.kind === "group" ? `user/a-member-of-${p.key}` : `${p.kind}/unnamed`);

/** Every principal, target and lone policy of one state, as entities. */
export function entitiesOf(access: Access): Entity[] {
  const rootScps = access.targets.filter((t) => t.id.startsWith("r-")).flatMap((t) => t.scps);
  const principals: Entity[] = access.principals.map((p) => ({
    key: p.key,
    label: p.label,
    group: "principal",
    reading: "grant",
    set: { identity: p.identity, boundaries: p.boundaries, scps: rootScps },
    principal: principalContext(access.partition, arnPathOf(p), p.tags),
    policies: [...p.identity, ...p.boundaries, ...rootScps],
    own: [...p.identity, ...p.boundaries],
  }));
  const targets: Entity[] = access.targets.map((t) => ({
    key: `target/${t.id}`,
    label: `SCPs on ${t.id}`,
    group: "target",
    reading: "guardrail",
    set: { identity: [ALLOW_ALL], scps: t.scps },
    principal: principalContext(access.partition, ORDINARY, {}),
    policies: t.scps,
    own: t.scps,
  }));
  const lone: Entity[] = [...access.unattached, ...access.documents].map((p) => {
    const grants = p.document === "unknown" || (Array.isArray(p.document.Statement) ? p.document.Statement : [p.document.Statement]).some((s) => s.Effect === "Allow");
    return {
      key: `policy/${p.id}`,
      label: p.name,
      group: "policy",
      reading: grants ? "grant" : "guardrail",
      set: grants ? { identity: [p] } : { identity: [ALLOW_ALL], scps: [p] },
      principal: principalContext(access.partition, ORDINARY, {}),
      policies: [p],
      own: [p],
    };
  });
  return [...principals, ...targets, ...lone];
}

export function candidatesOf(policies: Policy[]): Candidates {
  const [vpcs, subnets, groups] = NETWORK_KEYS.map((k) => valuesNamed(policies, k));
  return { regions: regionsNamed(policies), vpcs, subnets, groups };
}

interface Question {
  /** Region, or Region|VPC|subnet|group. */
  key: string;
  region: string;
  network?: Network;
}

/** The networks a VPC environment is asked for: the one the policies name, each named VPC, and another VPC, subnet or group. */
function networks(c: Candidates): { key: string; network: Network }[] {
  const named: Network = { vpc: c.vpcs[0] ?? ANOTHER.vpc, subnet: c.subnets[0] ?? ANOTHER.subnet, securityGroup: c.groups[0] ?? ANOTHER.sg };
  const list = [
    { key: "named", network: named },
    ...c.vpcs.slice(1).map((vpc) => ({ key: `vpc:${vpc}`, network: { ...named, vpc } })),
    ...c.subnets.slice(1).map((subnet) => ({ key: `subnet:${subnet}`, network: { ...named, subnet } })),
    ...c.groups.slice(1).map((securityGroup) => ({ key: `group:${securityGroup}`, network: { ...named, securityGroup } })),
    { key: "another-vpc", network: { ...named, vpc: ANOTHER.vpc } },
    { key: "another-subnet", network: { ...named, subnet: ANOTHER.subnet } },
    { key: "another-group", network: { ...named, securityGroup: ANOTHER.sg } },
  ];
  return list;
}

function questions(row: Row, c: Candidates): Question[] {
  if (row.key !== "vpc") return c.regions.map((region) => ({ key: region, region }));
  return c.regions.flatMap((region) => networks(c).map((n) => ({ key: `${region}|${n.key}`, region, network: n.network })));
}

export type Answers = Map<string, Decision>;

/** The requests of one feature, asked by one principal in one Region (and network). */
export function requestsOf(row: Row, w: Where, network?: Network): Request[] {
  if (row.key === "public") return launch(w);
  if (row.key === "vpc") return [...launch(w, network), ...vpcNetworkInterface(w, network!)];
  return OTHER_FEATURES.find((f) => f.key === row.key)!.requests(w);
}

/** Every request the review asks about one feature, with the key of the question it answers. */
export function askedOf(row: Row, c: Candidates, partition: string, principal: Context): { key: string; requests: Request[] }[] {
  return questions(row, c).map((q) => ({ key: q.key, requests: requestsOf(row, { partition, region: q.region, principal }, q.network) }));
}

export function answer(entity: Entity, row: Row, c: Candidates, partition: string): Answers {
  return new Map(askedOf(row, c, partition, entity.principal).map((q) => [q.key, decideAll(q.requests, entity.set)]));
}

/** Every answer of an entity that is not there: a missing grant allows nothing, a missing guardrail denies nothing. */
export const absent = (row: Row, c: Candidates, reading: Entity["reading"]): Answers =>
  new Map(questions(row, c).map((q) => [q.key, reading === "grant" ? { result: "ImplicitlyDenied" as const, reason: "not in this state" } : { result: "Allowed" as const }]));

const list = (xs: string[]) => xs.join(", ");

/** The answers in plain words: "yes", "yes, only in us-east-1", "yes, only in VPC vpc-a", "no (...)". */
export function summarize(row: Row, answers: Answers, c: Candidates, reading: Entity["reading"]): string {
  const allowed = (key: string) => answers.get(key)?.result === "Allowed";
  const regionsWhere = (suffix: string) => c.regions.filter((r) => allowed(row.key === "vpc" ? `${r}|${suffix}` : r));
  const yes = regionsWhere("named");
  const unknown = [...answers.values()].find((d) => d.result === "Unknown");
  const no = (d: Decision | undefined) => {
    if (!d || d.result === "Allowed") return "no";
    if (d.result === "Unknown") return `unknown: ${d.reason}`;
    if (d.result === "ExplicitlyDenied") return `no: denied by ${d.reason}`;
    return reading === "guardrail" ? "no" : `no: ${d.reason ?? "nothing allows it"}`;
  };
  if (!yes.length) return unknown ? `unknown: ${unknown.reason}` : no(answers.get(row.key === "vpc" ? `${c.regions[0]}|named` : c.regions[0]));
  const where: string[] = [];
  if (row.key === "vpc") {
    const dims: [string, string, string[], string][] = [
      ["VPC", "another-vpc", c.vpcs, "vpc"],
      ["subnet", "another-subnet", c.subnets, "subnet"],
      ["security group", "another-group", c.groups, "group"],
    ];
    for (const [what, another, named, prefix] of dims) {
      if (yes.some((r) => allowed(`${r}|${another}`))) continue;
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

export type Direction = "widens" | "narrows" | "may widen";

/** How the answers moved between two states: wider where something is allowed now that was not. */
export function direction(before: Answers, after: Answers): Direction | undefined {
  let widens = false;
  let narrows = false;
  let unknown = false;
  for (const [key, a] of after) {
    const b = before.get(key);
    const was = b?.result === "Allowed";
    if (a.result === "Allowed" && !was) widens = true;
    if (was && a.result !== "Allowed" && a.result !== "Unknown") narrows = true;
    if (a.result === "Unknown" && !was && b?.result !== "Unknown") unknown = true;
  }
  if (widens) return "widens";
  if (unknown) return "may widen";
  if (narrows) return "narrows";
  return undefined;
}
