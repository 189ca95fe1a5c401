// Generated from src/review/monitoring.ts by npm run review:compile; do not edit.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PATTERN_UNKNOWN = void 0;
exports.detectionsOf = detectionsOf;
exports.detectionWeakening = detectionWeakening;
// Which CloudShell detections are on, and where they send: EventBridge rules whose pattern looks at
// CloudShell's CloudTrail events (or at attachments of AWSCloudShellFullAccess), their targets, and
// AWS Config rules that report identities with that policy attached.
const monitoring_1 = require("../facts/monitoring");
const organizations_1 = require("../facts/organizations");
const plan_1 = require("./plan");
const links_1 = require("./links");
/** What a rule detects, when its pattern is known only after apply and it has no description. */
exports.PATTERN_UNKNOWN = "its pattern is known only after apply";
const touches = (text) => text.includes(monitoring_1.CLOUDSHELL_EVENTS.source) || text.includes(monitoring_1.CLOUDSHELL_EVENTS.eventSource) || text.includes(organizations_1.FULL_ACCESS_POLICY);
function detectionsOf(world, config) {
    const managed = (type) => world.resources.filter((r) => r.type === type && r.mode === "managed");
    const targets = managed("aws_cloudwatch_event_target");
    const destination = (t) => {
        const arn = (0, plan_1.attribute)(t, "arn");
        if (typeof arn === "string" && arn !== "unknown")
            return arn;
        const [to] = (0, links_1.resolve)(config, world, t.module, (0, plan_1.referencesOf)(config, t, "arn"));
        return to ? `${to.address} (its ARN known after apply)` : `known after apply (${t.address})`;
    };
    const rules = managed("aws_cloudwatch_event_rule").flatMap((r) => {
        const pattern = (0, plan_1.attribute)(r, "event_pattern");
        const name = (0, plan_1.knownString)(r, "name") ?? r.address;
        if (pattern === "unknown") {
            // A rule of this project's monitoring module is CloudShell's even when its pattern is known only after apply.
            if (!/cloudshell/i.test(`${name} ${(0, plan_1.knownString)(r, "description") ?? ""}`))
                return [];
        }
        else if (typeof pattern !== "string" || !touches(pattern))
            return [];
        const state = (0, plan_1.attribute)(r, "state");
        const enabled = state === "unknown" ? "unknown" : state === undefined || state === null ? (0, plan_1.attribute)(r, "is_enabled") !== false : state !== "DISABLED";
        return [
            {
                address: r.address,
                module: r.module,
                name,
                what: pattern === "unknown" ? exports.PATTERN_UNKNOWN : ((0, plan_1.knownString)(r, "description") ?? `\`${pattern}\``),
                enabled,
                sends: targets.filter((t) => t.module === r.module && (0, plan_1.knownString)(t, "rule") === (0, plan_1.knownString)(r, "name")).map(destination).sort(),
            },
        ];
    });
    const configRules = managed("aws_config_config_rule").flatMap((r) => {
        const source = (0, plan_1.attribute)(r, "source");
        const parameters = (0, plan_1.knownString)(r, "input_parameters") ?? "";
        if (!Array.isArray(source) || source[0]?.source_identifier !== monitoring_1.CONFIG_RULE_IDENTIFIER || !parameters.includes(organizations_1.FULL_ACCESS_POLICY))
            return [];
        return [{ address: r.address, module: r.module, name: (0, plan_1.knownString)(r, "name") ?? r.address, what: (0, plan_1.knownString)(r, "description") ?? `AWS Config ${monitoring_1.CONFIG_RULE_IDENTIFIER}`, enabled: true, sends: ["AWS Config (compliance results)"] }];
    });
    return [...rules, ...configRules].sort((a, b) => a.address.localeCompare(b.address));
}
/** What a change turns off: a rule removed or disabled, a destination dropped. */
function detectionWeakening(before, after) {
    const out = [];
    for (const b of before) {
        const a = after.find((x) => x.address === b.address);
        if (!a)
            out.push(`detection \`${b.name}\` is removed (${b.what})`);
        else if (b.enabled === true && a.enabled !== true)
            out.push(`detection \`${b.name}\` is ${a.enabled === false ? "disabled" : "enabled only if a value known after apply says so"}`);
        else
            for (const s of b.sends.filter((x) => !a.sends.includes(x)))
                out.push(`detection \`${b.name}\` no longer sends to ${s}`);
    }
    return out;
}
