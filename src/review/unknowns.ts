// What a value known only after apply depends on, from the configuration: the references of the
// attribute's expression, followed through module outputs and inputs, up to what the plan cannot
// show (a resource created in the same apply, a local value, a data source read at apply), and the
// inputs of the module calls around it that are not constants.
import { configModule, ConfigModule, configResource, ConfigExpression, Resource } from "./plan";

const IGNORED = /^(each|count|path|terraform|self)\b/;

/** "module.a[\"k\"].module.b" -> "module.a[\"k\"]" and "b". */
function parent(scope: string): [string, string] | undefined {
  const m = /^(?:(.*)\.)?module\.([^.[]+)(?:\[[^\]]*\])?$/.exec(scope);
  return m ? [m[1] ?? "", m[2]] : undefined;
}
const where = (scope: string) => (scope ? scope : "the root module");

function follow(config: ConfigModule, scope: string, references: string[], seen: Set<string>, depth: number): string[] {
  if (depth > 10) return [];
  const out: string[] = [];
  // The most specific reference of each thing (Terraform lists a.b.c, a.b, a).
  const specific = references.filter((r) => !IGNORED.test(r) && !references.some((o) => o !== r && (o.startsWith(`${r}.`) || o.startsWith(`${r}[`))));
  for (const ref of specific) {
    const key = `${scope}|${ref}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const parts = ref.split(".");
    if (parts[0] === "var") {
      const p = parent(scope);
      const e = p && (configModule(config, p[0])?.module_calls?.[p[1]]?.expressions?.[parts[1]] as ConfigExpression | undefined);
      if (e?.references?.length) out.push(...follow(config, p![0], e.references, seen, depth + 1));
    } else if (parts[0] === "module" && parts.length >= 3) {
      const child = parts[1].replace(/\[.*$/, "");
      const output = configModule(config, scope)?.module_calls?.[child]?.module?.outputs?.[parts[2]];
      const childScope = `${scope ? `${scope}.` : ""}module.${child}`;
      const inner = follow(config, childScope, output?.expression?.references ?? [], seen, depth + 1);
      out.push(...(inner.length ? inner : [`${ref} in ${where(scope)}`]));
    } else if (parts[0] === "local") {
      out.push(`${parts.slice(0, 2).join(".")} in ${where(scope)}`);
    } else if (parts[0] === "data") {
      out.push(`${parts.slice(0, 3).join(".")} in ${where(scope)} (read at apply)`);
    } else {
      out.push(`${parts.slice(0, 2).join(".")} in ${where(scope)}`);
    }
  }
  return out;
}

/** The non-constant inputs of every module call around a module instance, followed to their sources. */
function callInputs(config: ConfigModule, scope: string, seen: Set<string>): string[] {
  const out: string[] = [];
  for (let s = scope; parent(s); s = parent(s)![0]) {
    const [outer, name] = parent(s)!;
    for (const [input, e] of Object.entries(configModule(config, outer)?.module_calls?.[name]?.expressions ?? {})) {
      const refs = (e as ConfigExpression).references ?? [];
      if (!refs.length || refs.every((r) => r.startsWith("var.") || IGNORED.test(r))) continue;
      out.push(`input ${input} of ${s}: ${follow(config, outer, refs, seen, 0).join(", ") || refs.join(", ")}`);
    }
  }
  return out;
}

/** What one unknown attribute of a resource depends on, most direct first. */
export function dependsOn(config: ConfigModule | undefined, r: Resource, attr: string): string[] {
  if (!config) return [];
  const e = configResource(config, r)?.expressions?.[attr] as ConfigExpression | undefined;
  const seen = new Set<string>();
  const direct = follow(config, r.module, e?.references ?? [], seen, 0);
  return [...new Set([...direct, ...callInputs(config, r.module, seen)])];
}
