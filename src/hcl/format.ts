// The two whitespace rules of `terraform fmt` (hclwrite) that decide layout: indentation by
// bracket nesting, and `=` aligned across consecutive single-line assignments. The writer emits
// canonical spacing inside lines; this pass makes indentation and alignment canonical too, so
// the generated files are unchanged by `terraform fmt` (the tests run the real one).

import { quotedEnd, TemplateSyntaxError } from "./scan";

type Token = { text: string; bracket: number; isEqual: boolean };

/** Index just past the string that starts before `start`; a string left open runs to the end of the line. */
function stringEnd(line: string, start: number): number {
  try {
    return quotedEnd(line, start);
  } catch (e) {
    if (e instanceof TemplateSyntaxError) return line.length;
    throw e;
  }
}

/** Splits a line into the tokens that matter for layout; strings and comments are opaque. */
function tokens(line: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === " " || c === "\t") {
      i++;
    } else if (c === "#" || line.startsWith("//", i)) {
      break;
    } else if (c === '"') {
      const end = stringEnd(line, i + 1);
      out.push({ text: line.slice(i, end), bracket: 0, isEqual: false });
      i = end;
    } else if ("{[(".includes(c)) {
      out.push({ text: c, bracket: 1, isEqual: false });
      i++;
    } else if ("}])".includes(c)) {
      out.push({ text: c, bracket: -1, isEqual: false });
      i++;
    } else if (c === "=" || c === "!" || c === "<" || c === ">") {
      const two = line.slice(i, i + 2);
      if (["==", "!=", "<=", ">=", "=>"].includes(two)) {
        out.push({ text: two, bracket: 0, isEqual: false });
        i += 2;
      } else {
        out.push({ text: c, bracket: 0, isEqual: c === "=" });
        i++;
      }
    } else {
      let j = i;
      while (j < line.length && !" \t\"{}[]()=!<>#".includes(line[j]) && !line.startsWith("//", j)) j++;
      out.push({ text: line.slice(i, Math.max(j, i + 1)), bracket: 0, isEqual: false });
      i = Math.max(j, i + 1);
    }
  }
  return out;
}

/** Index of the `=` that makes the line a single-line assignment, or -1. */
function assignIndex(toks: Token[]): number {
  const eq = toks.findIndex((t, i) => i > 0 && t.isEqual);
  if (eq < 0) return -1;
  const net = toks.slice(eq).reduce((n, t) => n + t.bracket, 0);
  return net === 0 ? eq : -1;
}

export function formatHcl(text: string): string {
  const lines = text.split("\n").map((l) => l.trim());
  const indents: number[] = [];
  const laidOut = lines.map((line) => {
    if (line === "") return { line, assign: -1, lead: "" };
    const toks = tokens(line);
    const net = toks.reduce((n, t) => n + t.bracket, 0);
    let level = indents.length;
    if (net > 0) {
      indents.push(net);
    } else if (net < 0) {
      let closed = -net;
      while (closed > 0 && indents.length > 0) {
        const top = indents[indents.length - 1];
        if (closed >= top) {
          closed -= top;
          indents.pop();
        } else {
          indents[indents.length - 1] -= closed;
          closed = 0;
        }
      }
      level = indents.length;
    }
    const indented = "  ".repeat(level) + line;
    const eq = assignIndex(toks);
    if (eq < 0) return { line: indented, assign: -1, lead: "" };
    // Split at the assignment's `=`: everything before it is the "lead" cell.
    const pos = equalPosition(indented, toks, eq);
    return { line: indented, assign: pos, lead: indented.slice(0, pos).trimEnd() };
  });

  const out: string[] = [];
  let chain: typeof laidOut = [];
  const flush = () => {
    const width = Math.max(0, ...chain.map((l) => l.lead.length));
    for (const l of chain) out.push(l.lead.padEnd(width) + " " + l.line.slice(l.assign).trimStart());
    chain = [];
  };
  for (const l of laidOut) {
    if (l.assign >= 0) {
      chain.push(l);
    } else {
      flush();
      out.push(l.line);
    }
  }
  flush();
  return out.join("\n");
}

/** Character offset of the eq-th token's `=` in the line (tokens skip spaces, so re-scan). */
function equalPosition(line: string, toks: Token[], eq: number): number {
  let pos = 0;
  for (let k = 0; k <= eq; k++) {
    pos = line.indexOf(toks[k].text, pos);
    if (k < eq) pos += toks[k].text.length;
  }
  return pos;
}
