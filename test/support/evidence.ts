// The check every evidence test ends with: the committed file is what this run computed, under
// this generation's key (src/evidence/key.ts), as `npm run synth` writes it.
import * as fs from "node:fs";
import * as path from "node:path";
import { evidenceContent, EVIDENCE_SOURCES, keyOf } from "../../src/evidence/sources";
import { generated, ROOT } from "../../tools/generated";
import { staleEntry } from "./drift";

/**
 * Fails when the committed evidence `file` (relative to the repository) differs from `computed`
 * under this generation's key, showing the first differing hunk: a change of meaning is reviewed
 * before `npm run synth` records it.
 */
export function expectCommitted(file: string, computed: object): void {
  const source = EVIDENCE_SOURCES.find((s) => s.file === file);
  if (!source) throw new Error(`${file} is not an evidence file of src/evidence/sources.ts`);
  const fresh = evidenceContent(keyOf(source, generated().files), computed);
  const abs = path.join(ROOT, file);
  const committed = fs.existsSync(abs) ? fs.readFileSync(abs, "utf8") : undefined;
  const change = committed === fresh ? undefined : staleEntry(file, committed, fresh, { judges: false });
  expect(
    change &&
      `${file} is not what this run computed (committed lines -, computed lines +). If the change is meant, \`npm run synth\` records it (it recomputes the evidence); say why in the commit.\n${change}`,
  ).toReportNothing();
}
