// Terraform JSON strings are templates: "${...}" is an interpolation and "$${" a literal "${".
// parseTemplate splits a string into literal and interpolation parts so the writer can print
// a whole-expression string as a bare expression and escape only the literal parts.

import { expressionEnd, TemplateSyntaxError } from "./scan";

export type TemplatePart = { kind: "literal"; text: string } | { kind: "interp"; expr: string };

export { TemplateSyntaxError };

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
      const end = expressionEnd(s, i + 2, "}");
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
