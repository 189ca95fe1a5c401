// npm run review -- <git-ref>: what a change of this repository does to CloudShell access, for a
// pull-request comment, by the same review users run on their own plans (src/review/, the
// cloudshell-review command). The states compared are the committed evidence at <git-ref> and in
// the working tree: every example's plan snapshot (evidence/plans/*.json, kept current by the tests),
// every preset's and override's policy (evidence/permission-matrix.json) and every guardrail case's SCP
// (evidence/guardrail-simulation.json), put together as one plan whose "before" is the ref's and
// whose "after" is the tree's. Beside it, each example's resources added or removed and its monthly
// estimate, from the snapshots.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { readPlan } from "../src/review/plan";
import { EXIT, reviewPlan } from "../src/review/review";
import { GUARDRAIL_FILE, MATRIX_FILE } from "../src/evidence/files";
import { PLANS_DIR, PlanSnapshot, readSnapshot } from "./plan-snapshots";

const ROOT = path.join(__dirname, "..");
const MATRIX = path.relative(ROOT, MATRIX_FILE);
const GUARDRAIL = path.relative(ROOT, GUARDRAIL_FILE);
/** Where the matrix was before the evidence moved to evidence/. */
const LEGACY_MATRIX = "src/policy/permission-matrix.json";

export const USAGE = `usage: npm run review -- <git-ref>   (for example: npm run review -- origin/main)

Reviews what the working tree changes about CloudShell access against <git-ref>, from the committed
evidence (plan snapshots, the permission matrix, the guardrail simulation), with the same review
that cloudshell-review runs on a plan. Exit status: 0 reviewed; 2 a bad ref or --help (this text).`;

/** A ref that is not a commit, or a call for help: the message says which. */
export class UsageError extends Error {}

const git = (repo: string, args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });

function atRef(repo: string, ref: string, file: string): string | undefined {
  try {
    return git(repo, ["show", `${ref}:${file}`]);
  } catch {
    return undefined; // not there at that ref
  }
}

function inTree(repo: string, file: string): string | undefined {
  const p = path.join(repo, file);
  return fs.existsSync(p) ? fs.readFileSync(p, "utf8") : undefined;
}

function plansAt(repo: string, ref: string | undefined): Map<string, PlanSnapshot> {
  let names: string[];
  if (!ref) names = fs.existsSync(path.join(repo, PLANS_DIR)) ? fs.readdirSync(path.join(repo, PLANS_DIR)) : [];
  else {
    try {
      names = git(repo, ["ls-tree", "--name-only", `${ref}:${PLANS_DIR}`]).split("\n").filter(Boolean);
    } catch {
      names = []; // the folder did not exist at that ref
    }
  }
  const read = (n: string) => (ref ? atRef(repo, ref, `${PLANS_DIR}/${n}`) : inTree(repo, `${PLANS_DIR}/${n}`));
  return new Map(names.filter((n) => n.endsWith(".json")).map((n) => [n.replace(/\.json$/, ""), readSnapshot(read(n) ?? "{}")]));
}

/** One state of what is reviewed together: resources by address, outputs by name. */
interface State {
  resources: Map<string, { after: Record<string, unknown> | null; after_unknown: Record<string, unknown> }>;
  outputs: Map<string, { value: unknown; unknown: boolean }>;
}
const emptyState = (): State => ({ resources: new Map(), outputs: new Map() });

/**
 * The evidence at a ref (or in the tree) in groups reviewed apart, as each is its own root: each
 * example's plan snapshot, the presets' policies, the guardrail cases' SCPs.
 */
function evidenceAt(repo: string, ref: string | undefined): Map<string, State> {
  const read = (file: string) => (ref ? atRef(repo, ref, file) : inTree(repo, file));
  const groups = new Map<string, State>();
  for (const [example, s] of plansAt(repo, ref)) {
    const state = emptyState();
    for (const r of s.resource_changes ?? []) state.resources.set(r.address, { after: r.after, after_unknown: r.after_unknown ?? {} });
    for (const [name, o] of Object.entries(s.output_changes ?? {})) state.outputs.set(name, { value: o.after, unknown: o.after_unknown === true });
    groups.set(`examples/${example}`, state);
  }
  const presets = emptyState();
  const matrix = read(MATRIX) ?? (ref ? atRef(repo, ref, LEGACY_MATRIX) : undefined);
  for (const scenario of matrix ? (JSON.parse(matrix) as { scenarios: { name: string; policy: object }[] }).scenarios : []) {
    presets.outputs.set(`preset "${scenario.name}"`, { value: JSON.stringify(scenario.policy), unknown: false });
  }
  groups.set("presets and overrides (evidence/permission-matrix.json)", presets);
  const cases = emptyState();
  const guardrail = read(GUARDRAIL);
  for (const c of guardrail ? (JSON.parse(guardrail) as { cases: { name: string; policy?: object }[] }).cases : []) {
    if (c.policy) cases.outputs.set(`guardrail case "${c.name}"`, { value: JSON.stringify(c.policy), unknown: false });
  }
  groups.set("guardrail cases (evidence/guardrail-simulation.json)", cases);
  return groups;
}

/**
 * Two states as one plan's JSON, in the format `terraform show -json` writes. A snapshot marks what
 * was known only after apply in its own plan; the ref's marks go in before_unknown (not Terraform's:
 * a real plan's "before" is known), so that what was unknown then and is unknown now is no change.
 */
