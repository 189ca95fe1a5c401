// versions.tf and the README's "Requirements, in short". Each directory's floors are computed: the
// highest of what its definition declares (src/modules/requirements.ts), what it uses itself and
// what every module it calls needs, so a directory can never declare less than a module it calls
// (`terraform init` would refuse the floor: ">= 5.0, >= 5.27" has no 5.0.0). The reasons name what
// the directory itself uses, so an IAM-only module does not repeat the network's. What counts:
// - Terraform: validation conditions that refer to another input variable (new in 1.9), here or
//   in a module this directory calls (the caller states it so that `terraform init` of the caller
//   fails first, with the reason).
// - hashicorp/aws: the features of src/facts/provider-versions.ts its resources use, and the
//   floors of the modules it calls.
import * as path from "node:path";
import { attr, blank, block, comment, Item, Value } from "../hcl/writer";
import { featuresOf, ProviderFeature } from "../facts/provider-versions";
import { Definition, directoryOf, ProviderRequirement, Requirements } from "./definition";
import { DefinitionError } from "../errors";

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

export const compareVersions = (a: string, b: string) => {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};
const newest = (versions: string[]) => [...versions].sort(compareVersions).pop();

/** "5.27.0" -> "5.27", "5.0.0" -> "5.0", "5.27.1" stays: as versions.tf writes a floor. */
const short = (v: string) => v.split(".").concat(["0", "0"]).slice(0, 3).join(".").replace(/\.0$/, "");

/** The version of a ">= 5.0" constraint; a floor in another form cannot be compared. */
function floorOf(unit: string, constraint: string): string {
  const m = /^>= ?(\d+(?:\.\d+){0,2})$/.exec(constraint);
  if (!m) throw new DefinitionError(unit, `declares "${constraint}"; a floor is written ">= X.Y" (no upper bound: README, "Versions")`);
  return m[1];
}

/** Newest first: "aws_eip's domain argument (5.0.0)". */
const byVersion = (features: ProviderFeature[]) => [...new Set(features)].sort((a, b) => compareVersions(b.since, a.since)).map((f) => `${f.what} (${f.since})`);

interface Usage {
  /** hashicorp/aws features used here and in every module called, directly or not. */
  features: ProviderFeature[];
  /** Whether here or a module called has cross-variable validations. */
  validations: boolean;
  /** The computed floors: Terraform's, and hashicorp/aws's (undefined without the provider). */
  terraform: string;
  aws?: string;
}

/** Each directory's requirements with its own reasons and computed floors, by directory. */
export function requirementsOf(units: { definition: Definition; json: Json }[]): Map<string, Requirements> {
  const byName = new Map(units.filter((u) => u.definition.kind === "module").map((u) => [u.definition.name, u]));
  const calls = (json: Json) => calledModules(json).flatMap((m) => byName.get(m) ?? []);
  const memo = new Map<string, Usage>();
  const usage = ({ definition: d, json }: { definition: Definition; json: Json }): Usage => {
    const known = memo.get(directoryOf(d));
    if (known) return known;
    const own = ["resource", "data"].flatMap((k) => Object.entries((json[k] as Json) ?? {}).flatMap(([type, byName]) => featuresOf(type, Object.values(byName as Json) as Json[])));
    const called = calls(json).map((u) => ({ name: u.definition.name, usage: usage(u) }));
    const aws = d.requirements.providers.find((p) => p.source === "hashicorp/aws");
    const needsAws = called.filter((c) => c.usage.aws !== undefined);
    if (!aws && needsAws.length) throw new DefinitionError(d.name, `calls ${needsAws.map((c) => c.name).join(", ")}, which need hashicorp/aws, but declares no hashicorp/aws requirement`);
    const features = [...own, ...called.flatMap((c) => c.usage.features)];
    const result: Usage = {
      features,
      validations: crossValidations(json).length > 0 || called.some((c) => c.usage.validations),
      terraform: newest([floorOf(d.name, d.requirements.terraform), ...called.map((c) => c.usage.terraform)])!,
      aws: aws && newest([floorOf(d.name, aws.version), ...features.map((f) => f.since), ...needsAws.map((c) => c.usage.aws!)]),
    };
    memo.set(directoryOf(d), result);
    return result;
  };

  const out = new Map<string, Requirements>();
  for (const unit of units) {
    const { definition: d, json } = unit;
    const used = usage(unit);
    const called = calls(json).map((u) => ({ name: u.definition.name, usage: usage(u) }));
    /** Why a floor above the declared one: the called modules that need it. */
    const raisedBy = (floor: string, of: (u: Usage) => string | undefined) => called.filter((c) => of(c.usage) !== undefined && compareVersions(of(c.usage)!, floor) === 0).map((c) => c.name);

    const own = crossValidations(json);
    const viaCalled = called.filter((c) => c.usage.validations).map((c) => c.name);
    const declaredTerraform = floorOf(d.name, d.requirements.terraform);
    const terraformRaised = compareVersions(used.terraform, declaredTerraform) > 0 ? ` ${raisedBy(used.terraform, (u) => u.terraform).join(", ")}, which it calls, requires Terraform ${short(used.terraform)}.` : "";
    const terraformWhy =
      (own.length
        ? `validation conditions here refer to other input variables (${list(own)})${viaCalled.length ? `, as do those of ${viaCalled.join(", ")}, which it calls` : ""}; that is new in Terraform 1.9.`
        : viaCalled.length
          ? `${viaCalled.join(", ")}, which it calls, has validation conditions that refer to other input variables, new in Terraform 1.9.`
          : d.requirements.terraformReason) + terraformRaised;

    const ownFeatures = ["resource", "data"].some((k) => Object.entries((json[k] as Json) ?? {}).some(([type, byName]) => featuresOf(type, Object.values(byName as Json) as Json[]).length));
    const featuresVia = called.filter((c) => c.usage.features.length).map((c) => c.name);
    const providers = d.requirements.providers.map((p): ProviderRequirement => {
      if (p.source !== "hashicorp/aws") return p;
      const declared = floorOf(d.name, p.version);
      const floor = used.aws!;
      const newestFeature = [...used.features].sort((a, b) => compareVersions(b.since, a.since))[0];
      const via = featuresVia.length ? ` (${ownFeatures ? "some " : ""}through ${featuresVia.join(", ")}, which it calls)` : "";
      const uses = used.features.length ? `uses ${byVersion(used.features).join(", ")}${via}. ` : "";
      let why: string;
      if (compareVersions(floor, declared) > 0) {
        why = newestFeature && compareVersions(newestFeature.since, floor) === 0
          ? `The floor is ${short(floor)}, the newest of these. `
          : `The floor is ${short(floor)} because ${raisedBy(floor, (u) => u.aws).join(", ")}, which it calls, requires it. `;
      } else {
        why = !newestFeature || compareVersions(newestFeature.since, declared) < 0 ? `The floor is ${short(declared)} because nothing older is tested. ` : "";
      }
      return { ...p, version: `>= ${short(floor)}`, reason: `${uses}${why}${p.reason}` };
    });
    out.set(directoryOf(d), { ...d.requirements, terraform: `>= ${short(used.terraform)}`, terraformReason: terraformWhy, providers });
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
