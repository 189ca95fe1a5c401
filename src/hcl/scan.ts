// The one scanner of Terraform's expression and template syntax, shared by the template parser
// (template.ts), the layout pass (format.ts) and the reference check (generator/references.ts):
// quoted templates with their escapes and nested interpolations, comments, numbers, brackets.

export class TemplateSyntaxError extends Error {}

/** Called for each identifier at the top of an expression; `previous` is the last non-space character before it. */
export type OnIdentifier = (start: number, end: number, previous: string | undefined) => void;

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const isDigit = (c: string | undefined) => c !== undefined && /[0-9]/.test(c);
export const isIdStart = (c: string | undefined) => c !== undefined && /[A-Za-z_]/.test(c);
const isIdChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_-]/.test(c);

/** Index just past the identifier (HCL identifiers may contain "-") that starts at `i`. */
export function identifierEnd(s: string, i: number): number {
  let j = i;
  while (isIdChar(s[j])) j++;
  return j;
}

/**
 * Index just past the closing quote of a quoted template whose body starts at `start`; `$${` and
 * `%%{` are literal, `${` and `%{` open expressions, scanned with `onIdentifier`.
 */
export function quotedEnd(s: string, start: number, onIdentifier?: OnIdentifier): number {
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (c === "\\") i += 2;
    else if ((c === "$" || c === "%") && s[i + 1] === c && s[i + 2] === "{") i += 3;
    else if ((c === "$" || c === "%") && s[i + 1] === "{") i = expressionEnd(s, i + 2, "}", onIdentifier);
    else if (c === '"') return i + 1;
    else i++;
  }
  throw new TemplateSyntaxError(`unterminated string in ${JSON.stringify(s)}`);
}

/**
 * Scans an expression from `start` and returns the index just past its `close` character at
 * depth 0 (or the end of the string when `close` is undefined), calling `onIdentifier` for each
 * identifier outside quoted literals.
 */
export function expressionEnd(s: string, start: number, close?: string, onIdentifier?: OnIdentifier): number {
  let depth = 0;
  let previous: string | undefined;
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      i = quotedEnd(s, i + 1, onIdentifier);
      previous = '"';
      continue;
    }
    if (c === "#" || (c === "/" && s[i + 1] === "/")) {
      while (i < s.length && s[i] !== "\n") i++;
      continue;
    }
    if (c === "/" && s[i + 1] === "*") {
      const end = s.indexOf("*/", i + 2);
      i = end < 0 ? s.length : end + 2;
      continue;
    }
    if (isDigit(c)) {
      while (isDigit(s[i])) i++;
      if (s[i] === "." && isDigit(s[i + 1])) for (i++; isDigit(s[i]); ) i++;
      if ((s[i] === "e" || s[i] === "E") && (isDigit(s[i + 1]) || (/[+-]/.test(s[i + 1] ?? "") && isDigit(s[i + 2])))) {
        for (i += 2; isDigit(s[i]); ) i++;
      }
      previous = "0";
      continue;
    }
    if (isIdStart(c)) {
      const end = identifierEnd(s, i);
      onIdentifier?.(i, end, previous);
      i = end;
      previous = "a";
      continue;
    }
    if (c === "{" || c === "(" || c === "[") depth++;
    if (c === "}" || c === ")" || c === "]") {
      if (depth === 0 && c === close) return i + 1;
      depth--;
    }
    previous = c;
    i++;
  }
  if (close !== undefined) throw new TemplateSyntaxError(`unterminated "\${" in ${JSON.stringify(s)}`);
  return i;
}
