// Plan snapshots of the examples, the evidence reviewers read: a real `terraform plan` with the
// pinned hashicorp/aws provider, then `terraform show -json`, normalized and committed as JSON
// (evidence/plans/<example>.json); the Markdown beside it is rendered from that JSON alone. The
// snapshots plan every example in one root (planExamplesTogether); `npm run plan` plans each
// example as its own root (planExample).
import * as fs from "node:fs";
import * as path from "node:path";
import { attr, blank, block, renderFile, Value } from "../src/hcl/writer";
import { planJson, REQUIRES_AWS, scratchTree } from "../src/evidence/terraform";

export const PLANS_DIR = path.join("evidence", "plans");

type Json = Record<string, unknown>;

export interface ResourceChange {
  address: string;
  actions: string[];
  /** Known values after apply. */
  after: Json | null;
  /** Attributes known only after apply (true), as Terraform reports them. */
  after_unknown: Json;
}

export interface OutputChange {
  actions: string[];
  after: unknown;
  after_unknown: unknown;
}

export interface PlanSnapshot {
  example: string;
  /** "hashicorp/aws 5.100.0", or null when the example uses no provider. */
  provider: string | null;
  resource_changes: ResourceChange[];
  output_changes: Record<string, OutputChange>;
}

/** Sorted keys; the scratch directory's absolute path replaced by <root>. */
function canonical(v: unknown, root: string): unknown {
  if (typeof v === "string") return v.split(root).join("<root>");
  if (Array.isArray(v)) return v.map((x) => canonical(x, root));
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Json)[k], root)]),
    );
  }
  return v;
}

/**
 * Only what a reviewer reads: each resource's actions and values, each output. Timestamps,
 * Terraform's version, the format version and the configuration (the source itself) are left out.
 */
export function normalizePlan(example: string, provider: string | undefined, plan: Json, root: string): PlanSnapshot {
  type Change = { address: string; change: { actions: string[]; after: Json | null; after_unknown: Json } };
  const resources = ((plan.resource_changes as Change[]) ?? []).map((r) => ({
    address: r.address,
    actions: r.change.actions,
    after: r.change.after,
    after_unknown: r.change.after_unknown,
  }));
  const outputs = Object.fromEntries(
    Object.entries((plan.output_changes as Record<string, OutputChange>) ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, o]) => [name, { actions: o.actions, after: o.after, after_unknown: o.after_unknown }]),
  );
  return canonical(
    { example, provider: provider ?? null, resource_changes: resources.sort((a, b) => (a.address < b.address ? -1 : 1)), output_changes: outputs },
    root,
  ) as PlanSnapshot;
}

export const snapshotJson = (s: PlanSnapshot) => `${JSON.stringify(s, null, 2)}\n`;

/** Plans one example in a scratch copy of the generated tree. */
export async function planExample(files: Map<string, string>, example: string): Promise<PlanSnapshot> {
  const tree = scratchTree([...files].filter(([rel]) => /\.tf$/.test(rel) && (rel.startsWith("modules/") || rel.startsWith(`examples/${example}/`))));
  const result = await planJson(path.join(tree, "examples", example));
  return normalizePlan(`examples/${example}`, result.provider, result.plan, tree);
}

// ---- Markdown, rendered from the JSON ----

const UNKNOWN = "(known after apply)";

/** The values worth reading: known non-empty values, then the attributes known only after apply. */
function argumentLines(r: ResourceChange): string[] {
  const after = r.after ?? {};
  const empty = (v: unknown) => v === null || v === undefined || (typeof v === "object" && Object.keys(v as object).length === 0);
  const unknown = Object.keys(r.after_unknown ?? {}).filter((k) => r.after_unknown[k] === true).sort();
  const rows = Object.keys(after)
    .filter((k) => !unknown.includes(k) && !empty(after[k]))
    .sort()
    .map((k) => [k, JSON.stringify(after[k])]);
  const width = Math.max(0, ...rows.map(([k]) => k.length));
  return [...rows.map(([k, v]) => `    ${k.padEnd(width)} = ${v}`), ...(unknown.length ? [`    (known after apply: ${unknown.join(", ")})`] : [])];
}

const SYMBOL: Record<string, string> = { create: "+", delete: "-", update: "~", "no-op": " ", read: "<=" };

export function snapshotMarkdown(s: PlanSnapshot): string {
  const creates = s.resource_changes.filter((r) => r.actions.includes("create")).length;
  const lines = [
    `<!-- Rendered from ${path.posix.join("evidence/plans", path.basename(s.example))}.json by \`npm run snapshots\`; do not edit. -->`,
    `# Plan: ${s.example}`,
    "",
    ...(s.provider
      ? [
          `A real \`terraform plan\` + \`terraform show -json\` with **${s.provider}**, offline: placeholder`,
          "credentials and provider settings that make no AWS call. Values marked",
          `\`${UNKNOWN}\` come from AWS when applied.`,
        ]
      : ["A real `terraform plan` + `terraform show -json`; the example needs no provider."]),
    "",
    `${creates} resource(s) to create.`,
    "",
  ];
  if (s.resource_changes.length) {
    lines.push("```");
    for (const r of s.resource_changes) lines.push(`${r.actions.map((a) => SYMBOL[a] ?? a).join("/")} ${r.address}`, ...argumentLines(r), "");
    lines.push("```", "");
  }
  const outputs = Object.entries(s.output_changes);
  if (outputs.length) {
    lines.push("Outputs:", "", "```");
    for (const [name, o] of outputs) {
      lines.push(`${name} = ${o.after_unknown === true ? UNKNOWN : JSON.stringify(o.after, null, 2)}`);
    }
    lines.push("```", "");
  }
  return lines.join("\n");
}

