// What the README tables of simulation evidence share: a result as a cell, module inputs on one
// line, and folded lists. They receive the evidence: the simulator that computes it (src/evidence/)
// is never imported here.
import { literal, Value } from "../hcl/writer";
import { Result } from "../evidence/files";

const CELL: Record<Result, string> = { Allowed: "✅", ExplicitlyDenied: "⛔", ImplicitlyDenied: "❌" };

/** One table cell; `where` names the row and column when the file lacks the result. */
export function cell(result: Result | undefined, where: string): string {
  if (!result || !(result in CELL)) throw new Error(`no result for ${where}`);
  return CELL[result];
}

export const escape = (text: string) => text.replace(/\|/g, "\\|");

/** An inputs map as `key = value` code spans. */
export const inputList = (inputs: Record<string, unknown>) => Object.entries(inputs).map(([k, v]) => `\`${k} = ${literal(v as Value)}\``).join(", ");

/** A folded list: `<details>` with one bullet per item. */
export const details = (summary: string, items: string[]): string[] => ["", `<details><summary>${summary}</summary>`, "", ...items, "", "</details>"];

/** Each column's requests, as a folded list. */
export const requestList = (summary: string, columns: string[], requests: Record<string, string[]>): string[] =>
  details(summary, columns.flatMap((c) => [`- **${c}**`, ...(requests[c] ?? []).map((r) => `  - \`${r}\``)]));
