// The folder boundaries are enforced by ESLint (no-restricted-imports), not by comments: the AGPL
// simulator and the evidence tooling stay out of everything shipped, and tools/ never imports test/.
// The repository's own ESLint config lints probe files laid out like the repository, in one process.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "../tools/generated";
import { scratchTree } from "../src/evidence/terraform";

const PROBES: [file: string, code: string, rejectedWith: string | null][] = [
  ["src/agpl.ts", 'import { runSimulation } from "@cloud-copilot/iam-simulate";', "AGPL-3.0"],
  ["src/generator/evidence.ts", 'import { runSimulation } from "@cloud-copilot/iam-simulate";', "AGPL-3.0"],
  ["scripts/synth.ts", 'import { computeEvidence } from "../src/evidence/sources";', null],
  ["src/tooling.ts", 'import { planJson } from "../src/evidence/terraform";', "must not import evidence tooling"],
  ["src/tests.ts", 'import { withProvider } from "../test/support/provider";', "must not import evidence tooling"],
  ["tools/tests.ts", 'import { withProvider } from "../test/support/provider";', "tools/ must not import from test/"],
  ["src/provider-root.ts", 'import { Vpc } from "@cdktf/provider-aws";', "Import by deep path"],
  ["tools/simulator.ts", 'import { runSimulation } from "@cloud-copilot/iam-simulate";', null],
  ["test/parse.test.ts", 'import { parse } from "@cdktf/hcl2json";', "Import parse from test/support/hcl2json.ts"],
  ["test/support/hcl2json.ts", 'import { parse } from "@cdktf/hcl2json";', null],
  // The review command ships alone: no package, no generator, no evidence tooling; the facts and node: yes.
  ["src/review/simulator.ts", 'import { runSimulation } from "@cloud-copilot/iam-simulate";', "AGPL-3.0"],
  ["src/review/package.ts", 'import { Testing } from "cdktf";', "src/review/ imports only node: modules"],
  ["src/review/generator.ts", 'import { DefinitionError } from "../generator/errors";', "src/review/ imports only node: modules"],
  ["src/review/tooling.ts", 'import { planJson } from "../../src/evidence/terraform";', "src/review/ imports only node: modules"],
  ["src/review/facts.ts", 'import { FEATURES } from "../facts/features";\nimport * as fs from "node:fs";\nimport { readPlan } from "./plan";', null],
];

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
