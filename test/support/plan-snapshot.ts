// Plan snapshots of the examples, for reviewers. An example that needs no provider gets a real
// `terraform plan` + `terraform show -json`; one that needs hashicorp/aws (which cannot be
// downloaded here) gets the resource addresses and key arguments that real Terraform computes
// from the modules' provider-free logic: the same count/for_each expressions the resources use,
// copied from the synthesized JSON, evaluated with the example's module arguments.
import * as fs from "node:fs";
import * as path from "node:path";
import { Unit, withNullDefault } from "../../src/cdktf/seam";
import { Definition, directoryOf } from "../../src/generator/definition";
import { renderValue, Value } from "../../src/hcl/writer";
import { evaluateOutputs, mustTerraform, tempDir } from "./terraform";

type Json = Record<string, Value>;
type Units = Map<string, { definition: Definition; unit: Unit }>;

export const SNAPSHOT_DIR = "plans";
const UNKNOWN = "(known after apply)";

/** Writes the generated files of the examples and modules into a scratch tree. */
function scratchTree(files: Map<string, string>): string {
  const root = tempDir("plan-tree-");
  for (const [rel, content] of files) {
    if (!rel.endsWith(".tf")) continue;
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}

/** Sorted keys, and nothing that changes from run to run or machine to machine. */
function normalize(v: unknown, root: string): unknown {
  if (typeof v === "string") return v.split(root).join("<root>");
  if (Array.isArray(v)) return v.map((x) => normalize(x, root));
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v)
        .filter((k) => !["timestamp", "terraform_version", "format_version"].includes(k))
        .sort()
        .map((k) => [k, normalize((v as Record<string, unknown>)[k], root)]),
    );
  }
  return v;
}

function realPlan(example: Definition, files: Map<string, string>): string {
  const root = scratchTree(files);
  const dir = path.join(root, directoryOf(example));
  mustTerraform(dir, ["init", "-input=false", "-no-color"]);
  mustTerraform(dir, ["plan", "-input=false", "-no-color", "-out=tfplan"]);
  const plan = JSON.parse(mustTerraform(dir, ["show", "-json", "tfplan"]));
  const kept = { planned_values: plan.planned_values, resource_changes: plan.resource_changes ?? [], output_changes: plan.output_changes };
  return [
    `<!-- Plan snapshot of ${directoryOf(example)}: a REAL plan. Regenerate with \`npm run snapshots\`. -->`,
    `# Plan: ${directoryOf(example)}`,
    "",
    "Kind: **real `terraform plan` + `terraform show -json`** (this example needs no provider plugin),",
    "normalized: keys sorted; no timestamp, Terraform version or absolute path; the configuration section",
    "(the source itself) left out.",
    "",
    "```json",
    JSON.stringify(normalize(kept, root), null, 2),
    "```",
    "",
  ].join("\n");
}

/** A stack's variables, ready for Terraform's JSON syntax. */
const jsonVariables = (json: Json): Json =>
  Object.fromEntries(Object.entries((json.variable as Json) ?? {}).map(([k, v]) => [k, withNullDefault(v as Json) as Json]));

const REFERENCE = /\b(aws_[a-z0-9_]+|data|module|local|var|each|count)\.([a-z0-9_]+)/g;

/** Locals and module calls that need no provider: they reference only variables and each other. */
function providerFree(json: Json, units: Units): { locals: Set<string>; modules: Set<string> } {
  const locals = new Set(Object.keys((json.locals as Json) ?? {}));
  const modules = new Set(
    Object.entries((json.module as Json) ?? {})
      .filter(([, body]) => {
        const callee = units.get(path.basename(String((body as Json).source)));
        return callee && !(callee.unit.synthesizedJson() as Json).resource;
      })
      .map(([name]) => name),
  );
  let changed = true;
  const ok = (v: Value | undefined): boolean =>
    [...JSON.stringify(v ?? null).matchAll(REFERENCE)].every(([, kind, name]) =>
      kind === "var" || kind === "each" || kind === "count" ? true : kind === "local" ? locals.has(name) : kind === "module" ? modules.has(name) : false,
    );
  while (changed) {
    changed = false;
    for (const name of [...locals]) {
      if (!ok((json.locals as Json)[name])) changed = locals.delete(name);
    }
    for (const name of [...modules]) {
      if (!ok((json.module as Json)[name])) changed = modules.delete(name);
    }
  }
  return { locals, modules };
}

