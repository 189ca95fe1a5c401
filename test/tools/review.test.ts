// npm run review on real changes between two commits, in a temporary git repository: the same review
// as cloudshell-review, of the committed evidence. And a bad ref or --help: the usage, exit 2.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { GUARDRAIL_FILE, MATRIX_FILE } from "../../src/evidence/files";
import { PLANS_DIR, snapshotJson } from "../../tools/plan-snapshots";
import { main, review, UsageError, USAGE } from "../../tools/review";
import { ROOT } from "../../tools/generated";
import { tempDir } from "../../src/evidence/terraform";

const MATRIX = path.relative(ROOT, MATRIX_FILE);
const GUARDRAIL = path.relative(ROOT, GUARDRAIL_FILE);
const PLAN = path.join(PLANS_DIR, "isolated.json");

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });

/** A plan snapshot of a network: NAT gateways in the given zones, an S3 gateway endpoint with or without its policy, a monthly estimate. */
const snapshot = (nat: string[], s3Policy: boolean, monthly: number | null): string =>
  snapshotJson({
    example: "examples/isolated/definition",
    provider: "hashicorp/aws 5.100.0",
    resource_changes: [
      { address: "module.network.aws_vpc.this[0]", actions: ["create"], after: { cidr_block: "10.0.0.0/16" }, after_unknown: { id: true } },
      {
        address: 'module.network.aws_vpc_endpoint.gateway["s3"]',
        actions: ["create"],
        after: { service_name: "com.amazonaws.us-east-1.s3", vpc_endpoint_type: "Gateway", ...(s3Policy ? { policy: JSON.stringify({ Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition: { StringNotEquals: { "aws:ResourceAccount": "111122223333" } } }] }) } : { policy: null }) },
        after_unknown: { id: true },
      },
      ...nat.map((zone) => ({ address: `module.network.aws_nat_gateway.this["${zone}"]`, actions: ["create"], after: { connectivity_type: "public" }, after_unknown: { id: true } })),
    ],
    output_changes: { cost: { actions: ["create"], after: { monthly_usd: { total: monthly } }, after_unknown: false } },
  });

