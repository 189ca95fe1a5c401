// npm run bench: the cost of our rendering and checks on top of cdktf's own synth, and the
// test suite's time. Prints figures; it asserts nothing (speed goals are read, not tested).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
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
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "bench-"));
    bare.push(time(cmd, args, { SYNTH_ONLY: "1", CDKTF_OUTDIR: path.join(out, "a") }));
    full.push(time(cmd, args, { GENERATE_ROOT: out, CDKTF_OUTDIR: path.join(out, "b") }));
  }
  const b = median(bare);
  const f = median(full);
  const added = ((f - b) / b) * 100;
  console.log(`| ${label} | ${b.toFixed(2)} s | ${f.toFixed(2)} s | ${added >= 0 ? "+" : ""}${added.toFixed(0)}% |`);
}

console.log(`Median of ${RUNS} runs each, ${os.cpus().length} cores.\n`);
console.log("| Command | bare cdktf synth | full regeneration (synth + HCL + READMEs + checks) | added |");
console.log("|---|---|---|---|");
compare("`cdktf synth` (the CLI, as `npm run synth`)", "npx", ["cdktf", "synth"]);
compare("`node main.ts` (the app alone)", "node", ["-r", "ts-node/register/transpile-only", "main.ts"]);

if (!process.env.BENCH_SKIP_TESTS) {
  const t = time("npx", ["jest", "--silent"]);
  console.log(`\nTest suite (jest, all files): ${t.toFixed(1)} s`);
}
