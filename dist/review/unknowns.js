// Generated from src/review/unknowns.ts by npm run review:compile; do not edit.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dependsOn = dependsOn;
// What a value known only after apply depends on, from the configuration: the references of the
// attribute's expression, followed through module outputs and inputs, up to what the plan cannot
// show (a resource created in the same apply, a local value, a data source read at apply), and the
// inputs of the module calls around it that are not constants.
const plan_1 = require("./plan");
const IGNORED = /^(each|count|path|terraform|self)\b/;
/** "module.a[\"k\"].module.b" -> "module.a[\"k\"]" and "b". */
function parent(scope) {
    const m = /^(?:(.*)\.)?module\.([^.[]+)(?:\[[^\]]*\])?$/.exec(scope);
    return m ? [m[1] ?? "", m[2]] : undefined;
}
const where = (scope) => (scope ? scope : "the root module");
function follow(config, scope, references, seen, depth) {
    if (depth > 10)
        return [];
    const out = [];
    // The most specific reference of each thing (Terraform lists a.b.c, a.b, a).
    const specific = references.filter((r) => !IGNORED.test(r) && !references.some((o) => o !== r && (o.startsWith(`${r}.`) || o.startsWith(`${r}[`))));
    for (const ref of specific) {
        const key = `${scope}|${ref}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const parts = ref.split(".");
        if (parts[0] === "var") {
            const p = parent(scope);
            const e = p && (0, plan_1.configModule)(config, p[0])?.module_calls?.[p[1]]?.expressions?.[parts[1]];
            if (e?.references?.length)
                out.push(...follow(config, p[0], e.references, seen, depth + 1));
        }
        else if (parts[0] === "module" && parts.length >= 3) {
            const child = parts[1].replace(/\[.*$/, "");
            const output = (0, plan_1.configModule)(config, scope)?.module_calls?.[child]?.module?.outputs?.[parts[2]];
            const childScope = `${scope ? `${scope}.` : ""}module.${child}`;
            const inner = follow(config, childScope, output?.expression?.references ?? [], seen, depth + 1);
            out.push(...(inner.length ? inner : [`${ref} in ${where(scope)}`]));
        }
        else if (parts[0] === "local") {
            out.push(`${parts.slice(0, 2).join(".")} in ${where(scope)}`);
        }
        else if (parts[0] === "data") {
            out.push(`${parts.slice(0, 3).join(".")} in ${where(scope)} (read at apply)`);
        }
        else {
            out.push(`${parts.slice(0, 2).join(".")} in ${where(scope)}`);
        }
    }
    return out;
}
/** The non-constant inputs of every module call around a module instance, followed to their sources. */
function callInputs(config, scope, seen) {
    const out = [];
    for (let s = scope; parent(s); s = parent(s)[0]) {
        const [outer, name] = parent(s);
        for (const [input, e] of Object.entries((0, plan_1.configModule)(config, outer)?.module_calls?.[name]?.expressions ?? {})) {
            const refs = e.references ?? [];
            if (!refs.length || refs.every((r) => r.startsWith("var.") || IGNORED.test(r)))
                continue;
            out.push(`input ${input} of ${s}: ${follow(config, outer, refs, seen, 0).join(", ") || refs.join(", ")}`);
        }
    }
    return out;
}
/** What one unknown attribute of a resource depends on, most direct first. */
function dependsOn(config, r, attr) {
    if (!config)
        return [];
    const e = (0, plan_1.configResource)(config, r)?.expressions?.[attr];
    const seen = new Set();
    const direct = follow(config, r.module, e?.references ?? [], seen, 0);
    return [...new Set([...direct, ...callInputs(config, r.module, seen)])];
}
