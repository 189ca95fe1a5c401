// Generated from src/review/plan.ts by npm run review:compile; do not edit.
"use strict";
// A Terraform plan as JSON (`terraform show -json <planfile>`, format 1.x), read into what a review
// compares: the resources and outputs before the change and after it, what is known only after apply,
// and the configuration (module calls, expressions and their references). Anything else is bad input,
// named with what was expected.
// Format: https://developer.hashicorp.com/terraform/internals/json-format
Object.defineProperty(exports, "__esModule", { value: true });
exports.modulePath = exports.BadInput = void 0;
exports.parseAddress = parseAddress;
exports.readPlan = readPlan;
exports.attribute = attribute;
exports.knownString = knownString;
exports.configModule = configModule;
exports.configResource = configResource;
exports.referencesOf = referencesOf;
/** Input the review cannot read: the message says what it got and what it takes. */
class BadInput extends Error {
    constructor(message) {
        super(message);
        this.name = "BadInput";
    }
}
exports.BadInput = BadInput;
const ACCEPTED = "Give the JSON of a saved plan: `terraform plan -out=plan.out` then `terraform show -json plan.out`.";
/** "module.a[\"k\"].aws_x.y[0]" -> its module instance, type, name and index. */
function parseAddress(address) {
    const m = /^((?:module\.[^.[]+(?:\[[^\]]*\])?\.)*)(data\.)?([^.[]+)\.([^.[]+)(?:\[(.*)\])?$/.exec(address);
    if (!m)
        return { module: "", mode: "managed", type: "", name: address };
    const index = m[5] === undefined ? undefined : /^\d+$/.test(m[5]) ? Number(m[5]) : JSON.parse(m[5]);
    return { module: m[1].replace(/\.$/, ""), mode: m[2] ? "data" : "managed", type: m[3], name: m[4], index };
}
function checkShape(plan, source) {
    if (!plan || typeof plan !== "object" || Array.isArray(plan))
        throw new BadInput(`${source} is not a Terraform plan: it is JSON but not an object. ${ACCEPTED}`);
    const p = plan;
    if (typeof p["@level"] === "string" || typeof p["@message"] === "string") {
        throw new BadInput(`${source} is the log of \`terraform plan -json\`, not a plan. ${ACCEPTED}`);
    }
    if (typeof p.format_version !== "string")
        throw new BadInput(`${source} is not a Terraform plan: it has no format_version. ${ACCEPTED}`);
    const major = p.format_version.split(".")[0];
    if (major !== "1") {
        throw new BadInput(`${source} has format_version ${p.format_version}; this review reads plans of format 1.x (Terraform 1.x writes them). Use Terraform 1.x, or a release of this review that reads format ${major}.`);
    }
    if (!("planned_values" in p) && !("resource_changes" in p) && !("output_changes" in p)) {
        const what = "values" in p ? "a state (`terraform show -json` without a plan file)" : "not a plan";
        throw new BadInput(`${source} is ${what}: it has no planned_values or resource_changes. ${ACCEPTED}`);
    }
}
/** Reads a plan's JSON text; `source` names it in messages (a path, or standard input). */
function readPlan(text, source) {
    if (!text.trim())
        throw new BadInput(`${source} is empty. ${ACCEPTED}`);
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (e) {
        const firstLine = text.split("\n")[0];
        const log = (() => {
            try {
                return typeof JSON.parse(firstLine)["@level"] === "string";
            }
            catch {
                return false;
            }
        })();
        if (log)
            throw new BadInput(`${source} is the log of \`terraform plan -json\`, not a plan. ${ACCEPTED}`);
        throw new BadInput(`${source} is not JSON (${e.message}). ${ACCEPTED}`);
    }
    checkShape(parsed, source);
    const changes = parsed.resource_changes ?? [];
    if (!Array.isArray(changes) || changes.some((c) => !c || typeof c.address !== "string" || !c.change || !Array.isArray(c.change.actions))) {
        throw new BadInput(`${source} has resource_changes that are not Terraform's (each needs an address and change.actions). ${ACCEPTED}`);
    }
    const before = [];
    const after = [];
    const actions = new Map();
    for (const c of changes) {
        const parsedAddress = parseAddress(c.address);
        const base = {
            address: c.address,
            module: c.module_address ?? parsedAddress.module,
            mode: c.mode ?? parsedAddress.mode,
            type: c.type ?? parsedAddress.type,
            name: c.name ?? parsedAddress.name,
            index: c.index ?? parsedAddress.index,
        };
        actions.set(c.address, c.change.actions);
        if (c.change.before)
            before.push({ ...base, values: c.change.before, unknown: c.change.before_unknown ?? {} });
        const unknown = c.change.after_unknown && typeof c.change.after_unknown === "object" ? c.change.after_unknown : {};
        const deleted = c.change.actions.length === 1 && c.change.actions[0] === "delete";
        if (!deleted && (c.change.after || Object.keys(unknown).length)) {
            after.push({ ...base, values: c.change.after ?? {}, unknown });
        }
    }
    const outputChanges = parsed.output_changes ?? {};
    const outputs = (which) => new Map(Object.entries(outputChanges)
        .filter(([, o]) => (which === "before" ? o.before !== undefined && o.before !== null && !o.actions?.includes("create") : !(o.actions?.length === 1 && o.actions[0] === "delete")))
        .map(([k, o]) => [k, which === "before" ? { value: o.before, unknown: false } : { value: o.after, unknown: o.after_unknown === true }]));
    const config = parsed.configuration?.root_module;
    return {
        formatVersion: parsed.format_version,
        terraformVersion: typeof parsed.terraform_version === "string" ? parsed.terraform_version : undefined,
        before: { resources: before, outputs: outputs("before") },
        after: { resources: after, outputs: outputs("after") },
        actions,
        config,
    };
}
/** A known value of an attribute, or "unknown" when Terraform knows it only after apply. */
function attribute(r, name) {
    if (r.unknown[name] === true)
        return "unknown";
    return r.values[name];
}
/** A known string attribute, or undefined (unknown or absent). */
function knownString(r, name) {
    const v = attribute(r, name);
    return typeof v === "string" && !(r.unknown[name] === true) ? v : undefined;
}
/** The configuration's module path of a module instance: module.a["k"].module.b -> ["a", "b"]. */
const modulePath = (module) => [...module.matchAll(/module\.([^.[]+)(?:\[[^\]]*\])?/g)].map((m) => m[1]);
exports.modulePath = modulePath;
function configModule(config, module) {
    let m = config;
    for (const name of (0, exports.modulePath)(module))
        m = m?.module_calls?.[name]?.module;
    return m;
}
/** The configuration of a resource (by its module instance and type.name). */
function configResource(config, r) {
    const address = `${r.mode === "data" ? "data." : ""}${r.type}.${r.name}`;
    return configModule(config, r.module)?.resources?.find((x) => x.address === address);
}
/** The references of an attribute's expression in the configuration. */
function referencesOf(config, r, attr) {
    const e = configResource(config, r)?.expressions?.[attr];
    return e?.references ?? [];
}
