// npm run review on a real change between two commits, in a temporary git repository.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { GUARDRAIL_FILE } from "../../src/generator/guardrail-table";
import { MATRIX_FILE } from "../../src/generator/matrix-table";
import { PLANS_DIR, snapshotJson } from "../../tools/plan-snapshots";
import { guardrailChanges, review } from "../../tools/review";
import { ROOT } from "../../tools/generated";
import { tempDir } from "../../tools/terraform";

const MATRIX = path.relative(ROOT, MATRIX_FILE);
const PLAN = path.join(PLANS_DIR, "isolated.json");

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });

/** A plan snapshot of examples/isolated with the given endpoints and monthly estimate. */
const snapshot = (endpoints: string[], monthly: number | null): string =>
  snapshotJson({
    example: "examples/isolated/definition",
    provider: "hashicorp/aws 5.100.0",
    resource_changes: ["module.network.aws_vpc.this[0]", ...endpoints.map((e) => `module.network.aws_vpc_endpoint.interface["${e}"]`)].map((address) => ({
      address,
      actions: ["create"],
      after: {},
      after_unknown: { id: true },
    })),
    output_changes: { cost: { actions: ["create"], after: { monthly_usd: { endpoints: monthly, total: monthly } }, after_unknown: false } },
  });

describe("permission review", () => {
  let repo: string;

  beforeAll(() => {
    repo = tempDir("review-repo-");
    git(repo, "init", "-q", "-b", "main");
    const matrix = fs.readFileSync(MATRIX_FILE, "utf8");
    fs.mkdirSync(path.join(repo, PLANS_DIR), { recursive: true });
    fs.writeFileSync(path.join(repo, MATRIX), matrix);
    fs.writeFileSync(path.join(repo, PLAN), snapshot([], 65.7));
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "before");

    // The change under review: no-credentials denies Restart, full gains a (pretend) action,
    // and the isolated network gains an endpoint.
    const m = JSON.parse(matrix);
    const noCreds = m.scenarios.find((s: { name: string }) => s.name === "no-credentials");
    noCreds.results.Restart = "ExplicitlyDenied";
    noCreds.denied_actions.push("cloudshell:StopEnvironment");
    noCreds.policy.Statement.push({ Sid: "DenyRestart", Effect: "Deny", Action: ["cloudshell:StopEnvironment"], Resource: "*" });
    m.scenarios.find((s: { name: string }) => s.name === "full").allowed_actions.push("cloudshell:NewThing");
    fs.writeFileSync(path.join(repo, MATRIX), JSON.stringify(m, null, 2) + "\n");
    fs.writeFileSync(path.join(repo, PLAN), snapshot(["sts"], 73.0));
    git(repo, "commit", "-qam", "after");
  });

  test("reports each preset change in plain words", () => {
    const out = review(repo, "HEAD~1");
    expect(out).toContain("- **no-credentials**: Restart allowed -> denied (explicit)");
    expect(out).toContain("- **no-credentials**: `cloudshell:StopEnvironment` now denied explicitly");
    expect(out).toContain("- **no-credentials**: statement `DenyRestart` added");
    expect(out).toContain("- **full**: new action `cloudshell:NewThing` granted");
    expect(out).not.toContain("**minimum**");
  });

  test("reports resources added and the change in the monthly estimate", () => {
    const out = review(repo, "HEAD~1");
    expect(out).toContain('- **examples/isolated**: 1 added (`module.network.aws_vpc_endpoint.interface["sts"]`); monthly estimate $65.70 -> $73.00 (+$7.30)');
  });

  test("says so when nothing changed", () => {
    const out = review(repo, "HEAD");
    expect(out).toContain("No change in what any preset or override allows.");
    expect(out).toContain("No resource added or removed; no change in the monthly estimate.");
  });
});

describe("permission review of an estimate that became null (a price missing, issue 23)", () => {
  test("says the estimate is none, instead of failing on it", () => {
    const repo = tempDir("review-null-");
    git(repo, "init", "-q", "-b", "main");
    fs.mkdirSync(path.join(repo, PLANS_DIR), { recursive: true });
    fs.writeFileSync(path.join(repo, MATRIX), fs.readFileSync(MATRIX_FILE, "utf8"));
    fs.writeFileSync(path.join(repo, PLAN), snapshot([], 65.7));
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "before");
    fs.writeFileSync(path.join(repo, PLAN), snapshot([], null));
    git(repo, "commit", "-qam", "after");
    expect(review(repo, "HEAD~1")).toContain("- **examples/isolated**: monthly estimate $65.70 -> none (a price is missing)");
  });
});

describe("permission review against a ref from before evidence/", () => {
  test("reads the matrix where it was then (src/policy/) and reports only real changes", () => {
    const old = tempDir("review-legacy-");
    git(old, "init", "-q", "-b", "main");
    fs.mkdirSync(path.join(old, "src/policy"), { recursive: true });
    const m = JSON.parse(fs.readFileSync(MATRIX_FILE, "utf8"));
    m.scenarios.find((s: { name: string }) => s.name === "minimum").results["Restart"] = "Allowed";
    fs.writeFileSync(path.join(old, "src/policy/permission-matrix.json"), JSON.stringify(m));
    git(old, "add", "-A");
    git(old, "commit", "-qm", "legacy");
    fs.mkdirSync(path.dirname(path.join(old, MATRIX)), { recursive: true });
    fs.copyFileSync(MATRIX_FILE, path.join(old, MATRIX));
    const out = review(old, "HEAD");
    expect(out).toContain("- **minimum**: Restart allowed -> denied");
    expect(out.match(/^- \*\*/gm)).toHaveLength(1);
  });
});

