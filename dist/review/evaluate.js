// Generated from src/review/evaluate.ts by npm run review:compile; do not edit.
"use strict";
// A small IAM policy evaluator for what a CloudShell review asks: Allow and Deny, Action and
// NotAction with wildcards, Resource and NotResource, and the condition operators CloudShell's
// controls use (String*, Arn*, Null, Bool, with ForAnyValue / ForAllValues and IfExists), on the
// context keys a review can know. Anything else (another operator, a key the request cannot know,
// a policy variable) makes the answer "Unknown" with the reason, never a guess.
// It is not the IAM simulator of the tests (@cloud-copilot/iam-simulate, AGPL-3.0, never shipped):
// test/review/differential.test.ts runs the same requests through both, and they must agree.
// Evaluation logic as AWS documents it: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
Object.defineProperty(exports, "__esModule", { value: true });
exports.statementsOf = exports.asList = void 0;
exports.statementMatches = statementMatches;
exports.decide = decide;
exports.decideAll = decideAll;
const isUnknown = (t) => typeof t === "object";
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
const asList = (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
exports.asList = asList;
const statementsOf = (d) => (Array.isArray(d.Statement) ? d.Statement : d.Statement ? [d.Statement] : []);
exports.statementsOf = statementsOf;
/** Glob with * and ? over the whole string. */
function glob(pattern, value, ignoreCase = false) {
    const re = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    return new RegExp(`^${re}$`, ignoreCase ? "is" : "s").test(value);
}
/** ArnLike: each of the six colon-separated parts matched on its own (the resource part keeps its colons). */
function arnLike(pattern, value) {
    const split = (a) => {
        const parts = a.split(":");
        return parts.length < 6 ? undefined : [...parts.slice(0, 5), parts.slice(5).join(":")];
    };
    const [p, v] = [split(pattern), split(value)];
    if (!p || !v)
        return pattern === "*" ? true : glob(pattern, value);
    return p.every((part, i) => glob(part, v[i]));
}
const hasVariable = (s) => /\$\{[^}]*\}/.test(s);
function matchesAny(patterns, value, match) {
    for (const p of patterns) {
        if (hasVariable(p))
            return { unknown: `the policy variable in "${p}" is not evaluated` };
        if (match(p, value))
            return true;
    }
    return false;
}
/** One value against the policy's values with a base operator (no set prefix, no IfExists). */
function compareOne(base, policyValues, value) {
    const positive = base.replace(/Not/, "");
    const negated = positive !== base;
    let matched;
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
    if (isUnknown(matched))
        return matched;
    return negated ? !matched : matched;
}
const NEGATED = /^(StringNot|ArnNot)/;
/** One condition operator and key: IAM's rules for absent keys, set operators and IfExists. */
function conditionHolds(operator, key, policyValue, context) {
    const lowerKey = key.toLowerCase();
    if (!KNOWN_KEYS.some((k) => k.test(lowerKey)))
        return { unknown: `the condition on ${key} depends on the request, which a plan does not show` };
    const entry = Object.entries(context).find(([k]) => k.toLowerCase() === lowerKey);
    const values = entry ? (0, exports.asList)(entry[1]) : [];
    const present = values.length > 0;
    const policyValues = (0, exports.asList)(policyValue);
    const [prefix, rest] = operator.includes(":") ? operator.split(":", 2) : ["", operator];
    const ifExists = rest.endsWith("IfExists");
    const base = ifExists ? rest.slice(0, -"IfExists".length) : rest;
    if (base === "Null") {
        if (prefix)
            return { unknown: `${operator} is not evaluated` };
        const wantsAbsent = policyValues.map((v) => v.toLowerCase());
        return wantsAbsent.includes(present ? "false" : "true");
    }
    if (prefix === "ForAnyValue" || prefix === "ForAllValues") {
        if (!present)
            return prefix === "ForAllValues" || ifExists;
        const each = values.map((v) => compareOne(base, policyValues, v));
        const unknown = each.find(isUnknown);
        if (unknown)
            return unknown;
        return prefix === "ForAnyValue" ? each.some((x) => x === true) : each.every((x) => x === true);
    }
    if (prefix)
        return { unknown: `the set operator ${prefix} is not evaluated` };
    if (!present)
        return ifExists || NEGATED.test(base);
    if (MULTIVALUED.test(lowerKey) || values.length > 1) {
        return { unknown: `${operator} compares the multivalued key ${key} without ForAnyValue or ForAllValues` };
    }
    return compareOne(base, policyValues, values[0]);
}
function conditionsHold(condition, context) {
    let unknown;
    for (const [operator, keys] of Object.entries(condition ?? {})) {
        for (const [key, value] of Object.entries(keys ?? {})) {
            const holds = conditionHolds(operator, key, value, context);
            if (holds === false)
                return false;
            if (isUnknown(holds))
                unknown ??= holds;
        }
    }
    return unknown ?? true;
}
/** Whether a statement applies to the request (its Effect aside). */
function statementMatches(s, request) {
    const actionMatch = (patterns) => patterns.some((p) => glob(p, request.action, true));
    if (s.Action !== undefined && !actionMatch((0, exports.asList)(s.Action)))
        return false;
    if (s.NotAction !== undefined && actionMatch((0, exports.asList)(s.NotAction)))
        return false;
    if (s.Action === undefined && s.NotAction === undefined)
        return false;
    const resourceMatch = (patterns) => matchesAny(patterns, request.resource, (p, v) => glob(p, v));
    if (s.Resource !== undefined) {
        const m = resourceMatch((0, exports.asList)(s.Resource));
        if (m !== true)
            return m;
    }
    if (s.NotResource !== undefined) {
        const m = resourceMatch((0, exports.asList)(s.NotResource));
        if (isUnknown(m))
            return m;
        if (m)
            return false;
    }
    return conditionsHold(s.Condition, request.context);
}
/** Allow and Deny of a set of policies of one kind. */
function verdictOf(policies, request) {
    let allows = false;
    let denies = false;
    let deniedBy;
    for (const p of policies) {
        const service = request.action.split(":")[0].toLowerCase();
        if (p.document === "unknown" || (p.covers && !p.covers.includes(service))) {
            const u = { unknown: p.document === "unknown" ? `${p.name} is known only after apply` : `what ${p.name} grants for ${service} is not known to this review` };
            if (allows !== true)
                allows = u;
            if (denies !== true)
                denies = u;
            continue;
        }
        for (const s of (0, exports.statementsOf)(p.document)) {
            const m = statementMatches(s, request);
            if (m === false)
                continue;
            if (s.Effect === "Deny") {
                if (m === true && denies !== true) {
                    denies = true;
                    deniedBy = s.Sid ? `${s.Sid} in ${p.name}` : p.name;
                }
                else if (isUnknown(m) && denies === false)
                    denies = m;
            }
            else if (s.Effect === "Allow") {
                if (m === true)
                    allows = true;
                else if (allows === false)
                    allows = m;
            }
        }
    }
    return { allows, denies, deniedBy };
}
/**
 * IAM's decision for one principal's request in one account: an explicit Deny anywhere wins; else
 * the identity policies must allow, and so must every boundary.
 */
