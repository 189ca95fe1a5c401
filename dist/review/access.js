// Generated from src/review/access.ts by npm run review:compile; do not edit.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.regionsNamed = exports.policySize = void 0;
exports.parsePolicy = parsePolicy;
exports.touchesCloudShell = touchesCloudShell;
exports.accessOf = accessOf;
exports.valuesNamed = valuesNamed;
// Who holds which policy, in one state of the world (before or after the change): IAM roles, users
// and groups with their inline, managed and boundary policies; IAM Identity Center permission sets;
// service control policies by target; policy documents the root module outputs. Policies are tied
// to principals by known ARNs and names, else by the configuration's references.
const limits_1 = require("../facts/limits");
const managed_policies_1 = require("../facts/managed-policies");
const evaluate_1 = require("./evaluate");
const links_1 = require("./links");
const requests_1 = require("./requests");
const plan_1 = require("./plan");
const QUOTA = {
    managed: { limit: limits_1.POLICY_SIZE_LIMITS.managed, whitespace: false, what: "managed policy" },
    role: { limit: limits_1.POLICY_SIZE_LIMITS.inline_role, whitespace: false, what: "a role's inline policies" },
    user: { limit: limits_1.POLICY_SIZE_LIMITS.inline_user, whitespace: false, what: "a user's inline policies" },
    group: { limit: limits_1.POLICY_SIZE_LIMITS.inline_group, whitespace: false, what: "a group's inline policies" },
    scp: { limit: limits_1.POLICY_SIZE_LIMITS.scp, whitespace: true, what: "SCP" },
    rcp: { limit: limits_1.POLICY_SIZE_LIMITS.rcp, whitespace: true, what: "RCP" },
};
/** Reads policy JSON; a document that is not one is kept as unreadable, never dropped. */
function parsePolicy(text) {
    if (text === "unknown")
        return { document: "unknown" };
    if (typeof text !== "string")
        return { document: "unknown", unreadable: "no policy JSON" };
    try {
        const d = JSON.parse(text);
        if (!d || typeof d !== "object" || !("Statement" in d))
            return { document: { Statement: [] }, text, unreadable: "JSON without a Statement" };
        return { document: d, text };
    }
    catch (e) {
        return { document: { Statement: [] }, text, unreadable: `not JSON: ${e.message}` };
    }
}
/** IAM does not count whitespace in identity policies; an SCP saved through the API counts every character. */
const policySize = (text, whitespace) => (whitespace ? text.length : text.replace(/\s/g, "").length);
exports.policySize = policySize;
const CLOUDSHELL_ACTION = "cloudshell:CreateEnvironment";
/** Whether a document can grant or deny a CloudShell action (cloudshell:*, "*", NotAction...). */
function touchesCloudShell(d) {
    if (d === "unknown")
        return true;
    const matches = (patterns) => patterns.some((p) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i").test(CLOUDSHELL_ACTION) || /^cloudshell:/i.test(p));
    return (0, evaluate_1.statementsOf)(d).some((s) => (s.Action !== undefined && matches((0, evaluate_1.asList)(s.Action))) || (s.NotAction !== undefined && !(0, evaluate_1.asList)(s.NotAction).some((p) => /^(\*|cloudshell:\*)$/i.test(p))));
}
function accessOf(world, config) {
    const principals = new Map();
    const targets = new Map();
    const held = new Set();
    const policies = [];
    const byType = (type) => world.resources.filter((r) => r.type === type && r.mode === "managed");
    /** Without a configuration (a plan put together from snapshots): the one resource of a type in the holder's module instance, if there is exactly one. */
    const sameModuleOnly = (holder, type) => {
        const found = world.resources.filter((r) => r.module === holder.module && r.type === type && r.mode === "managed");
        return found.length === 1 ? found : [];
    };
    const principal = (kind, name, resource) => {
        const key = name ? `${kind}/${name}` : `${kind}/${resource?.address}`;
        let p = principals.get(key);
        if (!p) {
            const label = name ? `${kind} ${name}` : `${kind} ${resource?.address} (name known after apply)`;
            p = { key, kind, label, identity: [], boundaries: [], tags: {} };
            if (name && kind !== "permission set" && kind !== "group")
                p.arnPath = `${kind}/${name}`;
            principals.set(key, p);
        }
        return p;
    };
    const fromResource = (r, attr, kind, quota, suffix = "", value = (0, plan_1.attribute)(r, attr)) => {
        const parsed = parsePolicy(value);
        const known = (0, plan_1.knownString)(r, "name");
        const label = `${kind} ${known && !suffix ? known : `${r.address}${suffix}`}`;
        const policy = { id: `${r.address}${suffix}`, name: label, kind, ...parsed, resource: r, attribute: attr, quota };
        return policy;
    };
    // Customer managed policies, by address and by known ARN and name.
    const managed = byType("aws_iam_policy").map((r) => {
        const p = fromResource(r, "policy", "managed policy", QUOTA.managed);
        p.arn = (0, plan_1.knownString)(r, "arn");
        policies.push(p);
        return { resource: r, policy: p };
    });
    const awsManaged = (arn) => {
        const name = (0, managed_policies_1.managedPolicyName)(arn);
        const fact = managed_policies_1.MANAGED_POLICIES[name];
        return {
            id: arn,
            name: `AWS managed ${name}`,
            kind: "managed policy",
            arn,
            document: fact ? { Statement: fact.statements } : "unknown",
            covers: fact?.covers,
            ...(fact ? {} : { unreadable: "an AWS managed policy this review does not know" }),
        };
    };
    /** The policy an ARN names: this plan's, an AWS managed one, or one outside the plan (unknown). */
    const policyByArn = (arn, holder, attr) => {
        if (typeof arn === "string" && arn !== "unknown") {
            if ((0, managed_policies_1.managedPolicyName)(arn))
                return [awsManaged(arn)];
            const found = managed.find((m) => m.policy.arn === arn);
            if (found)
                return [found.policy];
            return [{ id: arn, name: `policy ${arn} (not in this plan)`, kind: "managed policy", arn, document: "unknown", unreadable: "a policy outside this plan" }];
        }
        const linked = (0, links_1.resolve)(config, world, holder.module, (0, plan_1.referencesOf)(config, holder, attr)).filter((r) => r.type === "aws_iam_policy");
        const candidates = linked.length || config ? linked : managed.filter((m) => m.resource.module === holder.module).map((m) => m.resource);
        const found = managed.filter((m) => candidates.includes(m.resource)).map((m) => m.policy);
        if (found.length === 1 || (found.length > 1 && linked.length))
            return found;
        return [{ id: `${holder.address}.${attr}`, name: `the policy ${holder.address} attaches (known after apply)`, kind: "managed policy", document: "unknown", resource: holder, attribute: attr }];
    };
    const attach = (p, list, as = "identity") => {
        for (const policy of list) {
            if (!p[as].some((x) => x.id === policy.id))
                p[as].push(policy);
            held.add(policy.id);
        }
    };
    /** Whether the configuration sets an attribute (a computed one left unset is unknown, not chosen; without a configuration, taken as unset). */
    const configured = (r, attr) => Boolean((0, plan_1.configResource)(config, r)?.expressions?.[attr]);
    /** A principal an attribute names: by its known name, else the resource its reference leads to. */
    const named = (kind, holder, attr) => {
        const name = (0, plan_1.knownString)(holder, attr);
        if (name)
            return principal(kind, name);
        const [target] = config
            ? (0, links_1.resolve)(config, world, holder.module, (0, plan_1.referencesOf)(config, holder, attr)).filter((r) => r.type === `aws_iam_${kind}`)
            : sameModuleOnly(holder, `aws_iam_${kind}`);
        return target ? principal(kind, (0, plan_1.knownString)(target, "name"), target) : principal(kind, undefined, holder);
    };
    // Roles, users and groups created here: their names, tags, inline policies, boundaries.
    for (const kind of ["role", "user", "group"]) {
        for (const r of byType(`aws_iam_${kind}`)) {
            const p = principal(kind, (0, plan_1.knownString)(r, "name"), r);
            const path = (0, plan_1.knownString)(r, "path") ?? "/";
            if (p.arnPath)
                p.arnPath = `${kind}${path}${(0, plan_1.knownString)(r, "name")}`;
            const tags = (0, plan_1.attribute)(r, "tags");
            if (tags && typeof tags === "object")
                p.tags = Object.fromEntries(Object.entries(tags).filter(([, v]) => typeof v === "string"));
            const inline = (0, plan_1.attribute)(r, "inline_policy");
            if (Array.isArray(inline)) {
                inline.forEach((block, i) => {
                    const policy = fromResource(r, "inline_policy", "inline policy", QUOTA[kind], ` inline_policy ${block.name ?? i}`, block.policy);
                    policies.push(policy);
                    attach(p, [policy]);
                });
            }
            else if (inline === "unknown" && configured(r, "inline_policy")) {
                attach(p, [fromResource(r, "inline_policy", "inline policy", QUOTA[kind])]);
            }
            const arns = (0, plan_1.attribute)(r, "managed_policy_arns");
            if (Array.isArray(arns))
                for (const arn of arns)
                    attach(p, policyByArn(arn, r, "managed_policy_arns"));
            else if (arns === "unknown" && configured(r, "managed_policy_arns"))
                attach(p, policyByArn("unknown", r, "managed_policy_arns"));
            const boundary = (0, plan_1.attribute)(r, "permissions_boundary");
            if (boundary === "unknown" || (typeof boundary === "string" && boundary))
                attach(p, policyByArn(boundary, r, "permissions_boundary"), "boundaries");
        }
        // Inline policies of their own resource.
        for (const r of byType(`aws_iam_${kind}_policy`)) {
            const policy = fromResource(r, "policy", "inline policy", QUOTA[kind]);
            policies.push(policy);
            attach(named(kind, r, kind), [policy]);
        }
        for (const r of byType(`aws_iam_${kind}_policy_attachment`))
            attach(named(kind, r, kind), policyByArn((0, plan_1.attribute)(r, "policy_arn"), r, "policy_arn"));
    }
    for (const r of byType("aws_iam_policy_attachment")) {
        const list = policyByArn((0, plan_1.attribute)(r, "policy_arn"), r, "policy_arn");
        for (const kind of ["role", "user", "group"]) {
            const names = (0, plan_1.attribute)(r, `${kind}s`);
            if (Array.isArray(names))
                for (const n of names)
                    attach(principal(kind, String(n)), list);
            else if (names === "unknown")
                attach(principal(kind, undefined, r), list);
        }
    }
    // IAM Identity Center: the permission set's policies become the role's in every account it is assigned to.
    const sets = byType("aws_ssoadmin_permission_set");
    const setOf = (holder) => {
        const arn = (0, plan_1.knownString)(holder, "permission_set_arn");
        const target = (arn && sets.find((s) => (0, plan_1.knownString)(s, "arn") === arn)) ||
            (config ? (0, links_1.resolve)(config, world, holder.module, (0, plan_1.referencesOf)(config, holder, "permission_set_arn")).find((r) => r.type === "aws_ssoadmin_permission_set") : sameModuleOnly(holder, "aws_ssoadmin_permission_set")[0]);
        if (target)
            return principal("permission set", (0, plan_1.knownString)(target, "name") ?? undefined, target);
        return principal("permission set", arn, holder);
    };
    for (const s of sets)
        principal("permission set", (0, plan_1.knownString)(s, "name"), s);
    for (const r of byType("aws_ssoadmin_permission_set_inline_policy")) {
        const policy = fromResource(r, "inline_policy", "permission set policy", { ...QUOTA.role, what: "inline policy (a role's, in each account)" });
        const set = setOf(r);
        policy.name = `inline policy of ${set.label}`;
        policies.push(policy);
        attach(set, [policy]);
    }
    for (const r of byType("aws_ssoadmin_managed_policy_attachment"))
        attach(setOf(r), policyByArn((0, plan_1.attribute)(r, "managed_policy_arn"), r, "managed_policy_arn"));
    /** A customer managed policy a permission set names: the policy of that name in each account (this plan's, if it has one). */
    const byName = (holder, reference) => {
        const ref = (Array.isArray(reference) ? reference[0] : reference);
        const found = managed.find((m) => ref?.name && (0, plan_1.knownString)(m.resource, "name") === ref.name);
        if (found)
            return [found.policy];
        return [{ id: `${holder.address}:${ref?.name ?? "?"}`, name: `customer managed policy ${ref?.name ?? "(known after apply)"} (not in this plan)`, kind: "managed policy", document: "unknown", unreadable: "a policy outside this plan" }];
    };
    for (const r of byType("aws_ssoadmin_customer_managed_policy_attachment"))
        attach(setOf(r), byName(r, (0, plan_1.attribute)(r, "customer_managed_policy_reference")));
    for (const r of byType("aws_ssoadmin_permissions_boundary_attachment")) {
        const b = (0, plan_1.attribute)(r, "permissions_boundary")?.[0];
        attach(setOf(r), b?.managed_policy_arn ? policyByArn(b.managed_policy_arn, r, "permissions_boundary") : byName(r, b?.customer_managed_policy_reference), "boundaries");
    }
    // Service and resource control policies, and their targets.
    const organizationPolicies = (type, kind, quota) => byType("aws_organizations_policy")
        .filter((r) => ((0, plan_1.knownString)(r, "type") ?? "SERVICE_CONTROL_POLICY") === type)
        .map((r) => {
        const p = fromResource(r, "content", kind, quota);
        policies.push(p);
        return { resource: r, policy: p };
    });
    const scps = organizationPolicies("SERVICE_CONTROL_POLICY", "SCP", QUOTA.scp);
    const rcps = organizationPolicies("RESOURCE_CONTROL_POLICY", "RCP", QUOTA.rcp);
    for (const r of byType("aws_organizations_policy_attachment")) {
        const id = (0, plan_1.knownString)(r, "policy_id");
        const linked = id ? [] : (0, links_1.resolve)(config, world, r.module, (0, plan_1.referencesOf)(config, r, "policy_id"));
        const attachedOf = (list) => list.filter((s) => (id ? (0, plan_1.knownString)(s.resource, "id") === id : linked.includes(s.resource) || (!config && s.resource.module === r.module))).map((s) => s.policy);
        const [attachedScps, attachedRcps] = [attachedOf(scps), attachedOf(rcps)];
        if (!attachedScps.length && !attachedRcps.length && id)
            continue; // another kind of policy (a tag or backup policy), or one outside this plan
        const target = (0, plan_1.knownString)(r, "target_id") ?? `(known after apply: ${r.address})`;
        const t = targets.get(target) ?? { id: target, scps: [], rcps: [] };
        for (const p of attachedScps)
            if (!t.scps.includes(p))
                t.scps.push(p);
        for (const p of attachedRcps)
            if (!t.rcps.includes(p))
                t.rcps.push(p);
        [...attachedScps, ...attachedRcps].forEach((p) => held.add(p.id));
        targets.set(target, t);
    }
    // Policy documents the root module outputs (a JSON string, or a list of them).
    const documents = [];
    for (const [name, o] of world.outputs) {
        if (o.unknown)
            continue;
        const values = Array.isArray(o.value) ? o.value.map((v, i) => [`${name}[${i}]`, v]) : [[name, o.value]];
        for (const [label, v] of values) {
            if (typeof v !== "string" || !/^\s*\{/.test(v))
                continue;
            const parsed = parsePolicy(v);
            if (parsed.unreadable || !touchesCloudShell(parsed.document))
                continue;
            // The same JSON as a policy this plan creates is that policy, reviewed as such.
            if (policies.some((p) => p.text !== undefined && p.text === v))
                continue;
            documents.push({ id: `output.${label}`, name: `output ${label}`, kind: "document", ...parsed });
        }
    }
    const all = [...policies, ...documents];
    const partition = all.map((p) => p.text ?? "").join(" ").match(/arn:(aws-[a-z-]+):/)?.[1] ?? "aws";
    return {
        principals: [...principals.values()].filter((p) => p.identity.length || p.boundaries.length).sort((a, b) => a.key.localeCompare(b.key)),
        targets: [...targets.values()].sort((a, b) => a.id.localeCompare(b.id)),
        // An RCP attached nowhere does nothing, and it grants or denies no CloudShell feature: left out.
        unattached: policies.filter((p) => !held.has(p.id) && p.kind !== "RCP" && (p.document === "unknown" || touchesCloudShell(p.document))),
        documents,
        partition,
    };
}
/** Operators whose values are values of the key (not Null's "true", not Bool's). */
const COMPARES_VALUES = /(String|Arn)[A-Za-z]*(IfExists)?$/;
/** Values that conditions on a key (cloudshell:VpcIds, aws:RequestedRegion...) compare with, in these policies. */
function valuesNamed(policies, key) {
    const found = new Set();
    for (const p of policies) {
        if (p.document === "unknown")
            continue;
        for (const s of (0, evaluate_1.statementsOf)(p.document)) {
            for (const [operator, keys] of Object.entries(s.Condition ?? {})) {
                if (!COMPARES_VALUES.test(operator))
                    continue;
                for (const [k, v] of Object.entries(keys ?? {}))
                    if (k.toLowerCase() === key.toLowerCase())
                        (0, evaluate_1.asList)(v).forEach((x) => found.add(x));
            }
        }
    }
    return [...found].sort();
}
/** Regions named by aws:RequestedRegion conditions in these policies, and one no policy names. */
const regionsNamed = (policies) => [...valuesNamed(policies, "aws:RequestedRegion"), requests_1.ANOTHER_REGION];
exports.regionsNamed = regionsNamed;
