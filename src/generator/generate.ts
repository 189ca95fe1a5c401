// definitions -> cdktf synth (JSON) -> HCL files + READMEs, as an in-memory tree of files.
import * as fs from "node:fs";
import * as path from "node:path";
import Handlebars from "handlebars";
import { createApp, Unit } from "../cdktf/seam";
import { attr, blank, block, comment, Item, renderFile, Value } from "../hcl/writer";
import { Definition, directoryOf, Requirements } from "./definition";
import { lowerStack } from "./lower";
import { checkRules } from "./rules";
import { docsTables } from "./readme-tables";
import { withManifest } from "./files";
import { TESTED_AWS_PROVIDER } from "../modules/requirements";

const TEMPLATES = path.join(__dirname, "..", "..", "templates");
/** How READMEs tell consumers to reach the modules: git over HTTPS, `//modules/<name>?ref=`. */
export const REPOSITORY = "github.com/example-org/terraform-aws-cloudshell";
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
  registerPartials();
  const tfFile = template("tf-file.hbs");
  const readme = template("readme.md.hbs");
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
    const context = { ...d, repository: REPOSITORY, partial: d.readme ?? d.name, tables: docsTables(json, d.requirements), tests, testedProvider: TESTED_AWS_PROVIDER, ...(d.readmeContext?.() ?? {}) };
    files.set(`${dir}/README.md`, readme(context).replace(/\n{3,}/g, "\n\n"));
  };
  return withManifest(new Map([...files].sort(([a], [b]) => a.localeCompare(b))));
}
