// Several modules' terraform test files in one `terraform test` process. Every AWS command loads
// hashicorp/aws's schema (about 2 s of CPU in Terraform, and more in the provider) however few
// runs it has, so one process for many files costs far less than one per module. Each file is
// copied into one scratch root as tests/<module>.<file>, and each of its run blocks is pointed at
// its module with `module { source = "./modules/<module>" }`, which is how Terraform runs a file
// against a configuration other than the root's. Reports come back per module, under the files'
// own names, as if each module had run its tests itself.
import * as path from "node:path";
import { REQUIRES_AWS, scratchTree, TestReport, TestRun, testModule } from "./terraform";

export interface ModuleTestFile {
  /** The module's directory, such as "modules/cloudshell-policy". */
  module: string;
  /** The file's path in the module, such as "tests/defaults.tftest.hcl". */
  file: string;
  content: string;
}

/** Whether the file mocks hashicorp/aws (its shared root must then require the provider). */
export const mocksAws = (test: ModuleTestFile) => /^mock_provider "aws"/m.test(test.content);

const RUN_LINE = /^run "[^"]+" \{\n/gm;

/** The file with every run block pointed at `module` (as a module's root-relative source). */
export function pointedAt(test: ModuleTestFile): string {
  if (/^\s+module \{$/m.test(test.content)) throw new Error(`${test.module}/${test.file} already points a run at a module; it cannot be moved into a shared root`);
  const source = `./${test.module}`;
  return test.content.replace(RUN_LINE, (line) => `${line}  module {\n    source = "${source}"\n  }\n\n`);
}

/** Counts of the runs' statuses, as Terraform's own summary gives them. */
export const summaryOf = (runs: TestRun[]): TestReport["summary"] => {
  const count = (status: TestRun["status"]) => runs.filter((r) => r.status === status).length;
  return { passed: count("pass"), failed: count("fail"), errored: count("error"), skipped: count("skip") };
};

/**
 * Runs `tests` in one process, against a scratch copy of `tree`'s modules and any `fixtures` (more
 * configurations, by path in the root, that a test's `module` may name); returns a report per
 * module (its runs under their own file names, its summary counted from them).
 */
export async function testModulesTogether(
  tree: Map<string, string>,
  tests: ModuleTestFile[],
  options: { verbose?: boolean; fixtures?: [string, string][] } = {},
): Promise<Map<string, TestReport>> {
  const names = new Map(tests.map((t) => [`tests/${path.basename(t.module)}.${path.basename(t.file)}`, t]));
  if (names.size !== tests.length) throw new Error(`two test files would share a name in the shared root: ${tests.map((t) => `${t.module}/${t.file}`).join(", ")}`);
  const usesAws = tests.some(mocksAws);
  const root = scratchTree([
    ...[...tree].filter(([rel]) => rel.startsWith("modules/") && !rel.includes("/tests/")),
    ...(options.fixtures ?? []),
    ["main.tf", usesAws ? REQUIRES_AWS : ""],
    ...[...names].map(([name, t]) => [name, pointedAt(t)] as [string, string]),
  ]);
  const report = await testModule(root, options);
  const byModule = new Map<string, TestRun[]>(tests.map((t) => [t.module, []]));
  for (const run of report.runs) {
    const t = names.get(run.file);
    if (!t) throw new Error(`terraform test reported a file it was not given: ${run.file}`);
    byModule.get(t.module)!.push({ ...run, file: t.file });
  }
  return new Map([...byModule].map(([module, runs]) => [module, { provider: report.provider, runs, summary: summaryOf(runs) }]));
}
