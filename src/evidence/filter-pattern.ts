// CloudWatch Logs filter-pattern matching, offline: evidence tooling for the trail-monitoring
// module, so that its metric filters' patterns (read from a mocked apply) can be matched against
// CloudTrail records as CloudTrail writes them to a log group. No maintained npm package implements
// this syntax (AWS's own matcher is a service), so this is a small implementation of what the
// CloudWatch Logs user guide documents on "Filter pattern syntax for metric filters, subscription
// filters, filter log events, and Live Tail"
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html): JSON
// patterns (property selectors, = and != with wildcards, numeric comparisons, IS NULL / TRUE /
// FALSE, NOT EXISTS, && and || with parentheses), regular expressions between % signs, and
// unstructured term patterns. test/evidence/filter-pattern.test.ts checks it against the guide's own
// examples.
//
// Where the guide is silent, the choice made here (each also in test/evidence/filter-pattern.test.ts):
// - A comparison whose selector names no value node (an absent property, an object, an array, null
//   or a boolean for a string comparison) is false, for != as for =: the guide says so for objects
//   and arrays, and its `$.eventType = "*" && $.sourceIPAddress != 123.123.*` example "matches
//   events that contain the properties eventType and sourceIPAddress". UNCONFIRMED for absent ones.
// - `*` is a wildcard at the start or end of a string; inside it is a literal star (the guide's
//   older text: "Ev*ent will only match the actual string Ev*ent"). `*` alone matches any string or
//   number ({ $.latency = * }).
// - A regular expression matches anywhere in the value unless anchored (%AUTHORIZED% matches
//   "UNAUTHORIZED"), with the guide's character set; at most 2 per pattern, as the guide's quotas say.
// Space-delimited patterns ([ip, user, ...]) are not implemented: the module writes JSON patterns.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export class FilterPatternError extends Error {}

/** PutMetricFilter and PutSubscriptionFilter take filter patterns of at most this many characters
 * (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_MetricFilter.html). */
export const MAX_PATTERN_LENGTH = 1024;
/** "There is a limit of 2 regex for each filter pattern" (the guide's Quotas note). */
export const MAX_REGEX_PER_PATTERN = 2;

type Step = { key: string } | { index: number };
type Value = { kind: "string"; text: string } | { kind: "number"; value: number } | { kind: "regex"; re: RegExp } | { kind: "any" };
type Node =
  | { kind: "and" | "or"; left: Node; right: Node }
  | { kind: "compare"; path: Step[]; op: string; value: Value }
  | { kind: "is"; path: Step[]; what: "NULL" | "TRUE" | "FALSE" }
  | { kind: "notExists"; path: Step[] };

