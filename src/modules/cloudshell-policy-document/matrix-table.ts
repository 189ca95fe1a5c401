// Renders the permission matrix (evidence/permission-matrix.json, computed by `npm run synth` from
// the generated policy module) as Markdown for the policy-document README. It receives the JSON:
// the simulator that computes it (src/evidence/) is never imported here.
import { cell, details, escape, inputList, requestList } from "../../generator/evidence-markdown";
import { MatrixFile } from "../../evidence/files";

/** The README section body: the table, its legend, each row's inputs and each column's requests. */
export function matrixTable(matrix: MatrixFile): string {
  const lines: string[] = [];
  lines.push(`| Case | ${matrix.features.map(escape).join(" | ")} |`);
  lines.push(`|---|${matrix.features.map(() => ":---:").join("|")}|`);
  for (const s of matrix.scenarios) {
    const cells = matrix.features.map((f) => cell(s.results[f], `"${s.name}" / "${f}" in the permission matrix`));
    lines.push(`| ${escape(s.name)} | ${cells.join(" | ")} |`);
  }
  lines.push("");
  lines.push("✅ allowed · ❌ denied: nothing grants it · ⛔ denied by an explicit `Deny`, which wins over any other policy that grants it.");
  lines.push(...details("The inputs of each case", matrix.scenarios.map((s) => `- **${s.name}**: ${inputList(s.inputs)}`)));
  lines.push(...requestList("The IAM requests behind each column (all must be allowed)", matrix.features, matrix.featureRequests));
  return lines.join("\n");
}
