// "Mistakes we catch" (src/modules/mistakes.ts): every row planned with real Terraform and mocked AWS
// (src/evidence/mistakes.ts, two terraform test processes), the plan must say what the row expects, each
// control must plan cleanly, and the committed evidence/mistakes.json must be this plan's. A row done
// right is planned beside them and must be reported as saying nothing: the control that shows the
// runner can tell a silent plan from a caught mistake.
import * as fs from "node:fs";
import * as path from "node:path";
import { MISTAKES_FILE, MistakeRow } from "../../src/evidence/files";
import { Mistake, MISTAKES, mistakeId } from "../../src/modules/mistakes";
import { directories, generated, ROOT } from "../../tools/generated";
import { MistakesOutcome, mistakesFile, planMistakes } from "../../src/evidence/mistakes";
import { expectCommitted } from "../support/evidence";
import { describeWithProvider } from "../support/provider";

/** Correct inputs: the runner must find nothing to say about them. */
const SILENT: Mistake = { module: "modules/cloudshell-policy", what: "Control of the runner: correct inputs", inputs: { preset: "minimum", role_names: ["developer"] }, expect: "" };

describeWithProvider("every mistake of the table fails at plan with its message", () => {
  let outcome: MistakesOutcome;
  const row = (m: Mistake): MistakeRow => outcome.rows.find((r) => r.id === mistakeId(m))!;

  beforeAll(async () => {
    outcome = await planMistakes(generated().files, [...MISTAKES, SILENT]);
  });

  test.each(MISTAKES.map((m) => [m.module, m.what, m] as const))("%s: %s", (_module, _what, m) => {
    const r = row(m);
    expect(r.severity).toBe(m.warning ? "warning" : "error");
    expect(r.messages.join(" | ")).toContain(m.expect);
  });

  test("the control of the runner: a call with correct inputs is reported as saying nothing", () => {
    expect(row(SILENT)).toMatchObject({ severity: null, messages: [] });
  });

  test("every row done right plans with no error and no warning", () => {
    expect(outcome.controls.diagnostics.map((d) => `${d.context}: ${d.summary}: ${d.detail}`)).toEqual([]);
    expect(outcome.controls.passed).toBe(true);
  });

  test("every diagnostic belongs to a row (no fixture fails, no message is lost)", () => {
    expect(outcome.stray.map((d) => `${d.filename}: ${d.summary}: ${d.detail}`)).toEqual([]);
  });

  test("the committed evidence is this plan's, under this generation's key", () => {
    const rows = { ...outcome, rows: outcome.rows.filter((r) => r.id !== mistakeId(SILENT)) };
    expectCommitted(MISTAKES_FILE, mistakesFile(rows));
  });
});

describe("the table covers what issue 23 asks", () => {
  test("at least 40 mistakes, with a row for every module and every wrapper", () => {
    expect(MISTAKES.length).toBeGreaterThanOrEqual(40);
    const covered = new Set(MISTAKES.map((m) => m.module));
    expect([...directories("modules"), ...directories("wrappers")].filter((d) => !covered.has(d))).toEqual([]);
  });

  test("items 1 to 6 each have rows, each with a control (item 7, the review, is issue 27's)", () => {
    for (const item of ["23.1", "23.2", "23.3", "23.4", "23.5", "23.6"]) {
      const rows = MISTAKES.filter((m) => m.issue === item);
      expect(`${item}: ${rows.length > 0}`).toBe(`${item}: true`);
      expect(rows.filter((m) => !m.control).map((m) => m.what)).toEqual([]);
    }
  });
});

describe("the README's section", () => {
  test("says how many mistakes the table holds", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(readme).toContain(`**${MISTAKES.length} plausible mistakes**`);
    expect(readme).toContain(`lists ${MISTAKES.length} mistakes`);
  });
});
