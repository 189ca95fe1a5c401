// Renders the committed guardrail simulation (evidence/guardrail-simulation.json, written by
// `npm run guardrail-matrix`) as Markdown for the cloudshell-guardrail README. Only reads the JSON
// file: the simulator that produced it is evidence tooling (tools/) and is never imported here.
import * as fs from "node:fs";
import * as path from "node:path";

export const GUARDRAIL_FILE = path.join(__dirname, "..", "..", "evidence", "guardrail-simulation.json");

type Result = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

export interface GuardrailFile {
  columns: string[];
  columnRequests: Record<string, string[]>;
  principals: Record<string, { arn: string; tags: Record<string, string> }>;
  cases: { name: string; inputs: Record<string, unknown>; size: number; statement_ids: string[]; results: Record<string, Record<string, Result>> }[];
}

const CELL: Record<Result, string> = { Allowed: "✅", ExplicitlyDenied: "⛔", ImplicitlyDenied: "❌" };
const escape = (text: string) => text.replace(/\|/g, "\\|");

function hcl(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(hcl).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{ ${Object.entries(value).map(([k, v]) => `${/^[A-Za-z_][\w-]*$/.test(k) ? k : JSON.stringify(k)} = ${hcl(v)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}

export function readGuardrailFile(file = GUARDRAIL_FILE): GuardrailFile {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run guardrail-matrix\`, then \`npm run synth\``);
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** The README section body: one row per case and principal, one column per request group. */
export function guardrailTable(data: GuardrailFile = readGuardrailFile()): string {
  const lines: string[] = [];
  lines.push(`| Case | Principal | ${data.columns.map(escape).join(" | ")} |`);
  lines.push(`|---|---|${data.columns.map(() => ":---:").join("|")}|`);
  for (const c of data.cases) {
    for (const [principal, results] of Object.entries(c.results)) {
      const cells = data.columns.map((col) => {
        const r = results[col];
        if (!(r in CELL)) throw new Error(`guardrail simulation: no result for "${c.name}" / "${principal}" / "${col}"`);
        return CELL[r];
      });
      lines.push(`| ${escape(c.name)} | ${escape(principal)} | ${cells.join(" | ")} |`);
    }
  }
  lines.push("");
  lines.push("✅ allowed · ⛔ denied by the guardrail's explicit `Deny` · ❌ denied because nothing allows it (never expected here: the identity policy allows everything).");
  lines.push("");
  lines.push("<details><summary>The inputs of each case, and the SCP's size</summary>");
  lines.push("");
  for (const c of data.cases) {
    const inputs = Object.entries(c.inputs).map(([k, v]) => `\`${k} = ${hcl(v)}\``);
    lines.push(`- **${c.name}** (${c.size.toLocaleString("en-US")} characters; ${c.statement_ids.map((s) => `\`${s}\``).join(", ")}): ${inputs.join(", ")}`);
  }
  lines.push("");
  lines.push("</details>");
  lines.push("");
  lines.push("<details><summary>The principals</summary>");
  lines.push("");
  for (const [name, p] of Object.entries(data.principals)) {
    const tags = Object.entries(p.tags).map(([k, v]) => `\`${k} = "${v}"\``);
    lines.push(`- **${name}**: \`${p.arn}\`${tags.length ? `, tagged ${tags.join(", ")}` : ", no tags"}`);
  }
  lines.push("");
  lines.push("</details>");
  lines.push("");
  lines.push("<details><summary>The IAM requests behind each column (each must give the same result)</summary>");
  lines.push("");
  for (const col of data.columns) {
    lines.push(`- **${col}**`);
    for (const r of data.columnRequests[col] ?? []) lines.push(`  - \`${r}\``);
  }
  lines.push("");
  lines.push("</details>");
  return lines.join("\n");
}
