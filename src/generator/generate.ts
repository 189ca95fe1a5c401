// definitions -> cdktf synth (JSON) -> HCL files + READMEs, as an in-memory tree of files.
import * as fs from "node:fs";
import * as path from "node:path";
import Handlebars from "handlebars";
import { createApp, Unit } from "../cdktf/seam";
import { attr, blank, block, comment, Item, renderFile, Value } from "../hcl/writer";
import { Definition, directoryOf, Evidence, readmeTemplateOf, Requirements } from "./definition";
import { lowerStack } from "./lower";
import { checkRules } from "./rules";
import { docsTables } from "./readme-tables";
import { withManifest } from "./files";
import { TESTED_AWS_PROVIDER } from "../modules/requirements";

const ROOT = path.join(__dirname, "..", "..");
/** How READMEs tell consumers to reach the modules: git over HTTPS, `//modules/<name>?ref=`. */
export const REPOSITORY = "github.com/example-org/terraform-aws-cloudshell";
const template = (file: string) => Handlebars.compile(fs.readFileSync(path.join(ROOT, file), "utf8"), { noEscape: true });

function versionsFile(req: Requirements): Item[] {
  const body: Item[] = [comment(`${req.terraform}: ${req.terraformReason}`), attr("required_version", req.terraform)];
  if (req.providers.length) {
    const providers: Item[] = [];
    for (const p of req.providers) {
      providers.push(comment(`${p.version}: ${p.reason}`), attr(p.name, { source: p.source, version: p.version }));
    }
    body.push(blank, block("required_providers", [], providers));
  }
  return [block("terraform", [], body)];
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
    const unit = new Unit(app, definition.name);
    definition.build(unit);
    return { definition, unit };
  });
  app.synth();
  return built;
}

/** Every rule over every definition (rules.ts): stops once, listing every violation. */
function checkAll(built: Built[]): void {
  checkRules(built.map(({ definition: d, unit }) => ({ unit: d.name, kind: d.kind, json: unit.synthesizedJson() as Record<string, Value>, elements: unit.elements, actions: unit.actions })));
}

/** The Terraform files of every definition (HCL and shipped tests), by path relative to the repository root. */
export function renderHcl(built: Built[]): Map<string, string> {
  checkAll(built);
  const tfFile = template("src/generator/tf-file.hbs");
  const files = new Map<string, string>();
  for (const { definition: d, unit } of built) {
    unit.schemas();
    const dir = directoryOf(d);
    const trees = lowerStack(d.name, unit.synthesizedJson() as Record<string, Value>, unit.elements);
    trees.set("versions.tf", versionsFile(d.requirements));
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
    Handlebars.registerPartial(d.name, fs.readFileSync(path.join(ROOT, readmeTemplate), "utf8"));
    const json = unit.synthesizedJson() as Record<string, Value>;
    const context = { ...d, repository: REPOSITORY, partial: d.name, readmeTemplate, tables: docsTables(json, d.requirements), tests, testedProvider: TESTED_AWS_PROVIDER, ...(d.readmeContext?.(evidence) ?? {}) };
    files.set(`${dir}/README.md`, readme(context).replace(/\n{3,}/g, "\n\n"));
  }
  return sorted(files);
}

/** The whole generated tree: Terraform files, evidence, READMEs, and the manifest of them all. */
export const tree = (...parts: Map<string, string>[]): Map<string, string> => withManifest(sorted(new Map(parts.flatMap((p) => [...p]))));

const sorted = (files: Map<string, string>) => new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
