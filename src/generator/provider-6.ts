// The aws-provider-6 rule (src/generator/rules.ts): the generated HCL works with hashicorp/aws 5.x
// (the suite plans with 5.100.0) and 6.x without a warning. Every argument it sets and attribute it
// references must exist in the provider bindings (@cdktf/provider-aws 21.22.1, hashicorp/aws 6.25),
// and none may be one the version 6 upgrade guide removes or deprecates (src/facts/aws-provider-6.ts).
import { ElementRef } from "../cdktf/seam";
import { changesOf, UPGRADE_GUIDE, Upgrade6 } from "../facts/aws-provider-6";
import { Value } from "../hcl/writer";
import { parseTemplate } from "../hcl/template";
import { holders } from "./references";

type Json = Record<string, Value>;
type Kind = "resource" | "data";

/** Arguments a body may hold that are Terraform's, not the provider's. */
const META = new Set(["count", "for_each", "depends_on", "lifecycle", "provider", "//"]);
/** A reference and the attribute it reads: data.aws_region.current.id, aws_subnet.private["a"].id, aws_x.y[*].arn. */
const REFERENCE = /(?<![\w.])(data\.)?(aws_[a-z0-9_]+)\.[A-Za-z_][\w-]*((?:\s*\[[^[\]]*(?:\[[^[\]]*\][^[\]]*)*\]|\.\*)*)\.([a-z_][a-z0-9_]*)/g;
const SELF = /(?<![\w.])self\.([a-z_][a-z0-9_]*)/g;

const explain = (c: Upgrade6) => `${c.change} in hashicorp/aws 6${c.instead ? ` (instead: ${c.instead})` : ""}; see ${UPGRADE_GUIDE}`;
const what = (kind: Kind, type: string) => `${kind === "data" ? "data source" : "resource"} ${type}`;

/** Every interpolation of every string a holder prints. */
const expressions = (texts: string[]) => texts.flatMap((t) => parseTemplate(t).flatMap((p) => (p.kind === "interp" ? [p.expr] : [])));

export function provider6Violations(json: Json, elements: ElementRef[]): string[] {
  const bindings = new Map<string, NonNullable<ElementRef["binding"]>>();
  for (const e of elements) {
    const [kind, type] = e.address.split(".");
    if (e.binding && (kind === "resource" || kind === "data")) bindings.set(`${kind}.${type}`, e.binding);
  }
  const found = new Set<string>();
  /** One attribute read or argument set on a type. */
  const attribute = (where: string, kind: Kind, type: string, name: string, verb: "sets" | "reads") => {
    const binding = bindings.get(`${kind}.${type}`);
    const known = verb === "sets" ? binding?.arguments : binding?.attributes;
    if (known && !known.includes(name)) found.add(`${where} ${verb} ${name} of ${what(kind, type)}, which hashicorp/aws 6.25 does not have (the @cdktf/provider-aws bindings)`);
    for (const c of changesOf(kind, type).filter((c) => c.attribute === name)) found.add(`${where} ${verb} ${name} of ${what(kind, type)}: ${explain(c)}`);
  };

  for (const kind of ["resource", "data"] as const) {
    for (const [type, byName] of Object.entries((json[kind] as Json) ?? {})) {
      for (const c of changesOf(kind, type).filter((c) => c.attribute === undefined)) found.add(`${what(kind, type)} is ${explain(c)}`);
      for (const [name, body] of Object.entries(byName as Json)) {
        for (const argument of Object.keys(body as Json).filter((k) => !META.has(k))) attribute(`${kind === "data" ? "data." : ""}${type}.${name}`, kind, type, argument, "sets");
      }
    }
  }
  for (const [holder, texts] of holders(json)) {
    const [first, second] = holder.split(".");
    const self = first === "data" ? { kind: "data" as const, type: second } : /^aws_/.test(first) ? { kind: "resource" as const, type: first } : undefined;
    for (const expr of expressions(texts)) {
      for (const m of expr.matchAll(REFERENCE)) attribute(holder, m[1] ? "data" : "resource", m[2], m[4], "reads");
      if (self) for (const m of expr.matchAll(SELF)) attribute(holder, self.kind, self.type, m[1], "reads");
    }
  }
  return [...found];
}
