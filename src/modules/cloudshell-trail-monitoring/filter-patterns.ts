// The trail-monitoring module's detections, derived from the one rule list of
// modules/cloudshell-monitoring (../cloudshell-monitoring/rules.ts): each EventBridge pattern there
// is translated here into a CloudWatch Logs filter pattern (for the metric filter) and a CloudWatch
// Logs Insights filter (for the query the alarm points to). A rule added to that list gets both,
// or stops the generator with a message that says how to declare them (DECLARED below).
//
// The log group holds the CloudTrail record itself, which is EventBridge's `detail`: `detail.x`
// becomes `$.x`, `source` is implied by `detail.eventSource`, and `detail-type` becomes the
// record's `eventType`. What the translation cannot keep exactly is listed in TRANSLATION_NOTES,
// which the module's README prints.
import { CLOUDTRAIL_DETAIL_TYPE, VPC_CONFIG_SPELLINGS } from "../../facts/monitoring";
import { DefinitionError } from "../../errors";
import { Value } from "../../hcl/writer";
import { RuleSpec } from "../cloudshell-monitoring/rules";

/** EventBridge's detail-type for CloudTrail records, and the record's eventType it stands for
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail.html;
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html). */
export const DETAIL_TYPES: Record<string, string> = { [CLOUDTRAIL_DETAIL_TYPE]: "AwsApiCall" };

/** Envelope fields that are record fields under another name. */
const ENVELOPE_FIELDS: Record<string, string> = { account: "recipientAccountId", region: "awsRegion" };

/** Record fields that hold arrays: a condition on them needs an index per element, which a
 * translation cannot know, so a rule that reads them is declared (DECLARED) rather than derived. */
export const ARRAY_FIELDS = VPC_CONFIG_SPELLINGS.flatMap((s) => [`requestParameters.${s.config}.${s.subnets}`, `requestParameters.${s.config}.${s.groups}`]);

/** Where a rule that cannot be derived is declared. */
export const DECLARE_HERE = "DECLARED in src/modules/cloudshell-trail-monitoring/filter-patterns.ts";

/** One condition on one record field, or several joined. */
export type Condition =
  | { kind: "and" | "or"; parts: Condition[] }
  | { kind: "equals"; path: string[]; values: string[] }
  | { kind: "prefix" | "suffix"; path: string[]; value: string }
  | { kind: "notIn"; path: string[]; values: string[] }
  | { kind: "absent" | "present"; path: string[] }
  | { kind: "number"; path: string[]; op: string; value: number };

class NotDerivable extends Error {}

const isObject = (v: Value): v is { [k: string]: Value } => typeof v === "object" && v !== null && !Array.isArray(v);
const hasInterpolation = (s: string) => s.includes("${");

