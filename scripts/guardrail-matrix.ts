// npm run guardrail-matrix: evaluates every guardrail case with real Terraform, simulates each
// request under the resulting SCP, and writes evidence/guardrail-simulation.json (committed; the
// cloudshell-guardrail README table is generated from it by `npm run synth`).
import * as fs from "node:fs";
import * as path from "node:path";
import { buildGuardrailSimulation, evaluateGuardrail, GUARDRAIL_CASES, GUARDRAIL_FILE, guardrailFileContent } from "../tools/simulate-scp";

async function main(): Promise<void> {
  const started = Date.now();
  const evaluated = await evaluateGuardrail(GUARDRAIL_CASES);
  const evaluatedAt = Date.now();
  const content = guardrailFileContent(await buildGuardrailSimulation(evaluated));
  const before = fs.existsSync(GUARDRAIL_FILE) ? fs.readFileSync(GUARDRAIL_FILE, "utf8") : undefined;
  fs.writeFileSync(GUARDRAIL_FILE, content);
  console.log(
    `${path.relative(process.cwd(), GUARDRAIL_FILE)}: ${GUARDRAIL_CASES.length} cases, ` +
      `${before === content ? "unchanged" : "updated"} ` +
      `(terraform ${evaluatedAt - started} ms, simulation ${Date.now() - evaluatedAt} ms). ` +
      (before === content ? "" : "Run `npm run synth` to update the README."),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
