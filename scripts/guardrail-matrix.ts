// npm run guardrail-matrix: evaluates every guardrail case with real Terraform, simulates each
// request under the resulting SCP, and writes evidence/guardrail-simulation.json (committed; the
// cloudshell-guardrail README table is generated from it by `npm run synth`).
import { run, writeEvidence } from "../tools/evidence-file";
import { buildGuardrailSimulation, evaluateGuardrail, GUARDRAIL_CASES, GUARDRAIL_FILE, guardrailFileContent } from "../tools/simulate-scp";

async function main(): Promise<void> {
  const started = Date.now();
  const evaluated = await evaluateGuardrail(GUARDRAIL_CASES);
  const evaluatedAt = Date.now();
  const content = guardrailFileContent(await buildGuardrailSimulation(evaluated));
  console.log(writeEvidence(GUARDRAIL_FILE, content, `${GUARDRAIL_CASES.length} cases`, { started, evaluatedAt }));
}

run(main);