/** A string CloudWatch Logs reads as written: no wildcard star, no quote (a filter pattern has no escapes). */
function plain(s: string, where: string): string {
  if (/[*"]/.test(s)) throw new NotDerivable(`${where}: "${s}" holds * or ", which a filter pattern cannot write literally`);
  return s;
}

/** The casings equals-ignore-case is translated to: as written, and with the first letter in the other case. */
export const casings = (s: string): string[] => [...new Set([s, s.charAt(0).toUpperCase() + s.slice(1), s.charAt(0).toLowerCase() + s.slice(1)])];

function leaf(path: string[], c: Value): Condition {
  const where = path.join(".");
  if (typeof c === "string") return { kind: "equals", path, values: [plain(c, where)] };
  if (typeof c === "number") return { kind: "number", path, op: "=", value: c };
  if (!isObject(c)) throw new NotDerivable(`${where}: ${JSON.stringify(c)} (null and booleans are not translated)`);
  const [op, ...more] = Object.keys(c);
  if (more.length) throw new NotDerivable(`${where}: one operator per condition, got ${Object.keys(c).join(", ")}`);
  const arg = c[op];
  switch (op) {
    case "equals-ignore-case":
      if (typeof arg !== "string" || hasInterpolation(arg)) break;
      return { kind: "equals", path, values: casings(plain(arg, where)) };
    case "prefix":
    case "suffix":
      if (typeof arg !== "string" || hasInterpolation(arg)) break;
      return { kind: op, path, value: plain(arg, where) };
    case "wildcard": {
      if (typeof arg !== "string" || hasInterpolation(arg) || /"/.test(arg)) break;
      const inner = arg.replace(/^\*/, "").replace(/\*$/, "");
      if (inner.includes("*")) throw new NotDerivable(`${where}: wildcard "${arg}" has a star inside, which CloudWatch Logs reads literally`);
      if (arg.startsWith("*") && arg.endsWith("*") && arg.length > 1) break;
      return arg.startsWith("*") ? { kind: "suffix", path, value: inner } : arg.endsWith("*") ? { kind: "prefix", path, value: inner } : { kind: "equals", path, values: [inner] };
    }
    case "exists":
      if (typeof arg !== "boolean") break;
      return { kind: arg ? "present" : "absent", path };
    case "anything-but": {
      const values = Array.isArray(arg) ? arg : [arg];
      if (!values.every((v): v is string => typeof v === "string" && !hasInterpolation(v))) break;
      return { kind: "notIn", path, values: values.map((v) => plain(v, where)) };
    }
    case "numeric": {
      if (!Array.isArray(arg) || arg.length % 2) break;
      const parts: Condition[] = [];
      for (let i = 0; i < arg.length; i += 2) parts.push({ kind: "number", path, op: String(arg[i]), value: Number(arg[i + 1]) });
      return parts.length === 1 ? parts[0] : { kind: "and", parts };
    }
  }
  throw new NotDerivable(`${where}: the operator ${JSON.stringify(c)} is not translated`);
}

/** A field's array of conditions: any of them. */
function field(path: string[], conditions: Value): Condition {
  const where = path.join(".");
  if (typeof conditions === "string") throw new NotDerivable(`${where} is a Terraform expression (${conditions}), not a list of conditions`);
  if (!Array.isArray(conditions)) throw new NotDerivable(`${where}: conditions must be a list`);
  if (ARRAY_FIELDS.includes(where) && !conditions.every((c) => isObject(c) && c.exists === false)) {
    throw new NotDerivable(`${where} holds an array in the record; a filter pattern needs an index per element`);
  }
  const parts = conditions.map((c) => leaf(path, c));
  // Several equalities on one field are one "equals any".
  if (parts.every((p) => p.kind === "equals")) return { kind: "equals", path, values: [...new Set(parts.flatMap((p) => (p as { values: string[] }).values))] };
  return parts.length === 1 ? parts[0] : { kind: "or", parts };
}

function object(pattern: { [k: string]: Value }, path: string[]): Condition[] {
  return Object.entries(pattern).flatMap(([key, value]): Condition[] => {
    if (key === "$or") {
      if (!Array.isArray(value) || !value.every(isObject)) throw new NotDerivable(`$or at ${path.join(".") || "the top"} is a Terraform expression, not a list of patterns`);
      return [{ kind: "or", parts: value.map((p) => and(object(p as { [k: string]: Value }, path))) }];
    }
    return isObject(value) ? object(value, [...path, key]) : [field([...path, key], value)];
  });
}

const and = (parts: Condition[]): Condition => (parts.length === 1 ? parts[0] : { kind: "and", parts });

/** The service of an EventBridge source such as "aws.cloudshell", and of an eventSource such as "cloudshell.amazonaws.com". */
const serviceOfSource = (s: string) => /^aws\.([a-z0-9-]+)$/.exec(s)?.[1];
const serviceOfEventSource = (s: string) => /^([a-z0-9-]+)\.amazonaws\.com$/.exec(s)?.[1];

/** The record-level condition of an EventBridge pattern on CloudTrail events. */
export function conditionOf(pattern: Value): Condition {
  if (!isObject(pattern)) throw new NotDerivable("the pattern is not an object");
  const { source, "detail-type": detailType, detail, ...rest } = pattern;
  const parts: Condition[] = [];
  if (detailType !== undefined) {
    if (!Array.isArray(detailType) || !detailType.every((d): d is string => typeof d === "string" && d in DETAIL_TYPES)) {
      throw new NotDerivable(`detail-type ${JSON.stringify(detailType)}: only ${Object.keys(DETAIL_TYPES).join(", ")} has a record eventType here (DETAIL_TYPES)`);
    }
    parts.push({ kind: "equals", path: ["eventType"], values: detailType.map((d) => DETAIL_TYPES[d]) });
  }
  if (!isObject(detail ?? {})) throw new NotDerivable("detail is not an object");
  const detailParts = object((detail ?? {}) as { [k: string]: Value }, []);
  // source is implied by eventSource: both name the same services. A pattern without source
  // (matching on detail.eventSource alone) needs none.
  const eventSources = detailParts.find((p): p is Extract<Condition, { kind: "equals" }> => p.kind === "equals" && p.path.join(".") === "eventSource");
  const sources = Array.isArray(source) ? source : source === undefined ? [] : [source];
  const services = (eventSources?.values ?? []).map(serviceOfEventSource).sort();
  const sourceServices = sources.map((s) => (typeof s === "string" ? serviceOfSource(s) : undefined)).sort();
  if ((source !== undefined && sourceServices.join() !== services.join()) || !services.length || services.includes(undefined)) {
    throw new NotDerivable(`source ${JSON.stringify(source)} must name the services of detail.eventSource ${JSON.stringify(eventSources?.values ?? null)}: the log group's records carry eventSource, not source`);
  }
  const { $or: alternatives, ...envelope } = rest;
  if (alternatives !== undefined) {
    if (!Array.isArray(alternatives)) throw new NotDerivable(`$or at the top is a Terraform expression (${JSON.stringify(alternatives)}), not a list of patterns`);
    const branches = alternatives.map((b) => {
      if (!isObject(b) || Object.keys(b).some((k) => k !== "detail") || !isObject(b.detail ?? {})) throw new NotDerivable("a top-level $or branch may hold detail only");
      return and(object((b.detail ?? {}) as { [k: string]: Value }, []));
    });
    parts.push({ kind: "or", parts: branches });
  }
  for (const [key, value] of Object.entries(envelope)) {
    if (!(key in ENVELOPE_FIELDS)) throw new NotDerivable(`the envelope field ${key} has no record field here (ENVELOPE_FIELDS)`);
    parts.push(field([ENVELOPE_FIELDS[key]], value));
  }
  return and([...parts, ...detailParts]);
}

// Printers. Both write a field once per condition; strings keep Terraform interpolations as they are.

const selector = (path: string[]) => `$.${path.join(".")}`;
const wrap = (s: string, many: boolean) => (many ? `(${s})` : s);
/** Whether a part joined into another needs parentheses: it joins several conditions itself. */
const compound = (c: Condition) => c.kind === "and" || c.kind === "or" || ((c.kind === "equals" || c.kind === "notIn") && c.values.length > 1);

/** A CloudWatch Logs JSON filter-pattern expression (without the braces). */
export function filterExpression(c: Condition): string {
  switch (c.kind) {
    case "and":
    case "or":
      return c.parts.map((p) => wrap(filterExpression(p), compound(p))).join(c.kind === "and" ? " && " : " || ");
    case "equals":
      return c.values.map((v) => `${selector(c.path)} = "${v}"`).join(" || ");
    case "prefix":
      return `${selector(c.path)} = "${c.value}*"`;
    case "suffix":
      return `${selector(c.path)} = "*${c.value}"`;
    case "notIn":
      return c.values.map((v) => `${selector(c.path)} != "${v}"`).join(" && ");
    case "absent":
      return `${selector(c.path)} NOT EXISTS`;
    case "present":
      return `${selector(c.path)} = "*"`;
    case "number":
      return `${selector(c.path)} ${c.op} ${c.value}`;
  }
}

export const filterPattern = (c: Condition) => `{ ${filterExpression(c)} }`;

const insightsField = (path: string[]) => path.join(".");
const insightsList = (values: string[]) => `[${values.map((v) => `"${v}"`).join(", ")}]`;
const regexLiteral = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** A CloudWatch Logs Insights filter expression that selects the same records. */
export function insightsExpression(c: Condition): string {
  switch (c.kind) {
    case "and":
    case "or":
      return c.parts.map((p) => wrap(insightsExpression(p), compound(p) || p.kind === "notIn")).join(c.kind === "and" ? " and " : " or ");
    case "equals":
      return c.values.length === 1 ? `${insightsField(c.path)} = "${c.values[0]}"` : `${insightsField(c.path)} in ${insightsList(c.values)}`;
    case "prefix":
      if (hasInterpolation(c.value)) throw new NotDerivable(`${c.path.join(".")}: a prefix with a Terraform expression has no Insights regex`);
      return `${insightsField(c.path)} like /^${regexLiteral(c.value)}/`;
    case "suffix":
      if (hasInterpolation(c.value)) throw new NotDerivable(`${c.path.join(".")}: a suffix with a Terraform expression has no Insights regex`);
      return `${insightsField(c.path)} like /${regexLiteral(c.value)}$/`;
    case "notIn":
      return `ispresent(${insightsField(c.path)}) and ${insightsField(c.path)} not in ${insightsList(c.values)}`;
    case "absent":
      return `not ispresent(${insightsField(c.path)})`;
    case "present":
      return `ispresent(${insightsField(c.path)})`;
    case "number":
      return `${insightsField(c.path)} ${c.op} ${c.value}`;
  }
}

/** The fields the query shows: who, where, what, and the request. */
export const INSIGHTS_FIELDS = ["@timestamp", "recipientAccountId", "awsRegion", "eventName", "errorCode", "userIdentity.arn", "sourceIPAddress", "requestParameters"];

export const insightsQuery = (filter: string) => `fields ${INSIGHTS_FIELDS.join(", ")}\n| filter ${filter}\n| sort @timestamp desc\n| limit 100`;

/**
 * Rules whose filter patterns are written here rather than derived: their EventBridge pattern
 * holds a Terraform expression or reads an array. `base` is the part of the rule's pattern that is
 * derived (everything but the keys in `declaredKeys`); the module adds the rest (detections.ts).
 */
export const DECLARED: Record<string, { declaredKeys: string[]; why: string }> = {
  outside_approved_network: {
    declaredKeys: ["$or"],
    why: "its approved lists are Terraform expressions over per-account scopes, and subnets and security groups are arrays: the module writes one clause per scope, list and array index (detections.ts), in as many metric filters as the 1,024-character limit needs",
  },
  approved_network_changes: {
    declaredKeys: ["$or"],
    why: "its approved VPCs are a Terraform expression over per-account scopes: the module writes one clause per scope, VPC ID and spelling of the VPC field (detections.ts), in as many metric filters as the 1,024-character limit needs",
  },
};

export interface DerivedRule {
  key: string;
  /** The record-level condition; for a declared rule, its derived base. */
  condition: Condition;
  declared: boolean;
}

/** Every rule of the shared list, derived or declared; stops the generator, naming the fix, when one is neither. */
export function deriveRules(rules: RuleSpec[], unit: string): DerivedRule[] {
  const failures: string[] = [];
  const derived = rules.flatMap((r) => {
    const declared = DECLARED[r.key];
    const pattern = declared && isObject(r.pattern) ? Object.fromEntries(Object.entries(r.pattern).filter(([k]) => !declared.declaredKeys.includes(k))) : r.pattern;
    try {
      const condition = conditionOf(pattern);
      insightsExpression(condition);
      return [{ key: r.key, condition, declared: Boolean(declared) }];
    } catch (e) {
      if (!(e instanceof NotDerivable)) throw e;
      failures.push(`rule ${r.key}: ${e.message}. Write its pattern with the operators a filter pattern has (equals, prefix, suffix, anything-but of strings, exists, numeric, equals-ignore-case), or add it to ${DECLARE_HERE} and build its filter patterns in the module`);
      return [];
    }
  });
  if (failures.length) throw new DefinitionError(unit, `the monitoring rules must each have a CloudWatch Logs filter pattern:\n  ${failures.join("\n  ")}`);
  return derived;
}

/** What the translation does not keep exactly, for the README. */
export const TRANSLATION_NOTES = [
  "`equals-ignore-case` becomes the value as written or with its first letter in the other case (`CreateEnvironment`, `createEnvironment`): filter patterns are case sensitive ([filter pattern syntax](https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html)), and a regular expression would spend the log group's quota of 5 regular expression patterns ([PutMetricFilter](https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutMetricFilter.html)). A name in any other casing alerts the EventBridge rule and not the metric filter.",
  "`exists: false` becomes `NOT EXISTS`, which is false for a property that holds an empty array or an object; EventBridge's holds for them (no leaf). A record with `SubnetIds: []` would alert the EventBridge rule only.",
  "A comparison (`=`, `!=`) on a property that is absent matches neither way here; the guide says so for objects and arrays, and its examples imply it for absent properties (UNCONFIRMED). `anything-but` in EventBridge does not match an absent field either.",
];
