// The check every evidence test ends with: the committed file is what this run computed.
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "../../tools/generated";

/** Throws, naming the fix, when the committed evidence `file` (relative to the repository) differs from `fresh`. */
export function expectCommitted(file: string, fresh: string): void {
  const abs = path.join(ROOT, file);
  const committed = fs.existsSync(abs) ? fs.readFileSync(abs, "utf8") : "";
  if (committed !== fresh) throw new Error(`${file} is stale: run \`npm run synth\` (it recomputes the evidence), review the change and commit it`);
}
