// Plans every row of "Mistakes we catch" (src/modules/mistakes.ts) with real Terraform in two
// `terraform test` processes (mock_provider "aws": the real provider's schema and validations, mocked
// responses, so IDs of resources created in the same configuration are unknown at plan, as in a real
// plan), each row a module call named after it in one configuration:
//   1. inputs    every row: the validations of single inputs stop the plan before anything else is
//                evaluated, all of them reported at once, each told apart by its call site; and in a
//                file of its own, in the same process, the controls: every row done right (each
//                distinct call once), which must plan with no diagnostic at all;
//   2. plan      the rows that said nothing in 1, each with a copy of its module (a wrapper's, of the
//                module it wraps too) of its own (m/<row>/), so that a message from inside a module (a
//                validation across inputs, a precondition, postcondition or check block, all found
//                while planning) is told apart by the copy its file is in.
// What 1 finds decides what 2 plans, hence two processes; each costs about 2 s of CPU (hashicorp/aws).
import * as fs from "node:fs";
import * as path from "node:path";
import { FIXTURES, FIXTURES_TEXT, Mistake, MISTAKE_PROVIDERS, MISTAKES, mistakeId } from "../modules/mistakes";
import type { MistakeRow, MistakesFile } from "./files";
import { attr, block, Item, renderFile, Value } from "../hcl/writer";
import { wholeExpression } from "../hcl/template";
import { loadedFrom } from "./key";
import { AWS_PROVIDER_VERSION, Diagnostic, REQUIRES_AWS, scratchTree, testModule } from "./terraform";

