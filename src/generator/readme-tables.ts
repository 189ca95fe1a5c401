// The terraform-docs tables (requirements, providers, modules, resources, inputs, outputs),
// built from the same synthesized JSON the HCL is printed from, so they cannot disagree.
import { renderValue, Value } from "../hcl/writer";
import { wholeExpression } from "../hcl/template";
import { Requirements } from "./definition";

type Json = Record<string, Value>;

const anchor = (kind: string, name: string) =>
  `<a name="${kind}_${name}"></a> [${name}](#${kind}\\_${name.replace(/_/g, "\\_")})`;
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, "<br/>");
const code = (s: string) => (s.includes("\n") ? `<pre>${cell(s.replace(/</g, "&lt;"))}</pre>` : "`" + s.replace(/\|/g, "\\|") + "`");

function table(head: string[], rows: string[][]): string {
  const align = head.map((h) => (h === "Required" ? ":--------:" : "-".repeat(h.length + 2)));
  return [`| ${head.join(" | ")} |`, `|${align.join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

export function docsTables(json: Json, req: Requirements): string {
  const sections: string[] = [];
  const requirementRows = [
    [anchor("requirement", "terraform"), req.terraform],
    ...req.providers.map((p) => [anchor("requirement", p.name), p.version]),
  ];
  sections.push("## Requirements\n\n" + table(["Name", "Version"], requirementRows));
  sections.push(
    "## Providers\n\n" +
      (req.providers.length
        ? table(["Name", "Version"], req.providers.map((p) => [anchor("provider", p.name), p.version]))
        : "No providers."),
  );
  const modules = Object.entries((json.module as Json) ?? {}).map(([name, body]) => [
    anchor("module", name),
    String((body as Json).source),
    "n/a",
  ]);
  sections.push("## Modules\n\n" + (modules.length ? table(["Name", "Source", "Version"], modules) : "No modules."));
  const resources: string[][] = [];
  for (const kind of ["resource", "data"]) {
    for (const [type, byName] of Object.entries((json[kind] as Json) ?? {})) {
      for (const name of Object.keys(byName as Json)) {
        const docs = `https://registry.terraform.io/providers/hashicorp/aws/latest/docs/${kind === "data" ? "data-sources" : "resources"}/${type.replace(/^aws_/, "")}`;
        resources.push([`[${kind === "data" ? "data." : ""}${type}.${name}](${docs})`, kind === "data" ? "data source" : "resource"]);
      }
    }
  }
  // Sorted as terraform-docs sorts them, whatever order the definition wrote them in.
  resources.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  sections.push("## Resources\n\n" + (resources.length ? table(["Name", "Type"], resources) : "No resources."));
  const inputs = Object.entries((json.variable as Json) ?? {})
    .sort(([a, x], [b, y]) => Number("default" in (x as Json)) - Number("default" in (y as Json)) || a.localeCompare(b))
    .map(([name, v]) => {
      const body = v as Json;
      const type = String(body.type);
      return [
        anchor("input", name),
        cell(String(body.description)),
        code(wholeExpression("${" + type + "}") ?? type),
        "default" in body ? code(renderValue(body.default)) : "n/a",
        "default" in body ? "no" : "yes",
      ];
    });
  sections.push("## Inputs\n\n" + (inputs.length ? table(["Name", "Description", "Type", "Default", "Required"], inputs) : "No inputs."));
  const outputs = Object.entries((json.output as Json) ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, o]) => [anchor("output", name), cell(String((o as Json).description))]);
  sections.push("## Outputs\n\n" + (outputs.length ? table(["Name", "Description"], outputs) : "No outputs."));
  return sections.join("\n\n");
}
