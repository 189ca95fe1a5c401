// wrappers/<module>/: one module call with for_each = var.items, every input as
// try(each.value.x, var.defaults.x, <the module's default>), as terraform-aws-modules ship them for
// Terragrunt, which cannot for_each a module itself. Derived from each module's variables as
// synthesized, so a new module gets its wrapper without more code. Unlike theirs, an unknown key in
// defaults or an item is a plan-time error: try() would otherwise fall back to the default, and a
// typo such as deny_public_environment = true would plan cleanly and deny nothing.
import { tf, Unit } from "../cdktf/seam";
import { attr, blank, block, renderFile, renderValue, Value } from "../hcl/writer";
import { COORDINATES } from "./coordinates";
import { Definition, directoryOf, sourceOf } from "./definition";
import { DefinitionError } from "./errors";
import { WRAPPER_EXAMPLES } from "../modules/wrapper-examples";

/** The wrapper's input expression for one module input. */
export function wrapperInput(name: string, variable: { default?: Value }): string {
  const fallbacks = [`each.value.${name}`, `var.defaults.${name}`];
  if (variable.default !== undefined) fallbacks.push(renderValue(variable.default));
  return `try(${fallbacks.join(", ")})`;
}

/** Condition that `ref` is an object whose keys are all in `list` (an HCL list expression). */
const onlyKeys = (ref: string, list: string) => `can(keys(${ref})) ? length(setsubtract(keys(${ref}), ${list})) == 0 : false`;

function build(module: Definition, unit: Unit) {
  const variables = unit.variablesOf(module.name);
  const names = Object.keys(variables);
  if (names.includes("defaults") || names.includes("items")) throw new DefinitionError(unit.name, `${module.name} has an input named defaults or items, which its wrapper uses`);
  const list = `[${names.map((n) => `"${n}"`).join(", ")}]`;
  const accepted = `the inputs of ${module.name}: ${names.join(", ")}`;
  unit.variable("defaults", {
    description: `Inputs every item gets unless it sets them itself: ${accepted}.`,
    type: "any",
    default: {},
    nullable: false,
    validation: [
      {
        condition: onlyKeys("var.defaults", list),
        errorMessage: `defaults must be an object of ${accepted}\${try(format("; unknown: %s", join(", ", sort(setsubtract(keys(var.defaults), ${list})))), "")}.`,
      },
    ],
  });
  unit.variable("items", {
    description: `One ${module.name} per key: a map of objects whose keys are ${accepted}. An input an item leaves out comes from defaults, then from the module's own default; an item's value replaces the default whole (objects are not merged).`,
    type: "any",
    default: {},
    nullable: false,
    validation: [
      {
        condition: `can(keys(var.items)) ? alltrue([for k, v in var.items : ${onlyKeys("v", list)}]) : false`,
        errorMessage: `items must be a map of objects, one per instance, whose keys are ${accepted}\${try(format("; unknown: %s", join(", ", sort(flatten([for k, v in var.items : [for u in setsubtract(keys(v), ${list}) : format("%s.%s", k, u)]])))), "")}.`,
      },
    ],
  });
  const inputs = Object.fromEntries(Object.entries(variables).map(([name, v]) => [name, tf(wrapperInput(name, v as { default?: Value }))]));
  unit.module("wrapper", `../../${directoryOf(module)}`, inputs, { forEach: "var.items" });
  unit.output("wrapper", { description: `The outputs of every ${module.name}, by item key.`, value: tf("module.wrapper") });
}

/** The README's two usages (Terragrunt and Terraform), from the module's example items. */
function readmeContext(module: Definition) {
  const example = WRAPPER_EXAMPLES[module.name];
  const values: Record<string, Value> = example
    ? { defaults: example.defaults, items: example.items }
    : { defaults: {}, items: { first: {}, second: {} } };
  const path = `${directoryOf({ ...module, kind: "wrapper" })}`;
  const terragrunt = renderFile([
    block("terraform", [], [attr("source", `tfr:///${COORDINATES.registry}//${path}?version=${COORDINATES.ref.slice(1)}`)]),
    blank,
    attr("inputs", values),
  ]);
  const terraform = renderFile([
    block("module", [module.name.replace(/-/g, "_")], [attr("source", `${COORDINATES.registry}//${path}`), attr("version", COORDINATES.constraint), blank, ...Object.entries(values).map(([k, v]) => attr(k, v))]),
  ]);
  return { module: module.name, modulePath: directoryOf(module), terragrunt, terraform, gitSource: `git::https://${COORDINATES.git}.git//${path}?ref=${COORDINATES.ref}`, exampleTested: Boolean(example) };
}

/** The wrapper of a module; built after the module, whose variables it reads. */
export function wrapperOf(module: Definition): Definition {
  return {
    name: module.name,
    kind: "wrapper",
    source: `${sourceOf(__filename)} and ${module.source}`,
    title: `Wrapper for ${module.name}`,
    requirements: module.requirements,
    readme: "src/generator/wrapper-readme.hbs",
    build: (unit) => build(module, unit),
    readmeContext: () => readmeContext(module),
  };
}

/** The definitions with a wrapper for every module, after all of them. */
export const withWrappers = (definitions: Definition[]): Definition[] => [...definitions, ...definitions.filter((d) => d.kind === "module").map(wrapperOf)];
