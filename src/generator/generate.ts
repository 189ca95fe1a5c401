// definitions -> cdktf synth (JSON) -> HCL files + READMEs, as an in-memory tree of files.
import * as fs from "node:fs";
import * as path from "node:path";
import Handlebars from "handlebars";
import { createApp, Unit } from "../cdktf/seam";
import { renderFile, Value } from "../hcl/writer";
import { Definition, directoryOf, Evidence, readmeTemplateOf } from "./definition";
import { lowerStack } from "./lower";
import { checkRules } from "./rules";
import { docsTables } from "./readme-tables";
import { withManifest } from "./files";
import { TESTED_AWS_PROVIDER } from "../facts/tested-provider";
import { COORDINATES } from "./coordinates";
import { requirementsOf, versionsFile } from "./versions";
import { absoluteLinks, PathKind } from "./links";
import { withRepositoryFiles } from "./repository-files";
import { MISTAKES_DOC, MISTAKES_FILE, MistakesFile } from "../evidence/files";
import { mistakesDocument, mistakesSection } from "./mistakes-table";

const ROOT = path.join(__dirname, "..", "..");
/** How READMEs tell consumers to reach the modules: git over HTTPS, `//modules/<name>?ref=` (from package.json's repository). */
export const REPOSITORY = COORDINATES.git;
const template = (file: string) => Handlebars.compile(fs.readFileSync(path.join(ROOT, file), "utf8"), { noEscape: true });

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

/** Each directory's Terraform and provider requirements, with its own reasons (versions.ts). */
const requirementsByDirectory = (built: Built[]) => requirementsOf(built.map(({ definition, unit }) => ({ definition, json: unit.synthesizedJson() as Record<string, Value> })));

/** Every rule over every definition (rules.ts): stops once, listing every violation. */
function checkAll(built: Built[]): void {
  checkRules(built.map(({ definition: d, unit }) => ({ unit: unit.name, kind: d.kind, json: unit.synthesizedJson() as Record<string, Value>, elements: unit.elements, actions: unit.actions })));
}

/** The Terraform files of every definition (HCL and shipped tests), by path relative to the repository root. */
export function renderHcl(built: Built[]): Map<string, string> {
  checkAll(built);
  const tfFile = template("src/generator/tf-file.hbs");
  const files = new Map<string, string>();
  const requirements = requirementsByDirectory(built);
  for (const { definition: d, unit } of built) {
    unit.schemas();
    const dir = directoryOf(d);
    const trees = lowerStack(d.name, unit.synthesizedJson() as Record<string, Value>, unit.elements);
    trees.set("versions.tf", versionsFile(requirements.get(dir)!));
    for (const [name, items] of trees) {
      files.set(`${dir}/${name}`, tfFile({ source: d.source, body: renderFile(items) }).replace(/\n*$/, "\n"));
    }
    for (const [name, content] of Object.entries(d.extraFiles?.() ?? {})) files.set(`${dir}/${name}`, content);
  }
  return sorted(files);
}

/** The README of every definition, rendered last: from the definition, its Terraform files and the evidence computed from them. */
export function renderReadmes(built: Built[], hcl: Map<string, string>, evidence: Evidence): Map<string, string> {
  const readme = template("src/generator/readme.md.hbs");
  const files = new Map<string, string>();
  const requirements = requirementsByDirectory(built);
  const kindOf = pathKinds([...hcl.keys(), ...built.map(({ definition }) => `${directoryOf(definition)}/README.md`)]);
  for (const { definition: d, unit } of built) {
    const dir = directoryOf(d);
    const testFiles = [...hcl].filter(([rel]) => rel.startsWith(`${dir}/`) && rel.endsWith(".tftest.hcl"));
    const tests = testFiles.length
      ? {
          files: testFiles.map(([rel]) => rel.slice(dir.length + 1)),
          runs: testFiles.reduce((n, [, text]) => n + (text.match(/^run "/gm) ?? []).length, 0),
          mocked: testFiles.some(([, text]) => /^mock_provider "/m.test(text)),
        }
      : undefined;
    const readmeTemplate = readmeTemplateOf(d);
    // Partials by directory: a wrapper shares its module's name.
    Handlebars.registerPartial(dir, fs.readFileSync(path.join(ROOT, readmeTemplate), "utf8"));
    const json = unit.synthesizedJson() as Record<string, Value>;
    const req = requirements.get(dir)!;
    const context = {
      ...d,
      repository: REPOSITORY,
      ref: COORDINATES.ref,
      registry: COORDINATES.registry,
      constraint: COORDINATES.constraint,
      partial: dir,
      readmeTemplate,
      wrapper: d.kind === "module" ? directoryOf({ ...d, kind: "wrapper" }) : undefined,
      // A module's two sources: the registry with a version constraint, git with a release tag.
      example: d.kind === "example",
      sources: d.kind === "module" ? { call: d.name.replace(/-/g, "_"), registry: `${COORDINATES.registry}//${dir}`, git: `${REPOSITORY}//${dir}?ref=${COORDINATES.ref}` } : undefined,
      requirements: req,
      tables: docsTables(json, req),
      tests,
      testedProvider: TESTED_AWS_PROVIDER,
      mistakes: mistakesSection(evidence.read<MistakesFile>(MISTAKES_FILE), dir),
      ...(d.readmeContext?.(evidence) ?? {}),
    };
    files.set(`${dir}/README.md`, absoluteLinks(readme(context).replace(/\n{3,}/g, "\n\n"), `${dir}/README.md`, kindOf, COORDINATES));
  }
  return sorted(files);
}

/** Whether a repository path is a file or a directory: of this generation, or else on disk. */
function pathKinds(generated: string[]): (p: string) => PathKind {
  const files = new Set(generated);
  return (p) => {
    if (files.has(p)) return "file";
    if (generated.some((f) => f.startsWith(`${p}/`))) return "directory";
    const abs = path.join(ROOT, p);
    if (!fs.existsSync(abs)) return undefined;
    return fs.statSync(abs).isDirectory() ? "directory" : "file";
  };
}

/** What is rendered from the evidence alone, beside it: the table of mistakes the modules catch. */
export function evidenceDocuments(evidence: Evidence): Map<string, string> {
  return new Map([[MISTAKES_DOC, mistakesDocument(evidence.read<MistakesFile>(MISTAKES_FILE))]]);
}

/** The whole generated tree: Terraform files, evidence, READMEs, and the manifest of them all. */
export const tree = (...parts: Map<string, string>[]): Map<string, string> => withManifest(sorted(withRepositoryFiles(new Map(parts.flatMap((p) => [...p])), COORDINATES)));

const sorted = (files: Map<string, string>) => new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
