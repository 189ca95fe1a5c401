// The only file that imports cdktf itself. Module definitions call these helpers; a move to the
// cdktn fork changes the imports here (and the provider packages' deep paths), nothing else.
import {
  App,
  TerraformDataSource,
  TerraformElement,
  TerraformHclModule,
  TerraformLocal,
  TerraformOutput,
  TerraformProvider,
  TerraformStack,
  TerraformVariable,
  Token,
} from "cdktf";
import { Construct } from "constructs";
import { DefinitionError } from "../errors";
import { tf } from "../hcl/template";
import { Value } from "../hcl/writer";

export { tf };

/**
 * cdktf drops a null variable default (the variable would become required), so the seam writes
 * null as this expression, which the writer prints as `default = null`. Readers of the
 * synthesized JSON that hand it to Terraform's JSON syntax must turn it back into null.
 */
export const NULL_DEFAULT = tf("null");
export const withNullDefault = (variable: Record<string, unknown>) =>
  variable.default === NULL_DEFAULT ? { ...variable, default: null } : variable;

// Raw expressions where a binding's TypeScript type wants a list, map, number or boolean.
export const tfList = (expr: string): string[] => Token.asList(tf(expr));
export const tfMap = (expr: string): Record<string, string> => Token.asStringMap(tf(expr));
export const tfNumber = (expr: string): number => Token.asNumber(tf(expr));

/** Whether each attribute (and nested attribute) is a block, as the provider bindings define it. */
export type BlockSchema = { [name: string]: { block: boolean; nested: BlockSchema } };

/** Terraform's own blocks inside a resource's `lifecycle`. */
export const LIFECYCLE_SCHEMA: BlockSchema = { precondition: { block: true, nested: {} }, postcondition: { block: true, nested: {} } };

/** Where an element goes in the generated files, and the comment that says why it exists. */
export interface Placement {
  file?: string;
  comment?: string;
}

export interface ElementRef {
  /** "variable.preset", "locals.effects", "resource.aws_vpc.this", "module.document", "provider.aws" */
  address: string;
  placement: Placement;
  /** Argument names in the order the definition wrote them (snake_case). */
  order: string[];
  /** For resources, data sources and providers: block structure from the bindings. */
  schema?: BlockSchema;
  /** For resources: whether the provider lets it carry tags (its binding has a tags argument). */
  taggable?: boolean;
  /** For resources and data sources: the arguments and attributes its provider binding has (snake_case). */
  binding?: { arguments: string[]; attributes: string[] };
}

export interface VariableDef {
  description: string;
  type: string;
  default?: Value;
  nullable?: boolean;
  sensitive?: boolean;
  validation?: Validation[];
}

export interface Validation {
  condition: string;
  errorMessage: string;
}

export interface ResourceOptions extends Placement {
  count?: string;
  forEach?: string;
  dependsOn?: string[];
}

type Ctor<T> = new (scope: Construct, id: string, config: T) => TerraformElement;

const snake = (k: string) => k.replace(/[A-Z]/g, (m) => "_" + m.toLowerCase());

/** Reads the block/attribute metadata that cdktf's provider bindings attach to each argument. */
function blockSchema(attrs: unknown): BlockSchema {
  const schema: BlockSchema = {};
  if (!attrs || typeof attrs !== "object") return schema;
  for (const [name, meta] of Object.entries(attrs as Record<string, unknown>)) {
    if (!meta || typeof meta !== "object" || !("isBlock" in meta)) continue;
    const { isBlock, value } = meta as { isBlock: boolean; value: unknown };
    const nested = Array.isArray(value)
      ? value.reduce<BlockSchema>((acc, v) => ({ ...acc, ...blockSchema(v) }), {})
      : blockSchema(value);
    schema[name] = { block: isBlock, nested };
  }
  return schema;
}

/**
 * What a provider binding's class declares: a getter "nameInput" for each argument, "name" for each
 * attribute (arguments included). jsii appends "Attribute" to a name that would clash with a
 * construct member (such as node); both spellings are kept.
 */
