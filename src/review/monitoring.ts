// Which CloudShell detections are on, and where they send: EventBridge rules whose pattern looks at
// CloudShell's CloudTrail events (or at attachments of AWSCloudShellFullAccess), their targets;
// CloudWatch Logs metric filters on a trail's log group that do (cloudshell-trail-monitoring), through
// the alarms on their metric to the alarms' actions or the event bus their state changes go to; and
// AWS Config rules that report identities with that policy attached.
import { ALARM_STATE_CHANGE, CLOUDSHELL_EVENTS, CONFIG_RULE_IDENTIFIER } from "../facts/monitoring";
import { FULL_ACCESS_POLICY } from "../facts/organizations";
import { attribute, ConfigModule, knownString, referencesOf, Resource, World } from "./plan";
import { resolve } from "./links";

export interface Detection {
  address: string;
  module: string;
  name: string;
  /** What it detects: the rule's description, or its pattern when it has none. */
  what: string;
  enabled: boolean | "unknown";
  /** Where matches go: ARNs, or the resource that will have the ARN. */
  sends: string[];
}

/** What a rule detects, when its pattern is known only after apply and it has no description. */
export const PATTERN_UNKNOWN = "its pattern is known only after apply";

const touches = (text: string) => text.includes(CLOUDSHELL_EVENTS.source) || text.includes(CLOUDSHELL_EVENTS.eventSource) || text.includes(FULL_ACCESS_POLICY);

export function detectionsOf(world: World, config: ConfigModule | undefined): Detection[] {
  const managed = (type: string) => world.resources.filter((r) => r.type === type && r.mode === "managed");
  const targets = managed("aws_cloudwatch_event_target");
  const destination = (t: Resource): string => {
    const arn = attribute(t, "arn");
    if (typeof arn === "string" && arn !== "unknown") return arn;
    const [to] = resolve(config, world, t.module, referencesOf(config, t, "arn"));
    return to ? `${to.address} (its ARN known after apply)` : `known after apply (${t.address})`;
  };
  const rules: Detection[] = managed("aws_cloudwatch_event_rule").flatMap((r) => {
    const pattern = attribute(r, "event_pattern");
    const name = knownString(r, "name") ?? r.address;
    if (pattern === "unknown") {
      // A rule of this project's monitoring module is CloudShell's even when its pattern is known only after apply.
      if (!/cloudshell/i.test(`${name} ${knownString(r, "description") ?? ""}`)) return [];
    } else if (typeof pattern !== "string" || !touches(pattern)) return [];
    const state = attribute(r, "state");
    const enabled = state === "unknown" ? "unknown" : state === undefined || state === null ? attribute(r, "is_enabled") !== false : state !== "DISABLED";
    return [
      {
        address: r.address,
        module: r.module,
        name,
        what: pattern === "unknown" ? PATTERN_UNKNOWN : (knownString(r, "description") ?? `\`${pattern}\``),
        enabled,
        sends: targets.filter((t) => t.module === r.module && knownString(t, "rule") === knownString(r, "name")).map(destination).sort(),
      },
    ];
  });
  const configRules: Detection[] = managed("aws_config_config_rule").flatMap((r) => {
    const source = attribute(r, "source") as { source_identifier?: string }[] | undefined;
    const parameters = knownString(r, "input_parameters") ?? "";
    if (!Array.isArray(source) || source[0]?.source_identifier !== CONFIG_RULE_IDENTIFIER || !parameters.includes(FULL_ACCESS_POLICY)) return [];
    return [{ address: r.address, module: r.module, name: knownString(r, "name") ?? r.address, what: knownString(r, "description") ?? `AWS Config ${CONFIG_RULE_IDENTIFIER}`, enabled: true, sends: ["AWS Config (compliance results)"] }];
  });
  return [...rules, ...metricFilters(world, config, destination), ...configRules].sort((a, b) => a.address.localeCompare(b.address));
}

