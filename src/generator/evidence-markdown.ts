// What the README tables of committed simulation evidence share: reading the JSON file, a result as
// a cell, module inputs on one line, and folded lists. Only reads files: the simulator that writes
// them is evidence tooling (tools/) and is never imported here.
import * as fs from "node:fs";

export type Result = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

const CELL: Record<Result, string> = { Allowed: "✅", ExplicitlyDenied: "⛔", ImplicitlyDenied: "❌" };

/** One table cell; `where` names the row and column when the file lacks the result. */
export function cell(result: Result | undefined, where: string): string {
  if (!result || !(result in CELL)) throw new Error(`no result for ${where}`);
  return CELL[result];
}

export const escape = (text: string) => text.replace(/\|/g, "\\|");

/** A module input value in HCL syntax, on one line. */
export function hcl(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(hcl).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{ ${Object.entries(value).map(([k, v]) => `${/^[A-Za-z_][\w-]*$/.test(k) ? k : JSON.stringify(k)} = ${hcl(v)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}

/** An inputs map as `key = value` code spans. */
export const inputList = (inputs: Record<string, unknown>) => Object.entries(inputs).map(([k, v]) => `\`${k} = ${hcl(v)}\``).join(", ");

/** A committed evidence file, or an error that names the command that writes it. */
export function readEvidence<T>(file: string, command: string): T {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`${command}\`, then \`npm run synth\``);
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

/** A folded list: `<details>` with one bullet per item. */
export const details = (summary: string, items: string[]): string[] => ["", `<details><summary>${summary}</summary>`, "", ...items, "", "</details>"];

/** Each column's requests, as a folded list. */
export const requestList = (summary: string, columns: string[], requests: Record<string, string[]>): string[] =>
  details(summary, columns.flatMap((c) => [`- **${c}**`, ...(requests[c] ?? []).map((r) => `  - \`${r}\``)]));

/** The network's endpoint-perimeter simulation (written by `npm run endpoint-perimeter`). */
export const PERIMETER_FILE = "evidence/endpoint-perimeter.json";
