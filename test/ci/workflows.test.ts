// What runs on GitHub and cannot run here (no GitHub, no registry), parsed and checked so that a
// broken job, constraint or hook is caught before GitHub sees it: the workflows, the floor pin of
// the provider matrix, the pre-commit hooks and the dependency updates (Renovate).
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { TESTED_AWS_PROVIDER } from "../../src/facts/tested-provider";
import { MANIFEST } from "../../src/generator/files";
import { COORDINATES } from "../../src/generator/coordinates";
import { generated, ROOT } from "../../tools/generated";
import { tempDir } from "../../src/evidence/terraform";

type Step = { uses?: string; run?: string; name?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { "runs-on": string; if?: string; permissions?: Record<string, string>; strategy?: { matrix: Record<string, unknown[]> }; steps: Step[] };
type Workflow = { name: string; on: unknown; permissions: Record<string, string>; jobs: Record<string, Job> };

const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), "utf8");
const WORKFLOWS = fs.readdirSync(path.join(ROOT, ".github", "workflows")).filter((f) => f.endsWith(".yml"));
const workflow = (file: string) => yaml.load(read(`.github/workflows/${file}`)) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);
const runs = (w: Workflow) => steps(w).flatMap((s) => (s.run ? [s.run] : []));

/** A scratch directory holding these files. */
function writeFiles(files: [string, string][]): string {
  const root = tempDir("ci-");
  for (const [f, text] of files) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), text);
  }
  return root;
}

