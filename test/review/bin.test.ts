// The cloudshell-review command as users run it: with npx from this repository's git (what
// `npx github:<owner>/<repo>#<tag>` does: clone, pack, install, run) and from a packed tarball, offline,
// in a scratch npm cache. It runs from the committed JavaScript (dist/, npm run review:compile), with
// no dependency and no install script, so npx installs nothing else.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "../../tools/generated";
import { PLANS_DIR, readSnapshot } from "../../tools/plan-snapshots";
import { evidencePlan } from "../../tools/review";
import { committedReview, compiledReview } from "../../tools/compile-review";
import { tempDir } from "../../src/evidence/terraform";
import { COORDINATES } from "../../src/generator/coordinates";
import { load } from "js-yaml";

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  bin: Record<string, string>;
  files: string[];
  dependencies?: object;
  scripts: Record<string, string>;
};

/** Files that differ between two sets (missing, extra or changed). */
const differing = (a: Map<string, string>, b: Map<string, string>) => [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();

/** A plan of the iam-policy example's snapshot: created (before = nothing), or removed (after = nothing). */
function snapshotPlan(direction: "created" | "removed"): string {
  const s = readSnapshot(fs.readFileSync(path.join(ROOT, PLANS_DIR, "iam-policy.json"), "utf8"));
  const state = {
    resources: new Map(s.resource_changes.map((r) => [r.address, { after: r.after, after_unknown: r.after_unknown }])),
    outputs: new Map<string, { value: unknown; unknown: boolean }>(),
  };
  const none = { resources: new Map(), outputs: new Map() };
  return JSON.stringify(direction === "created" ? evidencePlan(none, state) : evidencePlan(state, none));
}

describe("the committed command", () => {
  test("dist/ is what npm run review:compile makes of src/review/cli.ts and its imports (control: an edited file is found)", () => {
    const fresh = compiledReview();
    expect([...fresh.keys()]).toContain(`dist/${pkg.bin["cloudshell-review"].replace(/^dist\//, "")}`);
    const stale = differing(committedReview(), fresh);
    if (stale.length) throw new Error(`dist/ is stale (run npm run review:compile and commit):\n  ${stale.join("\n  ")}`);
    const edited = new Map(fresh);
    edited.set("dist/review/evaluate.js", `${fresh.get("dist/review/evaluate.js")}\n// edited`);
    expect(differing(edited, fresh)).toEqual(["dist/review/evaluate.js"]);
  });

  test("the package ships only dist/, with no dependency and no script npm runs when it installs from git", () => {
    expect(pkg.files).toEqual(["dist/"]);
    expect(pkg.dependencies ?? {}).toEqual({});
    // pacote installs every devDependency to run these before packing a git dependency.
    for (const script of ["preinstall", "install", "postinstall", "prepare", "prepack", "build"]) expect(`${script}: ${pkg.scripts[script]}`).toBe(`${script}: undefined`);
    const js = [...compiledReview().values()].join("\n");
    expect([...js.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]).filter((m) => !m.startsWith(".") && !m.startsWith("node:"))).toEqual([]);
  });
});

