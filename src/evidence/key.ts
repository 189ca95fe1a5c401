// The key of an evidence file: a hash of exactly what computing it reads, which the file records
// (src/evidence/sources.ts). While the committed file's key is the one this generation gives,
// synth keeps the file and starts no Terraform for it. Three things go in:
//   files     the generated files it evaluates: the directories it names, the directories their
//             Terraform calls (`source = "../x"`), and the test files it names; never a README;
//   code      its module in src/evidence/ and every file that imports, transitively: the scenarios,
//             attacks, samples and mistake rows are data in those files, and the simulator, the
//             matchers and the Terraform runner (with the hashicorp/aws version it pins) are code there;
//   packages  the version, in package-lock.json, of every package that code imports and of their
//             dependencies (@cloud-copilot/iam-simulate and its IAM data).
// `import type` is left out: it is gone once compiled. Terraform's own version is not in the key
// (reading it means starting Terraform): the Terraform-tier tests recompute every file and compare.
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

export const ROOT = path.join(__dirname, "..", "..");

/** Reads a repository file; tests pass another to show what changes a key. */
export type ReadFile = (rel: string) => string;
const fromDisk: ReadFile = (rel) => fs.readFileSync(path.join(ROOT, rel), "utf8");

/** What an evidence file is computed from. */
export interface KeyInputs {
  /** Its module, relative to the repository, such as "src/evidence/simulate.ts". */
  module: string;
  /** Generated directories (their files, tests/ and READMEs left out) and single files it evaluates. */
  reads: string[];
}

const isTest = (rel: string) => rel.includes("/tests/");
const under = (rel: string, entry: string) => rel === entry || (rel.startsWith(`${entry}/`) && !rel.endsWith(".md") && !isTest(rel.slice(entry.length)));

/** The directories a directory's Terraform calls, by relative source. */
function calledDirectories(tree: Map<string, string>, dir: string): string[] {
  const called = new Set<string>();
  for (const [rel, content] of tree) {
    if (!under(rel, dir) || !rel.endsWith(".tf")) continue;
    for (const m of content.matchAll(/^\s*source\s*=\s*"(\.\.?\/[^"]+)"/gm)) called.add(path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[1])));
  }
  return [...called];
}

/** What `reads` names and every directory its Terraform calls, transitively (local sources only). */
export function loadedFrom(tree: Map<string, string>, reads: string[]): Set<string> {
  const entries = new Set(reads);
  for (const entry of entries) for (const called of calledDirectories(tree, entry)) entries.add(called);
  return entries;
}

/** The generated files an evidence file evaluates: what it names, and every directory they call. */
export function filesRead(tree: Map<string, string>, reads: string[]): Map<string, string> {
  const entries = [...loadedFrom(tree, reads)];
  return new Map([...tree].filter(([rel]) => entries.some((e) => under(rel, e))).sort(([a], [b]) => a.localeCompare(b)));
}

/** The specifiers a TypeScript file imports at run time: `import`/`export ... from`, `import "<module>"`, `require(<module>)`, not `import type`. */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^;]*?\bfrom\s+"([^"]+)"/gm)) if (!m[1]) found.push(m[2]);
  for (const m of source.matchAll(/^\s*import\s+"([^"]+)"/gm)) found.push(m[1]);
  for (const m of source.matchAll(/\brequire(?:\.resolve)?\("([^"]+)"\)/g)) found.push(m[1]);
  return found;
}

const packageOf = (specifier: string) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

/** Every repository file `module` runs, itself included, and every package those import; both sorted. */
export function codeOf(module: string, read: ReadFile = fromDisk): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (rel: string) => {
    if (files.has(rel)) return;
    files.add(rel);
    for (const spec of importsOf(read(rel))) {
      if (spec.startsWith("node:")) continue;
      if (!spec.startsWith(".")) {
        packages.add(packageOf(spec));
        continue;
      }
      const base = path.posix.join(path.posix.dirname(rel), spec);
      const candidates = [`${base}.ts`, `${base}/index.ts`, base];
      const found = candidates.find((c) => fs.existsSync(path.join(ROOT, c)));
      if (!found) throw new Error(`${rel} imports ${spec}, which is no file: the evidence key cannot cover it`);
      visit(found);
    }
  };
  visit(module);
  return { files: [...files].sort(), packages: [...packages].sort() };
}

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** `name@version` of each package and of everything it depends on, as package-lock.json resolves them. */
export function packageVersions(names: string[], read: ReadFile = fromDisk): string[] {
  const lock = (JSON.parse(read("package-lock.json")) as { packages: Record<string, LockEntry> }).packages;
  const seen = new Map<string, string>();
  const visit = (name: string, from: string) => {
    // Node's resolution: the nearest node_modules up from the dependent package.
    let dir = from;
    let at: string | undefined;
    for (;;) {
      const candidate = `${dir ? `${dir}/` : ""}node_modules/${name}`;
      if (lock[candidate]) {
        at = candidate;
        break;
      }
      if (!dir) break;
      dir = dir.includes("/node_modules/") ? dir.slice(0, dir.lastIndexOf("/node_modules/")) : "";
    }
    if (!at) throw new Error(`package-lock.json has no ${name} (needed by ${from || "the evidence code"}): run npm install`);
    if (seen.has(at)) return;
    const entry = lock[at];
    seen.set(at, `${at.slice(at.lastIndexOf("node_modules/") + "node_modules/".length)}@${entry.version}`);
    for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) visit(dep, at);
  };
  for (const name of names) visit(name, "");
  return [...new Set(seen.values())].sort();
}

/** The key: 16 hex digits of the SHA-256 of the files read, the code and the packages' versions. */
export function evidenceKey(inputs: KeyInputs, tree: Map<string, string>, read: ReadFile = fromDisk): string {
  const hash = crypto.createHash("sha256");
  for (const [rel, content] of filesRead(tree, inputs.reads)) hash.update(`file\0${rel}\0${content}\0`);
  const code = codeOf(inputs.module, read);
  for (const rel of code.files) hash.update(`code\0${rel}\0${read(rel)}\0`);
  for (const p of packageVersions(code.packages, read)) hash.update(`package\0${p}\0`);
  return hash.digest("hex").slice(0, 16);
}
