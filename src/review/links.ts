// Which resource an attribute points at, when its value (an ARN or ID created in the same apply) is
// known only after apply: the configuration's references, followed through module outputs and
// inputs to the resource they name.
import { configModule, ConfigModule, Resource, World } from "./plan";

const RESOURCE_REF = /^(data\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([^.[]+)(?:\[([^\]]+)\])?/;
const keyOf = (index: string): string | number => (/^\d+$/.test(index) ? Number(index) : (JSON.parse(index) as string));

/** The module instances of a call in a scope: module.a, or module.a[0], module.a["x"]... */
function childInstances(world: World, scope: string, child: string): string[] {
  const prefix = `${scope ? `${scope}.` : ""}module.${child}`;
  const found = new Set<string>();
  for (const r of world.resources) {
    if (r.module === prefix || r.module.startsWith(`${prefix}.`) || r.module.startsWith(`${prefix}[`)) {
      const rest = r.module.slice(prefix.length);
      const key = /^(\[[^\]]*\])?/.exec(rest)![0];
      found.add(prefix + key);
    }
  }
  return [...found];
}

/** The scope a module instance sits in, and its call's name: module.a["k"].module.b -> [module.a["k"], b]. */
function parentOf(scope: string): [string, string] | undefined {
  const m = /^(?:(.*)\.)?module\.([^.[]+)(?:\[[^\]]*\])?$/.exec(scope);
  return m ? [m[1] ?? "", m[2]] : undefined;
}

/** The resources the first resolvable reference names, in a module instance. */
export function resolve(config: ConfigModule | undefined, world: World, scope: string, references: string[], depth = 0): Resource[] {
  if (!config || depth > 12) return [];
  for (const ref of references) {
    const parts = ref.split(".");
    if (parts[0] === "module" && parts.length >= 3) {
      const child = parts[1].replace(/\[.*$/, "");
      const output = configModule(config, scope)?.module_calls?.[child]?.module?.outputs?.[parts[2]];
      const found = childInstances(world, scope, child).flatMap((instance) => resolve(config, world, instance, output?.expression?.references ?? [], depth + 1));
      if (found.length) return found;
      continue;
    }
    if (parts[0] === "var" && parts.length >= 2) {
      const parent = parentOf(scope);
      if (!parent) continue;
      const expression = configModule(config, parent[0])?.module_calls?.[parent[1]]?.expressions?.[parts[1]];
      const found = resolve(config, world, parent[0], expression?.references ?? [], depth + 1);
      if (found.length) return found;
      continue;
    }
    const m = RESOURCE_REF.exec(ref);
    if (!m) continue;
    const [, data, type, name, index] = m;
    const found = world.resources.filter(
      (r) => r.module === scope && r.type === type && r.name === name && (r.mode === "data") === Boolean(data) && (index === undefined || r.index === keyOf(index)),
    );
    if (found.length) return found;
  }
  return [];
}
