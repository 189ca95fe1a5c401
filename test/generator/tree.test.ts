// The whole generated tree as `npm run synth` writes it (tools/pipeline.ts): Terraform files, the
// evidence, the READMEs rendered from it, the manifest. Here the evidence is the committed one, so
// no Terraform runs: each evidence file is recomputed from the generated modules, by the same
// functions synth uses, in its module's Terraform-tier test, which fails when it is stale
// (permission matrix, guardrail simulation, endpoint perimeter, monitoring matches).
import { staleFiles } from "../../src/generator/files";
import { EVIDENCE_SOURCES } from "../../tools/evidence";
import { generated, ROOT } from "../../tools/generated";

describe("npm run synth, one direction", () => {
  test("the committed tree (Terraform files, evidence, READMEs, manifest) is exactly what synth writes from that evidence", () => {
    const stale = staleFiles(ROOT, generated().files);
    if (stale.length) throw new Error(`stale files (run \`npm run synth\`, review the evidence and commit):\n  ${stale.join("\n  ")}`);
  });

  test("every evidence file is part of the tree and listed in the manifest", () => {
    const tree = generated().files;
    expect(EVIDENCE_SOURCES.length).toBeGreaterThanOrEqual(4);
    for (const { file } of EVIDENCE_SOURCES) {
      expect(tree.has(file)).toBe(true);
      expect(tree.get(".generated-files")).toContain(`\n${file}\n`);
    }
  });
});
