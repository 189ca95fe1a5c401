// Rules every generated module follows, checked while generating, so a new module, input or
// resource cannot quietly break them: every input that can hold a wrong value (any type but bool)
// is validated; a module with resources has a `create` toggle that gates every resource; and
// every taggable resource (its binding has tags) takes the module's `tags` input.
import { ElementRef } from "../cdktf/seam";
import { Value } from "../hcl/writer";
import { DefinitionError } from "./errors";

type Json = Record<string, Value>;

/** Whether an expression depends on var.create, directly or through locals that do. */
function gatedByCreate(expr: string, locals: Json, seen = new Set<string>()): boolean {
  if (/\bvar\.create\b/.test(expr)) return true;
  for (const [, name] of expr.matchAll(/\blocal\.([A-Za-z_][\w-]*)/g)) {
    if (seen.has(name) || !(name in locals)) continue;
    seen.add(name);
    if (gatedByCreate(JSON.stringify(locals[name]), locals, seen)) return true;
  }
  return false;
}

export function checkModuleRules(unit: string, json: Json, elements: ElementRef[]): void {
  for (const [name, body] of Object.entries((json.variable as Json) ?? {})) {
    const v = body as Json;
    if (v.type !== "bool" && !(v.validation as Value[] | undefined)?.length) {
      throw new DefinitionError(unit, `variable.${name} (${v.type}) has no validation: add one that rejects a wrong value with a message naming the accepted form`);
    }
  }
  const resources = elements.filter((e) => e.address.startsWith("resource."));
  if (!resources.length) return;
  const variables = (json.variable as Json) ?? {};
  const locals = (json.locals as Json) ?? {};
  if (!("create" in variables)) {
    throw new DefinitionError(unit, 'a module with resources needs a "create" variable (bool, default true) that gates every resource');
  }
  for (const r of resources) {
    const [, type, name] = r.address.split(".");
    const body = ((json.resource as Json)[type] as Json)[name] as Json;
    const iteration = body.count ?? body.for_each;
    if (iteration === undefined || !gatedByCreate(JSON.stringify(iteration), locals)) {
      throw new DefinitionError(unit, `${type}.${name} is not gated by var.create: give it count or for_each that is empty when create is false`);
    }
    if (r.taggable) {
      if (!("tags" in variables)) throw new DefinitionError(unit, `${type}.${name} can be tagged, so the module needs a "tags" variable`);
      if (!/\bvar\.tags\b/.test(JSON.stringify(body.tags ?? ""))) {
        throw new DefinitionError(unit, `${type}.${name} can be tagged but does not take var.tags: set tags = var.tags (or merge(var.tags, {...}))`);
      }
    }
  }
}