function decide(request, set) {
    const identity = verdictOf(set.identity, request);
    const boundaries = (set.boundaries ?? []).map((b) => verdictOf([b], request));
    const scps = (set.scps ?? []).map((p) => verdictOf([p], request));
    const all = [identity, ...boundaries, ...scps];
    const denied = all.find((v) => v.denies === true);
    if (denied)
        return { result: "ExplicitlyDenied", reason: denied.deniedBy };
    const allowing = [identity, ...boundaries];
    if (allowing.some((v) => v.allows === false)) {
        const boundary = boundaries.findIndex((v) => v.allows === false);
        return { result: "ImplicitlyDenied", reason: identity.allows === false ? "nothing allows it" : `outside the boundary ${set.boundaries[boundary].name}` };
    }
    const unknown = [...all.map((v) => v.denies), ...allowing.map((v) => v.allows)].find(isUnknown);
    if (unknown)
        return { result: "Unknown", reason: unknown.unknown };
    return { result: "Allowed" };
}
/** Several requests that must all be allowed (one console feature): any denial denies, explicit first. */
function decideAll(requests, set) {
    const decisions = requests.map((r) => decide(r, set));
    return (decisions.find((d) => d.result === "ExplicitlyDenied") ??
        decisions.find((d) => d.result === "ImplicitlyDenied") ??
        decisions.find((d) => d.result === "Unknown") ?? { result: "Allowed" });
}
