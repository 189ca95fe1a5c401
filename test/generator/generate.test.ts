// The generator's files, from a generation in this process (not the disk cache the other tests
// read): the committed tree is exactly what synth writes (with the committed evidence: each
// evidence file is recomputed by its module's Terraform-tier test, with the functions synth uses),
// twice the same, parsed, and free of what review rejects. No Terraform runs here.
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "../support/hcl2json";
import { DEFINITIONS } from "../../src/definitions";
import { directoryOf } from "../../src/generator/definition";
import { renderHcl, synthesize } from "../../src/generator/generate";
import { staleFiles } from "../../src/generator/files";
import { EVIDENCE_SOURCES } from "../../src/evidence/sources";
import { built, freshFiles, ROOT } from "../../tools/generated";
import { tempDir } from "../../src/evidence/terraform";
import { roundTripDifferences } from "../support/round-trip";

let files: Map<string, string> | undefined;
const fresh = () => (files ??= renderHcl(built()));
let whole: Map<string, string> | undefined;
const freshTree = () => (whole ??= freshFiles());
const hclFiles = () => [...fresh()].filter(([f]) => /\.(tf|tftest\.hcl)$/.test(f));

describe("the generated Terraform files", () => {
  test("the committed tree (Terraform files, evidence, READMEs, manifest) is exactly what synth writes from that evidence", () => {
    const stale = staleFiles(ROOT, freshTree());
    if (stale.length) throw new Error(`stale files (run \`npm run synth\`, review the evidence and commit):\n  ${stale.join("\n  ")}`);
  });

  test("every evidence file is part of the tree and listed in the manifest", () => {
    const tree = freshTree();
    expect(EVIDENCE_SOURCES.length).toBeGreaterThanOrEqual(4);
    for (const { file } of EVIDENCE_SOURCES) {
      expect(tree.has(file)).toBe(true);
      expect(tree.get(".generated-files")).toContain(`\n${file}\n`);
    }
  });

  test("two generations are byte-identical", () => {
    const again = renderHcl(synthesize(DEFINITIONS, tempDir("cdktf-again-")));
    expect([...again.keys()]).toEqual([...fresh().keys()]);
    for (const [file, content] of again) expect(`${file}\n${content}`).toEqual(`${file}\n${fresh().get(file)}`);
  });

  test("every HCL file parses", async () => {
    for (const [file, content] of hclFiles()) {
      await expect(parse(file, content)).resolves.toBeInstanceOf(Object);
    }
  });

  test("no interpolation-only strings, absolute paths or timestamps", () => {
    for (const [file, content] of fresh()) {
      const where = (re: RegExp) => content.split("\n").filter((l) => re.test(l)).map((l) => `${file}: ${l.trim()}`);
      // "${x}" alone; "${a}-${b}" is a template, not an interpolation-only string.
      expect(where(/=\s*"\$\{(?:(?!\$\{)[^"])*\}"\s*$/)).toEqual([]);
      expect(where(/(^|[\s"'(])\/(tmp|work|home|root|Users|var\/folders)\//)).toEqual([]);
      expect(where(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/)).toEqual([]);
    }
  });

  test("modules have no provider or backend blocks", async () => {
    for (const [file, content] of hclFiles().filter(([f]) => (f.startsWith("modules/") || f.startsWith("wrappers/")) && f.endsWith(".tf"))) {
      const json = await parse(file, content);
      expect(`${file}: ${Object.keys(json).filter((k) => k === "provider")}`).toBe(`${file}: `);
      expect(`${file}: ${JSON.stringify(json.terraform?.[0]?.backend ?? null)}`).toBe(`${file}: null`);
    }
  });

  test.each(DEFINITIONS.map((d, i) => [directoryOf(d), i]))("%s: the HCL means what cdktf synthesized", async (_name, i) => {
    const unit = built()[i as number].unit;
    const dir = `${directoryOf(DEFINITIONS[i as number])}/`;
    const own = [...fresh()].filter(([f]) => f.startsWith(dir) && f.endsWith(".tf") && !f.includes("/tests/"));
    expect(await roundTripDifferences(unit, own)).toEqual([]);
  });

  test("the contributors' guide's test command is what CI runs", () => {
    const readme = fs.readFileSync(path.join(ROOT, "CONTRIBUTING.md"), "utf8");
    const ci = fs.readFileSync(path.join(ROOT, ".ci", "run"), "utf8");
    expect(readme).toContain("npm test");
    expect(ci).toMatch(/^npm test$/m);
  });
});