interface Instance {
  address: string;
  args: Record<string, unknown>;
}

interface ResourcePlan {
  type: string;
  name: string;
  mode: "each" | "count" | "one";
  known: string[];
}

/**
 * Writes a provider-free copy of a module's logic into `dir`: its variables, the locals and module
 * calls that need no provider, and one output per resource holding the instances that the
 * resource's own count/for_each expression makes, with the arguments that need no provider.
 */
function harnessModule(dir: string, callee: Unit, units: Units, moduleRoot: string): ResourcePlan[] {
  const json = callee.synthesizedJson() as Json;
  const free = providerFree(json, units);
  const isFree = (v: Value) =>
    [...JSON.stringify(v).matchAll(REFERENCE)].every(([, kind, name]) =>
      ["var", "each", "count"].includes(kind) || (kind === "local" && free.locals.has(name)) || (kind === "module" && free.modules.has(name)),
    );
  const variable = jsonVariables(json);
  const module = Object.fromEntries(
    [...free.modules].map((name) => {
      const body = (json.module as Json)[name] as Json;
      return [name, { ...body, source: path.join(moduleRoot, path.basename(String(body.source))) }];
    }),
  );
  const output: Json = {};
  const plan: ResourcePlan[] = [];
  for (const [type, byName] of Object.entries((json.resource as Json) ?? {})) {
    for (const [name, raw] of Object.entries(byName as Json)) {
      const body = raw as Json;
      const args = Object.entries(body).filter(([k]) => !["//", "count", "for_each", "depends_on", "lifecycle", "provider"].includes(k));
      const freeArgs = args.filter(([, v]) => isFree(v as Value));
      let fields = `{ ${freeArgs.map(([k, v]) => `${k} = ${renderValue(v as Value).replace(/\n/g, " ")}`).join(", ")} }`;
      let expr: string;
      const mode = body.for_each ? "each" : body.count !== undefined ? "count" : "one";
      if (mode === "each") {
        fields = fields.replace(/\beach\.key\b/g, "each_key").replace(/\beach\.value\b/g, "each_value");
        expr = `{ for each_key, each_value in ${String(body.for_each).slice(2, -1)} : each_key => ${fields} }`;
      } else if (mode === "count") {
        fields = fields.replace(/\bcount\.index\b/g, "count_index");
        expr = `[for count_index in range(${typeof body.count === "string" ? body.count.slice(2, -1) : body.count}) : ${fields}]`;
      } else {
        expr = fields;
      }
      output[`${type}__${name}`] = { value: "${" + expr + "}" };
      plan.push({ type, name, mode, known: args.filter(([, v]) => !isFree(v as Value)).map(([k]) => k) });
    }
  }
  // The module's own outputs that need no provider (a cost estimate, say) are known at plan time.
  for (const [name, body] of Object.entries((json.output as Json) ?? {})) {
    if (isFree((body as Json).value as Value)) output[`output__${name}`] = { value: (body as Json).value };
  }
  const config: Json = { variable, output };
  if (free.locals.size) config.locals = Object.fromEntries([...free.locals].map((l) => [l, (json.locals as Json)[l]]));
  if (Object.keys(module).length) config.module = module;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "harness.tf.json"), JSON.stringify(config, null, 2));
  return plan;
}

/** Turns a harness module's outputs back into resource instances with their addresses. */
function instancesOf(call: string, plan: ResourcePlan[], values: Record<string, unknown>): Instance[] {
  const instances: Instance[] = [];
  for (const p of plan) {
    const value = values[`${p.type}__${p.name}`];
    const unknown = Object.fromEntries(p.known.map((k) => [k, UNKNOWN]));
    const prefix = `module.${call}.${p.type}.${p.name}`;
    if (p.mode === "each") {
      for (const [k, args] of Object.entries(value as Record<string, object>)) instances.push({ address: `${prefix}["${k}"]`, args: { ...args, ...unknown } });
    } else if (p.mode === "count") {
      (value as object[]).forEach((args, i) => instances.push({ address: `${prefix}[${i}]`, args: { ...args, ...unknown } }));
    } else {
      instances.push({ address: prefix, args: { ...(value as object), ...unknown } });
    }
  }
  return instances;
}

function show(v: unknown): string {
  return typeof v === "string" && v === UNKNOWN ? v : JSON.stringify(v);
}