describe("permission review of the organization guardrail", () => {
  const GUARDRAIL = path.relative(ROOT, GUARDRAIL_FILE);
  type Case = { name: string; size: number; scp_sizes?: number[]; statement_ids: string[]; results: Record<string, Record<string, string>> };
  let repo: string;

  beforeAll(() => {
    repo = tempDir("review-guardrail-");
    git(repo, "init", "-q", "-b", "main");
    const committed = fs.readFileSync(GUARDRAIL_FILE, "utf8");
    fs.mkdirSync(path.dirname(path.join(repo, GUARDRAIL)), { recursive: true });
    fs.writeFileSync(path.join(repo, GUARDRAIL), committed);
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "before");

    // The change under review: deny_file_transfer also denies CLI credentials (a new statement),
    // the break-glass exemption stops working for disable_cloudshell, and a case goes away.
    const g = JSON.parse(committed) as { cases: Case[] };
    const byName = (n: string) => g.cases.find((c) => c.name === n)!;
    const transfer = byName("deny_file_transfer");
    transfer.results.developer["CLI credentials"] = "ExplicitlyDenied";
    transfer.statement_ids.push("DenyCredentialForwarding");
    transfer.size += 143;
    transfer.scp_sizes = [transfer.size];
    byName("disable_cloudshell + deny_attaching_full_access, exemptions").results["break-glass role"]["Public env"] = "ExplicitlyDenied";
    g.cases = g.cases.filter((c) => c.name !== "allowed_subnet_ids");
    fs.writeFileSync(path.join(repo, GUARDRAIL), JSON.stringify(g, null, 2) + "\n");
    git(repo, "commit", "-qam", "after");
  });

  test("reports what each choice denies, and for whom, in plain words", () => {
    const out = review(repo, "HEAD~1");
    expect(out).toContain("### Organization guardrail");
    expect(out).toContain("- **deny_file_transfer**, developer: CLI credentials allowed -> denied by the guardrail");
    expect(out).toContain("- **deny_file_transfer**: statement `DenyCredentialForwarding` added");
    expect(out).toContain("- **deny_file_transfer**: SCP 238 characters -> SCP 381 characters (limit 10,240 characters each)");
    expect(out).toContain("- **disable_cloudshell + deny_attaching_full_access, exemptions**, break-glass role: Public env allowed -> denied by the guardrail");
    expect(out).toContain("- **allowed_subnet_ids**: case removed");
    expect(out).not.toContain("**deny_credential_forwarding**");
  });

  test("names the statements that protect the exemptions in plain words, and a split into two SCPs", () => {
    type Full = { cases: Case[] };
    const after = JSON.parse(fs.readFileSync(GUARDRAIL_FILE, "utf8")) as Full;
    const before = JSON.parse(JSON.stringify(after)) as Full;
    const old = before.cases.find((c) => c.name === "every choice, exemptions")!;
    old.statement_ids = old.statement_ids.filter((s) => !s.startsWith("DenyChanging") && s !== "DenySettingExemptTags");
    old.scp_sizes = [3378];
    old.size = 3378;
    const split = before.cases.find((c) => c.name.includes("(two SCPs)"))!;
    split.scp_sizes = [split.size];
    const lines = guardrailChanges(before, after);
    expect(lines).toContain(
      "- **every choice, exemptions**: statement `DenyChangingExemptPrincipals` (no one but an exempt principal may create, delete, take over or change an IAM role or user whose ARN matches an exempt pattern) added",
    );
    expect(lines).toContain("- **every choice, exemptions**: statement `DenyChangingTaggedExemptPrincipals` (no one but an exempt principal may delete, take over or change an IAM role or user that carries an exempt tag) added");
    expect(lines).toContain("- **every choice, exemptions**: statement `DenySettingExemptTags` (no one but an exempt principal may put an exempt tag key on a role, user or session, or take it off) added");
    expect(lines.find((l) => l.startsWith("- **every choice, exemptions**: SCP 3,378 characters -> SCP 6,"))).toBeDefined();
    expect(lines.find((l) => l.startsWith(`- **${split.name}**: SCP `) && / -> 2 SCPs of [\d,]+ \+ [\d,]+ characters \(limit 10,240 characters each\)$/.test(l))).toBeDefined();
  });

  test("reports a new case with what it denies, and says so when nothing changed", () => {
    const lines = guardrailChanges(undefined, JSON.parse(fs.readFileSync(GUARDRAIL_FILE, "utf8")));
    expect(lines).toContain("- **deny_credential_forwarding**, developer: new case; denies CLI credentials");
    expect(lines).toContain("- **every choice, exemptions**, break-glass role: new case; denies nothing");
    expect(review(repo, "HEAD")).toContain("No change in what the guardrail denies, or for whom.");
  });
});
