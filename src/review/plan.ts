// A Terraform plan as JSON (`terraform show -json <planfile>`, format 1.x), read into what a review
// compares: the resources and outputs before the change and after it, what is known only after apply,
// and the configuration (module calls, expressions and their references). Anything else is bad input,
// named with what was expected.
// Format: https://developer.hashicorp.com/terraform/internals/json-format

export type Json = Record<string, unknown>;

/** Input the review cannot read: the message says what it got and what it takes. */
export class BadInput extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BadInput";
  }
}

export interface Resource {
  address: string;
  /** The module instance it is in: "" for the root, else such as module.net["a"].module.x. */
  module: string;
  mode: string;
  type: string;
  name: string;
  index?: string | number;
  /** Known values. */
  values: Json;
  /** Attributes known only after apply (true), as Terraform marks them. */
  unknown: Json;
}

export interface Output {
  value: unknown;
  unknown: boolean;
}

export interface World {
  resources: Resource[];
  outputs: Map<string, Output>;
}

export interface ConfigExpression {
  constant_value?: unknown;
  references?: string[];
}

export interface ConfigModule {
  resources?: { address: string; type: string; name: string; mode?: string; expressions?: Record<string, unknown> }[];
  module_calls?: Record<string, ModuleCall>;
  outputs?: Record<string, { expression?: ConfigExpression }>;
}

export interface ModuleCall {
  source?: string;
  version_constraint?: string;
  expressions?: Record<string, ConfigExpression>;
  count_expression?: ConfigExpression;
  for_each_expression?: ConfigExpression;
  module?: ConfigModule;
}

export interface Plan {
  formatVersion: string;
  terraformVersion?: string;
  before: World;
  after: World;
  /** Terraform's planned actions by resource address ("create", "update", "delete", "no-op", ...). */
  actions: Map<string, string[]>;
  /** The configuration; absent in plans put together from snapshots. */
  config?: ConfigModule;
}

const ACCEPTED = "Give the JSON of a saved plan: `terraform plan -out=plan.out` then `terraform show -json plan.out`.";