describe("npx cloudshell-review, offline", () => {
  let repo: string;
  let work: string;
  const env = () => ({ ...process.env, npm_config_cache: path.join(work, "npm-cache"), npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" });
  type Run = { code: number | null; out: string; err: string };
  /** A command, without blocking: the runs below go side by side once the package is in npx's cache. */
  const spawned = (command: string, args: string[], options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> =>
    new Promise((resolve, reject) => {
      const child = spawn(command, args, { cwd: options.cwd ?? work, env: options.env ?? env() });
      const [out, err]: Buffer[][] = [[], []];
      child.stdout.on("data", (b) => out.push(b));
      child.stderr.on("data", (b) => err.push(b));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, out: Buffer.concat(out).toString(), err: Buffer.concat(err).toString() }));
      child.stdin.end(options.input ?? "");
    });
  const npx = (spec: string, args: string[], input?: string) => spawned("npx", ["--yes", "--offline", spec, ...args], { input });
  let runs: Record<"help" | "widening" | "narrowing" | "tarball" | "job", Run>;
  let packed: { filename: string; files: { path: string }[] };
  let summary: string;

  /** The README's job, the step that runs the review, with `spec` for the package. */
  const readmeJob = () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const snippet = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).find((y) => y.includes("GITHUB_STEP_SUMMARY"));
    if (!snippet) throw new Error("README.md has no GitHub Actions job that writes $GITHUB_STEP_SUMMARY");
    type Step = { name?: string; uses?: string; run?: string };
    const workflow = load(snippet) as { on: unknown; jobs: Record<string, { steps: Step[] }> };
    return { workflow, steps: Object.values(workflow.jobs)[0].steps };
  };
  /** The package the README names: this repository's coordinates and documented release. */
  const SPEC = `github:${COORDINATES.repository}#${COORDINATES.ref}`;

  beforeAll(async () => {
    // The repository as a tag has it: what the package ships, committed.
    repo = tempDir("review-package-");
    work = tempDir("review-user-");
    for (const rel of ["package.json", "README.md", "LICENSE", ...committedReview().keys()]) {
      fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, rel), path.join(repo, rel));
    }
    const git = (...args: string[]) => spawnSync("git", args, { cwd: repo, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-qm", "release");
    fs.writeFileSync(path.join(work, "plan.json"), snapshotPlan("removed"));
    const spec = `git+file://${repo}`;
    // The first run installs the package into npx's cache; the others then run side by side.
    const help = await npx(spec, ["--help"]);
    const pack = await spawned("npm", ["pack", "--pack-destination", work, "--json"], { cwd: repo });
    [packed] = JSON.parse(pack.out) as (typeof packed)[];
    const job = tempDir("review-job-");
    fs.writeFileSync(path.join(job, "plan.json"), snapshotPlan("created"));
    summary = path.join(job, "summary.md");
    const step = readmeJob().steps.find((x) => x.name === "CloudShell review")?.run ?? "";
    const [widening, narrowing, tarball, jobRun] = await Promise.all([
      npx(spec, [], snapshotPlan("created")),
      npx(spec, ["plan.json"]),
      npx(`./${packed.filename}`, [], snapshotPlan("created")),
      // The step as written, with the package from the local repository in place of GitHub.
      spawned("bash", ["-e", "-c", step.split(SPEC).join(`--offline ${spec}`)], { cwd: job, env: { ...env(), GITHUB_STEP_SUMMARY: summary } }),
    ]);
    runs = { help, widening, narrowing, tarball, job: jobRun };
  });

  test("from git: --help, a plan on standard input that widens, a plan file that narrows", () => {
    expect([runs.help.code, runs.help.out]).toEqual([2, ""]);
    expect(runs.help.err).toContain("usage: cloudshell-review [plan.json | -]");
    expect(`${runs.widening.code} ${runs.widening.err}`).toBe("3 ");
    expect(runs.widening.out).toContain("- **role developer** (new): may Launch CloudShell (open a session): public environment");
    expect(`${runs.narrowing.code} ${runs.narrowing.err}`).toBe("0 ");
    expect(runs.narrowing.out).toContain("## CloudShell review of plan.json");
    expect(runs.narrowing.out).toContain("- **role developer** (gone): may no longer");
  });

  test("from a packed tarball (npm pack): the same command", () => {
    expect(packed.files.map((f) => f.path).filter((f) => !f.startsWith("dist/")).sort()).toEqual(["LICENSE", "README.md", "package.json"]);
    expect(runs.tarball.code).toBe(3);
    expect(runs.tarball.out).toContain("**Needs approval: this change widens access or weakens a control** (exit status 3):");
  });

  test("the README's GitHub Actions job: plan.json from the plan, the review in the job summary, status 3 failing the step", () => {
    const { workflow, steps } = readmeJob();
    expect(workflow.on).toBe("pull_request");
    expect(steps.find((x) => x.name === "Plan")!.run).toContain("terraform show -json plan.out > plan.json");
    expect(steps.find((x) => x.name === "CloudShell review")!.run).toContain(`npx --yes ${SPEC} plan.json`);
    expect(runs.job.code).toBe(3);
    expect(fs.readFileSync(summary, "utf8")).toContain("**Needs approval: this change widens access or weakens a control** (exit status 3):");
  });
});
