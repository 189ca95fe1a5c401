// Every reference the generated HCL makes (var.x, local.x, module.x, data.t.x, aws_t.x) must name
// something the same stack declares; a misspelling otherwise passes generation and fails only
// later, in Terraform. Only interpolations are scanned, and inside them quoted strings are skipped
// except for the interpolations nested in them.
import { Value } from "../hcl/writer";
import { expressionEnd, identifierEnd, isIdStart } from "../hcl/scan";
import { parseTemplate } from "../hcl/template";

type Json = { [key: string]: Value };

/** A reference to a declared object: "var.x", "local.x", "module.x", "data.t.x" or "aws_t.x". */
export interface Reference {
  kind: "var" | "local" | "module" | "data" | "resource";
  /** Resource or data source type; undefined for var, local and module. */
  type?: string;
  name: string;
  /** As written, without attribute access: "aws_subnet.private", "module.document". */
  text: string;
}

const RESOURCE_TYPE = /^aws_[a-z0-9_]+$/;
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/** The ".name" segments that follow index `i` (stops at "[", "(", operators and digits). */
function attributes(s: string, i: number): string[] {
  const names: string[] = [];
  let j = i;
  for (;;) {
    let k = j;
    while (isSpace(s[k])) k++;
    if (s[k] !== ".") return names;
    k++;
    while (isSpace(s[k])) k++;
    if (!isIdStart(s[k])) return names;
    const end = identifierEnd(s, k);
    names.push(s.slice(k, end));
    j = end;
  }
}

/** The root reference an identifier starts, if any: `aws_subnet.private[az].id` -> aws_subnet.private. */
function rootReference(root: string, rest: string[], next: string | undefined): Reference | undefined {
  if (next === "(") return undefined; // a function call, never a reference
  if ((root === "var" || root === "local" || root === "module") && rest.length >= 1) {
    return { kind: root, name: rest[0], text: `${root}.${rest[0]}` };
  }
  if (root === "data" && rest.length >= 2) return { kind: "data", type: rest[0], name: rest[1], text: `data.${rest[0]}.${rest[1]}` };
  if (RESOURCE_TYPE.test(root) && rest.length >= 1) return { kind: "resource", type: root, name: rest[0], text: `${root}.${rest[0]}` };
  return undefined;
}

/** Collects the root references an expression makes, skipping attribute names (after "."). */
function scanExpression(s: string, found: Reference[]): void {
  expressionEnd(s, 0, undefined, (start, end, previous) => {
    if (previous === ".") return;
    let k = end;
    while (isSpace(s[k])) k++;
    const ref = rootReference(s.slice(start, end), attributes(s, end), s[k]);
    if (ref) found.push(ref);
  });
}

/** The references of one Terraform JSON string: its interpolations, nested quoted templates included. */
export function referencesOf(text: string): Reference[] {
  const found: Reference[] = [];
  for (const part of parseTemplate(text)) if (part.kind === "interp") scanExpression(part.expr, found);
  return found;
}

/** Every string in a value, objects and arrays included; "//" keys are cdktf metadata, never printed. */
function strings(value: Value | undefined, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "//") continue;
      out.push(k); // Terraform's JSON syntax reads the property names of object values as templates
      strings(v, out);
    }
  }
  return out;
}

const section = (json: Json, name: string): Json => {
  const v = json[name];
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {};
};

/** The declared names of each kind ("var", "local", "module", "aws_subnet", "data.aws_iam_policy_document"). */
function declaredNames(json: Json): Map<string, string[]> {
  const declared = new Map<string, string[]>([
    ["var", Object.keys(section(json, "variable"))],
    ["local", Object.keys(section(json, "locals"))],
    ["module", Object.keys(section(json, "module"))],
  ]);
  for (const [type, byName] of Object.entries(section(json, "resource"))) declared.set(type, Object.keys(byName as Json));
  for (const [type, byName] of Object.entries(section(json, "data"))) declared.set(`data.${type}`, Object.keys(byName as Json));
  return declared;
}

/** What holds strings to scan: "output.x", "local.x", "aws_vpc.this", "data.aws_region.current", "check.x", ..., with its strings. */
export function holders(json: Json): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (const [name, body] of Object.entries(section(json, "variable"))) {
    // `type` is a type expression, not a value.
    const values = Object.entries(body as Json).filter(([k]) => k !== "type");
    out.push([`variable.${name}`, values.flatMap(([, v]) => strings(v))]);
  }
  for (const [name, value] of Object.entries(section(json, "locals"))) out.push([`local.${name}`, strings(value)]);
  for (const [name, body] of Object.entries(section(json, "output"))) out.push([`output.${name}`, strings(body)]);
  for (const [name, body] of Object.entries(section(json, "module"))) out.push([`module.${name}`, strings(body)]);
  for (const kind of ["resource", "data"]) {
    for (const [type, byName] of Object.entries(section(json, kind))) {
      for (const [name, body] of Object.entries(byName as Json)) {
        // depends_on entries are bare addresses ("aws_x.y"), printed as references.
        const texts = Object.entries(body as Json).flatMap(([k, v]) =>
          k === "//" ? [] : k === "depends_on" ? strings(v).map((d) => (d.startsWith("${") ? d : "${" + d + "}")) : strings(v),
        );
        out.push([`${kind === "data" ? "data." : ""}${type}.${name}`, texts]);
      }
    }
  }
  for (const [name, bodies] of Object.entries(section(json, "provider"))) out.push([`provider.${name}`, strings(bodies)]);
  for (const [name, body] of Object.entries(section(json, "check"))) out.push([`check.${name}`, strings(body)]);
  return out;
}

function declaredList(ref: Reference, declared: string[]): string {
  const what =
    ref.kind === "var" ? "variables"
    : ref.kind === "local" ? "locals"
    : ref.kind === "module" ? "modules"
    : ref.kind === "data" ? `data.${ref.type} data sources`
    : `${ref.type} resources`;
  return declared.length ? `declared ${what}: ${[...declared].sort().join(", ")}` : `no ${what} are declared`;
}

/**
 * Every reference in the HCL that `json` prints to a variable, local, module, resource or data
 * source the same stack does not declare, as a message naming the holder and what is declared.
 */
export function undeclaredReferences(json: Json): string[] {
  const declared = declaredNames(json);
  const found: string[] = [];
  for (const [holder, texts] of holders(json)) {
    for (const text of texts) {
      for (const ref of referencesOf(text)) {
        const key = ref.kind === "data" ? `data.${ref.type}` : (ref.type ?? ref.kind);
        const names = declared.get(key) ?? [];
        if (!names.includes(ref.name)) found.push(`${holder} refers to ${ref.text}, which is not declared in this module; ${declaredList(ref, names)}`);
      }
    }
  }
  return found;
}
