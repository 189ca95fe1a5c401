// The list of definitions is the folders: one folder per generated directory, named like its
// output, holding its definition and README template (src/modules/<name>/, src/examples/<name>/).
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFINITIONS as ALL } from "../../src/definitions";
import { directoryOf, readmeTemplateOf } from "../../src/generator/definition";

const ROOT = path.join(__dirname, "..", "..");
// Wrappers are derived from their modules (src/generator/wrappers.ts) and have no folder of their own.
const DEFINITIONS = ALL.filter((d) => d.kind !== "wrapper");
const folders = (kind: "modules" | "examples") =>
  fs
    .readdirSync(path.join(ROOT, "src", kind), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `src/${kind}/${e.name}`);

describe("definitions and their folders", () => {
  test("every folder under src/modules and src/examples is one definition, and every definition is a folder", () => {
    expect(DEFINITIONS.map((d) => d.source).sort()).toEqual([...folders("modules"), ...folders("examples")].sort());
  });

  test.each(DEFINITIONS.map((d) => [d.name, d] as const))("%s: named like its folder and its output, with its README template beside it", (_name, d) => {
    expect(d.source).toBe(`src/${d.kind}s/${d.name}`);
    expect(directoryOf(d)).toBe(`${d.kind}s/${d.name}`);
    expect(fs.existsSync(path.join(ROOT, d.source, "definition.ts"))).toBe(true);
    expect(readmeTemplateOf(d)).toBe(`${d.source}/README.hbs`);
    expect(fs.existsSync(path.join(ROOT, readmeTemplateOf(d)))).toBe(true);
  });

  test("names are unique", () => {
    expect(new Set(DEFINITIONS.map((d) => d.name)).size).toBe(DEFINITIONS.length);
  });
});