describe("every workflow parses and is well formed", () => {
  test.each(WORKFLOWS)("%s: permissions declared, every action pinned to a release, every job runs on a runner", (file) => {
    const w = workflow(file);
    expect(w.name).toBe(file.replace(/\.yml$/, ""));
    expect(w.permissions).toBeDefined();
    for (const [name, job] of Object.entries(w.jobs)) {
      expect(`${name}: ${job["runs-on"]}`).toMatch(/: ubuntu-latest$/);
      expect(job.steps.length).toBeGreaterThan(0);
      for (const s of job.steps) if (s.uses) expect(s.uses).toMatch(/^[\w.-]+\/[\w.-]+@v\d+(\.\d+){0,2}$/);
    }
  });

  // pr-title.yml runs no script of its own (one action), so it has nothing to check here.
  test.each(WORKFLOWS.filter((f) => runs(workflow(f)).length))("%s: every run script is valid bash, and the files it runs exist", (file) => {
    for (const script of runs(workflow(file))) {
      // GitHub substitutes ${{ }} before bash runs the script.
      const bash = script.replace(/\$\{\{[^}]*\}\}/g, "x");
      const r = spawnSync("bash", ["-n"], { input: bash, encoding: "utf8" });
      expect(`${file}: ${r.stderr}`).toBe(`${file}: `);
      for (const m of script.matchAll(/\bbash +((?:\.\.\/)*)((?:scripts|\.ci)\/[\w.-]+)/g)) expect(fs.existsSync(path.join(ROOT, m[2]))).toBe(true);
      // Untrusted values reach scripts through env, never spliced into the script by ${{ }}.
      expect(script).not.toMatch(/\$\{\{\s*github\.(event\.pull_request|head_ref|event\.workflow_run\.(head_branch|display_title))/);
      expect(pipeHidesFailure(script)).toBe(false);
    }
  });

  test("control: a script that pipes a command without pipefail is found (GitHub's default bash has none)", () => {
    expect(pipeHidesFailure("terraform plan | tee plan.log")).toBe(true);
    expect(pipeHidesFailure("set -o pipefail\nterraform plan | tee plan.log")).toBe(false);
    expect(pipeHidesFailure("if grep -q x f || true; then echo; fi")).toBe(false);
  });
});

/** A run script with a pipe whose status would be the last command's: GitHub runs it with `bash -e`, no pipefail. */
const pipeHidesFailure = (script: string) => /[^|]\|[^|]/.test(script.replace(/'[^']*'|"[^"]*"/g, "")) && !/set -o pipefail|set -[a-z]*o pipefail/.test(script);

/**
 * The command the contributors' guide gives for the whole suite (the line of its first `sh` block
 * whose comment says "every test"), and what is wrong with the claim that CI runs that command.
 */
function ciCommandProblems(guide: string, ciScripts: Record<string, string[]>): string[] {
  const block = /```sh\n([\s\S]*?)```/.exec(guide)?.[1] ?? "";
  const line = block.split("\n").find((l) => /#.*\bevery test\b/.test(l));
  if (!line) return ["the guide's first sh block has no line whose comment says \"every test\""];
  const command = line.replace(/#.*$/, "").trim();
  return Object.entries(ciScripts).filter(([, commands]) => !commands.includes(command)).map(([where]) => `${where} does not run \`${command}\``);
}

describe("the contributors' guide's test command is what CI runs", () => {
  const ci = () => ({
    ".ci/run": read(".ci/run").split("\n").map((l) => l.trim()),
    "pull-request.yml": runs(workflow("pull-request.yml")),
  });

  test("the guide's command for every test is run by .ci/run and by the pull-request workflow", () => {
    expect(ciCommandProblems(read("CONTRIBUTING.md"), ci())).toEqual([]);
  });

  test("control: a guide that names another command for every test is caught", () => {
    const guide = read("CONTRIBUTING.md").replace(/^npm test(\s+#.*every test)/m, "npm run test:unit$1");
    expect(ciCommandProblems(guide, ci())).toEqual([".ci/run does not run `npm run test:unit`", "pull-request.yml does not run `npm run test:unit`"]);
  });
});

describe("pull requests, forks included", () => {
  const pr = workflow("pull-request.yml");
  const review = workflow("pull-request-review.yml");

  test("the pull-request workflow only reads: a fork's read-only token is all it needs", () => {
    expect(pr.on).toBe("pull_request");
    expect(pr.permissions).toEqual({ contents: "read" });
    for (const job of Object.values(pr.jobs)) expect(job.permissions).toBeUndefined();
    // Comments aside (they explain why), no secret and no write to the pull request.
    expect(JSON.stringify(pr)).not.toMatch(/secrets\.|gh pr comment|gh api/);
    for (const s of steps(pr).filter((s) => s.uses?.startsWith("actions/checkout@"))) expect(s.with?.["persist-credentials"]).toBe(false);
  });

  test("it tests, checks drift and format, and shows the review on the run's summary and as an artifact", () => {
    const check = pr.jobs.check.steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(check).toEqual(expect.arrayContaining(["npm ci", "npm test", "bash scripts/drift-check.sh", "terraform fmt -check -recursive modules examples wrappers"]));
    const review = check.find((r) => r.includes("npm run -s review"))!;
    expect(review).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(review).toContain("review/pr-number");
    const upload = pr.jobs.check.steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"))!;
    expect(upload.with).toMatchObject({ name: "permission-review", path: "review/" });
  });

  test("the comment workflow runs on the finished run, with a write token, and runs nothing of the pull request", () => {
    expect(review.on).toEqual({ workflow_run: { workflows: [pr.name], types: ["completed"] } });
    expect(review.permissions).toEqual({ contents: "read" });
    const job = review.jobs.comment;
    expect(job.permissions).toEqual({ actions: "read", "pull-requests": "write" });
    expect(job.if).toContain("github.event.workflow_run.event == 'pull_request'");
    expect(job.if).toContain("github.event.workflow_run.conclusion == 'success'");
    expect(job.steps.map((s) => s.uses ?? "run")).toEqual(["actions/download-artifact@v4", "run"]);
    expect(job.steps[0].with).toMatchObject({ name: "permission-review", "run-id": "${{ github.event.workflow_run.id }}" });
    const script = job.steps[1].run!;
    expect(script).not.toMatch(/\b(npm|node|terraform|git checkout|bash |source )/);
    expect(script).toContain("=~ ^[0-9]+$"); // the number is digits only
    expect(script).toContain('"$head" != "$HEAD_SHA"'); // and its pull request is at the commit the run tested
    expect(job.steps[1].env).toMatchObject({ HEAD_SHA: "${{ github.event.workflow_run.head_sha }}" });
  });

  test("the comment script's checks refuse a tampered number and a stale pull request (control)", () => {
    const script = review.jobs.comment.steps[1].run!;
    const dir = tempDir("comment-");
    fs.mkdirSync(path.join(dir, "review"));
    fs.writeFileSync(path.join(dir, "review", "review.md"), "# review\n");
    // gh answers for the head commit, and records the comments it is asked to post.
    fs.mkdirSync(path.join(dir, "bin"));
    fs.writeFileSync(path.join(dir, "bin", "gh"), '#!/usr/bin/env bash\nif [ "$1" = api ]; then echo "$PR_HEAD"; else echo "$@" >> "$GH_LOG"; fi\n', { mode: 0o755 });
    const run = (number: string, prHead: string) => {
      fs.writeFileSync(path.join(dir, "review", "pr-number"), number);
      const log = path.join(dir, `gh-${Math.random()}.log`);
      const env = { PATH: `${path.join(dir, "bin")}:${process.env.PATH}`, REPOSITORY: "acme/terraform-aws-x", HEAD_SHA: "abc123", PR_HEAD: prHead, GH_LOG: log, GH_TOKEN: "x" };
      const r = spawnSync("bash", ["-e", "-o", "pipefail", "-c", script], { cwd: dir, env, encoding: "utf8" });
      return { status: r.status, comments: fs.existsSync(log) ? fs.readFileSync(log, "utf8") : "" };
    };
    expect(run("42\n", "abc123")).toEqual({ status: 0, comments: "pr comment 42 --repo acme/terraform-aws-x --body-file body.md --edit-last\n" });
    expect(run("42; rm -rf /", "abc123")).toEqual({ status: 1, comments: "" });
    expect(run("42", "def456")).toEqual({ status: 0, comments: "" });
  });
});

describe("Terraform and provider versions in CI", () => {
  const matrix = workflow("pull-request.yml").jobs.versions.strategy!.matrix as { terraform: string[]; aws: string[] };
  const versionsFiles = () => [...generated().files].filter(([f]) => f.endsWith("/versions.tf"));

  test("Terraform: the declared minimum, the suite's version and the newest 1.x", () => {
    const minimums = new Set(versionsFiles().map(([, text]) => /required_version = ">= ([\d.]+)"/.exec(text)![1]));
    const highest = [...minimums].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })).pop()!;
    expect(matrix.terraform[0]).toBe(`${highest}.0`.split(".").slice(0, 3).join("."));
    const suite = workflow("pull-request.yml").jobs.check.steps.find((s) => s.uses?.startsWith("hashicorp/setup-terraform@"))!.with!.terraform_version;
    expect(matrix.terraform).toContain(String(suite));
    expect(matrix.terraform).toContain("<2.0.0"); // setup-terraform installs the newest version below 2.0.0
  });

  test("hashicorp/aws: each directory's floor, the snapshots' version and the newest 6.x", () => {
    expect(matrix.aws).toEqual(["floor", TESTED_AWS_PROVIDER, "~> 6.0"]);
  });

  /** Terraform's version constraints, as far as the generated files use them. */
  function satisfies(version: string, constraints: string): boolean {
    const cmp = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });
    const parts = (v: string) => v.split(".").map(Number);
    return constraints.split(",").every((c) => {
      const m = /^\s*(>=|<=|!=|~>|>|<|=)?\s*([\d.]+)\s*$/.exec(c)!;
      const [op, v] = [m[1] ?? "=", m[2]];
      const full = parts(version).concat([0, 0]).slice(0, 3).join(".");
      const at = parts(v).concat([0, 0]).slice(0, 3).join(".");
      if (op === "~>") {
        const p = parts(v);
        const upper = p.length === 1 ? [p[0] + 1] : [...p.slice(0, -2), p[p.length - 2] + 1];
        return cmp(full, at) >= 0 && cmp(full, upper.concat([0, 0]).slice(0, 3).join(".")) < 0;
      }
      const d = cmp(full, at);
      return { ">=": d >= 0, "<=": d <= 0, ">": d > 0, "<": d < 0, "=": d === 0, "!=": d !== 0 }[op]!;
    });
  }

  /** For each directory: the floor the matrix pins (.ci/provider-pin floor) and the constraints of it and every module it reaches. */
  function floorProblems(root: string): string[] {
    const files = (execFileSync("find", [".", "-name", "*.tf"], { cwd: root, encoding: "utf8" }).trim().split("\n")).map((f) => f.slice(2));
    const dirs = [...new Set(files.map((f) => path.posix.dirname(f)))].filter((d) => files.includes(`${d}/versions.tf`));
    const awsConstraint = (dir: string) => /source\s+=\s+"hashicorp\/aws"\n\s+version\s+=\s+"([^"]+)"/.exec(fs.readFileSync(path.join(root, dir, "versions.tf"), "utf8"))?.[1];
    const calls = (dir: string) => files.filter((f) => path.posix.dirname(f) === dir).flatMap((f) => [...fs.readFileSync(path.join(root, f), "utf8").matchAll(/source\s+=\s+"(\.\.?\/[^"]+)"/g)].map((m) => path.posix.normalize(path.posix.join(dir, m[1]))));
    const reached = (dir: string, seen = new Set<string>()): string[] => {
      for (const c of calls(dir).filter((c) => !seen.has(c))) {
        seen.add(c);
        reached(c, seen);
      }
      return [...seen];
    };
    const problems: string[] = [];
    for (const dir of dirs.filter((d) => awsConstraint(d))) {
      const pin = execFileSync("bash", [path.join(ROOT, ".ci", "provider-pin"), "floor"], { cwd: path.join(root, dir), encoding: "utf8" }).trim();
      for (const d of [dir, ...reached(dir)]) {
        const c = awsConstraint(d);
        if (c && !satisfies(pin, c)) problems.push(`${dir} pinned to ${pin}: ${d} requires ${c}`);
      }
    }
    return problems;
  }

  test("the floor job: every directory's pinned floor satisfies every module it calls, so init finds a version", () => {
    const root = writeFiles([...generated().files].filter(([f]) => f.endsWith(".tf")));
    expect(floorProblems(root)).toEqual([]);
    fs.rmSync(root, { recursive: true });
  });

  test("control: an example declaring >= 5.0 that calls a module needing >= 5.27 is caught", () => {
    expect(satisfies("5.27.0", ">= 5.27")).toBe(true);
    expect(satisfies("6.3.0", "~> 6.0")).toBe(true);
    expect(satisfies("7.0.0", "~> 6.0")).toBe(false);
    const versions = (v: string) => `terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "${v}"\n    }\n  }\n}\n`;
    const root = writeFiles([
      ["modules/m/versions.tf", versions(">= 5.27")],
      ["examples/e/versions.tf", versions(">= 5.0")],
      ["examples/e/main.tf", 'module "m" {\n  source = "../../modules/m"\n}\n'],
    ]);
    expect(floorProblems(root)).toEqual(["examples/e pinned to 5.0.0: modules/m requires >= 5.27"]);
    fs.rmSync(root, { recursive: true });
  });
});

