// Renders the committed permission matrix (evidence/permission-matrix.json, written by
// `npm run matrix`) as Markdown for the policy-document README. Only reads the JSON file: the
// simulator that produced it is evidence tooling (tools/) and is never imported here.
import * as fs from "node:fs";
import * as path from "node:path";

export const MATRIX_FILE = path.join(__dirname, "..", "..", "evidence", "permission-matrix.json");

type Result = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

interface MatrixFile {
  features: string[];
  featureRequests: Record<string, string[]>;
  scenarios: { name: string; inputs: Record<string, unknown>; results: Record<string, Result> }[];
}

const CELL: Record<Result, string> = {
  Allowed: "✅",
  ImplicitlyDenied: "❌",
  ExplicitlyDenied: "⛔",
};

const escape = (text: string) => text.replace(/\|/g, "\\|");

/** A module input value in HCL syntax, on one line. */
function hcl(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(hcl).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{ ${Object.entries(value).map(([k, v]) => `${k} = ${hcl(v)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}

export function readMatrix(file = MATRIX_FILE): MatrixFile {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run matrix\`, then \`npm run synth\``);
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** The README section body: the table, its legend, each row's inputs and each column's requests. */
export function matrixTable(matrix: MatrixFile = readMatrix()): string {
  const lines: string[] = [];
  lines.push(`| Case | ${matrix.features.map(escape).join(" | ")} |`);
  lines.push(`|---|${matrix.features.map(() => ":---:").join("|")}|`);
  for (const s of matrix.scenarios) {
    const cells = matrix.features.map((f) => {
      const r = s.results[f];
      if (!(r in CELL)) throw new Error(`permission matrix: no result for "${s.name}" / "${f}"`);
      return CELL[r];
    });
    lines.push(`| ${escape(s.name)} | ${cells.join(" | ")} |`);
  }
  lines.push("");
  lines.push("✅ allowed · ❌ denied: nothing grants it · ⛔ denied by an explicit `Deny`, which wins over any other policy that grants it.");
  lines.push("");
  lines.push("<details><summary>The inputs of each case</summary>");
  lines.push("");
  for (const s of matrix.scenarios) {
    const inputs = Object.entries(s.inputs).map(([k, v]) => `\`${k} = ${hcl(v)}\``);
    lines.push(`- **${s.name}**: ${inputs.join(", ")}`);
  }
  lines.push("");
  lines.push("</details>");
  lines.push("");
  lines.push("<details><summary>The IAM requests behind each column (all must be allowed)</summary>");
  lines.push("");
  for (const f of matrix.features) {
    lines.push(`- **${f}**`);
    for (const r of matrix.featureRequests[f] ?? []) lines.push(`  - \`${r}\``);
  }
  lines.push("");
  lines.push("</details>");
  return lines.join("\n");
}
