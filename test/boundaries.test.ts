// The folder boundaries are enforced by ESLint (no-restricted-imports), not by comments: each layer
// of src/ imports only what is below it (src/cdktf/ nothing of the generator, the generator no
// definition, the evidence no definition's internals), the AGPL simulator and the evidence's code
// stay out of the generator and the definitions, synth imports nothing from tools/, and tools/ never
// imports test/ or a definition's internals. The repository's own ESLint config lints probe files
// laid out like the repository, in one process; each rule has a probe it rejects and one it accepts.
// And a file of src/generator/ that one module alone uses belongs in that module's folder.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { importsOf } from "../src/evidence/key";
import { ROOT } from "../tools/generated";
import { scratchTree } from "../src/evidence/terraform";

const PROBES: [file: string, code: string, rejectedWith: string | null][] = [
  ["src/agpl.ts", 'import { runSimulation } from "@cloud-copilot/iam-simulate";', "AGPL-3.0"],
  ["src/generator/evidence.ts", 'import { runSimulation } from "@cloud-copilot/iam-simulate";', "AGPL-3.0"],
  ["src/tooling.ts", 'import { planJson } from "../tools/plan-snapshots";', "src/ must not import development tooling"],
  ["src/tests.ts", 'import { withProvider } from "../test/support/provider";', "src/ must not import development tooling"],
  ["tools/tests.ts", 'import { withProvider } from "../test/support/provider";', "tools/ must not import from test/"],
  ["src/provider-root.ts", 'import { Vpc } from "@cdktf/provider-aws";', "Import by deep path"],
  ["tools/simulator.ts", 'import { runSimulation } from "@cloud-copilot/iam-simulate";', null],
  ["test/parse.test.ts", 'import { parse } from "@cdktf/hcl2json";', "Import parse from test/support/hcl2json.ts"],
  ["test/support/hcl2json.ts", 'import { parse } from "@cdktf/hcl2json";', null],
  // Synth runs src/ alone: tools/ is development tooling.
  ["scripts/synth.ts", 'import { generated } from "../tools/generated";', "synth imports nothing from tools/"],
  // The generator serves every definition and imports none (issue 25: generator -> modules/requirements, generator/wrappers -> modules/wrapper-examples).
  ["src/generator/versions-probe.ts", 'import { TERRAFORM } from "../modules/requirements";', "src/generator/ serves every definition and imports none"],
  ["src/generator/wrappers-probe.ts", 'import { WRAPPER_EXAMPLES } from "../modules/wrapper-examples";', "src/generator/ serves every definition and imports none"],
  ["src/generator/example-probe.ts", 'import { EXAMPLE_NETWORK } from "../examples/monitoring/definition";', "src/generator/ serves every definition and imports none"],
  ["src/generator/control.ts", 'import { DefinitionError } from "../errors";\nimport { Unit } from "../cdktf/seam";\nimport { MISTAKES_FILE } from "../evidence/files";', null],
  // The seam is below the generator (issue 25: cdktf/seam -> generator/errors).
  ["src/cdktf/errors-probe.ts", 'import { DefinitionError } from "../generator/errors";', "src/cdktf/ imports only"],
  ["src/cdktf/control.ts", 'import { App } from "cdktf";\nimport { Construct } from "constructs";\nimport { DefinitionError } from "../errors";\nimport { Value } from "../hcl/writer";', null],
  // The evidence and tools/ judge the generated files, not a definition's internals (issue 25: tools/* -> terraform-tests and rules).
  ["src/evidence/terraform-tests-probe.ts", 'import { LOG_GROUP } from "../modules/cloudshell-trail-monitoring/terraform-tests";', "src/evidence/ judges the generated files"],
  ["src/evidence/rules-probe.ts", 'import { RULES } from "../modules/cloudshell-monitoring/rules";', "src/evidence/ judges the generated files"],
  ["src/evidence/example-probe.ts", 'import { EXAMPLE_NETWORK } from "../examples/monitoring/definition";', "src/evidence/ judges the generated files"],
  ["src/evidence/generator-probe.ts", 'import { renderHcl } from "../generator/generate";', "src/evidence/ judges the generated files"],
  [
    "src/evidence/control.ts",
    'import { runSimulation } from "@cloud-copilot/iam-simulate";\nimport { MISTAKES } from "../modules/mistakes";\nimport { FEATURES } from "../facts/features";\nimport { renderFile } from "../hcl/writer";\nimport { scratchTree } from "./terraform";',
    null,
  ],
  ["tools/terraform-tests-probe.ts", 'import { PERIMETER_RUN } from "../src/modules/cloudshell-vpc-network/terraform-tests";', "tools/ imports no module's or example's internals"],
  ["tools/rules-probe.ts", 'import { RULES } from "../src/modules/cloudshell-monitoring/rules";', "tools/ imports no module's or example's internals"],
  ["tools/control.ts", 'import { WRAPPER_EXAMPLES } from "../src/modules/wrapper-examples";\nimport { compute } from "../src/evidence/simulate";', null],
  // Outside src/evidence/, only its files' paths and shapes: no Terraform, no simulator in the generator or a definition.
  ["src/modules/some-module/evidence-code.ts", 'import { compute } from "../../evidence/simulate";', "Outside src/evidence/, import only src/evidence/files.ts"],
  ["src/generator/key-probe.ts", 'import { evidenceKey } from "../evidence/key";', "Outside src/evidence/, import only src/evidence/files.ts"],
  ["src/modules/some-module/table.ts", 'import { MATRIX_FILE } from "../../evidence/files";\nimport { cell } from "../../generator/evidence-markdown";', null],
  ["src/pipeline.ts", 'import { currentEvidence } from "./evidence/sources";\nimport { renderHcl } from "./generator/generate";', null],
  // The review command ships alone: no package, no generator, no evidence; the facts and node: yes.
  ["src/review/simulator.ts", 'import { runSimulation } from "@cloud-copilot/iam-simulate";', "AGPL-3.0"],
  ["src/review/package.ts", 'import { Testing } from "cdktf";', "src/review/ imports only node: modules"],
  ["src/review/generator.ts", 'import { DefinitionError } from "../errors";', "src/review/ imports only node: modules"],
  ["src/review/tooling.ts", 'import { planJson } from "../evidence/terraform";', "src/review/ imports only node: modules"],
  ["src/review/facts.ts", 'import { FEATURES } from "../facts/features";\nimport * as fs from "node:fs";\nimport { readPlan } from "./plan";', null],
];

