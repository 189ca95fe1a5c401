// Renders the network's endpoint-perimeter evidence (evidence/endpoint-perimeter.json, computed by
// `npm run synth` from a mocked apply of the generated module) as Markdown for its README. It
// receives the JSON: the simulator that computes it (src/evidence/) is never imported here.
import { cell } from "../../generator/evidence-markdown";
import { PerimeterFile } from "../../evidence/files";

/** The two tables: one write per endpoint and column, then AWS's exceptions and unsigned calls with the control. */
export function perimeterTable(e: PerimeterFile, computeHostLabels: string[]): string {
  const columns = Object.keys(e.columns);
  const compute = new Set(computeHostLabels);
  const rows = e.endpoints.map(
    (r) =>
      `| \`${r.label}\`${compute.has(r.label) ? " (compute host: `perimeter_on`)" : ""} | \`${r.action}\` on \`${r.resource}\` | ${columns.map((c) => cell(r.results[c], `${r.label} ${c}`)).join(" | ")} |`,
  );
  const extra = e.extra.map((x) => `| \`${x.label}\` | ${x.what}: \`${x.action}\` by ${x.principal === "anonymous" ? "an unsigned request" : `\`${x.principal}\``} | ${cell(x.result, x.what)} | ${cell(x.control, x.what)} |`);
  return [
    `| Endpoint | Request (\`<account>\`: own or outside) | ${columns.map((c) => e.columns[c]).join(" | ")} |`,
    `|---|---|${columns.map(() => ":---:").join("|")}|`,
    ...rows,
    "",
    "| Endpoint | Request | With the perimeter | AWS's default policy |",
    "|---|---|:---:|:---:|",
    ...extra,
  ].join("\n");
}
