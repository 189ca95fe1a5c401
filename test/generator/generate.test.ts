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
import { PRESETS } from "../../src/facts/features";
import { built, builtHcl, freshFiles, ROOT } from "../../tools/generated";
import { tempDir } from "../../src/evidence/terraform";
import { driftReport, firstHunk, judgesOf } from "../support/drift";
import { roundTripDifferences } from "../support/round-trip";

const fresh = builtHcl;
let whole: Map<string, string> | undefined;
const freshTree = () => (whole ??= freshFiles());
const hclFiles = () => [...fresh()].filter(([f]) => /\.(tf|tftest\.hcl)$/.test(f));

describe("the generated Terraform files", () => {
  test("the committed tree (Terraform files, evidence, READMEs, manifest) is exactly what synth writes from that evidence", () => {
    // Every file synth writes is in the tree, the evidence and the manifest too: a missing or extra one is stale.
    expect(driftReport(ROOT, freshTree())).toReportNothing();
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
});

describe("a drift failure shows the change and names the tests that judge it", () => {
  const DOCUMENT = "modules/cloudshell-policy-document";
  /** The committed-evidence tree with the document module generated again, `change` applied to the facts meanwhile. */
  function withDocument(change?: () => () => void): Map<string, string> {
    const tree = freshTree();
    const undo = change?.();
    try {
      return new Map([...tree, ...renderHcl(synthesize(DEFINITIONS.filter((d) => directoryOf(d) === DOCUMENT), tempDir("cdktf-drift-")))]);
    } finally {
      undo?.();
    }
  }
  const omitCredentials = () => {
    const effects = PRESETS["no-credentials"].effects;
    effects.credentials = "omit";
    return () => (effects.credentials = "deny");
  };

  test("control: the document module generated again on its own is no drift", () => {
    expect(driftReport(ROOT, withDocument())).toBeUndefined();
  });

  test("no-credentials changed from denying credentials to omitting them: the hunk, then the permission matrix's test first", () => {
    const report = driftReport(ROOT, withDocument(omitCredentials))!;
    const entry = report.slice(report.indexOf(`${DOCUMENT}/presets.tf\n`));
    expect(entry.split("\n").slice(0, 11)).toEqual([
      `${DOCUMENT}/presets.tf`,
      expect.stringMatching(/^ {2}@@ -\d+,7 \+\d+,7 @@$/),
      expect.stringContaining("approve_command "),
      expect.stringContaining("restart "),
      expect.stringContaining("delete_home "),
      expect.stringMatching(/^ {2}-\s+credentials\s+= "deny"$/),
      expect.stringMatching(/^ {2}\+\s+credentials\s+= "omit"$/),
      expect.stringContaining("file_upload "),
      expect.stringContaining("file_download "),
      expect.stringContaining("}"),
      expect.stringMatching(/^ {2}judged by test\/modules\/cloudshell-policy-document\/simulation\.terraform\.test\.ts: The permission matrix: /),
    ]);
    // Regenerating is named last, after the tests that say what the change means.
    expect(report.indexOf("npx jest")).toBeLessThan(report.indexOf("npm run synth"));
    expect(PRESETS["no-credentials"].effects.credentials).toBe("deny");
  });

  test("every generated file has a test that judges it, and every test named exists", () => {
    const judged = [...freshTree().keys()].map((f) => [f, judgesOf(f)] as const);
    expect(judged.filter(([, tests]) => tests.length === 0).map(([f]) => f)).toEqual([]);
    const named = [...new Set(judged.flatMap(([, tests]) => tests))];
    expect(named.filter((t) => !fs.existsSync(path.join(ROOT, t)))).toEqual([]);
    expect(judgesOf("evidence/permission-matrix.json")).toEqual(["test/modules/cloudshell-policy-document/simulation.terraform.test.ts"]);
    expect(judgesOf("examples/multi-region/main.tf")).toEqual(["test/examples/multi-region.terraform.test.ts", "test/examples/plans.terraform.test.ts"]);
  });

  test("the first hunk: three lines of context, the lines removed, the lines added; only the first of two changes", () => {
    const before = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"].join("\n");
    const after = ["a", "b", "c", "d", "E", "e2", "f", "g", "h", "i", "J", "k", "l"].join("\n");
    expect(firstHunk(before, after)).toBe(["@@ -2,7 +2,8 @@", " b", " c", " d", "-e", "+E", "+e2", " f", " g", " h"].join("\n"));
    expect(firstHunk(before, before)).toBe("");
    expect(firstHunk("a\nb\n", "a\nb\nc\n")).toBe(["@@ -1,3 +1,4 @@", " a", " b", "+c", " "].join("\n"));
    expect(firstHunk("x\ny\n", "y\n")).toBe(["@@ -1,3 +1,2 @@", "-x", " y", " "].join("\n"));
    const long = firstHunk("", Array.from({ length: 30 }, (_, i) => `line ${i}`).join("\n"));
    expect(long.split("\n").slice(-2)).toEqual(["+line 11", "+... 18 more line(s)"]);
  });
});
