// definitions -> cdktf synth (JSON) -> HCL files + READMEs, as an in-memory tree of files.
import * as fs from "node:fs";
import * as path from "node:path";
import Handlebars from "handlebars";
import { createApp, Unit } from "../cdktf/seam";
import { attr, blank, block, comment, Item, renderFile, Value } from "../hcl/writer";
import { Definition, directoryOf, readmeTemplateOf, Requirements } from "./definition";
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

/** Renders the files of every definition: path relative to the repository root -> content. */
export function render(built: Built[]): Map<string, string> {
  const tfFile = template("src/generator/tf-file.hbs");
  const readme = template("src/generator/readme.md.hbs");
  const files = new Map<string, string>();
  checkRules(built.map(({ definition: d, unit }) => ({ unit: d.name, kind: d.kind, json: unit.synthesizedJson() as Record<string, Value>, elements: unit.elements, actions: unit.actions })));
  for (const { definition: d, unit } of built) {
    unit.schemas();
    const json = unit.synthesizedJson() as Record<string, Value>;
    const dir = directoryOf(d);
    const trees = lowerStack(d.name, json, unit.elements);
    trees.set("versions.tf", versionsFile(d.requirements));
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
    const readmeTemplate = readmeTemplateOf(d);
    Handlebars.registerPartial(d.name, fs.readFileSync(path.join(ROOT, readmeTemplate), "utf8"));
    const context = { ...d, repository: REPOSITORY, partial: d.name, readmeTemplate, tables: docsTables(json, d.requirements), tests, testedProvider: TESTED_AWS_PROVIDER, ...(d.readmeContext?.() ?? {}) };
    files.set(`${dir}/README.md`, readme(context).replace(/\n{3,}/g, "\n\n"));
  };
  return withManifest(new Map([...files].sort(([a], [b]) => a.localeCompare(b))));
}
