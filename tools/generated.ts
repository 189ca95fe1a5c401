// What the generator writes, for tests and scripts: the Terraform files of an in-memory generation,
// and the READMEs rendered from them with the committed evidence (its keys are checked against this
// generation without Terraform, test/evidence/keys.test.ts; the Terraform tier computes each file
// again and compares). The files are cached on disk, keyed by a hash of everything they are made
// from (src/, scripts/synth.ts, cdktf.json, package.json, package-lock.json, the evidence), so the many
// processes that only read them skip loading cdktf and every definition (about 1 s each).
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Built } from "../src/generator/generate";
import { committedEvidence, EVIDENCE_SOURCES } from "../src/evidence/sources";
import { tempDir } from "../src/evidence/terraform";

export const ROOT = path.join(__dirname, "..");

const GENERATOR_INPUTS = ["src", "scripts/synth.ts", "tools/generated.ts", "cdktf.json", "package.json", "package-lock.json", ...EVIDENCE_SOURCES.map((s) => s.file)];

function filesUnder(rel: string): string[] {
  const abs = path.join(ROOT, rel);
  if (!fs.existsSync(abs)) return [];
  if (!fs.statSync(abs).isDirectory()) return [rel];
  return fs.readdirSync(abs).sort().flatMap((name) => filesUnder(path.join(rel, name)));
}

/** A hash of every file the generator reads, path and content. */
function inputHash(): string {
  const hash = crypto.createHash("sha256");
  for (const rel of GENERATOR_INPUTS.flatMap(filesUnder)) hash.update(`${rel}\0`).update(fs.readFileSync(path.join(ROOT, rel))).update("\0");
  return hash.digest("hex").slice(0, 16);
}

let units: Built[] | undefined;

/** A generation in this process (loads cdktf and every definition): for tests that inspect the units. */
export function built(): Built[] {
  if (!units) {
    // Loaded here, not at the top, so that callers of generated() with a fresh cache never load them.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DEFINITIONS } = require("../src/definitions") as typeof import("../src/definitions");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { synthesize } = require("../src/generator/generate") as typeof import("../src/generator/generate");
    units = synthesize(DEFINITIONS, tempDir("cdktf-out-"));
  }
  return units;
}

let hclOfBuilt: Map<string, string> | undefined;

/** The Terraform files of the generation in this process (rendered once). */
export function builtHcl(): Map<string, string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { renderHcl } = require("../src/generator/generate") as typeof import("../src/generator/generate");
  return (hclOfBuilt ??= renderHcl(built()));
}

/**
 * The tree `npm run synth` writes, from a generation in this process, with the committed evidence
 * as it is (test/evidence/keys.test.ts checks its keys; its module's test computes it again).
 */
export function freshFiles(): Map<string, string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { treeOf } = require("../src/pipeline") as typeof import("../src/pipeline");
  return treeOf(built(), builtHcl(), committedEvidence(ROOT));
}

let files: Map<string, string> | undefined;

/** Every generated file by its path (sorted), evidence and manifest included: from the disk cache when the inputs are unchanged. */
export function generated(): { files: Map<string, string> } {
  if (!files) {
    const cache = path.join(os.tmpdir(), "terraform-aws-cloudshell-generated", `${inputHash()}.json`);
    if (fs.existsSync(cache)) {
      files = new Map(JSON.parse(fs.readFileSync(cache, "utf8")) as [string, string][]);
    } else {
      files = freshFiles();
      // Written whole under another name, then renamed: a parallel reader never sees half a file.
      fs.mkdirSync(path.dirname(cache), { recursive: true });
      const partial = `${cache}.${process.pid}.tmp`;
      fs.writeFileSync(partial, JSON.stringify([...files]));
      fs.renameSync(partial, cache);
    }
  }
  return { files };
}

/** The synthesized JSON of one generated directory, by its name. */
export const synthesizedJson = (name: string) => built().find((b) => b.definition.name === name)!.unit.synthesizedJson();

/** The generated directories of one kind ("modules", "examples" or "wrappers"), sorted. */
export const directories = (kind: "modules" | "examples" | "wrappers"): string[] => [
  ...new Set([...generated().files.keys()].filter((f) => f.startsWith(`${kind}/`)).map((f) => f.split("/").slice(0, 2).join("/"))),
];

/** The names of the generated examples, sorted. */
export const exampleNames = () => directories("examples").map((d) => d.slice("examples/".length));
