// Parses generated HCL back to JSON (@cdktf/hcl2json) and compares it with the JSON cdktf
// synthesized: same elements, same values, and a block wherever the bindings say block.
import { parse } from "./hcl2json";
import { BlockSchema, LIFECYCLE_SCHEMA, NULL_DEFAULT, Unit } from "../../src/cdktf/seam";

type J = unknown;

/**
 * Expression text compared without layout: a line break separates items like a comma does, and
 * whitespace and trailing commas do not matter.
 */
const expr = (s: string) =>
  s
    .replace(/\n/g, ",")
    .replace(/\s+/g, "")
    .replace(/,+/g, ",")
    .replace(/([[({]),/g, "$1")
    .replace(/,([\]})])/g, "$1");

/**
 * One text for a value, whether it arrived as a structure or as a constructor expression
 * (hcl2json returns `{ a = var.b }` as an object, cdktf may hold it as "${{a=var.b}}").
 */
function canonical(v: J): string {
  if (typeof v === "string") {
    const whole = v.startsWith("${") && v.endsWith("}") && !v.slice(2).includes("${") ? v.slice(2, -1) : undefined;
    return whole !== undefined ? expr(whole) : JSON.stringify(v);
  }
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const key = (k: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : JSON.stringify(k));
    return `{${Object.entries(v).map(([k, x]) => `${key(k)}=${canonical(x)}`).join(",")}}`;
  }
  return String(v);
}

function normalize(v: J, schema: BlockSchema = {}): J {
  if (typeof v === "string") return v === NULL_DEFAULT ? null : v;
  if (Array.isArray(v)) return v.map((x) => normalize(x, schema));
  if (v && typeof v === "object") {
    const out: Record<string, J> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === "//") continue;
      const entry = schema[k];
      if (entry?.block || k === "lifecycle") {
        out[k] = (Array.isArray(x) ? x : [x]).map((b) => normalize(b, k === "lifecycle" ? LIFECYCLE_SCHEMA : (entry?.nested ?? {})));
      } else {
        out[k] = normalize(x, {});
      }
    }
    return out;
  }
  return v;
}

/** What cdktf synthesized, as hcl2json would print the equivalent HCL. */
function expected(unit: Unit): Record<string, J> {
  const json = unit.synthesizedJson() as Record<string, Record<string, Record<string, J>>>;
  const out: Record<string, J> = {};
  for (const [name, body] of Object.entries(json.variable ?? {})) {
    const b = body as Record<string, J>;
    ((out.variable ??= {}) as Record<string, J>)[name] = [normalize({ ...b, type: "${" + b.type + "}" })];
  }
  for (const kind of ["output", "module", "check"]) {
    for (const [name, body] of Object.entries(json[kind] ?? {})) {
      ((out[kind] ??= {}) as Record<string, J>)[name] = [normalize(body)];
    }
  }
  if (json.locals) out.locals = normalize(json.locals);
  for (const kind of ["resource", "data"]) {
    for (const [type, byName] of Object.entries(json[kind] ?? {})) {
      for (const [name, body] of Object.entries(byName)) {
        const ref = unit.elements.find((e) => e.address === `${kind}.${type}.${name}`);
        const b = body as Record<string, J>;
        const fixed = b.depends_on ? { ...b, depends_on: (b.depends_on as string[]).map((d) => "${" + d + "}") } : b;
        const types = ((out[kind] ??= {}) as Record<string, Record<string, J>>);
        (types[type] ??= {})[name] = [normalize(fixed, ref?.schema)];
      }
    }
  }
  for (const [type, bodies] of Object.entries((json.provider ?? {}) as unknown as Record<string, J[]>)) {
    const ref = unit.elements.find((e) => e.address === `provider.${type}`);
    ((out.provider ??= {}) as Record<string, J>)[type] = bodies.map((b) => normalize(b, ref?.schema));
  }
  return out;
}

/** The parsed HCL of a unit's files, merged (locals blocks merged into one object). */
async function actual(files: [string, string][]): Promise<Record<string, J>> {
  const out: Record<string, Record<string, J>> = {};
  for (const [file, content] of files) {
    const parsed = (await parse(file, content)) as Record<string, J>;
    for (const [kind, value] of Object.entries(parsed)) {
      if (kind === "terraform") continue;
      if (kind === "locals") {
        out.locals = { ...(out.locals ?? {}), ...Object.assign({}, ...(value as object[])) };
      } else if (kind === "resource" || kind === "data") {
        for (const [type, byName] of Object.entries(value as Record<string, J>)) {
          out[kind] ??= {};
          out[kind][type] = { ...((out[kind][type] as object) ?? {}), ...(byName as object) };
        }
      } else {
        out[kind] = { ...(out[kind] ?? {}), ...(value as object) };
      }
    }
  }
  return normalize(out) as Record<string, J>;
}

function differences(a: J, b: J, at: string, out: string[]): void {
  if (JSON.stringify(a) === JSON.stringify(b) || canonical(a) === canonical(b)) return;
  if (a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
    for (const k of keys) differences((a as Record<string, J>)[k], (b as Record<string, J>)[k], `${at}.${k}`, out);
    return;
  }
  out.push(`${at}: cdktf ${canonical(a)} != HCL ${canonical(b)}`);
}

export async function roundTripDifferences(unit: Unit, files: [string, string][]): Promise<string[]> {
  const out: string[] = [];
  differences(expected(unit), await actual(files), unit.name, out);
  return out;
}