/** The example's provider blocks, verbatim (they must be the same in every example planned together). */
const PROVIDER_BLOCK = /^provider "[^"]+" \{\n(?:.*\n)*?\}\n/gm;
const ALL = ".all-examples";

/** Another module call planned with the examples (a wrapper with test items): its plan part is cut out by its name. */
export interface ExtraCall {
  name: string;
  /** Relative to the repository, such as "wrappers/cloudshell-policy". */
  directory: string;
  inputs: Record<string, Value>;
}

/**
 * Every example in one real plan, for speed: each provider process starts once for the plan and
 * once for show -json, instead of once per example (two seconds of CPU each). The examples become
 * child modules of one root that holds their common provider block, and their outputs root outputs
 * "<example>__<output>"; each snapshot is then cut out of the plan by address prefix, so it is the
 * snapshot the example's own plan gives (the committed snapshots prove it, byte for byte). Extra
 * calls (the wrappers' test items) join the same plan under their own names and outputs.
 */
/** More to plan in the examples' plan: roots laid out like examples (examples/<name>/ in the files), and a prior state. */
export interface PlanOptions {
  /** Planned like examples, without snapshots of their own. */
  roots?: string[];
  /** A state (terraform.tfstate) to plan against, without refreshing it; its addresses are the combined root's (module.<root>....). */
  priorState?: object;
}