type Case = { name: string; policy: { Statement: Record<string, unknown>[] } };
const readJson = <T>(file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as T;

describe("npm run review -- <ref>", () => {
  let repo: string;

  beforeAll(() => {
    repo = tempDir("review-repo-");
    git(repo, "init", "-q", "-b", "main");
    for (const [rel, content] of [
      [MATRIX, fs.readFileSync(MATRIX_FILE, "utf8")],
      [GUARDRAIL, fs.readFileSync(GUARDRAIL_FILE, "utf8")],
      [PLAN, snapshot([], true, 65.7)],
    ]) {
      fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
      fs.writeFileSync(path.join(repo, rel), content);
    }
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "before");

    // The change under review: minimum grants CLI credentials (wider), no-credentials denies Restart
    // (narrower); the isolated network gets a NAT gateway and loses its S3 perimeter; a guardrail case
    // loses its Deny of file upload and exempts one more pattern.
    const m = readJson<{ scenarios: Case[] }>(MATRIX_FILE);
    const minimum = m.scenarios.find((s) => s.name === "minimum")!;
    (minimum.policy.Statement[0].Action as string[]).push("cloudshell:PutCredentials");
    m.scenarios.find((s) => s.name === "no-credentials")!.policy.Statement.push({ Sid: "DenyRestart", Effect: "Deny", Action: ["cloudshell:StopEnvironment"], Resource: "*" });
    fs.writeFileSync(path.join(repo, MATRIX), JSON.stringify(m, null, 2));
    const g = readJson<{ cases: Case[] }>(GUARDRAIL_FILE);
    const transfer = g.cases.find((c) => c.name === "deny_file_transfer")!;
    transfer.policy.Statement = transfer.policy.Statement.filter((s) => s.Sid !== "DenyFileUpload");
    const exempt = g.cases.find((c) => c.name === "every choice, exemptions")!;
    // Every statement that carries the exemptions (the invariants carry none).
    for (const s of exempt.policy.Statement) (s.Condition as Record<string, Record<string, string[]>> | undefined)?.ArnNotLike?.["aws:PrincipalArn"]?.push("arn:aws:iam::*:role/deployer");
    fs.writeFileSync(path.join(repo, GUARDRAIL), JSON.stringify(g, null, 2));
    fs.writeFileSync(path.join(repo, PLAN), snapshot(["us-east-1a"], false, 102.2));
    git(repo, "commit", "-qam", "after");
  });

  test("names each preset change, wider and narrower, in plain words", () => {
    const out = review(repo, "HEAD~1");
    expect(out).toContain("#### presets and overrides (evidence/permission-matrix.json)");
    expect(out).toContain('- **output preset "minimum"**, AWS CLI credentials inside the shell: no: nothing allows it → yes (widens)');
    expect(out).toContain('- **output preset "no-credentials"**, Actions > Restart: yes → no: denied by DenyRestart (narrows)');
    expect(out).not.toContain('preset "full"');
  });

  test("names what a guardrail case no longer denies, and whom it newly exempts", () => {
    const out = review(repo, "HEAD~1");
    expect(out).toContain('- **output guardrail case "deny_file_transfer"**, Actions > Upload file: no: denied by DenyFileUpload → yes (widens)');
    expect(out).toContain('- **output guardrail case "deny_file_transfer"**: statement `DenyFileUpload` (no "Actions > Upload file") removed (widens)');
    expect(out).toContain('- **output guardrail case "every choice, exemptions"**: principals matching `arn:aws:iam::*:role/deployer` now exempt (widens)');
  });

  test("names a network's new way to the internet and its lost perimeter, and lists every widening first", () => {
    const out = review(repo, "HEAD~1");
    expect(out).toContain("- **network module.network**: adds internet through 1 NAT gateway (us-east-1a) (widens)");
    expect(out).toContain("- **network module.network**: the s3 endpoint loses its policy (full access) (widens)");
    const head = out.slice(0, out.indexOf("### Changes"));
    expect(head).toContain("**Widens access or weakens a control:**");
    expect(head).toContain('- presets and overrides (evidence/permission-matrix.json): **output preset "minimum"**, AWS CLI credentials inside the shell');
    expect(head).toContain("- examples/isolated: **network module.network**: adds internet through 1 NAT gateway");
  });

  test("names each example's resources added and the change in its monthly estimate", () => {
    expect(review(repo, "HEAD~1")).toContain('- **examples/isolated**: 1 added (`module.network.aws_nat_gateway.this["us-east-1a"]`); monthly estimate $65.70 -> $102.20 (+$36.50)');
  });

  test("says so when nothing changed", () => {
    const out = review(repo, "HEAD");
    expect(out).toContain("No resource added or removed; no change in the monthly estimate.");
    expect(out).toContain("**Nothing widens access or weakens a control.**");
    expect(out).toContain("No change in what any preset, guardrail case or example allows, denies, lets out of its network or detects.");
  });

  test("a ref that is not a commit, --help, or no ref: the usage and exit 2, nothing on standard output", () => {
    expect(() => review(repo, "no-such-branch")).toThrow(UsageError);
    expect(() => review(repo, "no-such-branch")).toThrow('"no-such-branch" is not a commit of this repository');
    for (const args of [["no-such-branch"], ["--help"], [], ["HEAD", "extra"]]) {
      const out: string[] = [];
      const err: string[] = [];
      expect(`${args.join(" ")}: ${main(args, (s) => out.push(s), (s) => err.push(s))}`).toBe(`${args.join(" ")}: 2`);
      expect(out).toEqual([]);
      expect(err.join("")).toContain(USAGE);
    }
    // The control: a real ref reviews and exits 0.
    const out: string[] = [];
    expect(main(["HEAD"], (s) => out.push(s), () => undefined)).toBe(0);
    expect(out.join("")).toContain("## CloudShell review of this change (against `HEAD`)");
  });
});

describe("permission review of an estimate that became null (a price missing, issue 23)", () => {
  test("says the estimate is none, instead of failing on it", () => {
    const repo = tempDir("review-null-");
    git(repo, "init", "-q", "-b", "main");
    fs.mkdirSync(path.join(repo, PLANS_DIR), { recursive: true });
    fs.writeFileSync(path.join(repo, MATRIX), fs.readFileSync(MATRIX_FILE, "utf8"));
    fs.writeFileSync(path.join(repo, PLAN), snapshot([], true, 65.7));
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "before");
    fs.writeFileSync(path.join(repo, PLAN), snapshot([], true, null));
    git(repo, "commit", "-qam", "after");
    expect(review(repo, "HEAD~1")).toContain("- **examples/isolated**: monthly estimate $65.70 -> none (a price is missing)");
  });
});

describe("npm run review against a ref from before evidence/", () => {
  test("reads the matrix where it was then (src/policy/) and reports only real changes", () => {
    const old = tempDir("review-legacy-");
    git(old, "init", "-q", "-b", "main");
    fs.mkdirSync(path.join(old, "src/policy"), { recursive: true });
    const m = readJson<{ scenarios: Case[] }>(MATRIX_FILE);
    (m.scenarios.find((s) => s.name === "minimum")!.policy.Statement[0].Action as string[]).push("cloudshell:StopEnvironment");
    fs.writeFileSync(path.join(old, "src/policy/permission-matrix.json"), JSON.stringify(m));
    git(old, "add", "-A");
    git(old, "commit", "-qm", "legacy");
    fs.mkdirSync(path.dirname(path.join(old, MATRIX)), { recursive: true });
    fs.copyFileSync(MATRIX_FILE, path.join(old, MATRIX));
    const out = review(old, "HEAD");
    expect(out).toContain('- **output preset "minimum"**, Actions > Restart: yes → no: nothing allows it (narrows)');
    expect(out.match(/^- \*\*/gm)).toHaveLength(1);
  });
});
