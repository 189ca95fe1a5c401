// EventBridge event-pattern matching, offline: evidence tooling for the monitoring module, so that
// its rules' patterns (read from a real plan) can be matched against CloudTrail records shaped as
// AWS documents them. No maintained npm package implements these semantics (AWS's own, event-ruler,
// is Java), so this is a small implementation of what the EventBridge user guide documents:
// event patterns, arrays, null and empty values, content filtering and the comparison operators.
// test/evidence/event-pattern.test.ts checks it against the guide's own examples.
//
// Each element of an array in the event is matched on its own (the arrays page), so anything-but
// matches an array with at least one element outside its list, as we read event-ruler's design
// (its automaton takes a field's values one at a time; not run here); UNCONFIRMED for EventBridge.
//
// What it does not model: numbers are compared as numbers (AWS compares exact matches by their
// string representation: 300 and 3.0e2 differ there); event-ruler's refusal to combine fields from
// different elements of one array of objects; pattern size and complexity limits.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Pattern = { [key: string]: Json };

export class PatternError extends Error {}

const isObject = (v: unknown): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The leaf values at `path` below `node`, looking through arrays (of values and of objects) as EventBridge does. */
function valuesAt(node: Json | undefined, path: string[]): Json[] {
  if (node === undefined) return [];
  if (Array.isArray(node)) return node.flatMap((n) => valuesAt(n, path));
  if (!path.length) return isObject(node) ? [] : [node];
  return isObject(node) ? valuesAt(node[path[0]], path.slice(1)) : [];
}

/** A wildcard pattern as a regular expression: * matches any run of characters, \* a literal star. */
function wildcard(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\" && pattern[i + 1] === "*") {
      re += "\\*";
      i++;
    } else if (c === "*") re += ".*";
    else re += c.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "s");
}

function ipv4(s: string): bigint | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m || m.slice(1).some((x) => Number(x) > 255)) return undefined;
  return m.slice(1).reduce((acc, x) => (acc << 8n) + BigInt(Number(x)), 0n);
}

function ipv6(s: string): bigint | undefined {
  if (!/^[0-9a-fA-F:]+$/.test(s) || (s.match(/::/g) ?? []).length > 1) return undefined;
  const [head, tail] = s.includes("::") ? s.split("::") : [s, undefined];
  const groups = (x: string) => (x ? x.split(":") : []);
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  const missing = 8 - h.length - t.length;
  if ((tail === undefined && missing !== 0) || missing < 0) return undefined;
  const all = [...h, ...Array(tail === undefined ? 0 : missing).fill("0"), ...t];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return all.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g, 16)), 0n);
}

function inCidr(value: Json, cidr: string): boolean {
  if (typeof value !== "string") return false;
  const [base, bits] = cidr.split("/");
  const v6 = base.includes(":");
  const width = v6 ? 128 : 32;
  const parse = v6 ? ipv6 : ipv4;
  const [net, ip] = [parse(base), parse(value)];
  const prefix = bits === undefined ? width : Number(bits);
  if (net === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > width) throw new PatternError(`invalid cidr ${cidr}`);
  if (ip === undefined) return false;
  const shift = BigInt(width - prefix);
  return ip >> shift === net >> shift;
}

const NUMERIC_OPS: Record<string, (a: number, b: number) => boolean> = {
  "=": (a, b) => a === b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
};

function numeric(value: Json, spec: Json): boolean {
  if (!Array.isArray(spec) || spec.length === 0 || spec.length % 2) throw new PatternError(`invalid numeric ${JSON.stringify(spec)}`);
  if (typeof value !== "number") return false;
  for (let i = 0; i < spec.length; i += 2) {
    const op = NUMERIC_OPS[spec[i] as string];
    if (!op || typeof spec[i + 1] !== "number") throw new PatternError(`invalid numeric ${JSON.stringify(spec)}`);
    if (!op(value, spec[i + 1] as number)) return false;
  }
  return true;
}

const asList = (v: Json): Json[] => (Array.isArray(v) ? v : [v]);
const lower = (v: Json) => (typeof v === "string" ? v.toLowerCase() : v);

