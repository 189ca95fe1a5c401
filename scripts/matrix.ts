// npm run matrix: evaluates every scenario with real Terraform, simulates every console feature
// against the resulting policies, and writes evidence/permission-matrix.json (committed; the
// README table is generated from it by `npm run synth`).
import { run, writeEvidence } from "../tools/evidence-file";
import { evaluateScenarios } from "../tools/evaluate-scenarios";
import { SCENARIOS } from "../tools/scenarios";
import { buildMatrix, MATRIX_FILE, matrixFileContent } from "../tools/simulate";

async function main(): Promise<void> {
  const started = Date.now();
  const evaluated = await evaluateScenarios(SCENARIOS);
  const evaluatedAt = Date.now();
  const matrix = await buildMatrix(evaluated);
  console.log(writeEvidence(MATRIX_FILE, matrixFileContent(matrix), `${SCENARIOS.length} scenarios x ${matrix.features.length} features`, { started, evaluatedAt }));
}

run(main);
