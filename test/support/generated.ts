// Runs the generator in-process into a temporary cdktf outdir, once per jest worker.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Unit } from "../../src/cdktf/seam";
import { DEFINITIONS } from "../../src/definitions";
import { render, synthesize } from "../../src/generator/generate";

export const ROOT = path.join(__dirname, "..", "..");

let cached: { units: Unit[]; files: Map<string, string> } | undefined;

export function generated(): { units: Unit[]; files: Map<string, string> } {
  if (!cached) {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-out-"));
    const units = synthesize(DEFINITIONS, outdir);
    cached = { units, files: render(DEFINITIONS, units) };
  }
  return cached;
}
