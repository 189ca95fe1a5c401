// Synthesized JSON -> HCL syntax trees, one per file. The order of elements is the order the
// definition wrote them; block/attribute comes from the bindings' schema, never from JSON shape.
import { BlockSchema, ElementRef, LIFECYCLE_SCHEMA } from "../cdktf/seam";
import { attr, blank, block, comment, Item, Value } from "../hcl/writer";
import { DefinitionError } from "../errors";

type Json = Record<string, Value>;

const KNOWN_SECTIONS = new Set(["//", "terraform", "variable", "locals", "output", "module", "resource", "data", "provider", "check"]);
const DEFAULT_FILE: Record<string, string> = { variable: "variables.tf", output: "outputs.tf" };

/** Renders depends_on entries ("aws_x.y") as bare references. */
const reference = (s: Value): Value => (typeof s === "string" && !s.startsWith("${") ? "${" + s + "}" : s);

function lookup(json: Json, address: string): Json | undefined {
  const [kind, ...rest] = address.split(".");
  if (kind === "provider") {
    // All configurations of one provider share a list; an aliased one is found by its alias.
    const [type, alias] = rest;
    const configs = ((json.provider as Json | undefined)?.[type] ?? []) as Json[];
    return configs.find((c) => c.alias === alias);
  }
  let node: Value | undefined = json[kind];
  for (const part of rest) node = node && typeof node === "object" && !Array.isArray(node) ? node[part] : undefined;
  return node as Json | undefined;
}

/** Arguments of a resource, data source or provider body, in a readable order. */
function lowerArguments(body: Json, schema: BlockSchema, order: string[]): Item[] {
  const keys = Object.keys(body).filter((k) => k !== "//");
  const ordered = [...order.filter((k) => keys.includes(k)), ...keys.filter((k) => !order.includes(k))];
  // An explicitly empty list for a block type is the "attributes as blocks" idiom (for example a
  // security group's `ingress = []`, which removes every rule); zero blocks would mean "unset".
  const emptyList = (k: string) => Array.isArray(body[k]) && (body[k] as Value[]).length === 0;
  const isBlock = (k: string) => (schema[k]?.block === true && !emptyList(k)) || k === "lifecycle";
  const meta = ["count", "for_each", "provider"].filter((k) => keys.includes(k));
  const last = ["tags", "depends_on", "lifecycle"];
  const plain = ordered.filter((k) => !meta.includes(k) && !last.includes(k) && !isBlock(k));
  const blocks = ordered.filter((k) => !last.includes(k) && isBlock(k));
  const items: Item[] = [];
  for (const k of meta) items.push(attr(k, body[k]));
  if (meta.length && keys.length > meta.length) items.push(blank);
  for (const k of plain) items.push(attr(k, body[k]));
  for (const k of blocks) items.push(...lowerBlocks(k, body[k], schema[k]?.nested ?? {}));
  if ("tags" in body) items.push(attr("tags", body.tags));
  if ("depends_on" in body) items.push(blank, attr("depends_on", (body.depends_on as Value[]).map(reference)));
  if ("lifecycle" in body) items.push(blank, ...lowerBlocks("lifecycle", body.lifecycle, LIFECYCLE_SCHEMA));
  return items;
}

function lowerBlocks(type: string, value: Value, schema: BlockSchema): Item[] {
  const instances = Array.isArray(value) ? value : [value];
  return instances.map((v) => block(type, [], lowerArguments(v as Json, schema, [])));
}

function lowerVariable(name: string, body: Json): Item {
  const items: Item[] = [attr("description", body.description), attr("type", "${" + String(body.type) + "}")];
  if ("default" in body) items.push(attr("default", body.default));
  if ("nullable" in body) items.push(attr("nullable", body.nullable));
  if ("sensitive" in body) items.push(attr("sensitive", body.sensitive));
  for (const v of (body.validation as Json[] | undefined) ?? []) {
    items.push(blank, block("validation", [], [attr("condition", v.condition), attr("error_message", v.error_message)]));
  }
  return block("variable", [name], items);
}