/** A string operator's argument: a string, or { "equals-ignore-case": string } (prefix and suffix only). */
function stringTest(spec: Json, test: (value: string, arg: string) => boolean, ignoreCaseAllowed: boolean): (v: Json) => boolean {
  if (typeof spec === "string") return (v) => typeof v === "string" && test(v, spec);
  if (ignoreCaseAllowed && isObject(spec) && typeof spec["equals-ignore-case"] === "string") {
    const arg = (spec["equals-ignore-case"] as string).toLowerCase();
    return (v) => typeof v === "string" && test(v.toLowerCase(), arg);
  }
  throw new PatternError(`invalid operand ${JSON.stringify(spec)}`);
}

/** Whether one leaf value matches one condition of a field's array. */
function matchesCondition(value: Json, condition: Json): boolean {
  if (!isObject(condition)) return value === condition;
  const keys = Object.keys(condition);
  if (keys.length !== 1) throw new PatternError(`a condition has exactly one operator: ${JSON.stringify(condition)}`);
  const [op] = keys;
  const arg = condition[op];
  switch (op) {
    case "prefix":
      return stringTest(arg, (v, a) => v.startsWith(a), true)(value);
    case "suffix":
      return stringTest(arg, (v, a) => v.endsWith(a), true)(value);
    case "equals-ignore-case":
      if (typeof arg !== "string") throw new PatternError(`invalid equals-ignore-case ${JSON.stringify(arg)}`);
      return typeof value === "string" && value.toLowerCase() === arg.toLowerCase();
    case "wildcard":
      if (typeof arg !== "string") throw new PatternError(`invalid wildcard ${JSON.stringify(arg)}`);
      return typeof value === "string" && wildcard(arg).test(value);
    case "numeric":
      return numeric(value, arg);
    case "cidr":
      if (typeof arg !== "string") throw new PatternError(`invalid cidr ${JSON.stringify(arg)}`);
      return inCidr(value, arg);
    case "anything-but":
      return anythingBut(value, arg);
    default:
      throw new PatternError(`unknown operator ${op}`);
  }
}

function anythingBut(value: Json, arg: Json): boolean {
  if (!isObject(arg)) return !asList(arg).some((x) => x === value);
  const [op, ...rest] = Object.keys(arg);
  if (rest.length) throw new PatternError(`anything-but takes one operator: ${JSON.stringify(arg)}`);
  const operand = arg[op];
  switch (op) {
    case "prefix":
      return typeof value === "string" && typeof operand === "string" && !value.startsWith(operand);
    case "suffix":
      return typeof value === "string" && typeof operand === "string" && !value.endsWith(operand);
    case "equals-ignore-case":
      return typeof value === "string" && !asList(operand).map(lower).includes(value.toLowerCase());
    case "wildcard":
      return typeof value === "string" && !asList(operand).some((w) => typeof w === "string" && wildcard(w).test(value));
    default:
      throw new PatternError(`anything-but does not take ${op}`);
  }
}

/** Whether a field's conditions hold for the event at `path`. */
function fieldMatches(event: Json, path: string[], conditions: Json): boolean {
  if (!Array.isArray(conditions)) throw new PatternError(`the value of ${path.join(".")} must be an array`);
  const leaves = valuesAt(event, path);
  return conditions.some((c) => {
    if (isObject(c) && "exists" in c) {
      if (typeof c.exists !== "boolean") throw new PatternError(`exists takes true or false`);
      // Exists works on leaf nodes only: a field that holds an object counts as absent.
      return c.exists === leaves.length > 0;
    }
    return leaves.some((v) => matchesCondition(v, c));
  });
}

function objectMatches(event: Json, pattern: Pattern, path: string[]): boolean {
  for (const [key, value] of Object.entries(pattern)) {
    if (key === "$or") {
      if (!Array.isArray(value) || value.length < 2 || !value.every(isObject)) throw new PatternError("$or takes an array of at least two patterns");
      if (!value.some((p) => objectMatches(event, p as Pattern, path))) return false;
    } else if (isObject(value)) {
      if (!objectMatches(event, value, [...path, key])) return false;
    } else if (!fieldMatches(event, [...path, key], value)) return false;
  }
  return true;
}

/** Whether `event` matches `pattern` (both parsed JSON, or JSON text). Throws PatternError on a malformed pattern. */
export function matches(pattern: Pattern | string, event: Json | string): boolean {
  const p = typeof pattern === "string" ? (JSON.parse(pattern) as Json) : pattern;
  const e = typeof event === "string" ? (JSON.parse(event) as Json) : event;
  if (!isObject(p)) throw new PatternError("a pattern is a JSON object");
  return objectMatches(e, p, []);
}
