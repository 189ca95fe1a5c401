// Prints HCL from a small syntax tree: attributes, blocks, comments. Values follow Terraform's
// JSON conventions (strings are templates), so synthesized JSON can be printed as it is.
import { formatHcl } from "./format";
import { parseTemplate, wholeExpression } from "./template";

export type Value = null | boolean | number | string | Value[] | { [key: string]: Value | undefined };

export type Item =
  | { kind: "attr"; name: string; value: Value }
  | { kind: "block"; type: string; labels: string[]; body: Item[] }
  | { kind: "comment"; text: string }
  | { kind: "blank" };

export const attr = (name: string, value: Value): Item => ({ kind: "attr", name, value });
export const block = (type: string, labels: string[], body: Item[]): Item => ({ kind: "block", type, labels, body });
export const comment = (text: string): Item => ({ kind: "comment", text });
export const blank: Item = { kind: "blank" };

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(["for", "in", "if", "null", "true", "false"]);
const INLINE_LIST_MAX = 100;

export class HclValueError extends Error {}

function escapeLiteral(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t")
    .replace(/\$\{/g, () => "$${")
    .replace(/%\{/g, () => "%%{");
}

/** A quoted HCL template for a Terraform-JSON string. */
export function quote(s: string): string {
  const body = parseTemplate(s)
    .map((p) => {
      if (p.kind === "literal") return escapeLiteral(p.text);
      if (p.expr.includes("\n")) throw new HclValueError(`a multi-line interpolation cannot sit inside a string: ${s}`);
      return "${" + p.expr + "}";
    })
    .join("");
  return `"${body}"`;
}

function key(k: string): string {
  if (k.includes("${")) throw new HclValueError(`object keys must be literal, got ${JSON.stringify(k)}`);
  return IDENT.test(k) && !KEYWORDS.has(k) ? k : quote(k);
}

function isScalar(v: Value): boolean {
  return v === null || typeof v !== "object";
}

/**
 * A value as one line of HCL literal syntax: ["a", "b"], { key = "value" } (assert conditions,
 * validations, README input lists). Strings are literals: "${" or "%{" in one is an error.
 */
export function literal(v: Value | undefined): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  if (typeof v === "string") {
    if (/[$%]\{/.test(v)) throw new HclValueError(`a literal cannot hold a template: ${JSON.stringify(v)}`);
    return JSON.stringify(v);
  }
  if (Array.isArray(v)) return `[${v.map(literal).join(", ")}]`;
  const entries = Object.entries(v).filter((e): e is [string, Value] => e[1] !== undefined);
  if (!entries.length) return "{}";
  return `{ ${entries.map(([k, x]) => `${IDENT.test(k) && !KEYWORDS.has(k) ? k : JSON.stringify(k)} = ${literal(x)}`).join(", ")} }`;
}

/** Renders a value; nested lines are indented one level per bracket (format.ts fixes the rest). */
export function renderValue(v: Value): string {
  if (v === null) return "null";
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  if (typeof v === "string") return wholeExpression(v) ?? quote(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    const items = v.map(renderValue);
    const inline = `[${items.join(", ")}]`;
    if (v.every(isScalar) && !inline.includes("\n") && inline.length <= INLINE_LIST_MAX) return inline;
    return ["[", ...items.map((i) => `${i},`), "]"].join("\n");
  }
  const entries = Object.entries(v).filter((e): e is [string, Value] => e[1] !== undefined);
  if (entries.length === 0) return "{}";
  return ["{", ...entries.map(([k, val]) => `${key(k)} = ${renderValue(val)}`), "}"].join("\n");
}

function renderItems(items: Item[]): string[] {
  const lines: string[] = [];
  for (const item of items) {
    switch (item.kind) {
      case "blank":
        lines.push("");
        break;
      case "comment":
        lines.push(...item.text.split("\n").map((l) => (l ? `# ${l}` : "#")));
        break;
      case "attr":
        lines.push(`${item.name} = ${renderValue(item.value)}`);
        break;
      case "block": {
        const head = [item.type, ...item.labels.map((l) => quote(l))].join(" ");
        if (item.body.length === 0) lines.push(`${head} {}`);
        else lines.push(`${head} {`, ...renderItems(item.body), "}");
        break;
      }
    }
  }
  return lines;
}

/** A whole file: items with blank lines where asked, canonically indented and aligned. */
export function renderFile(items: Item[]): string {
  const text = formatHcl(renderItems(items).join("\n"));
  return text.replace(/\n{3,}/g, "\n\n").replace(/^\n+/, "").replace(/\n*$/, "\n");
}