function lowerOutput(name: string, body: Json): Item {
  const items: Item[] = [attr("description", body.description), attr("value", body.value)];
  if ("sensitive" in body) items.push(attr("sensitive", body.sensitive));
  return block("output", [name], items);
}

function lowerCheck(name: string, body: Json): Item {
  const asserts = (body.assert as Json[]).map((a) => block("assert", [], [attr("condition", a.condition), attr("error_message", a.error_message)]));
  return block("check", [name], asserts.flatMap((a, i) => (i ? [blank, a] : [a])));
}

function lowerModule(name: string, body: Json, order: string[]): Item {
  const keys = Object.keys(body).filter((k) => k !== "//");
  // Meta-arguments after source, each followed by a blank line, as terraform-aws-modules write them.
  const meta = ["for_each", "count"].filter((k) => keys.includes(k));
  const inputs = [...order.filter((k) => keys.includes(k)), ...keys.filter((k) => !order.includes(k) && !meta.includes(k))];
  const items: Item[] = [];
  for (const k of inputs) {
    items.push(attr(k, body[k]));
    if (k === "source") for (const m of meta) items.push(blank, attr(m, body[m]));
    if (k === "source") items.push(blank);
  }
  return block("module", [name], items);
}

function commentLines(text: string | undefined): Item[] {
  return text ? [comment(text)] : [];
}

/**
 * Lowers one synthesized stack to a syntax tree per file. Consecutive locals that share a file
 * share one `locals` block; every element the JSON holds must be one the definition declared.
 */
export function lowerStack(unit: string, json: Json, elements: ElementRef[]): Map<string, Item[]> {
  for (const section of Object.keys(json)) {
    if (!KNOWN_SECTIONS.has(section)) throw new DefinitionError(unit, `unexpected "${section}" in the synthesized JSON`);
  }
  const declared = new Set(elements.map((e) => e.address));
  for (const kind of ["variable", "output", "module", "locals", "check"]) {
    for (const name of Object.keys((json[kind] as Json) ?? {})) {
      if (!declared.has(`${kind}.${name}`)) throw new DefinitionError(unit, `${kind}.${name} was not declared through the seam`);
    }
  }

  const files = new Map<string, Item[]>();
  // The open `locals` block of each file: consecutive locals of a file share one block.
  const openLocals = new Map<string, Item[]>();
  for (const el of elements) {
    const [kind, name] = el.address.split(".");
    const file = el.placement.file ?? DEFAULT_FILE[kind] ?? "main.tf";
    const items = files.get(file) ?? [];
    files.set(file, items);
    if (kind === "locals") {
      const value = (json.locals as Json)[name];
      let body = openLocals.get(file);
      if (!body) {
        body = [];
        openLocals.set(file, body);
        if (items.length) items.push(blank);
        items.push(block("locals", [], body));
      } else if (el.placement.comment) {
        body.push(blank);
      }
      body.push(...commentLines(el.placement.comment), attr(name, value));
      continue;
    }
    openLocals.delete(file);
    const body = lookup(json, el.address);
    if (!body) throw new DefinitionError(unit, `${el.address} is missing from the synthesized JSON`);
    if (items.length) items.push(blank);
    items.push(...commentLines(el.placement.comment));
    if (kind === "variable") items.push(lowerVariable(name, body));
    else if (kind === "output") items.push(lowerOutput(name, body));
    else if (kind === "module") items.push(lowerModule(name, body, el.order));
    else if (kind === "check") items.push(lowerCheck(name, body));
    else if (kind === "provider") items.push(block("provider", [name], lowerArguments(body, el.schema ?? {}, el.order.includes("alias") ? ["alias", ...el.order.filter((k) => k !== "alias")] : el.order)));
    else {
      const [, type, resourceName] = el.address.split(".");
      items.push(block(kind, [type, resourceName], lowerArguments(body, el.schema ?? {}, el.order)));
    }
  }
  return files;
}
