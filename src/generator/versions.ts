// versions.tf and the README's "Requirements, in short": the version floors come from each
// definition (src/modules/requirements.ts), the reasons from what the directory itself uses, so an
// IAM-only module does not repeat the network's reasons. What counts:
// - Terraform: validation conditions that refer to another input variable (new in 1.9), here or
//   in a module this directory calls (Terraform checks each module's required_version anyway;
//   the caller states it so that `terraform init` of the caller fails first, with the reason).
// - hashicorp/aws: the features of src/facts/provider-versions.ts its resources use, and the
//   modules it calls.
import * as path from "node:path";
import { attr, blank, block, comment, Item, Value } from "../hcl/writer";
import { AWS_RESOURCE_FEATURES, ProviderFeature } from "../facts/provider-versions";
import { Definition, directoryOf, ProviderRequirement, Requirements } from "./definition";
import { DefinitionError } from "./errors";

type Json = Record<string, Value>;

/** "allow_restart checks preset": validations of one variable that refer to others. */
function crossValidations(json: Json): string[] {
  const found: string[] = [];
  for (const [name, body] of Object.entries((json.variable as Json) ?? {})) {
    const others = new Set<string>();
    for (const v of ((body as Json).validation as Json[] | undefined) ?? []) {
      for (const m of String(v.condition).matchAll(/\bvar\.([A-Za-z0-9_]+)/g)) if (m[1] !== name) others.add(m[1]);
    }
    if (others.size) found.push(`${name} checks ${list([...others], ", ")}`);
  }
  return found;
}

/** The names of the modules a directory calls (by relative path). */
const calledModules = (json: Json): string[] =>
  [...new Set(Object.values((json.module as Json) ?? {}).map((m) => path.posix.basename(String((m as Json).source))))].sort();

const list = (items: string[], separator = "; ", max = 3) =>
  items.length > max ? `${items.slice(0, max).join(separator)} and ${items.length - max} more` : items.join(separator);

const compareVersions = (a: string, b: string) => {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

/** Newest first: "aws_eip's domain argument (5.0.0)". */
const byVersion = (features: ProviderFeature[]) => [...new Set(features)].sort((a, b) => compareVersions(b.since, a.since)).map((f) => `${f.what} (${f.since})`);

/** Each directory's requirements with its own reasons, by directory. */
export function requirementsOf(units: { definition: Definition; json: Json }[]): Map<string, Requirements> {
  const byName = new Map(units.filter((u) => u.definition.kind === "module").map((u) => [u.definition.name, u]));
  /** This unit's provider features and cross-variable validations, and those of the modules it calls. */
  const usage = (json: Json): { features: ProviderFeature[]; validations: boolean } => {
    const types = ["resource", "data"].flatMap((k) => Object.keys((json[k] as Json) ?? {}));
    const called = calledModules(json).map((m) => byName.get(m)).filter((u) => u !== undefined);
    const inner = called.map((u) => usage(u.json));
    return {
      features: [...types.filter((t) => AWS_RESOURCE_FEATURES[t]).map((t) => AWS_RESOURCE_FEATURES[t]), ...inner.flatMap((i) => i.features)],
      validations: crossValidations(json).length > 0 || inner.some((i) => i.validations),
    };
  };
  const out = new Map<string, Requirements>();
  for (const { definition: d, json } of units) {
    const own = crossValidations(json);
    const viaCalled = calledModules(json).filter((m) => byName.has(m) && usage(byName.get(m)!.json).validations);
    const terraformWhy = own.length
      ? `validation conditions here refer to other input variables (${list(own)})${viaCalled.length ? `, as do those of ${viaCalled.join(", ")}, which it calls` : ""}; that is new in Terraform 1.9.`
      : viaCalled.length
        ? `${viaCalled.join(", ")}, which it calls, has validation conditions that refer to other input variables, new in Terraform 1.9.`
        : d.requirements.terraformReason;
    const { features } = usage(json);
    const featuresVia = calledModules(json).filter((m) => byName.has(m) && usage(byName.get(m)!.json).features.length);
    const providers = d.requirements.providers.map((p): ProviderRequirement => {
      if (p.source !== "hashicorp/aws") return p;
      const ownFeatures = ["resource", "data"].some((k) => Object.keys((json[k] as Json) ?? {}).some((t) => AWS_RESOURCE_FEATURES[t]));
      const via = featuresVia.length ? ` (${ownFeatures ? "some " : ""}through ${featuresVia.join(", ")}, which it calls)` : "";
      const floor = /^>= ?([\d.]+)$/.exec(p.version)?.[1];
      const newest = [...features].sort((a, b) => compareVersions(b.since, a.since))[0];
      if (floor && newest && compareVersions(newest.since, floor) > 0) {
        throw new DefinitionError(d.name, `declares hashicorp/aws ${p.version} but uses ${newest.what}, which needs ${newest.since}: raise its floor`);
      }
      const older = floor && (!newest || compareVersions(newest.since, floor) < 0) ? `The floor is ${floor} because nothing older is tested. ` : "";
      const why = features.length ? `uses ${byVersion(features).join(", ")}${via}. ` : "";
      return { ...p, reason: `${why}${older}${p.reason}` };
    });
    out.set(directoryOf(d), { ...d.requirements, terraformReason: terraformWhy, providers });
  }
  return out;
}

export function versionsFile(req: Requirements): Item[] {
  const body: Item[] = [comment(`${req.terraform}: ${req.terraformReason}`), attr("required_version", req.terraform)];
  if (req.providers.length) {
    const providers: Item[] = [];
    for (const p of req.providers) {
      providers.push(comment(`${p.version}: ${p.reason}`), attr(p.name, { source: p.source, version: p.version }));
    }
    body.push(blank, block("required_providers", [], providers));
  }
  return [block("terraform", [], body)];
}
