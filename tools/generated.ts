// Runs the generator in-process into a temporary cdktf outdir, once per process.
import * as path from "node:path";
import { DEFINITIONS } from "../src/definitions";
import { Built, render, synthesize } from "../src/generator/generate";
import { tempDir } from "./terraform";

export const ROOT = path.join(__dirname, "..");

let cached: { built: Built[]; files: Map<string, string> } | undefined;

export function generated(): { built: Built[]; files: Map<string, string> } {
  if (!cached) {
    const built = synthesize(DEFINITIONS, tempDir("cdktf-out-"));
    cached = { built, files: render(built) };
  }
  return cached;
}

/** The synthesized JSON of one generated directory, by its name. */
export const synthesizedJson = (name: string) => generated().built.find((b) => b.definition.name === name)!.unit.synthesizedJson();

/** The names of the generated examples, in generation order. */
export const exampleNames = () => DEFINITIONS.filter((d) => d.kind === "example").map((d) => d.name);