/** The regex characters the guide allows: alphanumerics, _ # = @ / ; , - and the operators ^ $ ? [ ] { } | \ * + . (no parentheses). */
const REGEX_ALLOWED = /^[A-Za-z0-9_#=@/;,\-^$?[\]{}|\\*+.]*$/;

function regex(body: string): RegExp {
  if (!REGEX_ALLOWED.test(body)) throw new FilterPatternError(`%${body}% uses a character the filter-pattern regex syntax does not support (no parentheses, no multi-byte characters)`);
  return new RegExp(body);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

class Parser {
  private i = 0;
  regexCount = 0;
  constructor(private readonly s: string) {}

  private ws() {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }
  private peek(t: string) {
    this.ws();
    return this.s.startsWith(t, this.i);
  }
  private take(t: string) {
    if (!this.peek(t)) throw new FilterPatternError(`expected "${t}" at ${this.i} in ${this.s}`);
    this.i += t.length;
  }
  private word(): string {
    this.ws();
    const m = /^[A-Za-z]+/.exec(this.s.slice(this.i));
    return m ? m[0] : "";
  }

  json(): Node {
    this.take("{");
    const node = this.or();
    this.take("}");
    this.ws();
    if (this.i !== this.s.length) throw new FilterPatternError(`unexpected text after the closing brace: ${this.s.slice(this.i)}`);
    return node;
  }

  private or(): Node {
    let left = this.and();
    while (this.peek("||")) {
      this.take("||");
      left = { kind: "or", left, right: this.and() };
    }
    return left;
  }

  private and(): Node {
    let left = this.primary();
    while (this.peek("&&")) {
      this.take("&&");
      left = { kind: "and", left, right: this.primary() };
    }
    return left;
  }

  private primary(): Node {
    if (this.peek("(")) {
      this.take("(");
      const node = this.or();
      this.take(")");
      return node;
    }
    const path = this.selector();
    const w = this.word();
    if (w === "IS") {
      this.i += 2;
      const what = this.word();
      if (what !== "NULL" && what !== "TRUE" && what !== "FALSE") throw new FilterPatternError(`IS takes NULL, TRUE or FALSE (IS NOT is not supported), not "${what}"`);
      this.i += what.length;
      return { kind: "is", path, what };
    }
    if (w === "NOT") {
      this.i += 3;
      if (this.word() !== "EXISTS") throw new FilterPatternError("NOT takes EXISTS");
      this.i += 6;
      return { kind: "notExists", path };
    }
    if (w === "EXISTS") throw new FilterPatternError("EXISTS is not supported (use = \"*\" or NOT EXISTS)");
    this.ws();
    const op = /^(!=|<=|>=|=|<|>)/.exec(this.s.slice(this.i))?.[0];
    if (!op) throw new FilterPatternError(`expected an operator at ${this.i} in ${this.s}`);
    this.i += op.length;
    return { kind: "compare", path, op, value: this.value(op) };
  }

  private selector(): Step[] {
    this.ws();
    const m = /^\$((\.[A-Za-z0-9_-]+(\[\d+\])*)+)/.exec(this.s.slice(this.i));
    if (!m) throw new FilterPatternError(`expected a property selector ($.name) at ${this.i} in ${this.s}`);
    this.i += m[0].length;
    const steps: Step[] = [];
    for (const part of m[1].matchAll(/\.([A-Za-z0-9_-]+)|\[(\d+)\]/g)) steps.push(part[1] !== undefined ? { key: part[1] } : { index: Number(part[2]) });
    return steps;
  }

  private value(op: string): Value {
    this.ws();
    const rest = this.s.slice(this.i);
    if (rest.startsWith('"')) {
      const end = rest.indexOf('"', 1);
      if (end < 0) throw new FilterPatternError(`unterminated string in ${this.s}`);
      this.i += end + 1;
      return this.text(rest.slice(1, end), op);
    }
    if (rest.startsWith("%")) {
      const end = rest.indexOf("%", 1);
      if (end < 0) throw new FilterPatternError(`unterminated regex in ${this.s}`);
      this.i += end + 1;
      this.regexCount++;
      if (op !== "=" && op !== "!=") throw new FilterPatternError(`a regex takes = or !=, not ${op}`);
      return { kind: "regex", re: regex(rest.slice(1, end)) };
    }
    const token = /^[^\s()&|}]+/.exec(rest)?.[0];
    if (!token) throw new FilterPatternError(`expected a value at ${this.i} in ${this.s}`);
    this.i += token.length;
    if (NUMBER.test(token)) return { kind: "number", value: Number(token) };
    return this.text(token, op);
  }

  private text(text: string, op: string): Value {
    if (op !== "=" && op !== "!=") throw new FilterPatternError(`${op} compares numbers, not "${text}"`);
    return text === "*" ? { kind: "any" } : { kind: "string", text };
  }
}

function resolve(event: Json, path: Step[]): Json | undefined {
  let node: Json | undefined = event;
  for (const step of path) {
    if ("key" in step) node = node !== null && typeof node === "object" && !Array.isArray(node) ? node[step.key] : undefined;
    else node = Array.isArray(node) ? node[step.index] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** A string value with * as a wildcard at its start or end. */
function stringEquals(actual: string, pattern: string): boolean {
  const lead = pattern.startsWith("*");
  const trail = pattern.length > 1 && pattern.endsWith("*");
  const core = pattern.slice(lead ? 1 : 0, trail ? -1 : undefined);
  if (lead && trail) return actual.includes(core);
  if (lead) return actual.endsWith(core);
  if (trail) return actual.startsWith(core);
  return actual === core;
}

const NUMERIC: Record<string, (a: number, b: number) => boolean> = { "=": (a, b) => a === b, "!=": (a, b) => a !== b, "<": (a, b) => a < b, ">": (a, b) => a > b, "<=": (a, b) => a <= b, ">=": (a, b) => a >= b };

function compare(actual: Json | undefined, op: string, value: Value): boolean {
  if (value.kind === "number") return typeof actual === "number" && NUMERIC[op](actual, value.value);
  if (value.kind === "any") return (typeof actual === "string" || typeof actual === "number") === (op === "=");
  // Strings and regular expressions compare value nodes only: anything else matches neither = nor !=.
  if (typeof actual !== "string") return false;
  const equal = value.kind === "regex" ? value.re.test(actual) : stringEquals(actual, value.text);
  return op === "=" ? equal : !equal;
}

function evaluate(node: Node, event: Json): boolean {
  switch (node.kind) {
    case "and":
      return evaluate(node.left, event) && evaluate(node.right, event);
    case "or":
      return evaluate(node.left, event) || evaluate(node.right, event);
    case "compare":
      return compare(resolve(event, node.path), node.op, node.value);
    case "is": {
      const v = resolve(event, node.path);
      return node.what === "NULL" ? v === null : v === (node.what === "TRUE");
    }
    case "notExists":
      return resolve(event, node.path) === undefined;
  }
}

/** An unstructured pattern: terms (quoted phrases or words), ?term for any-of, -term to exclude. */
function termsMatch(pattern: string, message: string): boolean {
  const terms = [...pattern.matchAll(/([?-]?)(?:"([^"]*)"|(\S+))/g)].map((m) => ({ mode: m[1], text: m[2] ?? m[3] }));
  if (terms.every((t) => !t.mode && !t.text.trim())) return true; // "" or " " matches every event
  const has = (t: string) => message.includes(t);
  const optional = terms.filter((t) => t.mode === "?");
  return (
    terms.filter((t) => !t.mode).every((t) => has(t.text)) &&
    terms.filter((t) => t.mode === "-").every((t) => !has(t.text)) &&
    (!optional.length || optional.some((t) => has(t.text)))
  );
}

/** Parses a pattern, enforcing the documented limits; throws FilterPatternError on a malformed one. */
export function checkPattern(pattern: string): void {
  if (pattern.length > MAX_PATTERN_LENGTH) throw new FilterPatternError(`the pattern is ${pattern.length} characters; CloudWatch Logs takes at most ${MAX_PATTERN_LENGTH}`);
  const trimmed = pattern.trim();
  if (trimmed.startsWith("[")) throw new FilterPatternError("space-delimited patterns are not implemented here");
  if (trimmed.startsWith("{")) {
    const parser = new Parser(trimmed);
    parser.json();
    if (parser.regexCount > MAX_REGEX_PER_PATTERN) throw new FilterPatternError(`the pattern holds ${parser.regexCount} regular expressions; CloudWatch Logs takes at most ${MAX_REGEX_PER_PATTERN}`);
  } else if (/^%.*%$/s.test(trimmed)) regex(trimmed.slice(1, -1));
}

/** Whether a log event (its message: JSON text, or any text for term and regex patterns) matches `pattern`. */
export function matchesFilter(pattern: string, message: string): boolean {
  checkPattern(pattern);
  const trimmed = pattern.trim();
  if (trimmed.startsWith("{")) {
    let event: Json;
    try {
      event = JSON.parse(message) as Json;
    } catch {
      return false; // a JSON pattern never matches a message that is not JSON
    }
    return evaluate(new Parser(trimmed).json(), event);
  }
  if (/^%.*%$/s.test(trimmed)) return regex(trimmed.slice(1, -1)).test(message);
  return termsMatch(trimmed, message);
}
