// npm run synth, and `npx cdktf synth` (this is the cdktf app, cdktf.json): builds every
// definition, renders its Terraform files in memory, keeps each committed evidence file whose key
// is current and computes the others from those files, renders the READMEs last and writes the
// tree once (src/pipeline.ts). It removes only the generated files it no longer writes
// (src/generator/files.ts). SYNTH_ONLY=1 stops after cdktf's own synth (the benchmark's baseline);
// GENERATE_ROOT writes the tree somewhere else.
import * as path from "node:path";
import { DEFINITIONS } from "../src/definitions";
import { synthesize } from "../src/generator/generate";
import { run } from "./run-script";

run(async () => {
  const built = synthesize(DEFINITIONS, process.env.CDKTF_OUTDIR);
  if (process.env.SYNTH_ONLY) return;
  const started = Date.now();
  // Loaded after cdktf's synth, so that SYNTH_ONLY measures cdktf's synth alone.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { generateTree } = require("../src/pipeline") as typeof import("../src/pipeline");
  const { writeTree } = require("../src/generator/files") as typeof import("../src/generator/files");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const files = await generateTree(built, (line) => console.log(line));
  const changed = writeTree(process.env.GENERATE_ROOT ?? path.join(__dirname, ".."), files);
  const took = `(${((Date.now() - started) / 1000).toFixed(1)} s)`;
  console.log(changed.length ? `updated ${changed.length} file(s) ${took}:\n  ${changed.join("\n  ")}` : `the generated tree is up to date ${took}`);
});
