// Renders the guardrail simulation (evidence/guardrail-simulation.json, computed by `npm run synth`
// from the generated guardrail module) as Markdown for the cloudshell-guardrail README: what each
// choice denies and for whom, every attempt on the guardrail itself, and the flows across
// accounts. It receives the JSON: the simulator that computes it (src/evidence/) is never imported
// here.
import { cell, details, escape, inputList, requestList } from "../../generator/evidence-markdown";
import { GuardrailFile } from "../../evidence/files";
import { thousands } from "../../facts/limits";

const sids = (ids: string[]) => ids.map((s) => `\`${s}\``).join(", ");
const scpSizes = (c: GuardrailFile["cases"][number]) => (c.scp_sizes.length > 1 ? `${c.scp_sizes.length} SCPs of ${c.scp_sizes.map(thousands).join(" and ")} characters` : `${thousands(c.size)} characters`);

/** One row per case and principal, one column per request group. */
function choicesTable(data: GuardrailFile): string[] {
  const lines = [`| Case | Principal | ${data.columns.map(escape).join(" | ")} |`, `|---|---|${data.columns.map(() => ":---:").join("|")}|`];
  for (const c of data.cases) {
    for (const [principal, results] of Object.entries(c.results)) {
      const cells = data.columns.map((col) => cell(results[col], `"${c.name}" / "${principal}" / "${col}" in the guardrail simulation`));
      lines.push(`| ${escape(c.name)} | ${escape(principal)} | ${cells.join(" | ")} |`);
    }
  }
  lines.push("", "✅ allowed · ⛔ denied by the guardrail's explicit `Deny` · ❌ denied because nothing allows it (never expected here: the identity policy allows everything).");
  lines.push(
    ...details(
      "The inputs of each case, and the size of its SCPs",
      data.cases.map((c) => `- **${c.name}** (${scpSizes(c)}${c.rcp_size ? `, and an RCP of ${thousands(c.rcp_size)}` : ""}; ${sids(c.statement_ids)}): ${inputList(c.inputs)}`),
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
  return lines;
}

/** One row per attempt: the insider, the control, the platform's roles, and what stopped it. */
function attacksTable(data: GuardrailFile): string[] {
  const { principals, rows } = data.attacks;
  const [insider, ...others] = principals;
  const lines = [
    `| Attempt | ${escape(insider)} | ${escape(insider)}, without the statements that stop it (control) | ${others.map(escape).join(" | ")} | Stopped by |`,
    `|---|:---:|:---:|${others.map(() => ":---:").join("|")}|---|`,
  ];
  let group = "";
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      lines.push(`| **${escape(group)}** | |${others.map(() => " |").join("")} | |`);
    }
    const where = (p: string) => `"${r.label}" / "${p}" in the guardrail simulation`;
    lines.push(
      `| ${escape(r.label)} | ${cell(r.results[insider], where(insider))} | ${cell(r.control, where("control"))} | ${others.map((p) => cell(r.results[p], where(p))).join(" | ")} | ${sids(r.stoppedBy) || "nothing"} |`,
    );
  }
  lines.push(...requestList("The IAM requests behind each attempt (each must give the same result)", rows.map((r) => r.label), Object.fromEntries(rows.map((r) => [r.label, r.requests]))));
  return lines;
}

/** One row per flow across accounts, with its control. */
function flowsTable(data: GuardrailFile): string[] {
  const under: Record<string, string> = { scp: "the guardrail's SCPs", none: "no SCP (management account)", rcp: "the guardrail's RCP" };
  const lines = ["| Flow | Caller | Under | Result | Stopped by | Without it (control) |", "|---|---|---|:---:|---|:---:|"];
  for (const f of data.flows) {
    const where = `flow "${f.label}" in the guardrail simulation`;
    lines.push(`| ${escape(f.label)} | \`${f.principal}\` | ${under[f.under] ?? f.under} | ${cell(f.result, where)} | ${sids(f.stoppedBy) || "nothing"} | ${f.control ? cell(f.control, where) : "-"} |`);
  }
  lines.push(...details("The IAM request of each flow", data.flows.map((f) => `- **${f.label}**: \`${f.request}\``)));
  return lines;
}

/** The README's three tables, rendered from the evidence. */
export function guardrailTables(data: GuardrailFile): { guardrailTable: string; attacksTable: string; flowsTable: string; attacksCase: string; exampleSize: string } {
  const example = data.cases.find((c) => c.name === data.attacks.case);
  if (!example) throw new Error(`the guardrail simulation has no case "${data.attacks.case}" for its attempts`);
  return {
    exampleSize: `${scpSizes(example)}${example.rcp_size ? `, and an RCP of ${thousands(example.rcp_size)}` : ""}`,
    guardrailTable: choicesTable(data).join("\n"),
    attacksTable: attacksTable(data).join("\n"),
    flowsTable: flowsTable(data).join("\n"),
    attacksCase: data.attacks.case,
  };
}
