// Object inputs that reject unknown keys. Terraform silently drops attributes an object type does
// not declare, so `{ require_vpcs = true }` would plan cleanly and mean nothing. These inputs are
// therefore `type = any`, and the generator writes what the object type would have done: one
// validation for the keys, one per field for its type, and one normalizing expression that applies
// the defaults. Validations cannot refer to locals (a cycle), so they use the field expressions.
import { Unit, Validation, VariableDef } from "../cdktf/seam";

type FieldType = "bool" | "number" | "string" | "set(string)" | "map(string)" | "list(any)";
type FieldDefault = boolean | number | string | null | [] | Record<string, never>;

export interface Field {
  type: FieldType;
  /** Used when the key is absent; an explicit null is accepted only where the default is null. */
  default: FieldDefault;
  /** What the description says instead of "default <default>", where the module decides the default itself. */
  defaultText?: string;
}

export type Fields = Record<string, Field>;

const hclLiteral = (v: FieldDefault): string =>
  v === null ? "null" : Array.isArray(v) ? "[]" : typeof v === "object" ? "{}" : typeof v === "string" ? `"${v}"` : String(v);

/** The converted value of `ref`, such as "tobool(x)"; a collection converts elementwise. */
function converted(type: FieldType, ref: string): string {
  switch (type) {
    case "set(string)":
      return `toset([for v in ${ref} : tostring(v)])`;
    case "map(string)":
      return `{ for k, v in ${ref} : k => tostring(v) }`;
    case "list(any)":
      // A tuple stays a tuple (its elements may differ in type); concat() accepts only lists and tuples.
      return `concat(${ref})`;
    default:
      return `to${type}(${ref})`;
  }
}

/** The same, where null is a value of the field (its default): a collection's null stays null. */
const convert = (f: Field, ref: string): string =>
  f.default === null && !["bool", "number", "string"].includes(f.type) ? `${ref} == null ? null : ${converted(f.type, ref)}` : converted(f.type, ref);

const TYPE_WORDS: Record<FieldType, string> = {
  bool: "true or false",
  number: "a number",
  string: "a string",
  "set(string)": "a list of strings",
  "map(string)": "a map of strings",
  "list(any)": "a list",
};

/** What a field takes, for messages: "true or false", "a list of strings or null". */
const typeWords = (f: Field) => `${TYPE_WORDS[f.type]}${f.default === null ? " or null" : ""}`;

/** A field of the object `ref` with its default applied, typed: usable in validations and locals. */
export const field = (ref: string, name: string, f: Field): string =>
  convert(f, `try(${ref}.${name}, ${hclLiteral(f.default)})`);

/** The whole object with defaults applied, as an HCL object expression (keys sorted, as
 * Terraform itself lists an object's attributes). */
const normalized = (ref: string, fields: Fields): string =>
  `{\n${Object.entries(fields)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, f]) => `${name} = ${field(ref, name, f)}`)
    .join("\n")}\n}`;

/** "grant_ec2_permissions (bool, default false), vpc_ids (set(string), default [])". */
const describeFields = (fields: Fields): string =>
  Object.entries(fields)
    .map(([name, f]) => `${name} (${f.type}, ${f.defaultText ?? `default ${hclLiteral(f.default)}`})`)
    .join(", ");

const keyList = (fields: Fields) => `[${Object.keys(fields).map((k) => `"${k}"`).join(", ")}]`;

/** Condition that `ref` is an object with only the known keys. */
const knownKeys = (ref: string, fields: Fields) => `can(keys(${ref})) ? length(setsubtract(keys(${ref}), ${keyList(fields)})) == 0 : false`;

/** Condition that `ref.name` is absent, or converts to the field's type (null only where the default is null). */
function typeCheck(ref: string, name: string, f: Field): string {
  const present = `${ref}.${name}`;
  return `!can(${present}) ? true : ${present} == null ? ${f.default === null} : can(${converted(f.type, present)})`;
}

/** Validations of an object input `var.<input>`: its keys, then each field's type. */
function objectValidations(input: string, fields: Fields): Validation[] {
  const ref = `var.${input}`;
  return [
    {
      condition: knownKeys(ref, fields),
      errorMessage: `${input} accepts only the keys ${Object.keys(fields).join(", ")}\${try(format("; unknown: %s", join(", ", sort(setsubtract(keys(${ref}), ${keyList(fields)})))), ", and must be an object")}.`,
    },
    ...Object.entries(fields).map(([name, f]) => ({
      condition: typeCheck(ref, name, f),
      errorMessage: `${input}.${name} must be ${typeWords(f)}.`,
    })),
  ];
}

/** Validations of a map of objects `var.<input>`: each entry's keys, then each field's type. */
function mapOfObjectsValidations(input: string, fields: Fields): Validation[] {
  const ref = `var.${input}`;
  return [
    {
      condition: `can(keys(${ref})) ? alltrue([for k, r in ${ref} : ${knownKeys("r", fields)}]) : false`,
      errorMessage: `Each entry of ${input} accepts only the keys ${Object.keys(fields).join(", ")}\${try(format("; unknown: %s", join(", ", flatten([for k, r in ${ref} : [for u in try(setsubtract(keys(r), ${keyList(fields)}), ["(not an object)"]) : "\${k}.\${u}"]]))), ", and the input must be a map")}.`,
    },
    ...Object.entries(fields).map(([name, f]) => ({
      condition: `alltrue([for k, r in ${ref} : ${typeCheck("r", name, f)}])`,
      errorMessage: `The ${name} of each entry of ${input} must be ${typeWords(f)}.`,
    })),
  ];
}

/**
 * Condition that holds when `condition` is true or cannot be evaluated: a value of the wrong type
 * is reported by the type validations alone, not again as an evaluation error here.
 */
const orTypeError = (condition: string): string => `try(${condition}, true)`;

export interface ObjectSpec {
  description: string;
  fields: Fields;
  /** A map of such objects, keyed by name, instead of one object. */
  map?: boolean;
  /** More validations; their conditions should read fields through `field`. */
  validation?: Validation[];
}

/** The variable of the strict object input `var.<input>` (declared by a row of an input table, ./inputs.ts). */
export function objectVariableDef(input: string, spec: ObjectSpec): VariableDef {
  return {
    description: `${spec.description} ${spec.map ? "Each entry's keys" : "Keys"}: ${describeFields(spec.fields)}; any other key is an error.`,
    type: "any",
    default: {},
    nullable: false,
    validation: [
      ...(spec.map ? mapOfObjectsValidations(input, spec.fields) : objectValidations(input, spec.fields)),
      ...(spec.validation ?? []).map((v) => ({ ...v, condition: orTypeError(v.condition) })),
    ],
  };
}

/** Declares a local (named like the input unless `as` says otherwise): the input with its defaults
 * applied, for everything but validations. */
export function objectLocal(unit: Unit, input: string, spec: Pick<ObjectSpec, "fields" | "map">, placement: { file?: string; as?: string } = {}): void {
  unit.local(
    placement.as ?? input,
    spec.map ? `\${{ for k, r in var.${input} : k => ${normalized("r", spec.fields)} }}` : `\${${normalized(`var.${input}`, spec.fields)}}`,
    { file: placement.file, comment: `var.${input} with its defaults: the variable is type any so that an unknown key is an error, not dropped.` },
  );
}
