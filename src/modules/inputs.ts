// A module's inputs, declared once as a table: each row is a variable (name, type, default,
// description, validations) or a strict object input (./strict-object.ts, whose unknown keys are
// errors). declareInputs writes the rows in order; the generator's rules check what it wrote
// (described, validated-inputs, used-inputs: src/generator/rules.ts).
import { Unit, Validation, VariableDef } from "../cdktf/seam";
import { Value } from "../hcl/writer";
import { ObjectSpec, objectVariableDef } from "./strict-object";

export interface VariableInput {
  name: string;
  type: string;
  /** Left out: the input is required. */
  default?: Value;
  description: string;
  validation?: Validation[];
  /** Written only where it differs from the rule: false (null then means the default) when the default is a value. */
  nullable?: boolean;
  sensitive?: boolean;
}

/** A strict object input (type any; its fields' types, defaults and unknown keys checked at plan). */
export interface ObjectInput extends ObjectSpec {
  name: string;
}

export type Input = VariableInput | ObjectInput;

const isObjectInput = (input: Input): input is ObjectInput => "fields" in input;

/** The variable a row declares. */
function variableOf(input: Input): VariableDef {
  if (isObjectInput(input)) return objectVariableDef(input.name, input);
  const { name, nullable, ...def } = input;
  void name;
  const hasValue = "default" in input && input.default !== null;
  return { ...def, nullable: nullable ?? (hasValue ? false : undefined) };
}

/** Declares every row of the table, in order. */
export function declareInputs(unit: Unit, inputs: Input[]): void {
  for (const input of inputs) unit.variable(input.name, variableOf(input));
}