/** The first sentence of an alarm's description: what it is about. */
const firstSentence = (text: string) => /^[^\n]*?\.(?=\s|$)/.exec(text)?.[0] ?? text.split("\n")[0];

/** Metric filters that count CloudShell's records, each sending through the alarms on its metric. */
function metricFilters(world: World, config: ConfigModule | undefined, destination: (t: Resource) => string): Detection[] {
  const managed = (type: string) => world.resources.filter((r) => r.type === type && r.mode === "managed");
  const alarms = managed("aws_cloudwatch_metric_alarm");
  // Rules that forward alarms' state changes: a known pattern says so; one known only after apply may.
  const alarmRules = managed("aws_cloudwatch_event_rule").flatMap((r) => {
    const pattern = attribute(r, "event_pattern");
    if (pattern === "unknown") return [{ rule: r, known: false }];
    return typeof pattern === "string" && pattern.includes(ALARM_STATE_CHANGE) ? [{ rule: r, known: true }] : [];
  });
  const targets = managed("aws_cloudwatch_event_target");
  const actionsOf = (alarm: Resource): string[] => {
    const actions = attribute(alarm, "alarm_actions");
    if (Array.isArray(actions) && actions.length) return actions.map((a) => (typeof a === "string" ? a : "known after apply"));
    if (actions === "unknown") {
      const linked = resolve(config, world, alarm.module, referencesOf(config, alarm, "alarm_actions"));
      return linked.length ? linked.map((r) => `${r.address} (its ARN known after apply)`) : [`known after apply (${alarm.address})`];
    }
    return alarmRules
      .filter(({ rule }) => rule.module === alarm.module)
      .flatMap(({ rule, known }) =>
        targets
          .filter((t) => t.module === rule.module && knownString(t, "rule") === knownString(rule, "name"))
          .map((t) => `${destination(t)} (its state changes, ${known ? "by" : "if matched by"} ${rule.address}${known ? "" : `: ${PATTERN_UNKNOWN}`})`),
      );
  };
  return managed("aws_cloudwatch_log_metric_filter").flatMap((f) => {
    const pattern = attribute(f, "pattern");
    const name = knownString(f, "name") ?? f.address;
    if (pattern === "unknown" ? !/cloudshell/i.test(name) : typeof pattern !== "string" || !touches(pattern)) return [];
    const metric = (attribute(f, "metric_transformation") as { name?: string; namespace?: string }[] | undefined)?.[0];
    const on = alarms.filter((a) => a.module === f.module && metric?.name !== undefined && knownString(a, "metric_name") === metric.name && knownString(a, "namespace") === metric.namespace);
    const enabled = on.some((a) => attribute(a, "actions_enabled") !== false) ? (on.some((a) => attribute(a, "actions_enabled") === "unknown") ? "unknown" : true) : false;
    const description = on.map((a) => knownString(a, "alarm_description")).find((d) => d);
    return [
      {
        address: f.address,
        module: f.module,
        name,
        what: description ? firstSentence(description) : pattern === "unknown" ? PATTERN_UNKNOWN : `\`${pattern}\``,
        enabled,
        sends: on.length ? [...new Set(on.flatMap(actionsOf))].sort() : [],
      },
    ];
  });
}

/** What a change turns off: a rule removed or disabled, a destination dropped. */
export function detectionWeakening(before: Detection[], after: Detection[]): string[] {
  const out: string[] = [];
  for (const b of before) {
    const a = after.find((x) => x.address === b.address);
    if (!a) out.push(`detection \`${b.name}\` is removed (${b.what})`);
    else if (b.enabled === true && a.enabled !== true) out.push(`detection \`${b.name}\` is ${a.enabled === false ? "disabled" : "enabled only if a value known after apply says so"}`);
    else for (const s of b.sends.filter((x) => !a.sends.includes(x))) out.push(`detection \`${b.name}\` no longer sends to ${s}`);
  }
  return out;
}
