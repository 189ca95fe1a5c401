// The rules every generated directory follows, declared in one place as awslint declares its
// rules: a code, what it requires, and a check that returns every violation. The generator runs
// all of them over every definition before it writes anything and stops once, listing every
// violation, so a new module, input, resource or action cannot quietly break them.
import { ElementRef } from "../cdktf/seam";
import { placeholderPattern } from "../facts/arn";
import { Value } from "../hcl/writer";
import { DeclaredActions, unknownActions } from "./action-check";
import { DefinitionError } from "../errors";
import { provider6Violations } from "./provider-6";
import { holders, referencesOf, undeclaredReferences } from "./references";

type Json = Record<string, Value>;

/** What a rule looks at: one synthesized stack. */
export interface Stack {
  unit: string;
  kind: "module" | "example" | "wrapper";
  json: Json;
  elements: ElementRef[];
  actions: DeclaredActions[];
}

export interface Rule {
  code: string;
  /** What the rule requires, in one sentence (the README's rule list is this text). */
  requires: string;
  /** Examples follow only the rules that make sense for a root configuration; modules and their wrappers follow all. */
  modulesOnly: boolean;
  check(stack: Stack): string[];
}

const section = (json: Json, name: string): Json => (json[name] as Json) ?? {};

/** Whether an expression depends on var.create, directly or through locals that do. */
function gatedByCreate(expr: string, locals: Json, seen = new Set<string>()): boolean {
  if (/\bvar\.create\b/.test(expr)) return true;
  for (const [, name] of expr.matchAll(/\blocal\.([A-Za-z_][\w-]*)/g)) {
    if (seen.has(name) || !(name in locals)) continue;
    seen.add(name);
    if (gatedByCreate(JSON.stringify(locals[name]), locals, seen)) return true;
  }
  return false;
}

/**
 * The file of a wrapper's refused inputs (src/generator/wrappers.ts): each module input is declared
 * there only so that its own validation can refuse it beside items, so nothing else reads it.
 */
export const REFUSED_INPUTS_FILE = "misplaced-inputs.tf";

/** The variables nothing but validations reads: not a local, output, resource, data source, module call, provider or check. */
function unusedInputs(s: Stack): string[] {
  const read = new Set(
    holders(s.json)
      .filter(([holder]) => !holder.startsWith("variable."))
      .flatMap(([, texts]) => texts.flatMap(referencesOf))
      .filter((r) => r.kind === "var")
      .map((r) => r.name),
  );
  const refused = (name: string) => s.kind === "wrapper" && s.elements.some((e) => e.address === `variable.${name}` && e.placement.file === REFUSED_INPUTS_FILE);
  return Object.keys(section(s.json, "variable"))
    .filter((name) => !read.has(name) && !refused(name))
    .map((name) => `variable.${name} is declared but never used: no local, output, resource, data source, module call or check reads it (validations do not count). Use it, or remove it`);
}

/** Each resource with its type, name and synthesized body. */
const resources = (s: Stack) =>
  s.elements
    .filter((e) => e.address.startsWith("resource."))
    .map((e) => {
      const [, type, name] = e.address.split(".");
      return { type, name, taggable: e.taggable, body: (section(s.json, "resource")[type] as Json)[name] as Json };
    });

export const RULES: Rule[] = [
  {
    code: "described",
    requires: "every variable and output has a description",
    modulesOnly: false,
    check: (s) =>
      ["variable", "output"].flatMap((kind) =>
        Object.entries(section(s.json, kind))
          .filter(([, body]) => !String((body as Json).description ?? "").trim())
          .map(([name]) => `${kind}.${name} has no description; every variable and output needs one`),
      ),
  },
  {
    code: "declared-references",
    requires: "every var., local., module., data. and resource reference names something the directory declares",
    modulesOnly: false,
    check: (s) => undeclaredReferences(s.json),
  },
  {
    code: "filled-placeholders",
    requires: "no ARN placeholder of the facts (${Partition}, ${Region}) is left unfilled in the written HCL",
    modulesOnly: false,
    check: (s) => {
      const left = JSON.stringify(s.json).match(placeholderPattern()) ?? [];
      return left.length ? [`${[...new Set(left)].join(", ")} left in the HCL: fill facts' ARN placeholders with withReferences (src/modules/hcl-snippets.ts)`] : [];
    },
  },
  {
    code: "catalog-actions",
    requires: "every IAM action written is in the pinned AWS action catalog, and acts on the resource type or carries the condition key its statement matches by",
    modulesOnly: false,
    check: (s) => unknownActions(s.actions),
  },
  {
    code: "aws-provider-6",
    requires:
      "every argument set and attribute read exists in hashicorp/aws 6.25 (the @cdktf/provider-aws bindings), and none is one the version 6 upgrade guide removes or deprecates (src/facts/aws-provider-6.ts)",
    modulesOnly: false,
    check: (s) => provider6Violations(s.json, s.elements),
  },
  {
    code: "used-inputs",
    requires: `every input is read by a local, output, resource, data source, module call or check, not only by validations (a wrapper's refused inputs, in ${REFUSED_INPUTS_FILE}, are the exception)`,
    modulesOnly: true,
    check: unusedInputs,
  },
  {
    code: "validated-inputs",
    requires: "every input of a type other than bool has a validation",
    modulesOnly: true,
    check: (s) =>
      Object.entries(section(s.json, "variable"))
        .filter(([, body]) => (body as Json).type !== "bool" && !((body as Json).validation as Value[] | undefined)?.length)
        .map(([name, body]) => `variable.${name} (${(body as Json).type}) has no validation: add one that rejects a wrong value with a message naming the accepted form`),
  },
  {
    code: "create-gate",
    requires: 'a module with resources has a "create" input that gates every resource',
    modulesOnly: true,
    check: (s) => {
      const all = resources(s);
      if (!all.length) return [];
      if (!("create" in section(s.json, "variable"))) return ['a module with resources needs a "create" variable (bool, default true) that gates every resource'];
      const locals = section(s.json, "locals");
      return all
        .filter((r) => {
          const iteration = r.body.count ?? r.body.for_each;
          return iteration === undefined || !gatedByCreate(JSON.stringify(iteration), locals);
        })
        .map((r) => `${r.type}.${r.name} is not gated by var.create: give it count or for_each that is empty when create is false`);
    },
  },
  {
    code: "tags",
    requires: "every taggable resource takes the module's tags input",
    modulesOnly: true,
    check: (s) => {
      const taggable = resources(s).filter((r) => r.taggable);
      if (!taggable.length) return [];
      if (!("tags" in section(s.json, "variable"))) return taggable.map((r) => `${r.type}.${r.name} can be tagged, so the module needs a "tags" variable`);
      return taggable
        .filter((r) => !/\bvar\.tags\b/.test(JSON.stringify(r.body.tags ?? "")))
        .map((r) => `${r.type}.${r.name} can be tagged but does not take var.tags: set tags = var.tags (or merge(var.tags, {...}))`);
    },
  },
];

/** Every violation of every rule in every stack, as "unit: message [code]". */
export function violations(stacks: Stack[]): string[] {
  return stacks.flatMap((s) => RULES.filter((r) => s.kind !== "example" || !r.modulesOnly).flatMap((r) => r.check(s).map((m) => `${s.unit}: ${m} [${r.code}]`)));
}

/** Stops with one DefinitionError that lists every violation. */
export function checkRules(stacks: Stack[]): void {
  const found = violations(stacks);
  if (found.length === 1) throw new DefinitionError(found[0]);
  if (found.length) throw new DefinitionError(`${found.length} rule violations:\n  ${found.join("\n  ")}`);
}
