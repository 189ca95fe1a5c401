// Terraform JSON strings are templates: "${...}" is an interpolation and "$${" a literal "${".
// This scanner splits a string into literal and interpolation parts so the writer can print
// a whole-expression string as a bare expression and escape only the literal parts.

export type TemplatePart = { kind: "literal"; text: string } | { kind: "interp"; expr: string };

export class TemplateSyntaxError extends Error {}

/** Index just past the "}" that closes an interpolation whose body starts at `start`. */
function interpEnd(s: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (c === '"') {
      i = quotedEnd(s, i + 1);
      continue;
    }
    if (c === "{") depth++;
    if (c === "}") {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  throw new TemplateSyntaxError(`unterminated "\${" in ${JSON.stringify(s)}`);
}

/** Index just past the closing quote of a quoted template whose body starts at `start`. */
function quotedEnd(s: string, start: number): number {
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (c === "\\") {
      i += 2;
      continue;
    }
    if (c === "$" && s[i + 1] === "{") {
      i = interpEnd(s, i + 2);
      continue;
    }
    if (c === '"') return i + 1;
    i++;
  }
  throw new TemplateSyntaxError(`unterminated string in ${JSON.stringify(s)}`);
}

export function parseTemplate(s: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = "";
  let i = 0;
  while (i < s.length) {
    if (s.startsWith("$${", i)) {
      literal += "${";
      i += 3;
    } else if (s.startsWith("%%{", i)) {
      literal += "%{";
      i += 3;
    } else if (s.startsWith("${", i)) {
      if (literal) parts.push({ kind: "literal", text: literal });
      literal = "";
      const end = interpEnd(s, i + 2);
      parts.push({ kind: "interp", expr: s.slice(i + 2, end - 1).trim() });
      i = end;
    } else if (s.startsWith("%{", i)) {
      throw new TemplateSyntaxError(`template directives (%{) are not supported: ${JSON.stringify(s)}`);
    } else {
      literal += s[i];
      i++;
    }
  }
  if (literal) parts.push({ kind: "literal", text: literal });
  return parts;
}

/** The expression when the whole string is one interpolation ("${expr}"), else undefined. */
export function wholeExpression(s: string): string | undefined {
  if (!s.startsWith("${")) return undefined;
  const parts = parseTemplate(s);
  return parts.length === 1 && parts[0].kind === "interp" ? parts[0].expr : undefined;
}

/** Marks a raw Terraform expression for a cdktf attribute: tf("var.x") is "${var.x}". */
export function tf(expr: string): string {
  return "${" + expr + "}";
}