/** "module.a[\"k\"].aws_x.y[0]" -> its module instance, type, name and index. */
export function parseAddress(address: string): { module: string; mode: string; type: string; name: string; index?: string | number } {
  const m = /^((?:module\.[^.[]+(?:\[[^\]]*\])?\.)*)(data\.)?([^.[]+)\.([^.[]+)(?:\[(.*)\])?$/.exec(address);
  if (!m) return { module: "", mode: "managed", type: "", name: address };
  const index = m[5] === undefined ? undefined : /^\d+$/.test(m[5]) ? Number(m[5]) : (JSON.parse(m[5]) as string);
  return { module: m[1].replace(/\.$/, ""), mode: m[2] ? "data" : "managed", type: m[3], name: m[4], index };
}

function checkShape(plan: unknown, source: string): asserts plan is Json {
  if (!plan || typeof plan !== "object" || Array.isArray(plan)) throw new BadInput(`${source} is not a Terraform plan: it is JSON but not an object. ${ACCEPTED}`);
  const p = plan as Json;
  if (typeof p["@level"] === "string" || typeof p["@message"] === "string") {
    throw new BadInput(`${source} is the log of \`terraform plan -json\`, not a plan. ${ACCEPTED}`);
  }
  if (typeof p.format_version !== "string") throw new BadInput(`${source} is not a Terraform plan: it has no format_version. ${ACCEPTED}`);
  const major = p.format_version.split(".")[0];
  if (major !== "1") {
    throw new BadInput(`${source} has format_version ${p.format_version}; this review reads plans of format 1.x (Terraform 1.x writes them). Use Terraform 1.x, or a release of this review that reads format ${major}.`);
  }
  if (!("planned_values" in p) && !("resource_changes" in p) && !("output_changes" in p)) {
    const what = "values" in p ? "a state (`terraform show -json` without a plan file)" : "not a plan";
    throw new BadInput(`${source} is ${what}: it has no planned_values or resource_changes. ${ACCEPTED}`);
  }
}

interface RawChange {
  address: string;
  module_address?: string;
  mode?: string;
  type?: string;
  name?: string;
  index?: string | number;
  /** before_unknown is not Terraform's: plans put together from snapshots mark what their earlier plan knew only after apply. */
  change: { actions: string[]; before?: Json | null; before_unknown?: Json; after?: Json | null; after_unknown?: Json };
}

/** Reads a plan's JSON text; `source` names it in messages (a path, or standard input). */
export function readPlan(text: string, source: string): Plan {
  if (!text.trim()) throw new BadInput(`${source} is empty. ${ACCEPTED}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const firstLine = text.split("\n")[0];
    const log = (() => {
      try {
        return typeof JSON.parse(firstLine)["@level"] === "string";
      } catch {
        return false;
      }
    })();
    if (log) throw new BadInput(`${source} is the log of \`terraform plan -json\`, not a plan. ${ACCEPTED}`);
    throw new BadInput(`${source} is not JSON (${(e as Error).message}). ${ACCEPTED}`);
  }
  checkShape(parsed, source);
  const changes = (parsed.resource_changes as RawChange[] | undefined) ?? [];
  if (!Array.isArray(changes) || changes.some((c) => !c || typeof c.address !== "string" || !c.change || !Array.isArray(c.change.actions))) {
    throw new BadInput(`${source} has resource_changes that are not Terraform's (each needs an address and change.actions). ${ACCEPTED}`);
  }
  const before: Resource[] = [];
  const after: Resource[] = [];
  const actions = new Map<string, string[]>();
  for (const c of changes) {
    const parsedAddress = parseAddress(c.address);
    const base = {
      address: c.address,
      module: c.module_address ?? parsedAddress.module,
      mode: c.mode ?? parsedAddress.mode,
      type: c.type ?? parsedAddress.type,
      name: c.name ?? parsedAddress.name,
      index: c.index ?? parsedAddress.index,
    };
    actions.set(c.address, c.change.actions);
    if (c.change.before) before.push({ ...base, values: c.change.before, unknown: c.change.before_unknown ?? {} });
    const unknown = c.change.after_unknown && typeof c.change.after_unknown === "object" ? c.change.after_unknown : {};
    const deleted = c.change.actions.length === 1 && c.change.actions[0] === "delete";
    if (!deleted && (c.change.after || Object.keys(unknown).length)) {
      after.push({ ...base, values: c.change.after ?? {}, unknown });
    }
  }
  const outputChanges = (parsed.output_changes as Record<string, { before?: unknown; after?: unknown; after_unknown?: unknown; actions?: string[] }>) ?? {};
  const outputs = (which: "before" | "after") =>
    new Map(
      Object.entries(outputChanges)
        .filter(([, o]) => (which === "before" ? o.before !== undefined && o.before !== null && !o.actions?.includes("create") : !(o.actions?.length === 1 && o.actions[0] === "delete")))
        .map(([k, o]) => [k, which === "before" ? { value: o.before, unknown: false } : { value: o.after, unknown: o.after_unknown === true }]),
    );
  const config = (parsed.configuration as { root_module?: ConfigModule } | undefined)?.root_module;
  return {
    formatVersion: parsed.format_version as string,
    terraformVersion: typeof parsed.terraform_version === "string" ? parsed.terraform_version : undefined,
    before: { resources: before, outputs: outputs("before") },
    after: { resources: after, outputs: outputs("after") },
    actions,
    config,
  };
}

/** A known value of an attribute, or "unknown" when Terraform knows it only after apply. */
export function attribute(r: Resource, name: string): unknown {
  if (r.unknown[name] === true) return "unknown";
  return r.values[name];
}

/** A known string attribute, or undefined (unknown or absent). */
export function knownString(r: Resource, name: string): string | undefined {
  const v = attribute(r, name);
  return typeof v === "string" && !(r.unknown[name] === true) ? v : undefined;
}

/** The configuration's module path of a module instance: module.a["k"].module.b -> ["a", "b"]. */
export const modulePath = (module: string): string[] => [...module.matchAll(/module\.([^.[]+)(?:\[[^\]]*\])?/g)].map((m) => m[1]);

export function configModule(config: ConfigModule | undefined, module: string): ConfigModule | undefined {
  let m = config;
  for (const name of modulePath(module)) m = m?.module_calls?.[name]?.module;
  return m;
}

/** The configuration of a resource (by its module instance and type.name). */
export function configResource(config: ConfigModule | undefined, r: Pick<Resource, "module" | "type" | "name" | "mode">) {
  const address = `${r.mode === "data" ? "data." : ""}${r.type}.${r.name}`;
  return configModule(config, r.module)?.resources?.find((x) => x.address === address);
}

/** The references of an attribute's expression in the configuration. */
export function referencesOf(config: ConfigModule | undefined, r: Resource, attr: string): string[] {
  const e = configResource(config, r)?.expressions?.[attr] as ConfigExpression | undefined;
  return e?.references ?? [];
}
