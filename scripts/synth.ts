// npm run synth, and `npx cdktf synth` (this is the cdktf app, cdktf.json): builds every
// definition, renders its Terraform files in memory, computes the evidence from them, renders the
// READMEs last and writes the tree once (tools/pipeline.ts). It removes only the generated files
// it no longer writes (src/generator/files.ts). SYNTH_ONLY=1 stops after cdktf's own synth (the
// benchmark's baseline); GENERATE_ROOT writes the tree somewhere else.
import * as path from "node:path";
import { DEFINITIONS } from "../src/definitions";
import { writeTree } from "../src/generator/files";
import { synthesize } from "../src/generator/generate";
import { run } from "../tools/run-script";
import { startSharedProvider } from "../tools/shared-provider";
import { SHARED_PROVIDER_ENV } from "../tools/terraform";
import { generateTree } from "../tools/pipeline";

run(async () => {
  const built = synthesize(DEFINITIONS, process.env.CDKTF_OUTDIR);
  if (process.env.SYNTH_ONLY) return;
  const started = Date.now();
  // The evidence's Terraform commands ask the provider only for schemas: one process serves them all.
  const provider = await startSharedProvider();
  process.env[SHARED_PROVIDER_ENV] = provider.reattach;
  const files = await generateTree(built).finally(provider.stop);
  const changed = writeTree(process.env.GENERATE_ROOT ?? path.join(__dirname, ".."), files);
  const took = `(${((Date.now() - started) / 1000).toFixed(1)} s)`;
  console.log(changed.length ? `updated ${changed.length} file(s) ${took}:\n  ${changed.join("\n  ")}` : `the generated tree is up to date ${took}`);
});
