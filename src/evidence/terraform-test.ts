// `terraform test -json` in a scratch copy of a module, and its report run by run: part of the one
// Terraform runner (./terraform.ts, which re-exports it), with its preparation and its errors.
import { failure, InitResult, prepare, terraformAsync } from "./terraform";

/** One diagnostic as `terraform test -json` reports it, with where it points. */
export interface Diagnostic {
  severity: string;
  summary: string;
  detail: string;
  /** The file of its range, relative to the directory Terraform ran in. */
  filename?: string;
  /** The block its range is in, such as 'module "x"' or 'resource "aws_iam_policy" "this"'. */
  context?: string;
}

export interface TestRun {
  file: string;
  run: string;
  status: "pass" | "fail" | "error" | "skip";
  /** Diagnostics Terraform reported for the run (assertion and validation messages), folded. */
  messages: string[];
  /** The same diagnostics, whole. */
  diagnostics: Diagnostic[];
  /** The run's outputs, with -verbose (mocked apply leaves them in the state). */
  outputs?: Record<string, unknown>;
}

export interface TestReport extends InitResult {
  runs: TestRun[];
  summary: { passed: number; failed: number; errored: number; skipped: number };
}

/**
 * prepare() + `terraform test -json` in a scratch copy of a module. With `verbose`, each run's outputs
 * are read from the state Terraform prints (the provider schemas in it are dropped unread).
 */
export async function testModule(dir: string, options: { verbose?: boolean; filter?: string[] } = {}): Promise<TestReport> {
  const initialized = await prepare(dir, "test");
  const args = ["test", "-json", "-no-color", ...(options.verbose ? ["-verbose"] : []), ...(options.filter ?? []).map((f) => `-filter=${f}`)];
  const r = await terraformAsync(dir, args);
  const runs = new Map<string, TestRun>();
  const runOf = (file: string, run: string) => {
    const key = `${file}/${run}`;
    if (!runs.has(key)) runs.set(key, { file, run, status: "skip", messages: [], diagnostics: [] });
    return runs.get(key)!;
  };
  let summary: TestReport["summary"] | undefined;
  for (const line of r.stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    const m = JSON.parse(line);
    const file = m["@testfile"];
    const run = m["@testrun"];
    if (m.type === "test_run" && m.test_run?.progress === "complete") runOf(file, run).status = m.test_run.status;
    else if (m.type === "diagnostic" && file && run) {
      const d = m.diagnostic;
      runOf(file, run).messages.push(`${d.summary}: ${d.detail ?? ""}`.replace(/\s+/g, " ").trim());
      runOf(file, run).diagnostics.push({ severity: d.severity, summary: d.summary, detail: d.detail ?? "", filename: d.range?.filename, context: d.snippet?.context ?? undefined });
    } else if (m.type === "test_state" && file && run) {
      const outputs = m.test_state?.outputs ?? {};
      runOf(file, run).outputs = Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, (v as { value: unknown }).value]));
    } else if (m.type === "test_summary") {
      const s = m.test_summary;
      summary = { passed: s.passed, failed: s.failed, errored: s.errored, skipped: s.skipped };
    }
  }
  if (!summary) throw failure(dir, args, r);
  return { ...initialized, runs: [...runs.values()], summary };
}
