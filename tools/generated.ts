// Runs the generator in-process into a temporary cdktf outdir, once per process.
import * as path from "node:path";
import { Unit } from "../src/cdktf/seam";
import { DEFINITIONS } from "../src/definitions";
import { render, synthesize } from "../src/generator/generate";
import { tempDir } from "./terraform";

export const ROOT = path.join(__dirname, "..");

let cached: { units: Unit[]; files: Map<string, string> } | undefined;

export function generated(): { units: Unit[]; files: Map<string, string> } {
  if (!cached) {
    const units = synthesize(DEFINITIONS, tempDir("cdktf-out-"));
    cached = { units, files: render(DEFINITIONS, units) };
  }
  return cached;
}

/** The names of the generated examples, in generation order. */
export const exampleNames = () => DEFINITIONS.filter((d) => d.kind === "example").map((d) => d.name);