function addressPlan(example: Definition, exampleUnit: Unit, units: Units, files: Map<string, string>): string {
  const root = scratchTree(files);
  const json = exampleUnit.synthesizedJson() as Json;
  // The example's own variables and module calls, each call pointed at a harness of its module.
  const dir = tempDir("plan-root-");
  const calls: Json = {};
  const plans = new Map<string, ResourcePlan[]>();
  for (const [call, raw] of Object.entries((json.module as Json) ?? {})) {
    const body = raw as Json;
    const callee = units.get(path.basename(String(body.source)));
    if (!callee) throw new Error(`${example.name}: module ${call} calls ${body.source}, which is not a generated module`);
    plans.set(call, harnessModule(path.join(dir, `harness_${call}`), callee.unit, units, path.join(root, "modules")));
    calls[call] = { ...Object.fromEntries(Object.entries(body).filter(([k]) => !["//", "providers", "depends_on"].includes(k))), source: `./harness_${call}` };
  }
  const variable = jsonVariables(json);
  const output = Object.fromEntries([...plans.keys()].map((call) => [call, { value: `\${module.${call}}` }]));
  const rootConfig: Json = { module: calls, output };
  if (Object.keys(variable).length) rootConfig.variable = variable;
  if (json.locals) rootConfig.locals = json.locals;
  fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(rootConfig, null, 2));
  const values = evaluateOutputs(dir);
  const instances: Instance[] = [];
  const known: string[] = [];
  for (const [call, plan] of plans) {
    const moduleValues = values[call] as Record<string, unknown>;
    instances.push(...instancesOf(call, plan, moduleValues));
    for (const [k, v] of Object.entries(moduleValues).sort(([a], [b]) => a.localeCompare(b))) {
      if (k.startsWith("output__")) known.push(`module.${call}.${k.slice("output__".length)} = ${JSON.stringify(v, null, 2)}`);
    }
  }
  for (const [type, byName] of Object.entries((json.resource as Json) ?? {})) {
    for (const [name, raw] of Object.entries(byName as Json)) {
      const args = Object.fromEntries(
        Object.entries(raw as Json)
          .filter(([k]) => k !== "//")
          .map(([k, v]) => [k, JSON.stringify(v).includes("${") ? UNKNOWN : v]),
      );
      instances.push({ address: `${type}.${name}`, args });
    }
  }
  instances.sort((a, b) => a.address.localeCompare(b.address));
  const lines = instances.flatMap((i) => {
    const keys = Object.keys(i.args).sort();
    const width = Math.max(0, ...keys.map((k) => k.length));
    return [`+ ${i.address}`, ...keys.map((k) => `    ${k.padEnd(width)} = ${show(i.args[k])}`), ""];
  });
  return [
    `<!-- Plan snapshot of ${directoryOf(example)}: resource ADDRESSES. Regenerate with \`npm run snapshots\`. -->`,
    `# Plan: ${directoryOf(example)}`,
    "",
    "Kind: **resource addresses and key arguments computed by real Terraform from the modules' provider-free",
    "logic**. A real plan needs the `hashicorp/aws` provider, which cannot be downloaded where this snapshot",
    "was made; the addresses below come from the same `count`/`for_each` expressions the resources use,",
    "evaluated with this example's module arguments. Arguments that depend on other resources show",
    `\`${UNKNOWN}\`. \`npm run plan\` makes the real plan where the provider can be installed.`,
    "",
    `${instances.length} resource(s) to create.`,
    "",
    "```",
    ...lines,
    "```",
    "",
    ...(known.length ? ["Module outputs known before apply:", "", "```", ...known, "```", ""] : []),
  ].join("\n");
}

/** Every example's snapshot: file path (relative to the repository) -> content. */
export function planSnapshots(definitions: Definition[], units: Unit[], files: Map<string, string>): Map<string, string> {
  const byName: Units = new Map(definitions.map((d, i) => [d.name, { definition: d, unit: units[i] }]));
  const out = new Map<string, string>();
  definitions.forEach((d, i) => {
    if (d.kind !== "example") return;
    const content = d.requirements.providers.length === 0 ? realPlan(d, files) : addressPlan(d, units[i], byName, files);
    out.set(`${SNAPSHOT_DIR}/${d.name}.md`, content);
  });
  return out;
}
