// Generated from src/review/monitoring.ts by npm run review:compile; do not edit.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PATTERN_UNKNOWN = void 0;
exports.detectionsOf = detectionsOf;
exports.detectionWeakening = detectionWeakening;
// Which CloudShell detections are on, and where they send: EventBridge rules whose pattern looks at
// CloudShell's CloudTrail events (or at attachments of AWSCloudShellFullAccess), their targets;
// CloudWatch Logs metric filters on a trail's log group that do (cloudshell-trail-monitoring), through
// the alarms on their metric to the alarms' actions or the event bus their state changes go to; and
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
    return [...rules, ...metricFilters(world, config, destination), ...configRules].sort((a, b) => a.address.localeCompare(b.address));
}
/** The first sentence of an alarm's description: what it is about. */
const firstSentence = (text) => /^[^\n]*?\.(?=\s|$)/.exec(text)?.[0] ?? text.split("\n")[0];
/** Metric filters that count CloudShell's records, each sending through the alarms on its metric. */
function metricFilters(world, config, destination) {
    const managed = (type) => world.resources.filter((r) => r.type === type && r.mode === "managed");
    const alarms = managed("aws_cloudwatch_metric_alarm");
    // Rules that forward alarms' state changes: a known pattern says so; one known only after apply may.
    const alarmRules = managed("aws_cloudwatch_event_rule").flatMap((r) => {
        const pattern = (0, plan_1.attribute)(r, "event_pattern");
        if (pattern === "unknown")
            return [{ rule: r, known: false }];
        return typeof pattern === "string" && pattern.includes(monitoring_1.ALARM_STATE_CHANGE) ? [{ rule: r, known: true }] : [];
    });
    const targets = managed("aws_cloudwatch_event_target");
    const actionsOf = (alarm) => {
        const actions = (0, plan_1.attribute)(alarm, "alarm_actions");
        if (Array.isArray(actions) && actions.length)
            return actions.map((a) => (typeof a === "string" ? a : "known after apply"));
        if (actions === "unknown") {
            const linked = (0, links_1.resolve)(config, world, alarm.module, (0, plan_1.referencesOf)(config, alarm, "alarm_actions"));
            return linked.length ? linked.map((r) => `${r.address} (its ARN known after apply)`) : [`known after apply (${alarm.address})`];
        }
        return alarmRules
            .filter(({ rule }) => rule.module === alarm.module)
            .flatMap(({ rule, known }) => targets
            .filter((t) => t.module === rule.module && (0, plan_1.knownString)(t, "rule") === (0, plan_1.knownString)(rule, "name"))
            .map((t) => `${destination(t)} (its state changes, ${known ? "by" : "if matched by"} ${rule.address}${known ? "" : `: ${exports.PATTERN_UNKNOWN}`})`));
    };
    return managed("aws_cloudwatch_log_metric_filter").flatMap((f) => {
        const pattern = (0, plan_1.attribute)(f, "pattern");
        const name = (0, plan_1.knownString)(f, "name") ?? f.address;
        if (pattern === "unknown" ? !/cloudshell/i.test(name) : typeof pattern !== "string" || !touches(pattern))
            return [];
        const metric = (0, plan_1.attribute)(f, "metric_transformation")?.[0];
        const on = alarms.filter((a) => a.module === f.module && metric?.name !== undefined && (0, plan_1.knownString)(a, "metric_name") === metric.name && (0, plan_1.knownString)(a, "namespace") === metric.namespace);
        const enabled = on.some((a) => (0, plan_1.attribute)(a, "actions_enabled") !== false) ? (on.some((a) => (0, plan_1.attribute)(a, "actions_enabled") === "unknown") ? "unknown" : true) : false;
        const description = on.map((a) => (0, plan_1.knownString)(a, "alarm_description")).find((d) => d);
        return [
            {
                address: f.address,
                module: f.module,
                name,
                what: description ? firstSentence(description) : pattern === "unknown" ? exports.PATTERN_UNKNOWN : `\`${pattern}\``,
                enabled,
                sends: on.length ? [...new Set(on.flatMap(actionsOf))].sort() : [],
            },
        ];
    });
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
