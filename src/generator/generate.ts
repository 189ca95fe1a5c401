// definitions -> cdktf synth (JSON) -> HCL files + READMEs, as an in-memory tree of files.
import * as fs from "node:fs";
import * as path from "node:path";
import Handlebars from "handlebars";
import { createApp, Unit } from "../cdktf/seam";
import { renderFile, Value } from "../hcl/writer";
import { Definition, directoryOf } from "./definition";
import { lowerStack } from "./lower";
import { checkModuleRules } from "./module-rules";
import { docsTables } from "./readme-tables";
import { TESTED_AWS_PROVIDER } from "../modules/requirements";
import { COORDINATES } from "./coordinates";
import { requirementsOf, versionsFile } from "./versions";

const TEMPLATES = path.join(__dirname, "..", "..", "templates");
/** How READMEs tell consumers to reach the modules: git over HTTPS, `//modules/<name>?ref=` (from package.json's repository). */
export const REPOSITORY = COORDINATES.git;
const template = (name: string) => Handlebars.compile(fs.readFileSync(path.join(TEMPLATES, name), "utf8"), { noEscape: true });

let partialsRegistered = false;
function registerPartials() {
  if (partialsRegistered) return;
  const dir = path.join(TEMPLATES, "readme");
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".hbs"))) {
    Handlebars.registerPartial(f.replace(/\.hbs$/, ""), fs.readFileSync(path.join(dir, f), "utf8"));
  }
  partialsRegistered = true;
}

/** A definition with the stack it built. */
export interface Built {
  definition: Definition;
  unit: Unit;
}

/** Builds every definition's stack and synthesizes them in one cdktf app. */
export function synthesize(definitions: Definition[], outdir?: string): Built[] {
  const app = createApp(outdir);
  const built = definitions.map((definition) => {
    // A wrapper shares its module's name; its stack needs its own.
    const unit = new Unit(app, definition.kind === "wrapper" ? `wrapper-${definition.name}` : definition.name);
    definition.build(unit);
    return { definition, unit };
  });
  app.synth();
  return built;
}

/** Renders the files of every definition: path relative to the repository root -> content. */
export function render(built: Built[]): Map<string, string> {
  registerPartials();
  const tfFile = template("tf-file.hbs");
  const readme = template("readme.md.hbs");
  const files = new Map<string, string>();
  const jsons = built.map(({ definition, unit }) => ({ definition, json: unit.synthesizedJson() as Record<string, Value> }));
  const requirements = requirementsOf(jsons);
  for (const [i, { definition: d, unit }] of built.entries()) {
    unit.schemas();
    const json = jsons[i].json;
    const dir = directoryOf(d);
    const req = requirements.get(dir)!;
    if (d.kind === "module") checkModuleRules(d.name, json, unit.elements);
    const trees = lowerStack(d.name, json, unit.elements);
    trees.set("versions.tf", versionsFile(req));
    for (const [name, items] of trees) {
      files.set(`${dir}/${name}`, tfFile({ source: d.source, body: renderFile(items) }).replace(/\n*$/, "\n"));
    }
    const extra = Object.entries(d.extraFiles?.() ?? {});
    for (const [name, content] of extra) files.set(`${dir}/${name}`, content);
    const testFiles = extra.filter(([name]) => name.endsWith(".tftest.hcl"));
    const tests = testFiles.length
      ? {
          files: testFiles.map(([name]) => name),
          runs: testFiles.reduce((n, [, text]) => n + (text.match(/^run "/gm) ?? []).length, 0),
          mocked: testFiles.some(([, text]) => /^mock_provider "/m.test(text)),
        }
      : undefined;
    const context = { ...d, repository: REPOSITORY, ref: COORDINATES.ref, registry: COORDINATES.registry, constraint: COORDINATES.constraint, partial: d.readme ?? d.name, wrapper: d.kind === "module" ? directoryOf({ ...d, kind: "wrapper" }) : undefined, requirements: req, tables: docsTables(json, req), tests, testedProvider: TESTED_AWS_PROVIDER, ...(d.readmeContext?.() ?? {}) };
    files.set(`${dir}/README.md`, readme(context).replace(/\n{3,}/g, "\n\n"));
  };
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/** The directories the generator owns entirely: any other file in them is stale. */
export const ownedDirectories = (definitions: Definition[]) => definitions.map(directoryOf);

/** Files under the owned directories that differ from, are missing from, or are absent in `files`. */
export function staleFiles(root: string, definitions: Definition[], files: Map<string, string>): string[] {
  const stale = new Set<string>();
  for (const [rel, content] of files) {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs) || fs.readFileSync(abs, "utf8") !== content) stale.add(rel);
  }
  for (const dir of ownedDirectories(definitions)) {
    const abs = path.join(root, dir);
    if (!fs.existsSync(abs)) continue;
    for (const f of fs.readdirSync(abs, { recursive: true, withFileTypes: true })) {
      if (!f.isFile()) continue;
      const rel = path.relative(root, path.join(f.parentPath, f.name));
      if (!rel.split(path.sep).includes(".terraform") && !files.has(rel)) stale.add(rel);
    }
  }
  return [...stale].sort();
}

/** Writes the tree and removes files the generator no longer produces. */
export function writeTree(root: string, definitions: Definition[], files: Map<string, string>): string[] {
  const changed = staleFiles(root, definitions, files);
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
