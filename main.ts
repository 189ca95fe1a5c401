// The cdktf app: one stack per module and example. `cdktf synth` runs this file; after the
// synthesized JSON is written, the generator prints it as HCL into modules/ and examples/.
// SYNTH_ONLY=1 stops after cdktf's own synth (the benchmark's baseline); GENERATE_ROOT writes
// the tree somewhere else (the drift test).
import { DEFINITIONS } from "./src/definitions";
import { writeTree } from "./src/generator/files";
import { render, synthesize } from "./src/generator/generate";

const built = synthesize(DEFINITIONS, process.env.CDKTF_OUTDIR);
if (!process.env.SYNTH_ONLY) {
  const root = process.env.GENERATE_ROOT ?? __dirname;
  const changed = writeTree(root, render(built));
  console.log(changed.length ? `updated ${changed.length} file(s):\n  ${changed.join("\n  ")}` : "modules/ and examples/ are up to date");
}
