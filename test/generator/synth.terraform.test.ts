// The whole pipeline of `npm run synth` (tools/pipeline.ts), in memory: Terraform files, the
// evidence computed from them with Terraform and the simulator, the READMEs rendered last, the
// manifest. The committed tree is exactly that tree; `terraform fmt` changes none of its files.
import * as fs from "node:fs";
import * as path from "node:path";
import { staleFiles } from "../../src/generator/files";
import { built, ROOT } from "../../tools/generated";
import { generateTree } from "../../tools/pipeline";
import { tempDir, terraform } from "../../tools/terraform";
import { withProvider } from "../support/provider";

let tree: Map<string, string> | undefined;

beforeAll(async () => {
  tree = await withProvider("the evidence of npm run synth", () => generateTree(built()));
});

describe("npm run synth, one direction", () => {
  test("the committed tree (Terraform files, evidence, READMEs, manifest) is exactly what the pipeline writes", () => {
    if (!tree) return;
    const stale = staleFiles(ROOT, tree);
    if (stale.length) throw new Error(`stale files (run \`npm run synth\`, review the evidence and commit):\n  ${stale.join("\n  ")}`);
  });

  test("every evidence file is part of the tree and listed in the manifest", () => {
    if (!tree) return;
    const evidence = [...tree.keys()].filter((f) => f.startsWith("evidence/"));
    expect(evidence.length).toBeGreaterThanOrEqual(2);
    for (const f of evidence) expect(tree.get(".generated-files")).toContain(`\n${f}\n`);
  });

  test("terraform fmt changes nothing", () => {
    if (!tree) return;
    const dir = tempDir("fmt-");
    for (const [file, content] of [...tree].filter(([f]) => /\.(tf|tftest\.hcl)$/.test(f))) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), content);
    }
    const r = terraform(dir, ["fmt", "-check", "-recursive", "-list=true", "."]);
    expect(r.stdout.trim().split("\n").filter(Boolean)).toEqual([]);
    expect(r.status).toBe(0);
  });
});