/** The Terraform files the rows are planned with: modules and wrappers, without their tests. */
const modulesOf = (tree: Map<string, string>): [string, string][] =>
  [...tree].filter(([rel]) => /^(modules|wrappers)\//.test(rel) && rel.endsWith(".tf") && !rel.includes("/tests/"));


/** A value as one line of HCL, expressions as they are: what the tables show. */
export function hclInline(v: Value | undefined): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  if (typeof v === "string") return wholeExpression(v) ?? JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(hclInline).join(", ")}]`;
  const key = (k: string) => (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : JSON.stringify(k));
  const entries = Object.entries(v).filter((e): e is [string, Value] => e[1] !== undefined);
  return entries.length ? `{ ${entries.map(([k, x]) => `${key(k)} = ${hclInline(x)}`).join(", ")} }` : "{}";
}

/** A call's arguments on one line, its provider first when it is not the default one. */
const inline = (inputs: Record<string, Value>, provider?: string) =>
  [...(provider ? [`providers = { aws = aws.${provider} } (${MISTAKE_PROVIDERS[provider]})`] : []), ...Object.entries(inputs).map(([k, v]) => `${k} = ${hclInline(v)}`)].join(", ");

const ALIASES = Object.keys(MISTAKE_PROVIDERS).filter((a) => a);

/** One configuration of module calls, named by row, beside the fixtures. */
function configuration(calls: { name: string; source: string; provider?: string; inputs: Record<string, Value> }[]): string {
  const items: Item[] = calls.map((c) =>
    block("module", [c.name], [attr("source", c.source), ...(c.provider ? [attr("providers", { aws: `\${aws.${c.provider}}` })] : []), ...Object.entries(c.inputs).map(([k, v]) => attr(k, v))]),
  );
  const providers = `terraform {\n  required_providers {\n    aws = {\n      source                = "hashicorp/aws"\n      configuration_aliases = [${ALIASES.map((a) => `aws.${a}`).join(", ")}]\n    }\n  }\n}\n`;
  return [providers, FIXTURES, renderFile(items)].join("\n");
}

/** The test file of one plan: mocked providers in every Region a row may use, and one run. */
function testFile(run: string): string {
  const mock = (alias: string) =>
    `mock_provider "aws" {\n${alias ? `  alias = "${alias}"\n\n` : ""}  mock_data "aws_region" {\n    defaults = { id = "${MISTAKE_PROVIDERS[alias]}", name = "${MISTAKE_PROVIDERS[alias]}" }\n  }\n\n  mock_data "aws_partition" {\n    defaults = { partition = "aws", dns_suffix = "amazonaws.com" }\n  }\n}\n`;
  const passed = ["aws = aws", ...ALIASES.map((a) => `aws.${a} = aws.${a}`)].join(", ");
  return [...Object.keys(MISTAKE_PROVIDERS).map(mock), `run "${run}" {\n  command = plan\n\n  module {\n    source = "./${run}"\n  }\n\n  providers = { ${passed} }\n}\n`].join("\n");
}

/** A diagnostic's message as the table shows it: without the validation rule's file and line, on one line. */
const message = (d: Diagnostic) =>
  d.detail
    .replace(/\s*This was checked by the validation rule at \S+\.?\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();

export interface MistakesOutcome {
  rows: MistakeRow[];
  /** The controls' plan: whether it went through, and every diagnostic it gave. */
  controls: { passed: boolean; diagnostics: Diagnostic[] };
  /** Diagnostics of the mistakes' plans that no row explains (a fixture's, or a message from a shared module). */
  stray: Diagnostic[];
}

/** Plans every row and its control; see the top of this file. */
export async function planMistakes(tree: Map<string, string>, mistakes: Mistake[]): Promise<MistakesOutcome> {
  const ids = mistakes.map(mistakeId);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new Error(`two mistakes have the id ${duplicate}: say what each is in other words`);
  const modules = modulesOf(tree);
  // The first plan stops at the validations of single inputs: for it a module's variables.tf is the
  // module (a wrapper keeps its files, which call the module's). Terraform loads a module once per
  // call, and a whole network module a hundred times took 11 s; its variables, a fraction of that.
  const inputsOnly = modules.filter(([rel]) => rel.startsWith("wrappers/") || rel.endsWith("/variables.tf"));
  /** A row's copy: the directory it calls and every one that calls in turn (a wrapper's module, the network's document). */
  const copies = (i: number, stage: number): [string, string][] => {
    const loaded = loadedFrom(new Map(modules), [mistakes[i].module]);
    return (stage === 1 ? inputsOnly : modules).filter(([rel]) => loaded.has(path.posix.dirname(rel))).map(([rel, c]) => [`m/${ids[i]}/${rel}`, c]);
  };
  // A wrapper's messages from the module it calls come from inside it: wrappers get copies in both plans.
  const copied = (i: number, stage: number) => stage === 2 || mistakes[i].module.startsWith("wrappers/");
  const call = (i: number, stage: number) => ({
    name: ids[i],
    source: copied(i, stage) ? `../m/${ids[i]}/${mistakes[i].module}` : `../inputs-only/${mistakes[i].module}`,
    provider: mistakes[i].provider,
    inputs: mistakes[i].inputs,
  });
  const root = scratchTree([...modules, ...inputsOnly.map(([rel, c]) => [`inputs-only/${rel}`, c] as [string, string]), ["main.tf", REQUIRES_AWS]], "mistakes-");
  const write = (rel: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  };
  const found = new Map<string, { stage: number; diagnostics: Diagnostic[] }>();
  const stray: Diagnostic[] = [];
  /** Runs the test files given, and gives each diagnostic of `run` to the row it belongs to. */
  const plan = async (run: string, stage: number, rows: number[], more: [string, string][] = []) => {
    for (const i of rows) if (copied(i, stage)) for (const [rel, c] of copies(i, stage)) write(rel, c);
    fs.rmSync(path.join(root, "tests"), { recursive: true, force: true });
    for (const [rel, c] of [[`${run}/main.tf`, configuration(rows.map((i) => call(i, stage)))], [`tests/${run}.tftest.hcl`, testFile(run)], ...more] as [string, string][]) write(rel, c);
    const report = await testModule(root);
    for (const d of report.runs.find((r) => r.run === run)?.diagnostics ?? []) {
      const atCall = d.filename?.startsWith(`${run}/`) ? /^module "([^"]+)"$/.exec(d.context ?? "")?.[1] : undefined;
      // A validation across inputs may point at no file: its text still names the rule's, in the copy.
      const inCopy = (/^m\/([^/]+)\//.exec(d.filename ?? "") ?? /validation rule at m\/([^/]+)\//.exec(d.detail))?.[1];
      const owner = [atCall, inCopy].find((id) => id && ids.includes(id));
      if (!owner) stray.push(d);
      else if (!found.has(owner)) found.set(owner, { stage, diagnostics: [d] });
      else found.get(owner)!.diagnostics.push(d);
    }
    return report;
  };
  try {
    const controlCalls = mistakes.flatMap((m, i) => (m.control ? [{ name: ids[i], source: `../${m.module}`, provider: (m.controlProvider ?? m.provider) || undefined, inputs: m.control }] : []));
    // Rows done right the same way share one call: planning it twice would show nothing more.
    const distinctControls = [...new Map(controlCalls.map((c) => [JSON.stringify([c.source, c.provider, c.inputs]), c])).values()];
    const report = await plan(
      "inputs",
      1,
      mistakes.map((_, i) => i),
      [
        ["controls/main.tf", configuration(distinctControls)],
        ["tests/zz_controls.tftest.hcl", testFile("controls")],
      ],
    );
    await plan(
      "plan",
      2,
      mistakes.map((_, i) => i).filter((i) => !found.has(ids[i])),
    );
    const rows: MistakeRow[] = mistakes.map((m, i) => {
      const { stage, diagnostics } = found.get(ids[i]) ?? { stage: 2, diagnostics: [] };
      // A failed check block is a warning in a plan; terraform test reports it as an error.
      const warning = diagnostics.length > 0 && diagnostics.every((d) => d.summary === "Check block assertion failed");
      return {
        id: ids[i],
        module: m.module,
        what: m.what,
        issue: m.issue ?? null,
        inputs: inline(m.inputs, m.provider),
        phase: stage === 1 ? "inputs" : "plan",
        severity: diagnostics.length ? (warning ? "warning" : "error") : null,
        // Sorted: Terraform reports what it finds while planning in no fixed order.
        messages: [...new Set(diagnostics.map(message))].sort(),
        control: m.control ? inline(m.control, (m.controlProvider ?? m.provider) || undefined) : null,
      };
    });
    const controlRun = report.runs.find((r) => r.run === "controls");
    return { rows, controls: { passed: controlRun?.status === "pass", diagnostics: controlRun?.diagnostics ?? [] }, stray };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** evidence/mistakes.json from the outcome. */
export const mistakesFile = (outcome: MistakesOutcome): MistakesFile => ({ provider: `hashicorp/aws ${AWS_PROVIDER_VERSION}`, fixtures: FIXTURES_TEXT, rows: outcome.rows });

/** What keeps an outcome out of the evidence: a control that did not plan cleanly, a diagnostic no row explains, a row the plan said nothing to. */
export function outcomeProblems(outcome: MistakesOutcome): string[] {
  return [
    ...(outcome.controls.passed ? [] : [`the rows done right did not plan cleanly: ${outcome.controls.diagnostics.map((d) => `${d.context}: ${d.summary}`).join("; ") || "no diagnostic"}`]),
    ...outcome.stray.map((d) => `a diagnostic no row explains: ${d.filename ?? "?"}: ${d.summary}`),
    ...outcome.rows.filter((r) => r.severity === null).map((r) => `${r.module}: "${r.what}" planned with nothing to say`),
  ];
}

/** evidence/mistakes.json: every row of the table planned against `tree`'s modules and wrappers; synth records nothing the tests would refuse. */
export async function compute(tree: Map<string, string>): Promise<MistakesFile> {
  const outcome = await planMistakes(tree, MISTAKES);
  const problems = outcomeProblems(outcome);
  if (problems.length) throw new Error(`Mistakes we catch cannot be recorded:\n  ${problems.join("\n  ")}`);
  return mistakesFile(outcome);
}
