// Which files the generator owns, and how it writes them without touching anything else.
// Ownership is a manifest (as projen keeps .projen/files.json): the generator removes a file only
// when the previous generation listed it and this one does not. Files users make next to the
// generated ones (state, tfvars, `terraform init` output, notes) are never listed, never reported
// as drift and never removed; state and variable files are refused even if a manifest names them.
import * as fs from "node:fs";
import * as path from "node:path";

/** The manifest of generated files, itself generated and committed at the repository root. */
export const MANIFEST = ".generated-files";

const MANIFEST_HEADER = "# Every file `npm run synth` writes; it removes only files listed here. Generated; do not edit.";

/** What Terraform and its users keep beside a configuration: never written, never removed. */
const USER_FILES = [/(^|\/)\.terraform(\/|$)/, /(^|\/)\.terraform\.lock\.hcl$/, /\.tfstate($|\.)/, /\.tfvars(\.json)?$/];
export const isUserFile = (rel: string) => USER_FILES.some((re) => re.test(rel));

/** The tree with its manifest added. Throws when the tree would write a user's file. */
export function withManifest(files: Map<string, string>): Map<string, string> {
  const refused = [...files.keys()].filter(isUserFile);
  if (refused.length) throw new Error(`the generator must not write ${refused.join(", ")}: Terraform state, variables and init output belong to users`);
  const listed = [...files.keys()].filter((f) => f !== MANIFEST).sort();
  return new Map([...files, [MANIFEST, `${MANIFEST_HEADER}\n${listed.join("\n")}\n`]]);
}

/** The files the committed manifest lists (none before the first manifest). */
export function listedFiles(root: string): string[] {
  const abs = path.join(root, MANIFEST);
  if (!fs.existsSync(abs)) return [];
  return fs.readFileSync(abs, "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
}

/**
 * Files that differ from `files` (missing or changed), and files the previous manifest lists that
 * the generator no longer writes. Anything else in the tree is the user's and is not looked at.
 */
export function staleFiles(root: string, files: Map<string, string>): string[] {
  const stale = new Set<string>();
  for (const [rel, content] of files) {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs) || fs.readFileSync(abs, "utf8") !== content) stale.add(rel);
  }
  for (const rel of listedFiles(root)) {
    if (!files.has(rel) && !isUserFile(rel) && fs.existsSync(path.join(root, rel))) stale.add(rel);
  }
  return [...stale].sort();
}

/** Writes the tree (manifest included) and removes the generated files it no longer produces. */
export function writeTree(root: string, files: Map<string, string>): string[] {
  const changed = staleFiles(root, files);
  for (const rel of changed) {
    const abs = path.join(root, rel);
    const content = files.get(rel);
    if (content === undefined) fs.rmSync(abs);
    else {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, content);
    }
  }
  return changed;
}