describe("pre-commit gets the same result as CI", () => {
  type Hook = { id: string; entry: string; language: string; pass_filenames: boolean; files: string };
  const config = yaml.load(read(".pre-commit-config.yaml")) as { repos: { repo: string; hooks: Hook[] }[] };
  const hooks = config.repos.flatMap((r) => r.hooks);
  const ci = runs(workflow("pull-request.yml"));

  test("terraform fmt and the drift check run the same commands as the pull-request workflow", () => {
    expect(hooks.map((h) => h.id)).toEqual(["terraform-fmt", "synth-drift"]);
    for (const h of hooks) {
      expect(ci).toContain(h.entry);
      expect(h.pass_filenames).toBe(false);
      expect(h.language).toBe("system");
    }
  });

  test("the drift hook runs for every file the generator reads or writes", () => {
    const drift = new RegExp(hooks.find((h) => h.id === "synth-drift")!.files);
    const owned = read(MANIFEST).split("\n").filter((l) => l && !l.startsWith("#"));
    expect([MANIFEST, ...owned, "src/definitions.ts", "scripts/synth.ts", "package-lock.json"].filter((f) => !drift.test(f))).toEqual([]);
    expect(drift.test("README.md")).toBe(false); // control
  });
});

describe("dependency updates (Renovate)", () => {
  type Manager = { customType: string; managerFilePatterns: string[]; matchStrings: string[]; datasourceTemplate: string; depNameTemplate: string };
  const renovate = JSON.parse(read("renovate.json")) as { extends: string[]; ignorePaths: string[]; enabledManagers?: string[]; customManagers: Manager[]; packageRules: { matchPackageNames?: string[]; matchDepNames?: string[]; enabled?: boolean; dependencyDashboardApproval?: boolean }[] };
  const tracked = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).trim().split("\n");

  test("npm, GitHub Actions and the Terraform provider are updated; the generated directories are left to the generator", () => {
    expect(renovate.extends).toContain("config:recommended");
    expect(renovate.enabledManagers).toBeUndefined(); // npm and github-actions stay on
    const generatedDirs = new Set(read(MANIFEST).split("\n").filter((l) => l && !l.startsWith("#") && l.includes("/") && !l.startsWith(".github/")).map((l) => l.split("/")[0]));
    for (const dir of generatedDirs) expect(renovate.ignorePaths).toContain(`${dir}/**`);
    expect(renovate.ignorePaths).toContain("**/node_modules/**");
    expect(renovate.customManagers.map((m) => m.depNameTemplate).sort()).toEqual(["hashicorp/aws", "hashicorp/terraform"]);
    // The archived CDKTF packages are pinned on purpose (CONTRIBUTING.md, "Dependencies and licences").
    expect(renovate.packageRules.find((r) => r.enabled === false)!.matchPackageNames!.sort()).toEqual(["@cdktf/hcl2json", "@cdktf/provider-aws", "cdktf", "cdktf-cli"]);
  });

  test("each custom manager finds, in the files it names, exactly the versions the suite uses", () => {
    const suiteTerraform = String(workflow("pull-request.yml").jobs.check.steps.find((s) => s.uses?.startsWith("hashicorp/setup-terraform@"))!.with!.terraform_version);
    const expected: Record<string, string> = { "hashicorp/aws": TESTED_AWS_PROVIDER, "hashicorp/terraform": suiteTerraform };
    for (const m of renovate.customManagers) {
      const patterns = m.managerFilePatterns.map((p) => new RegExp(p.slice(1, -1)));
      const files = tracked.filter((f) => patterns.some((p) => p.test(f)));
      expect(files.length).toBe(m.managerFilePatterns.length);
      const found = files.flatMap((f) => m.matchStrings.flatMap((s) => [...read(f).matchAll(new RegExp(s, "g"))].map((x) => x.groups!.currentValue)));
      expect(`${m.depNameTemplate}: ${found.length >= 2 && found.every((v) => v === expected[m.depNameTemplate])}`).toBe(`${m.depNameTemplate}: true`);
    }
  });
});

