// Renders "Mistakes we catch" (evidence/mistakes.json, planned by src/evidence/mistakes.ts) as Markdown:
// the whole table in evidence/mistakes.md, and each module's and wrapper's own rows in its README.
// It receives the JSON; the Terraform that computes it (src/evidence/) is never imported here.
import { escape } from "./evidence-markdown";
import { MISTAKES_DOC, MISTAKES_FILE, MistakeRow, MistakesFile } from "../evidence/files";

const code = (s: string) => "`" + s.replace(/\|/g, "\\|").replace(/`/g, "'") + "`";
const says = (r: MistakeRow) => (r.severity ? `${r.severity === "warning" ? "warning: " : ""}${r.messages.map(escape).join(" / ")}` : "**nothing: it plans** (the test fails)");

/** The rows of some directories as a Markdown table. */
function table(rows: MistakeRow[], withModule: boolean): string {
  const head = withModule ? "| Module | Mistake | Input | What the plan says | Done right (plans cleanly) |\n|---|---|---|---|---|" : "| Mistake | Input | What the plan says | Done right (plans cleanly) |\n|---|---|---|---|";
  const lines = rows.map((r) => {
    // The issue that asked for a row is for this repository's contributors (evidence/mistakes.md), not for a registry page.
    const cells = [escape(r.what) + (withModule && r.issue ? ` (issue ${r.issue})` : ""), code(r.inputs), says(r), r.control ? code(r.control) : "-"];
    return `| ${withModule ? `\`${r.module}\` | ` : ""}${cells.join(" | ")} |`;
  });
  return [head, ...lines].join("\n");
}

/** evidence/mistakes.md: every row, module by module. */
export function mistakesDocument(file: MistakesFile): string {
  const modules = [...new Set(file.rows.map((r) => r.module))];
  return [
    `<!-- Rendered from ${MISTAKES_FILE} by \`npm run synth\`; do not edit. -->`,
    "# Mistakes we catch",
    "",
    `${file.rows.length} plausible mistakes, each planned with real Terraform and \`${file.provider}\` (mocked AWS responses: no account, no credentials), and what the plan said. Errors stop the plan; a warning lets it go through (a \`check\` block). Each row is declared once as data, in \`src/modules/<module>/mistakes.ts\` (the wrappers' in \`src/modules/wrapper-mistakes.ts\`), and \`test/modules/mistakes.terraform.test.ts\` fails when a plan says anything else, or when a "done right" call does not plan cleanly. ${modules.length} modules and wrappers.`,
    "",
    `${file.fixtures}`,
    "",
    table(file.rows, true),
    "",
    "Issue 23 also fixed what was wrong with no mistake to make, and so has no row here: the S3 gateway's perimeter now admits the AWS-owned buckets of AWS's data-perimeter example that the compute host may read (`modules/cloudshell-vpc-network`'s `tests/defaults.tftest.hcl`); the monitoring module's event-bus role is named for its Region, so the module runs in two Regions of one account (the plan of `examples/monitoring`, `test/examples/plans.terraform.test.ts`); a wrapper item's `tags` are merged with the defaults' (the wrappers' items in the same test).",
    "",
  ].join("\n");
}

/** A README section with a module's or wrapper's own rows; empty when it has none. */
export function mistakesSection(file: MistakesFile, directory: string): string {
  const rows = file.rows.filter((r) => r.module === directory);
  if (!rows.length) return "";
  return [
    "## Mistakes caught at plan",
    "",
    `Each row was planned with real Terraform (\`${file.provider}\`, mocked AWS responses); the whole table, for every module, is [evidence/mistakes.md](../../${MISTAKES_DOC}). ${file.fixtures}`,
    "",
    table(rows, false),
    "",
  ].join("\n");
}
