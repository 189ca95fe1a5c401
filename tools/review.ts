// npm run review -- <git-ref>: what a change does to permissions and to the network, in plain
// words for a pull-request comment. It compares the working tree's committed evidence (the
// simulation matrix evidence/permission-matrix.json, the guardrail simulation
// evidence/guardrail-simulation.json and the plan snapshots evidence/plans/*.json, all kept
// current by the tests) with the same files at <git-ref>. It reads JSON only.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { POLICY_SIZE_LIMITS, thousands } from "../src/facts/limits";
import { STATEMENT_WORDS } from "../src/facts/organizations";
import { GUARDRAIL_FILE } from "../src/generator/guardrail-table";
import { MATRIX_FILE } from "../src/generator/matrix-table";
import { PLANS_DIR, PlanSnapshot, readSnapshot } from "./plan-snapshots";

const ROOT = path.join(__dirname, "..");
const MATRIX = path.relative(ROOT, MATRIX_FILE);
const GUARDRAIL = path.relative(ROOT, GUARDRAIL_FILE);

interface Scenario {
  name: string;
  allowed_actions: string[];
  denied_actions: string[];
  policy: { Statement: { Sid: string }[] };
  results: Record<string, string>;
}
interface Matrix {
  scenarios: Scenario[];
}

const WORDS: Record<string, string> = { Allowed: "allowed", ExplicitlyDenied: "denied (explicit)", ImplicitlyDenied: "denied" };

