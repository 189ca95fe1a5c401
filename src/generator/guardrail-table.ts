// Renders the guardrail simulation (evidence/guardrail-simulation.json, computed by `npm run synth`
// from the generated guardrail module) as Markdown for the cloudshell-guardrail README. It receives
// the JSON: the simulator that computes it is evidence tooling (tools/) and is never imported here.
import { cell, details, escape, inputList, requestList, Result } from "./evidence-markdown";
import { thousands } from "../facts/limits";

/** The evidence file, relative to the repository root. */
export const GUARDRAIL_FILE = "evidence/guardrail-simulation.json";

export interface GuardrailFile {
  columns: string[];
  columnRequests: Record<string, string[]>;
  principals: Record<string, { arn: string; tags: Record<string, string> }>;
  cases: {
    name: string;
    inputs: Record<string, unknown>;
    /** A control case: the module's SCPs without these statements. */
    without?: string[];
    size: number;
    scp_sizes: number[];
    statement_ids: string[];
    results: Record<string, Record<string, Result>>;
  }[];
}

/** The README section body: one row per case and principal, one column per request group. */
export function guardrailTable(data: GuardrailFile): string {
  const lines: string[] = [];
  lines.push(`| Case | Principal | ${data.columns.map(escape).join(" | ")} |`);
  lines.push(`|---|---|${data.columns.map(() => ":---:").join("|")}|`);
  for (const c of data.cases) {
    for (const [principal, results] of Object.entries(c.results)) {
      const cells = data.columns.map((col) => cell(results[col], `"${c.name}" / "${principal}" / "${col}" in the guardrail simulation`));
      lines.push(`| ${escape(c.name)} | ${escape(principal)} | ${cells.join(" | ")} |`);
    }
  }
  lines.push("");
  lines.push("✅ allowed · ⛔ denied by the guardrail's explicit `Deny` · ❌ denied because nothing allows it (never expected here: the identity policy allows everything).");
  lines.push(
    ...details(
      "The inputs of each case, and the size of its SCPs",
      data.cases.map((c) => {
        const scps = c.scp_sizes.length > 1 ? `${c.scp_sizes.length} SCPs of ${c.scp_sizes.map(thousands).join(" and ")} characters` : `${thousands(c.size)} characters`;
        const control = c.without ? `; the module's SCP **without** ${c.without.map((s) => `\`${s}\``).join(", ")}, simulated as a control` : "";
        return `- **${c.name}** (${scps}; ${c.statement_ids.map((s) => `\`${s}\``).join(", ")}${control}): ${inputList(c.inputs)}`;
      }),
    ),
  );
  lines.push(
    ...details(
      "The principals",
      Object.entries(data.principals).map(([name, p]) => {
        const tags = Object.entries(p.tags).map(([k, v]) => `\`${k} = "${v}"\``);
        return `- **${name}**: \`${p.arn}\`${tags.length ? `, tagged ${tags.join(", ")}` : ", no tags"}`;
      }),
    ),
  );
  lines.push(...requestList("The IAM requests behind each column (each must give the same result)", data.columns, data.columnRequests));
  return lines.join("\n");
}
