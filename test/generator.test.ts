import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "@cdktf/hcl2json";
import { DEFINITIONS } from "../src/definitions";
import { directoryOf } from "../src/generator/definition";
import { render, staleFiles, synthesize } from "../src/generator/generate";
import { built, freshFiles, ROOT } from "../tools/generated";
import { tempDir, terraform } from "../tools/terraform";
import { roundTripDifferences } from "./support/round-trip";

// A generation in this process, not the disk cache the other tests read: this file checks the generator.
let files: Map<string, string> | undefined;
const fresh = () => (files ??= freshFiles());
const hclFiles = () => [...fresh()].filter(([f]) => /\.(tf|tftest\.hcl)$/.test(f));

describe("generated modules and examples", () => {
  test("the committed tree is exactly what the generator writes", () => {
    const stale = staleFiles(ROOT, DEFINITIONS, fresh());
    if (stale.length) throw new Error(`stale files (run \`npm run synth\` and commit):\n  ${stale.join("\n  ")}`);
  });

  test("two generations are byte-identical", () => {
    const again = render(synthesize(DEFINITIONS, tempDir("cdktf-again-")));
    expect([...again.keys()]).toEqual([...fresh().keys()]);
    for (const [file, content] of again) expect(`${file}\n${content}`).toEqual(`${file}\n${fresh().get(file)}`);
  });

  test("every HCL file parses", async () => {
    for (const [file, content] of hclFiles()) {
      await expect(parse(file, content)).resolves.toBeInstanceOf(Object);
    }
  });

  test("terraform fmt changes nothing", () => {
    const dir = tempDir("fmt-");
    for (const [file, content] of hclFiles()) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), content);
    }
    const r = terraform(dir, ["fmt", "-check", "-recursive", "-list=true", "."]);
    expect(r.stdout.trim().split("\n").filter(Boolean)).toEqual([]);
    expect(r.status).toBe(0);
  });

  test("no interpolation-only strings, absolute paths or timestamps", () => {
    for (const [file, content] of fresh()) {
      const where = (re: RegExp) => content.split("\n").filter((l) => re.test(l)).map((l) => `${file}: ${l.trim()}`);
      expect(where(/=\s*"\$\{[^"]*\}"\s*$/)).toEqual([]);
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
    const files = [...fresh()].filter(([f]) => f.startsWith(dir) && f.endsWith(".tf") && !f.includes("/tests/"));
    expect(await roundTripDifferences(unit, files)).toEqual([]);
  });

  test("the repository README's test command is what CI runs", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const ci = fs.readFileSync(path.join(ROOT, ".ci", "run"), "utf8");
    expect(readme).toContain("npm test");
    expect(ci).toMatch(/^npm test$/m);
  });
});