function bindingMembers(element: TerraformElement): { arguments: string[]; attributes: string[] } {
  const proto = Object.getPrototypeOf(element) as object;
  const getters = Object.getOwnPropertyNames(proto).filter((n) => Object.getOwnPropertyDescriptor(proto, n)?.get);
  const names = (list: string[]) => list.flatMap((n) => [snake(n), ...(n.endsWith("Attribute") ? [snake(n.slice(0, -"Attribute".length))] : [])]);
  return {
    arguments: names(getters.filter((n) => n.endsWith("Input")).map((n) => n.slice(0, -"Input".length))),
    attributes: names(getters.filter((n) => !n.endsWith("Input"))),
  };
}

export function createApp(outdir?: string): App {
  return new App({ skipValidation: true, ...(outdir ? { outdir } : {}) });
}

/** One generated directory (a module or an example) = one cdktf stack. */
export class Unit {
  readonly stack: TerraformStack;
  readonly elements: ElementRef[] = [];
  /** IAM actions the definition writes, by where, and how their statement matches them (checked by the generator's rules). */
  readonly actions: { where: string; actions: string[]; resourceTypes?: string[]; conditionKey?: string }[] = [];
  private readonly constructs = new Map<string, TerraformElement>();
  /** Provider configurations by reference: "aws", "aws.eu_west_1". */
  private readonly providers = new Map<string, TerraformProvider>();
  /** The stack's Terraform JSON, once resolved (synthesizedJson). */
  private json?: string;

  constructor(
    readonly app: App,
    readonly name: string,
  ) {
    this.stack = new TerraformStack(app, name);
  }

  private add(address: string, placement: Placement, order: string[], element?: TerraformElement) {
    if (this.elements.some((e) => e.address === address)) {
      throw new DefinitionError(this.name, `${address} is defined twice; each name must be unique in a module`);
    }
    this.elements.push({ address, placement, order });
    if (element) this.constructs.set(address, element);
  }

  variable(name: string, def: VariableDef, placement: Placement = {}): string {
    const address = `variable.${name}`;
    this.add(address, placement, []);
    new TerraformVariable(this.stack, `var-${name}`, {
      description: def.description,
      type: def.type,
      default: def.default === null ? NULL_DEFAULT : def.default,
      nullable: def.nullable,
      sensitive: def.sensitive,
      validation: def.validation?.map((v) => ({ condition: tf(v.condition), errorMessage: v.errorMessage })),
    }).overrideLogicalId(name);
    return `var.${name}`;
  }

  local(name: string, value: Value, placement: Placement = {}): string {
    this.add(`locals.${name}`, placement, []);
    new TerraformLocal(this.stack, `local-${name}`, value).overrideLogicalId(name);
    return `local.${name}`;
  }

  output(name: string, def: { description: string; value: string; sensitive?: boolean }, placement: Placement = {}) {
    const address = `output.${name}`;
    this.add(address, placement, []);
    new TerraformOutput(this.stack, `output-${name}`, {
      description: def.description,
      value: def.value,
      sensitive: def.sensitive,
    }).overrideLogicalId(name);
  }

  /**
   * A check block: assertions Terraform evaluates at plan (and after apply) and reports as
   * warnings, never stopping the plan: for what is worth saying but not wrong.
   */
  check(name: string, asserts: Validation[], placement: Placement = {}): void {
    this.add(`check.${name}`, placement, []);
    this.stack.addOverride(`check.${name}`, { assert: asserts.map((a) => ({ condition: tf(a.condition), error_message: a.errorMessage })) });
  }

