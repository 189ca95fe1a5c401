// npm run matrix: evaluates every scenario with real Terraform, simulates every console feature
// against the resulting policies, and writes evidence/permission-matrix.json (committed; the
// README table is generated from it by `npm run synth`).
import * as fs from "node:fs";
import * as path from "node:path";
import { evaluateScenarios } from "../tools/evaluate-scenarios";
import { SCENARIOS } from "../tools/scenarios";
import { buildMatrix, MATRIX_FILE, matrixFileContent } from "../tools/simulate";

async function main(): Promise<void> {
  const started = Date.now();
  const evaluated = await evaluateScenarios(SCENARIOS);
  const evaluatedAt = Date.now();
  const matrix = await buildMatrix(evaluated);
  const content = matrixFileContent(matrix);
  const before = fs.existsSync(MATRIX_FILE) ? fs.readFileSync(MATRIX_FILE, "utf8") : undefined;
  fs.writeFileSync(MATRIX_FILE, content);
  const file = path.relative(process.cwd(), MATRIX_FILE);
  console.log(
    `${file}: ${SCENARIOS.length} scenarios x ${matrix.features.length} features, ` +
      `${before === content ? "unchanged" : "updated"} ` +
      `(terraform ${evaluatedAt - started} ms, simulation ${Date.now() - evaluatedAt} ms). ` +
      (before === content ? "" : "Run `npm run synth` to update the README."),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
