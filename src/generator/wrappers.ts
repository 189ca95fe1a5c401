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
import { DefinitionError } from "../errors";
import { REFUSED_INPUTS_FILE } from "./rules";

/** The wrapper's input expression for one module input: the item's value, else defaults', else the
 * module's default. lookup(), not try(): try() turns a value with anything unknown in it (the IDs of a
 * network built in the same apply) into a wholly unknown one, and the module's plan-time checks with it. */
export function wrapperInput(name: string, variable: { default?: Value }, inputs: string[] = []): string {
  const fallback = variable.default !== undefined ? renderValue(variable.default) : null;
  if (name === "tags") {
    // Tags merge: an item's tags add to the defaults' tags, as a module's own tags add to its resources'.
    const tags = (ref: string) => `lookup(${ref}, "tags", null) == null ? {} : ${ref}.tags`;
    return `merge(${tags("var.defaults")}, ${tags("each.value")})`;
  }
  // A name defaults to the item's key (unless a name_prefix is given), so that copies never share one.
  const keyDefault = name === "name" ? (inputs.includes("name_prefix") ? `lookup(each.value, "name_prefix", lookup(var.defaults, "name_prefix", null)) == null ? each.key : null` : "each.key") : fallback;
  const last = keyDefault ?? "null";
  return `lookup(each.value, "${name}", lookup(var.defaults, "${name}", ${last}))`;
}

/** Condition that `ref` is an object whose keys are all in `list` (an HCL list expression). */
const onlyKeys = (ref: string, list: string) => `can(keys(${ref})) ? length(setsubtract(keys(${ref}), ${list})) == 0 : false`;

function build(module: Definition, unit: Unit) {
  const variables = unit.variablesOf(module.name);
  const names = Object.keys(variables);
  if (names.includes("defaults") || names.includes("items")) throw new DefinitionError(unit.name, `${module.name} has an input named defaults or items, which its wrapper uses`);
  const list = `[${names.map((n) => `"${n}"`).join(", ")}]`;
  const accepted = `the inputs of ${module.name}: ${names.join(", ")}`;
  const named = names.includes("name");
  unit.variable("defaults", {
    description: `Inputs every item gets unless it sets them itself: ${accepted}.${named ? " A name here would give every item the same one: leave it out, and each item is named by its key." : ""}${names.includes("tags") ? " Tags here and an item's tags are merged." : ""}`,
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
  /** Each item's name as the wrapper passes it, for the check that no two items share one. */
  const itemNames = named ? `[for k, v in var.items : ${wrapperInput("name", variables.name as { default?: Value }, names).replace(/each\.value/g, "v").replace(/each\.key/g, "k")}]` : "";
  unit.variable("items", {
    description: `One ${module.name} per key: a map of objects whose keys are ${accepted}. An input an item leaves out comes from defaults, then from the module's own default${named ? "; name defaults to the item's key" : ""}. An item's value replaces the default whole (objects are not merged), except tags, which merge. An item cannot set to null an input that defaults sets.`,
    type: "any",
    default: {},
    nullable: false,
    validation: [
      {
        condition: `can(keys(var.items)) ? alltrue([for k, v in var.items : ${onlyKeys("v", list)}]) : false`,
        errorMessage: `items must be a map of objects, one per instance, whose keys are ${accepted}\${try(format("; unknown: %s", join(", ", sort(flatten([for k, v in var.items : [for u in setsubtract(keys(v), ${list}) : format("%s.%s", k, u)]])))), "")}.`,
      },
      {
        // An item's null would pass null to the module, which then takes its own default, not defaults'.
        condition: "try(alltrue(flatten([for k, v in var.items : [for input, value in v : value != null || lookup(var.defaults, input, null) == null]])), true)",
        errorMessage:
          'items set ${try(join(", ", flatten([for k, v in var.items : [for input, value in v : format("%s.%s", k, input) if value == null && lookup(var.defaults, input, null) != null]])), "an input")} to null, which would drop the value defaults gives it (the module would use its own default instead): give the item a value, or take the input out of defaults.',
      },
      ...(named
        ? [
            {
              condition: `try(length(distinct(compact(${itemNames}))) == length(compact(${itemNames})), true)`,
              errorMessage: `items would share a name (\${try(join(", ", sort(distinct([for n in compact(${itemNames}) : n if length([for m in compact(${itemNames}) : m if m == n]) > 1]))), "?")}): names such as IAM policy, SCP and rule names must be unique in an account, so copies with one name fail at apply. Leave name out of defaults (each item is then named by its key), or give each item its own.`,
            },
          ]
        : []),
    ],
  });
  // Every module input is also declared here, only so that one passed beside items is an error that says where it goes.
  for (const name of names) {
    unit.variable(name, {
      description: `Not an input of the wrapper: set ${name} in defaults (every item) or in an item. Declared so that passing it beside items is an error that says so.`,
      type: "any",
      default: null,
      validation: [
        {
          condition: `var.${name} == null`,
          errorMessage: `${name} is an input of each ${module.name}, not of the wrapper: put it in defaults (for every item) or in an item (items.<key>.${name}).`,
        },
      ],
    }, { file: REFUSED_INPUTS_FILE, comment: name === names[0] ? "The module's inputs, refused here: they go in defaults or an item." : undefined });
  }
  const inputs = Object.fromEntries(Object.entries(variables).map(([name, v]) => [name, tf(wrapperInput(name, v as { default?: Value }, names))]));
  unit.module("wrapper", `../../${directoryOf(module)}`, inputs, { forEach: "var.items" });
  unit.output("wrapper", { description: `The outputs of every ${module.name}, by item key.`, value: tf("module.wrapper") });
}

/** A wrapper's example: what its README shows and what the tests plan (src/modules/wrapper-examples.ts). */
export interface WrapperExample {
  /** Inputs every item gets unless it sets them itself. */
  defaults: Record<string, Value>;
  /** Two instances, by key: one leaning on the defaults, one overriding them. */
  items: Record<string, Record<string, Value>>;
}

/** The README's two usages (Terragrunt and Terraform), from the module's example items. */
function readmeContext(module: Definition, example: WrapperExample | undefined, names?: string[]) {
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
  return {
    module: module.name,
    modulePath: directoryOf(module),
    terragrunt,
    terraform,
    gitSource: `git::https://${COORDINATES.git}.git//${path}?ref=${COORDINATES.ref}`,
    exampleTested: Boolean(example),
    named: Boolean(names?.includes("name")),
    namePrefix: Boolean(names?.includes("name_prefix")),
  };
}

/** The wrapper of a module; built after the module, whose variables it reads. */
export function wrapperOf(module: Definition, example?: WrapperExample): Definition {
  /** The module's inputs, read when the wrapper is built (before its README is rendered). */
  let inputNames: string[] | undefined;
  return {
    name: module.name,
    kind: "wrapper",
    source: `${sourceOf(__filename)} and ${module.source}`,
    title: `Wrapper for ${module.name}`,
    requirements: module.requirements,
    readme: "src/generator/wrapper-readme.hbs",
    build: (unit) => {
      build(module, unit);
      inputNames = Object.keys(unit.variablesOf(module.name));
    },
    readmeContext: () => readmeContext(module, example, inputNames),
  };
}

/** The definitions with a wrapper for every module, after all of them; `examples` by module name. */
export const withWrappers = (definitions: Definition[], examples: Record<string, WrapperExample>): Definition[] => [
  ...definitions,
  ...definitions.filter((d) => d.kind === "module").map((m) => wrapperOf(m, examples[m.name])),
];
