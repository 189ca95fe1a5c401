// Generated from src/review/calls.ts by npm run review:compile; do not edit.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.callsOf = callsOf;
exports.callHolding = callHolding;
// The calls of this project's modules and wrappers in a configuration, at any depth: from git
// (//modules/cloudshell-policy?ref=...), a registry (<owner>/cloudshell/aws//wrappers/...) or a
// local path. Their insides are this project's, not the caller's, and are not listed again.
const plan_1 = require("./plan");
const SOURCE = /(?:^|\/)(modules|wrappers)\/(cloudshell-[a-z0-9-]+)(?:$|[/?])/;
function callsOf(config, path = []) {
    const calls = [];
    for (const [name, call] of Object.entries(config?.module_calls ?? {})) {
        const here = [...path, name];
        const m = SOURCE.exec(call.source ?? "");
        if (m) {
            calls.push({
                address: here.map((n) => `module.${n}`).join("."),
                path: here,
                module: m[2],
                kind: m[1] === "wrappers" ? "wrapper" : "module",
                source: call.source,
                version: call.version_constraint,
                inputs: call.expressions ?? {},
            });
        }
        else {
            calls.push(...callsOf(call.module, here));
        }
    }
    return calls;
}
/** The call of this project's module a module instance is inside, if any. */
function callHolding(calls, module) {
    const path = (0, plan_1.modulePath)(module);
    return calls.find((c) => c.path.length <= path.length && c.path.every((n, i) => path[i] === n));
}