export function evidencePlan(before: State, after: State): object {
  const addresses = [...new Set([...before.resources.keys(), ...after.resources.keys()])].sort();
  const actions = (b: unknown, a: unknown) => (b === undefined ? ["create"] : a === undefined ? ["delete"] : JSON.stringify(a) === JSON.stringify(b) ? ["no-op"] : ["update"]);
  const resource_changes = addresses.map((address) => {
    const [b, a] = [before.resources.get(address), after.resources.get(address)];
    return { address, change: { actions: actions(b, a), before: b ? (b.after ?? {}) : null, before_unknown: b?.after_unknown ?? {}, after: a?.after ?? null, after_unknown: a?.after_unknown ?? {} } };
  });
  const names = [...new Set([...before.outputs.keys(), ...after.outputs.keys()])].sort();
  const output_changes = Object.fromEntries(
    names.map((name) => {
      const [b, a] = [before.outputs.get(name), after.outputs.get(name)];
      return [name, { actions: actions(b, a), before: b && !b.unknown ? b.value : null, after: a?.unknown ? null : (a?.value ?? null), after_unknown: a?.unknown ?? false }];
    }),
  );
  return { format_version: "1.2", resource_changes, output_changes };
}

const created = (s: PlanSnapshot) => new Set((s.resource_changes ?? []).filter((r) => r.actions.includes("create")).map((r) => r.address));
/** The example's monthly estimate: a number, null where a price is missing (issue 23), undefined without a cost. */
const monthly = (s: PlanSnapshot): number | null | undefined =>
  (s.output_changes?.cost?.after as { monthly_usd?: { total?: number | null } } | undefined)?.monthly_usd?.total;
const usd = (x: number | null) => (x === null ? "none (a price is missing)" : `$${x.toFixed(2)}`);

/** Each example's resources added or removed, and its monthly estimate before and after: what a plan's diff says beside access. */
function resourceChanges(before: Map<string, PlanSnapshot>, after: Map<string, PlanSnapshot>): string[] {
  const lines: string[] = [];
  for (const name of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const [b, a] = [before.get(name), after.get(name)];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (!b || !a) {
      lines.push(`- **examples/${name}**: ${b ? "example removed" : `new example (${created(a!).size} resources)`}`);
      continue;
    }
    const added = [...created(a)].filter((x) => !created(b).has(x));
    const removed = [...created(b)].filter((x) => !created(a).has(x));
    const parts: string[] = [];
    if (added.length) parts.push(`${added.length} added (${added.map((x) => `\`${x}\``).join(", ")})`);
    if (removed.length) parts.push(`${removed.length} removed (${removed.map((x) => `\`${x}\``).join(", ")})`);
    const [mb, ma] = [monthly(b), monthly(a)];
    if (mb !== undefined && ma !== undefined && mb !== ma) {
      const difference = mb !== null && ma !== null ? ` (${ma > mb ? "+" : "-"}$${Math.abs(ma - mb).toFixed(2)})` : "";
      parts.push(`monthly estimate ${usd(mb)} -> ${usd(ma)}${difference}`);
    }
    lines.push(`- **examples/${name}**: ${parts.length ? parts.join("; ") : "arguments changed (same resources)"}`);
  }
  return lines;
}

/** The review of the working tree against a ref, as Markdown for a pull-request comment. */
export function review(repo: string, ref: string): string {
  try {
    git(repo, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`"${ref}" is not a commit of this repository (git rev-parse finds none). Give a branch, tag or commit that exists here, such as origin/main; fetch it first in a shallow clone.\n\n${USAGE}`);
  }
  const [then, now] = [evidenceAt(repo, ref), evidenceAt(repo, undefined)];
  const plans = resourceChanges(plansAt(repo, ref), plansAt(repo, undefined));
  const wider: string[] = [];
  const changed: string[] = [];
  for (const group of [...new Set([...then.keys(), ...now.keys()])].sort()) {
    const [b, a] = [then.get(group) ?? emptyState(), now.get(group) ?? emptyState()];
    const plan = readPlan(JSON.stringify(evidencePlan(b, a)), group);
    const r = reviewPlan(plan, group, { allowEmpty: true });
    if (!r.changes.length) continue;
    wider.push(...r.needsApproval.map((l) => `- ${group}: ${l}`));
    changed.push(`#### ${group}`, "", ...r.changes, "");
  }
  return [
    `## CloudShell review of this change (against \`${ref}\`)`,
    "",
    "The review `cloudshell-review` writes for a plan, of the committed evidence: each example's plan snapshot, each preset and override, each guardrail case.",
    "",
    wider.length ? "**Widens access or weakens a control:**" : "**Nothing widens access or weakens a control.**",
    "",
    ...wider,
    ...(wider.length ? [""] : []),
    "### Changes",
    "",
    ...(changed.length ? changed : ["No change in what any preset, guardrail case or example allows, denies, lets out of its network or detects.", ""]),
    "### Resources and monthly estimates (plan snapshots)",
    "",
    ...(plans.length ? plans : ["No resource added or removed; no change in the monthly estimate."]),
    "",
  ].join("\n");
}

/** The command: its arguments, and where it writes; returns the exit status. */
export function main(args: string[], out: (s: string) => void, err: (s: string) => void): number {
  const [ref, ...rest] = args;
  if (!ref || rest.length || ref === "--help" || ref === "-h" || ref.startsWith("-")) {
    err(`${ref && ref !== "--help" && ref !== "-h" ? `unexpected arguments: ${args.join(" ")}\n\n` : ""}${USAGE}\n`);
    return EXIT.usage;
  }
  try {
    out(review(ROOT, ref));
    return EXIT.reviewed;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`${e.message}\n`);
    return EXIT.usage;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
