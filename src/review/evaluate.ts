// A small IAM policy evaluator for what a CloudShell review asks: Allow and Deny, Action and
// NotAction with wildcards, Resource and NotResource, and the condition operators CloudShell's
// controls use (String*, Arn*, Null, Bool, with ForAnyValue / ForAllValues and IfExists), on the
// context keys a review can know. Anything else (another operator, a key the request cannot know,
// a policy variable) makes the answer "Unknown" with the reason, never a guess.
// It is not the IAM simulator of the tests (@cloud-copilot/iam-simulate, AGPL-3.0, never shipped):
// test/review/differential.test.ts runs the same requests through both, and they must agree.
// Evaluation logic as AWS documents it: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html

export type Context = Record<string, string | string[]>;

export interface Request {
  action: string;
  /** An ARN, or "*" for actions without a resource type (cloudshell:CreateEnvironment). */
  resource: string;
  context: Context;
}

export interface Statement {
  Sid?: string;
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

export interface PolicyDocument {
  Version?: string;
  Statement: Statement | Statement[];
}

/** A policy as the review knows it: its document, or "unknown" when Terraform knows it only after apply. */
export interface NamedPolicy {
  name: string;
  document: PolicyDocument | "unknown";
  /** Only requests of these services are decided by the document (an AWS managed policy read in part). */
  covers?: string[];
}

export type Result = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied" | "Unknown";

export interface Decision {
  result: Result;
  /** The policy and statement that decided a denial, or why the answer is unknown. */
  reason?: string;
}

/** true, false, or unknown with the reason. */
type Tri = true | false | { unknown: string };
const isUnknown = (t: Tri): t is { unknown: string } => typeof t === "object";

/**
 * Context keys whose presence or absence a review knows for the requests it builds; a condition on
 * any other key (aws:SourceIp, aws:MultiFactorAuthPresent...) is present in real requests with values
 * no plan tells, so it makes the answer Unknown.
 */
const KNOWN_KEYS = [
  /^aws:requestedregion$/,
  /^aws:principalarn$/,
  /^aws:principaltag\/.+$/,
  /^aws:calledvia$/,
  /^aws:tagkeys$/,
  /^aws:requesttag\/.+$/,
  /^aws:resourcetag\/.+$/,
  /^ec2:createaction$/,
  /^cloudshell:(vpcids|subnetids|securitygroupids)$/,
  /^iam:policyarn$/,
  /^iam:permissionsboundary$/,
];
/** Keys that hold several values in a request (a set operator is needed to compare them). */
const MULTIVALUED = /^(aws:calledvia|aws:tagkeys|cloudshell:(vpcids|subnetids|securitygroupids))$/;

export const asList = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
export const statementsOf = (d: PolicyDocument): Statement[] => (Array.isArray(d.Statement) ? d.Statement : d.Statement ? [d.Statement] : []);

/** Glob with * and ? over the whole string. */
function glob(pattern: string, value: string, ignoreCase = false): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${re}$`, ignoreCase ? "is" : "s").test(value);
}

/** ArnLike: each of the six colon-separated parts matched on its own (the resource part keeps its colons). */
function arnLike(pattern: string, value: string): boolean {
  const split = (a: string) => {
    const parts = a.split(":");
    return parts.length < 6 ? undefined : [...parts.slice(0, 5), parts.slice(5).join(":")];
  };
  const [p, v] = [split(pattern), split(value)];
  if (!p || !v) return pattern === "*" ? true : glob(pattern, value);
  return p.every((part, i) => glob(part, v[i]));
}

const hasVariable = (s: string) => /\$\{[^}]*\}/.test(s);

function matchesAny(patterns: string[], value: string, match: (p: string, v: string) => boolean): Tri {
  for (const p of patterns) {
    if (hasVariable(p)) return { unknown: `the policy variable in "${p}" is not evaluated` };
    if (match(p, value)) return true;
  }
  return false;
}

/** One value against the policy's values with a base operator (no set prefix, no IfExists). */
function compareOne(base: string, policyValues: string[], value: string): Tri {
  const positive = base.replace(/Not/, "");
  const negated = positive !== base;
  let matched: Tri;
  switch (positive) {
    case "StringEquals":
    case "ArnEquals":
      matched = matchesAny(policyValues, value, (p, v) => p === v);
      break;
    case "StringEqualsIgnoreCase":
      matched = matchesAny(policyValues, value, (p, v) => p.toLowerCase() === v.toLowerCase());
      break;
    case "StringLike":
      matched = matchesAny(policyValues, value, (p, v) => glob(p, v));
      break;
    case "ArnLike":
      matched = matchesAny(policyValues, value, arnLike);
      break;
    case "Bool":
      matched = matchesAny(policyValues, value, (p, v) => p.toLowerCase() === v.toLowerCase());
      break;
    default:
      return { unknown: `the condition operator ${base} is not evaluated` };
  }
  if (isUnknown(matched)) return matched;
  return negated ? !matched : matched;
}

const NEGATED = /^(StringNot|ArnNot)/;

/** One condition operator and key: IAM's rules for absent keys, set operators and IfExists. */
function conditionHolds(operator: string, key: string, policyValue: unknown, context: Context): Tri {
  const lowerKey = key.toLowerCase();
  if (!KNOWN_KEYS.some((k) => k.test(lowerKey))) return { unknown: `the condition on ${key} depends on the request, which a plan does not show` };
  const entry = Object.entries(context).find(([k]) => k.toLowerCase() === lowerKey);
  const values = entry ? asList(entry[1]) : [];
  const present = values.length > 0;
  const policyValues = asList(policyValue);
  const [prefix, rest] = operator.includes(":") ? (operator.split(":", 2) as [string, string]) : ["", operator];
  const ifExists = rest.endsWith("IfExists");
  const base = ifExists ? rest.slice(0, -"IfExists".length) : rest;

  if (base === "Null") {
    if (prefix) return { unknown: `${operator} is not evaluated` };
    const wantsAbsent = policyValues.map((v) => v.toLowerCase());
    return wantsAbsent.includes(present ? "false" : "true");
  }
  if (prefix === "ForAnyValue" || prefix === "ForAllValues") {
    if (!present) return prefix === "ForAllValues" || ifExists;
    const each = values.map((v) => compareOne(base, policyValues, v));
    const unknown = each.find(isUnknown);
    if (unknown) return unknown;
    return prefix === "ForAnyValue" ? each.some((x) => x === true) : each.every((x) => x === true);
  }
  if (prefix) return { unknown: `the set operator ${prefix} is not evaluated` };
  if (!present) return ifExists || NEGATED.test(base);
  if (MULTIVALUED.test(lowerKey) || values.length > 1) {
    return { unknown: `${operator} compares the multivalued key ${key} without ForAnyValue or ForAllValues` };
  }
  return compareOne(base, policyValues, values[0]);
}

function conditionsHold(condition: Statement["Condition"], context: Context): Tri {
  let unknown: { unknown: string } | undefined;
  for (const [operator, keys] of Object.entries(condition ?? {})) {
    for (const [key, value] of Object.entries(keys ?? {})) {
      const holds = conditionHolds(operator, key, value, context);
      if (holds === false) return false;
      if (isUnknown(holds)) unknown ??= holds;
    }
  }
  return unknown ?? true;
}

/** Whether a statement applies to the request (its Effect aside). */
export function statementMatches(s: Statement, request: Request): Tri {
  const actionMatch = (patterns: string[]) => patterns.some((p) => glob(p, request.action, true));
  if (s.Action !== undefined && !actionMatch(asList(s.Action))) return false;
  if (s.NotAction !== undefined && actionMatch(asList(s.NotAction))) return false;
  if (s.Action === undefined && s.NotAction === undefined) return false;
  const resourceMatch = (patterns: string[]) => matchesAny(patterns, request.resource, (p, v) => glob(p, v));
  if (s.Resource !== undefined) {
    const m = resourceMatch(asList(s.Resource));
    if (m !== true) return m;
  }
  if (s.NotResource !== undefined) {
    const m = resourceMatch(asList(s.NotResource));
    if (isUnknown(m)) return m;
    if (m) return false;
  }
  return conditionsHold(s.Condition, request.context);
}

interface Verdict {
  allows: Tri;
  denies: Tri;
  /** The first statement that definitely denies: "<policy> (<Sid>)". */
  deniedBy?: string;
}

/** Allow and Deny of a set of policies of one kind. */
function verdictOf(policies: NamedPolicy[], request: Request): Verdict {
  let allows: Tri = false;
  let denies: Tri = false;
  let deniedBy: string | undefined;
  for (const p of policies) {
    const service = request.action.split(":")[0].toLowerCase();
    if (p.document === "unknown" || (p.covers && !p.covers.includes(service))) {
      const u = { unknown: p.document === "unknown" ? `${p.name} is known only after apply` : `what ${p.name} grants for ${service} is not known to this review` };
      if (allows !== true) allows = u;
      if (denies !== true) denies = u;
      continue;
    }
    for (const s of statementsOf(p.document)) {
      const m = statementMatches(s, request);
      if (m === false) continue;
      if (s.Effect === "Deny") {
        if (m === true && denies !== true) {
          denies = true;
          deniedBy = s.Sid ? `${s.Sid} in ${p.name}` : p.name;
        } else if (isUnknown(m) && denies === false) denies = m;
      } else if (s.Effect === "Allow") {
        if (m === true) allows = true;
        else if (allows === false) allows = m;
      }
    }
  }
  return { allows, denies, deniedBy };
}

export interface PolicySet {
  /** Identity policies: inline, managed, a permission set's. */
  identity: NamedPolicy[];
  /** Permissions boundaries: each must allow too. */
  boundaries?: NamedPolicy[];
  /** SCPs of the accounts' organization units; FullAWSAccess is taken to stay attached, so only their Deny statements count. */
  scps?: NamedPolicy[];
}

/**
 * IAM's decision for one principal's request in one account: an explicit Deny anywhere wins; else
 * the identity policies must allow, and so must every boundary.
 */
export function decide(request: Request, set: PolicySet): Decision {
  const identity = verdictOf(set.identity, request);
  const boundaries = (set.boundaries ?? []).map((b) => verdictOf([b], request));
  const scps = (set.scps ?? []).map((p) => verdictOf([p], request));
  const all = [identity, ...boundaries, ...scps];
  const denied = all.find((v) => v.denies === true);
  if (denied) return { result: "ExplicitlyDenied", reason: denied.deniedBy };
  const allowing = [identity, ...boundaries];
  if (allowing.some((v) => v.allows === false)) {
    const boundary = boundaries.findIndex((v) => v.allows === false);
    return { result: "ImplicitlyDenied", reason: identity.allows === false ? "nothing allows it" : `outside the boundary ${set.boundaries![boundary].name}` };
  }
  const unknown = [...all.map((v) => v.denies), ...allowing.map((v) => v.allows)].find(isUnknown);
  if (unknown) return { result: "Unknown", reason: unknown.unknown };
  return { result: "Allowed" };
}

/** Several requests that must all be allowed (one console feature): any denial denies, explicit first. */
export function decideAll(requests: Request[], set: PolicySet): Decision {
  const decisions = requests.map((r) => decide(r, set));
  return (
    decisions.find((d) => d.result === "ExplicitlyDenied") ??
    decisions.find((d) => d.result === "ImplicitlyDenied") ??
    decisions.find((d) => d.result === "Unknown") ?? { result: "Allowed" }
  );
}