  /** A call to a module by relative path; `inputs` are written in the order given. */
  module(name: string, source: string, inputs: Record<string, Value>, placement: Placement & { forEach?: string; providers?: Record<string, string> } = {}): string {
    const { providers, forEach, ...where } = placement;
    for (const ref of Object.values(providers ?? {})) {
      if (!this.providers.has(ref)) throw new DefinitionError(this.name, `module.${name} is passed provider ${ref}, which is not defined; call unit.provider first`);
    }
    this.add(`module.${name}`, where, ["source", ...(providers ? ["providers"] : []), ...Object.keys(inputs)]);
    const module = new TerraformHclModule(this.stack, name, {
      source,
      variables: inputs as Record<string, unknown>,
      skipAssetCreationFromLocalModules: true,
    });
    if (forEach) module.addOverride("for_each", tf(forEach));
    // Which provider configuration the module's "aws" is, such as { aws: "aws.eu_west_1" }.
    if (providers) module.addOverride("providers", Object.fromEntries(Object.entries(providers).map(([k, v]) => [k, tf(v)])));
    return `module.${name}`;
  }

  /** The variables of a unit built earlier in the same app, as synthesized (a wrapper reads its module's). */
  variablesOf(unit: string): Record<string, VariableDef> {
    const stack = this.app.node.tryFindChild(unit);
    if (!(stack instanceof TerraformStack)) throw new DefinitionError(this.name, `${unit} must be built before ${this.name}, which reads its variables`);
    const variables = (stack.toTerraform() as { variable?: Record<string, Record<string, unknown>> }).variable ?? {};
    return Object.fromEntries(Object.entries(variables).map(([name, v]) => [name, withNullDefault(v) as unknown as VariableDef]));
  }

  resource<T extends object>(ctor: Ctor<T>, name: string, config: T, options: ResourceOptions = {}): TerraformElement {
    const element = new ctor(this.stack, `${ctor.name}:${name}`, config);
    element.overrideLogicalId(name);
    const type = (element as unknown as { terraformResourceType: string }).terraformResourceType;
    const isData = element instanceof TerraformDataSource;
    if (options.count) element.addOverride("count", tf(options.count));
    if (options.forEach) element.addOverride("for_each", tf(options.forEach));
    if (options.dependsOn) element.addOverride("depends_on", options.dependsOn);
    this.add(`${isData ? "data" : "resource"}.${type}.${name}`, options, Object.keys(config).map(snake), element);
    this.elements[this.elements.length - 1].taggable = "tagsInput" in element;
    this.elements[this.elements.length - 1].binding = bindingMembers(element);
    return element;
  }

  /** A provider block; one with an alias (another Region) is addressed "provider.<type>.<alias>". */
  provider<T extends object>(ctor: Ctor<T>, config: T, placement: Placement = {}): void {
    const alias = (config as { alias?: string }).alias;
    // Checked before cdktf's own, less telling, construct-name clash.
    const ref = `${(ctor as unknown as { tfResourceType: string }).tfResourceType}${alias ? `.${alias}` : ""}`;
    if (this.providers.has(ref)) throw new DefinitionError(this.name, `provider.${ref} is defined twice; give each other configuration an alias`);
    const element = new ctor(this.stack, alias ? `provider-${alias}` : "provider", config);
    const type = (element as unknown as { terraformResourceType: string }).terraformResourceType;
    this.add(`provider.${type}${alias ? `.${alias}` : ""}`, placement, Object.keys(config).map(snake), element);
    this.providers.set(ref, element as unknown as TerraformProvider);
  }

  /** Block structure for every resource, data source and provider, from the bindings. */
  schemas(): void {
    for (const ref of this.elements) {
      const element = this.constructs.get(ref.address);
      if (!element) continue;
      const hcl = (element as unknown as { toHclTerraform(): Record<string, unknown> }).toHclTerraform();
      const [kind, type, name] = ref.address.split(".");
      const section = hcl[kind] as Record<string, unknown>;
      const body = kind === "provider" ? (section[type] as unknown[])[0] : (section[type] as Record<string, unknown>)[name];
      ref.schema = blockSchema(body);
    }
  }

  /**
   * The stack as Terraform JSON, in the order the definition wrote it (cdk.tf.json on disk has
   * its keys sorted, which would give policy statements another key order than AWS's examples).
   * Resolved once, after the app's synth (resolving is most of the generator's time); a copy each call.
   */
  synthesizedJson(): Record<string, unknown> {
    this.json ??= JSON.stringify(this.stack.toTerraform());
    return JSON.parse(this.json);
  }
}
