// npm run bench: the cost of our rendering and checks on top of cdktf's own synth, and the whole
// test suite's time with Terraform's share of it. Prints figures; it asserts nothing (speed goals
// are read, not tested).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { tempDir } from "../src/evidence/terraform";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const root = path.join(__dirname, "..");

function time(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function compare(label: string, cmd: string, args: string[]) {
  const bare: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate the two so load on the machine hits both alike.
    const out = tempDir("bench-");
    bare.push(time(cmd, args, { SYNTH_ONLY: "1", CDKTF_OUTDIR: path.join(out, "a") }));
    full.push(time(cmd, args, { GENERATE_ROOT: out, CDKTF_OUTDIR: path.join(out, "b") }));
  }
  const b = median(bare);
  const f = median(full);
  const added = ((f - b) / b) * 100;
  console.log(`| ${label} | ${b.toFixed(2)} s | ${f.toFixed(2)} s | ${added >= 0 ? "+" : ""}${added.toFixed(0)}% |`);
}

console.log(`Median of ${RUNS} runs each, ${os.cpus().length} cores.\n`);
console.log("| Command | bare cdktf synth | full regeneration, evidence current (synth + HCL + checks + evidence keys + READMEs) | added |");
console.log("|---|---|---|---|");
compare("`cdktf synth` (the CLI, as `npm run synth`)", "npx", ["cdktf", "synth"]);
compare("`node scripts/synth.ts` (the app alone)", "node", ["-r", "ts-node/register/transpile-only", "scripts/synth.ts"]);

/** `npm <script>` once, with every Terraform command's start and end logged by the runner; wall and CPU seconds. */
function timedRun(script: string[]) {
  // The 1-minute load average as the run starts: the cores may be shared, and the figures vary with it.
  const load = os.loadavg()[0];
  const log = path.join(tempDir("bench-tf-"), "timings.tsv");
  fs.writeFileSync(log, "");
  // bash's `time` reports the CPU of the whole process tree (Terraform and its providers included).
  const r = spawnSync("bash", ["-c", `TIMEFORMAT='%R %U %S'; time npm ${script.join(" ")} --silent >/dev/null 2>&1`], { cwd: root, env: { ...process.env, TF_TIMING_LOG: log }, encoding: "utf8" });
  const [wall, user, sys] = r.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  if (r.status !== 0) throw new Error(`npm ${script.join(" ")} failed (exit ${r.status}); run it alone to see why`);
  const spans = fs
    .readFileSync(log, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [start, end, command] = line.split("\t");
      return { start: Number(start), end: Number(end), command };
    });
  // The wall-clock time during which at least one Terraform process ran (processes overlap).
  let covered = 0;
  let reach = 0;
  for (const sp of [...spans].sort((a, b) => a.start - b.start)) {
    covered += Math.max(0, sp.end - Math.max(sp.start, reach));
    reach = Math.max(reach, sp.end);
  }
  return { wall, cpu: user + sys, spans, covered: covered / 1000, load };
}

function suite() {
  const unit = Array.from({ length: RUNS }, () => timedRun(["run", "test:unit"]));
  const each = (rs: { wall: number; load: number }[]) => rs.map((r) => `${r.wall.toFixed(1)} s (load ${r.load.toFixed(1)})`).join(", ");
  console.log(`\n\`npm run test:unit\` (no Terraform), ${RUNS} runs: ${each(unit)}; median ${median(unit.map((r) => r.wall)).toFixed(1)} s wall (target: at most 10 s, 20 s with one core busy), ${median(unit.map((r) => r.cpu)).toFixed(1)} s CPU.`);
  const runs = Array.from({ length: RUNS }, () => timedRun(["test"]));
  const mid = [...runs].sort((a, b) => a.wall - b.wall)[Math.floor(runs.length / 2)];
  console.log(`\n\`npm test\` (tsc and ESLint side by side, then jest with 2 workers), ${RUNS} runs: ${each(runs)}; median ${mid.wall.toFixed(1)} s wall (target: at most 45 s), ${mid.cpu.toFixed(1)} s CPU.`);
  console.log(`In the median run, ${mid.spans.length} Terraform commands; at least one was running for ${mid.covered.toFixed(1)} s, ${((mid.covered / mid.wall) * 100).toFixed(0)}% of the wall clock.`);
  const byCommand = new Map<string, { n: number; s: number }>();
  for (const sp of mid.spans) {
    const c = byCommand.get(sp.command) ?? { n: 0, s: 0 };
    byCommand.set(sp.command, { n: c.n + 1, s: c.s + (sp.end - sp.start) / 1000 });
  }
  console.log("\n| terraform command | runs | seconds, summed over overlapping processes |\n|---|---|---|");
  for (const [command, c] of [...byCommand].sort(([, a], [, b]) => b.s - a.s)) console.log(`| ${command} | ${c.n} | ${c.s.toFixed(1)} |`);
}

if (!process.env.BENCH_SKIP_TESTS) suite();