describe("issue and pull-request templates", () => {
  type Field = { type: string; id?: string; validations?: { required?: boolean } };
  const forms = fs.readdirSync(path.join(ROOT, ".github", "ISSUE_TEMPLATE")).filter((f) => f !== "config.yml");

  test.each(forms)("%s is an issue form GitHub can render: a name, a description and required fields with ids", (file) => {
    const form = yaml.load(read(`.github/ISSUE_TEMPLATE/${file}`)) as { name: string; description: string; body: Field[] };
    expect(form.name.length).toBeGreaterThan(3);
    expect(form.description.length).toBeGreaterThan(10);
    const fields = form.body.filter((f) => f.type !== "markdown");
    expect(fields.every((f) => f.id && ["input", "textarea", "dropdown", "checkboxes"].includes(f.type))).toBe(true);
    expect(new Set(fields.map((f) => f.id)).size).toBe(fields.length);
    expect(fields.some((f) => f.validations?.required)).toBe(true);
  });

  test("no blank issues; a vulnerability is sent to private reporting, as SECURITY.md says", () => {
    const config = yaml.load(read(".github/ISSUE_TEMPLATE/config.yml")) as { blank_issues_enabled: boolean; contact_links: { url: string }[] };
    expect(config.blank_issues_enabled).toBe(false);
    const advisories = `https://github.com/${COORDINATES.repository}/security/advisories/new`;
    expect(config.contact_links.map((l) => l.url)).toEqual([advisories]);
    expect(read("SECURITY.md")).toContain(advisories);
  });

  test("the pull-request template asks for what CI checks and reviewers read", () => {
    const template = read(".github/pull_request_template.md");
    for (const item of ["`npm test`", "`npm run synth`", "BREAKING CHANGE:", "conventional commit"]) expect(template).toContain(item);
  });
});