function atRef(repo: string, ref: string, file: string): string | undefined {
  try {
    return execFileSync("git", ["show", `${ref}:${file}`], { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return undefined;
  }
}

function inTree(repo: string, file: string): string | undefined {
  const p = path.join(repo, file);
  return fs.existsSync(p) ? fs.readFileSync(p, "utf8") : undefined;
}

function listAtRef(repo: string, ref: string, dir: string): string[] {
  try {
    const out = execFileSync("git", ["ls-tree", "--name-only", `${ref}:${dir}`], { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    return out.split("\n").filter(Boolean);
  } catch {
    return []; // the folder did not exist at that ref
  }
}

function plansAt(repo: string, ref: string | undefined): Map<string, PlanSnapshot> {
  const names = (ref ? listAtRef(repo, ref, PLANS_DIR) : fs.existsSync(path.join(repo, PLANS_DIR)) ? fs.readdirSync(path.join(repo, PLANS_DIR)) : []).filter((n) =>
    n.endsWith(".json"),
  );
  const read = (n: string) => (ref ? atRef(repo, ref, `${PLANS_DIR}/${n}`) : inTree(repo, `${PLANS_DIR}/${n}`));
  return new Map(names.map((n) => [n.replace(/\.json$/, ""), readSnapshot(read(n) ?? "{}")]));
}

function policyChanges(before: Matrix | undefined, after: Matrix | undefined): string[] {
  const lines: string[] = [];
  const old = new Map((before?.scenarios ?? []).map((s) => [s.name, s]));
  for (const s of after?.scenarios ?? []) {
    const o = old.get(s.name);
    if (!o) {
      lines.push(`- **${s.name}**: new case (${Object.entries(s.results).filter(([, r]) => r === "Allowed").map(([f]) => f).join(", ") || "nothing"} allowed)`);
      continue;
    }
    for (const [feature, result] of Object.entries(s.results)) {
      const was = o.results[feature];
      if (was === undefined) lines.push(`- **${s.name}**: new feature column "${feature}": ${WORDS[result] ?? result}`);
      else if (was !== result) lines.push(`- **${s.name}**: ${feature} ${WORDS[was] ?? was} -> ${WORDS[result] ?? result}`);
    }
    for (const a of s.allowed_actions.filter((x) => !o.allowed_actions.includes(x))) lines.push(`- **${s.name}**: new action \`${a}\` granted`);
    for (const a of o.allowed_actions.filter((x) => !s.allowed_actions.includes(x))) lines.push(`- **${s.name}**: \`${a}\` no longer granted`);
    for (const a of s.denied_actions.filter((x) => !o.denied_actions.includes(x))) lines.push(`- **${s.name}**: \`${a}\` now denied explicitly`);
    for (const a of o.denied_actions.filter((x) => !s.denied_actions.includes(x))) lines.push(`- **${s.name}**: \`${a}\` no longer denied explicitly`);
    const sids = (m: Scenario) => m.policy.Statement.map((x) => x.Sid);
    for (const sid of sids(s).filter((x) => !sids(o).includes(x))) lines.push(`- **${s.name}**: statement \`${sid}\` added`);
    for (const sid of sids(o).filter((x) => !sids(s).includes(x))) lines.push(`- **${s.name}**: statement \`${sid}\` removed`);
    if (JSON.stringify(s.policy) !== JSON.stringify(o.policy) && !lines.some((l) => l.startsWith(`- **${s.name}**`))) {
      lines.push(`- **${s.name}**: policy JSON changed (same actions and results)`);
    }
  }
  for (const name of old.keys()) if (!(after?.scenarios ?? []).some((s) => s.name === name)) lines.push(`- **${name}**: case removed`);
  return lines;
}

interface GuardrailCase {
  name: string;
  size: number;
  /** Each SCP's size (absent in evidence from before the split). */
  scp_sizes?: number[];
  statement_ids: string[];
  /** principal -> column -> result */
  results: Record<string, Record<string, string>>;
}
interface GuardrailEvidence {
  cases: GuardrailCase[];
}

const GUARDRAIL_WORDS: Record<string, string> = { Allowed: "allowed", ExplicitlyDenied: "denied by the guardrail", ImplicitlyDenied: "denied (nothing allows it)" };
const guardrailWord = (r: string) => GUARDRAIL_WORDS[r] ?? r;
const deniedColumns = (row: Record<string, string>) => Object.entries(row).filter(([, r]) => r !== "Allowed").map(([c]) => c);
const chars = (n: number) => `${thousands(n)} characters`;
/** A statement's Sid, with what it does in plain words when the organization facts say it (numbered Sids too). */
const statementWords = (sid: string) => {
  const words = STATEMENT_WORDS[sid] ?? STATEMENT_WORDS[sid.replace(/\d+$/, "")];
  return words ? `\`${sid}\` (${words})` : `\`${sid}\``;
};
const scpSizes = (c: GuardrailCase) => (c.scp_sizes ?? [c.size]).map(thousands).join(" + ");

/** What each guardrail case denies, for whom, before and after: one line per change. */
export function guardrailChanges(before: GuardrailEvidence | undefined, after: GuardrailEvidence | undefined): string[] {
  const lines: string[] = [];
  const old = new Map((before?.cases ?? []).map((c) => [c.name, c]));
  for (const c of after?.cases ?? []) {
    const o = old.get(c.name);
    if (!o) {
      for (const [principal, row] of Object.entries(c.results)) {
        lines.push(`- **${c.name}**, ${principal}: new case; denies ${deniedColumns(row).join(", ") || "nothing"}`);
      }
      continue;
    }
    for (const [principal, row] of Object.entries(c.results)) {
      const was = o.results[principal];
      if (!was) {
        lines.push(`- **${c.name}**, ${principal}: new principal; denies ${deniedColumns(row).join(", ") || "nothing"}`);
        continue;
      }
      for (const [column, result] of Object.entries(row)) {
        if (was[column] === undefined) lines.push(`- **${c.name}**, ${principal}: new column "${column}": ${guardrailWord(result)}`);
        else if (was[column] !== result) lines.push(`- **${c.name}**, ${principal}: ${column} ${guardrailWord(was[column])} -> ${guardrailWord(result)}`);
      }
    }
    for (const principal of Object.keys(o.results).filter((p) => !(p in c.results))) lines.push(`- **${c.name}**, ${principal}: principal no longer simulated`);
    for (const sid of c.statement_ids.filter((x) => !o.statement_ids.includes(x))) lines.push(`- **${c.name}**: statement ${statementWords(sid)} added`);
    for (const sid of o.statement_ids.filter((x) => !c.statement_ids.includes(x))) lines.push(`- **${c.name}**: statement ${statementWords(sid)} removed`);
    if (scpSizes(c) !== scpSizes(o)) {
      const count = (x: GuardrailCase) => (x.scp_sizes ?? [x.size]).length;
      const scps = (x: GuardrailCase) => `${count(x) > 1 ? `${count(x)} SCPs of ` : "SCP "}${scpSizes(x)} characters`;
      lines.push(`- **${c.name}**: ${scps(o)} -> ${scps(c)} (limit ${chars(POLICY_SIZE_LIMITS.scp)} each)`);
    }
  }
  for (const name of old.keys()) if (!(after?.cases ?? []).some((c) => c.name === name)) lines.push(`- **${name}**: case removed`);
  return lines;
}

const addresses = (s: PlanSnapshot) => new Set((s.resource_changes ?? []).filter((r) => r.actions.includes("create")).map((r) => r.address));
/** The example's monthly estimate: a number, null where a price is missing (issue 23), undefined without a cost. */
const monthly = (s: PlanSnapshot): number | null | undefined => {
  const cost = s.output_changes?.cost?.after as { monthly_usd?: { total?: number | null } } | undefined;
  return cost?.monthly_usd?.total;
};
const usd = (x: number | null) => (x === null ? "none (a price is missing)" : `$${x.toFixed(2)}`);

function planChanges(before: Map<string, PlanSnapshot>, after: Map<string, PlanSnapshot>): string[] {
  const lines: string[] = [];
  for (const name of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = after.get(name);
    const b = before.get(name);
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (!b) {
      lines.push(`- **examples/${name}**: new example (${addresses(a!).size} resources)`);
      continue;
    }
    if (!a) {
      lines.push(`- **examples/${name}**: example removed`);
      continue;
    }
    const added = [...addresses(a)].filter((x) => !addresses(b).has(x));
    const removed = [...addresses(b)].filter((x) => !addresses(a).has(x));
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

export function review(repo: string, ref: string): string {
  const parse = (text: string | undefined) => (text ? (JSON.parse(text) as Matrix) : undefined);
  // Refs from before the evidence moved to evidence/ kept the matrix in src/policy/.
  const before = atRef(repo, ref, MATRIX) ?? atRef(repo, ref, "src/policy/permission-matrix.json");
  const policy = policyChanges(parse(before), parse(inTree(repo, MATRIX)));
  const parseGuardrail = (text: string | undefined) => (text ? (JSON.parse(text) as GuardrailEvidence) : undefined);
  const guardrail = guardrailChanges(parseGuardrail(atRef(repo, ref, GUARDRAIL)), parseGuardrail(inTree(repo, GUARDRAIL)));
  const plans = planChanges(plansAt(repo, ref), plansAt(repo, undefined));
  return [
    `## CloudShell permission review (against \`${ref}\`)`,
    "",
    "### Policy presets (IAM simulation of the generated policies)",
    "",
    ...(policy.length ? policy : ["No change in what any preset or override allows."]),
    "",
    "### Organization guardrail (IAM simulation of the SCP, per choice and principal)",
    "",
    ...(guardrail.length ? guardrail : ["No change in what the guardrail denies, or for whom."]),
    "",
    "### Examples and the network (plan snapshots)",
    "",
    ...(plans.length ? plans : ["No resource added or removed; no change in the monthly estimate."]),
    "",
  ].join("\n");
}

if (require.main === module) {
  const ref = process.argv[2];
  if (!ref) {
    console.error("usage: npm run review -- <git-ref>   (for example: npm run review -- origin/main)");
    process.exit(2);
  }
  process.stdout.write(review(ROOT, ref));
}
