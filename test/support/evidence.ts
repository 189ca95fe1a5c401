// The check every evidence test ends with: the committed file is what this run computed, under
// this generation's key (src/evidence/key.ts), as `npm run synth` writes it.
import * as fs from "node:fs";
import * as path from "node:path";
import { evidenceContent, EVIDENCE_SOURCES, keyOf } from "../../src/evidence/sources";
import { generated, ROOT } from "../../tools/generated";

/** Throws, naming the fix, when the committed evidence `file` (relative to the repository) differs from `computed` under this generation's key. */
export function expectCommitted(file: string, computed: object): void {
  const source = EVIDENCE_SOURCES.find((s) => s.file === file);
  if (!source) throw new Error(`${file} is not an evidence file of src/evidence/sources.ts`);
  const fresh = evidenceContent(keyOf(source, generated().files), computed);
  const abs = path.join(ROOT, file);
  const committed = fs.existsSync(abs) ? fs.readFileSync(abs, "utf8") : "";
  if (committed !== fresh) throw new Error(`${file} is stale: run \`npm run synth\` (it recomputes the evidence), review the change and commit it`);
}