/** The .ts files under `dir` of the tree at `root`, relative to it. */
function tsFiles(root: string, dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(root, path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

/**
 * The files of src/generator/ that one module or example alone uses, each with its folder: they
 * belong there. Users are the files of src/ that generate (the generator itself, the definitions,
 * src/definitions.ts, src/pipeline.ts); the evidence, tools/ and tests may read anything.
 */
function singleUserGeneratorFiles(root: string): string[] {
  const users = new Map<string, Set<string>>();
  for (const file of tsFiles(root, "src").filter((f) => !/^src\/(evidence|review)\//.test(f))) {
    const user = /^src\/(modules|examples)\/[^/]+\//.exec(file)?.[0] ?? (file.startsWith("src/generator/") ? "src/generator/" : file);
    for (const spec of importsOf(fs.readFileSync(path.join(root, file), "utf8")).filter((s) => s.startsWith("."))) {
      const target = `${path.join(path.dirname(file), spec)}.ts`;
      if (target.startsWith("src/generator/") && target !== file) users.set(target, (users.get(target) ?? new Set()).add(user));
    }
  }
  return [...users].filter(([, u]) => u.size === 1 && /^src\/(modules|examples)\//.test([...u][0])).map(([f, u]) => `${f}: ${[...u][0]}`).sort();
}

describe("generator files that serve one module", () => {
  test("none: a file of src/generator/ one module alone uses lives in that module's folder", () => {
    expect(singleUserGeneratorFiles(ROOT)).toEqual([]);
  });

  test("control: the check finds such a file, and leaves shared ones and the generator's own alone", () => {
    const dir = scratchTree([
      ["src/generator/one-table.ts", "export const table = 1;\n"],
      ["src/generator/shared.ts", "export const shared = 1;\n"],
      ["src/generator/internal.ts", "export const internal = 1;\n"],
      ["src/generator/generate.ts", 'import { internal } from "./internal";\nexport const g = internal;\n'],
      ["src/modules/a/definition.ts", 'import { table } from "../../generator/one-table";\nimport { shared } from "../../generator/shared";\nimport { internal } from "../../generator/internal";\n'],
      ["src/modules/a/readme.ts", 'import { table } from "../../generator/one-table";\n'],
      ["src/modules/b/definition.ts", 'import { shared } from "../../generator/shared";\n'],
    ]);
    expect(singleUserGeneratorFiles(dir)).toEqual(["src/generator/one-table.ts: src/modules/a/"]);
  });
});

describe("import boundaries", () => {
  let found: Map<string, string>;

  beforeAll(() => {
    const dir = scratchTree([
      ["eslint.config.mjs", fs.readFileSync(path.join(ROOT, "eslint.config.mjs"), "utf8")],
      ...PROBES.map(([file, code]) => [file, `${code}\nexport const probe = 1;\n`] as [string, string]),
    ]);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
    const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "eslint"), ["--format", "json", "--rule", "@typescript-eslint/no-unused-vars: off", "."], { cwd: dir, encoding: "utf8" });
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { message: string }[] }[];
    found = new Map(results.map((x) => [path.relative(dir, x.filePath), x.messages.map((m) => m.message).join("\n")]));
  });

  test.each(PROBES)("%s: %s", (file, _code, rejectedWith) => {
    if (rejectedWith) expect(found.get(file)).toContain(rejectedWith);
    else expect(found.get(file)).toBe("");
  });
});