export async function planExamplesTogether(
  files: Map<string, string>,
  examples: string[],
  extra: ExtraCall[] = [],
  options: PlanOptions = {},
): Promise<{ snapshots: Map<string, PlanSnapshot>; modules: string[]; plan: Record<string, unknown>; warnings: string[]; log: string }> {
  const planned = [...examples, ...(options.roots ?? [])];
  // Provider blocks by alias ("" for the default one); an example with aliased blocks (more
  // Regions) gets them passed in, and declares them as configuration_aliases in its scratch copy.
  const providerBlocks = new Map<string, Set<string>>();
  const aliases = new Map<string, string[]>();
  const outputs = new Map<string, string[]>();
  const usesProvider = new Map<string, boolean>();
  const tree: [string, string][] = [];
  for (const [rel, content] of files) {
    if (!rel.endsWith(".tf")) continue;
    if (rel.startsWith("modules/") || rel.startsWith("wrappers/")) tree.push([rel, content]);
    const example = planned.find((e) => rel.startsWith(`examples/${e}/`) && !rel.slice(`examples/${e}/`.length).includes("/"));
    if (!example) continue;
    for (const block of content.match(PROVIDER_BLOCK) ?? []) {
      const alias = /^\s*alias\s*=\s*"([^"]+)"/m.exec(block)?.[1] ?? "";
      providerBlocks.set(alias, (providerBlocks.get(alias) ?? new Set()).add(block));
      if (alias) aliases.set(example, [...(aliases.get(example) ?? []), alias]);
    }
    outputs.set(example, [...(outputs.get(example) ?? []), ...[...content.matchAll(/^output "([^"]+)"/gm)].map((m) => m[1])]);
    if (/source\s*=\s*"hashicorp\/aws"/.test(content)) usesProvider.set(example, true);
    tree.push([rel, content.replace(PROVIDER_BLOCK, "")]);
  }
  const differing = [...providerBlocks.values()].filter((blocks) => blocks.size > 1);
  if (differing.length) throw new Error(`the examples' provider blocks differ, so they cannot be planned together:\n${differing.flatMap((b) => [...b]).join("\n")}`);
  for (const [e, list] of aliases) {
    const declared = list.map((a) => `aws.${a}`).join(", ");
    tree.push([`examples/${e}/zz_aliases_override.tf`, `terraform {\n  required_providers {\n    aws = {\n      source                = "hashicorp/aws"\n      configuration_aliases = [${declared}]\n    }\n  }\n}\n`]);
  }
  const passed = (e: string) => (aliases.has(e) ? `  providers = {\n    aws = aws\n${aliases.get(e)!.map((a) => `    aws.${a} = aws.${a}\n`).join("")}  }\n` : "");
  const root = [
    REQUIRES_AWS,
    ...[...providerBlocks.values()].flatMap((b) => [...b]),
    ...planned.map((e) => `module "${e}" {\n  source = "../${e}"\n${passed(e)}}\n`),
    ...planned.flatMap((e) => (outputs.get(e) ?? []).map((o) => `output "${e}__${o}" {\n  value = module.${e}.${o}\n}\n`)),
    ...extra.map((c) => renderFile([block("module", [c.name], [attr("source", `../../${c.directory}`), blank, ...Object.entries(c.inputs).map(([k, v]) => attr(k, v))])])),
    ...extra.map((c) => `output "${c.name}__wrapper" {\n  value = module.${c.name}.wrapper\n}\n`),
  ].join("\n");
  const dir = scratchTree([...tree, [`examples/${ALL}/main.tf`, root]], "tf-examples-");
  const planDir = path.join(dir, "examples", ALL);
  if (options.priorState) fs.writeFileSync(path.join(planDir, "terraform.tfstate"), JSON.stringify(options.priorState));
  const result = await planJson(planDir, { refresh: options.priorState ? false : undefined });
  // The directories whose configuration this init loaded, and so checked against the pinned provider.
  const installed = JSON.parse(fs.readFileSync(path.join(planDir, ".terraform", "modules", "modules.json"), "utf8")) as { Modules: { Dir: string }[] };
  const modules = [...new Set(installed.Modules.map((m) => path.relative(dir, path.resolve(planDir, m.Dir))))].sort();
  const plan = result.plan as { resource_changes?: { address: string }[]; output_changes?: Record<string, unknown> };
  const snapshots = new Map<string, PlanSnapshot>();
  for (const e of [...examples, ...extra.map((c) => c.name)]) {
    const prefix = `module.${e}.`;
    const own = {
      resource_changes: (plan.resource_changes ?? []).filter((r) => r.address.startsWith(prefix)).map((r) => ({ ...r, address: r.address.slice(prefix.length) })),
      output_changes: Object.fromEntries(Object.entries(plan.output_changes ?? {}).filter(([k]) => k.startsWith(`${e}__`)).map(([k, v]) => [k.slice(e.length + 2), v])),
    };
    const call = extra.find((c) => c.name === e);
    snapshots.set(e, normalizePlan(call ? call.directory : `examples/${e}`, call || usesProvider.get(e) ? result.provider : undefined, own, dir));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return { snapshots, modules, plan: result.plan, warnings: result.warnings, log: result.log };
}

/** Every example's snapshot files (path relative to the repository -> content). */
export async function planSnapshots(files: Map<string, string>, examples: string[]): Promise<Map<string, string>> {
  return (await planSnapshotsWith(files, examples, [])).files;
}

/**
 * The snapshot files, the plans of the extra calls made in the same plan (by name), and the
 * directories the plan's init loaded (relative to the repository, such as "modules/cloudshell-policy").
 */
export async function planSnapshotsWith(
  files: Map<string, string>,
  examples: string[],
  extra: ExtraCall[],
  options: PlanOptions = {},
): Promise<{ files: Map<string, string>; extra: Map<string, PlanSnapshot>; modules: string[]; plan: Record<string, unknown>; warnings: string[]; log: string }> {
  const out = new Map<string, string>();
  const { snapshots, modules, plan, warnings, log } = await planExamplesTogether(files, examples, extra, options);
  for (const e of examples) {
    const s = snapshots.get(e)!;
    out.set(path.join(PLANS_DIR, `${e}.json`), snapshotJson(s));
    out.set(path.join(PLANS_DIR, `${e}.md`), snapshotMarkdown(s));
  }
  return { files: out, extra: new Map(extra.map((c) => [c.name, snapshots.get(c.name)!])), modules, plan, warnings, log };
}

export function readSnapshot(text: string): PlanSnapshot {
  return JSON.parse(text) as PlanSnapshot;
}

export function committedSnapshots(root: string): string[] {
  const dir = path.join(root, PLANS_DIR);
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(PLANS_DIR, f)) : [];
}

/**
 * One example's part of the plan of every example, as the JSON of its own plan: its resource and
 * output changes, addresses without the example's module prefix, and its module's configuration as
 * the root's. What `terraform show -json` of the example alone gives for these parts (the snapshot
 * test proves the resources and outputs the same, byte for byte after normalizing).
 */
export function examplePlan(plan: Record<string, unknown>, example: string): Record<string, unknown> {
  const prefix = `module.${example}`;
  const strip = (address: string) => (address === prefix ? "" : address.startsWith(`${prefix}.`) ? address.slice(prefix.length + 1) : address);
  type Change = { address: string; module_address?: string };
  const config = plan.configuration as { provider_config?: unknown; root_module: { module_calls: Record<string, { module: unknown }> } };
  return {
    format_version: plan.format_version,
    terraform_version: plan.terraform_version,
    resource_changes: ((plan.resource_changes as Change[]) ?? [])
      .filter((r) => r.address.startsWith(`${prefix}.`))
      .map((r) => ({ ...r, address: strip(r.address), ...(r.module_address !== undefined ? { module_address: strip(r.module_address) || undefined } : {}) })),
    output_changes: Object.fromEntries(Object.entries((plan.output_changes as Record<string, unknown>) ?? {}).filter(([k]) => k.startsWith(`${example}__`)).map(([k, v]) => [k.slice(example.length + 2), v])),
    configuration: { provider_config: config.provider_config, root_module: config.root_module.module_calls[example].module },
  };
}
