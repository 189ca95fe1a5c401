// Writes one committed evidence file and says, in one line, whether it changed and what it took.
import * as fs from "node:fs";
import * as path from "node:path";

export interface Timings {
  started: number;
  evaluatedAt: number;
}

/** Writes `content` to `file`; returns the line to print (the README needs `npm run synth` after a change). */
export function writeEvidence(file: string, content: string, what: string, t: Timings): string {
  const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
  fs.writeFileSync(file, content);
  const changed = before !== content;
  return (
    `${path.relative(process.cwd(), file)}: ${what}, ${changed ? "updated" : "unchanged"} ` +
    `(terraform ${t.evaluatedAt - t.started} ms, simulation ${Date.now() - t.evaluatedAt} ms). ` +
    (changed ? "Run `npm run synth` to update the README." : "")
  );
}

/** Runs a script's main, exiting 1 on any error. */
export const run = (main: () => Promise<void>): void => {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
};
