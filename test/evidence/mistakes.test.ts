// The mistakes runner's own pieces that need no Terraform: how a row's inputs read in the table,
// and that two rows cannot share a name (test/modules/mistakes.terraform.test.ts plans them).
import { Mistake, MISTAKES, mistakeId } from "../../src/modules/mistakes";
import { hclInline, MistakesOutcome, outcomeProblems, planMistakes } from "../../src/evidence/mistakes";

describe("src/evidence/mistakes", () => {
  test("inputs read as HCL: expressions bare, strings quoted, objects and lists inline", () => {
    expect(hclInline({ networks: ["${module.network.vpc_environment}"], vpc_ids: null, name: "a b", "aws:x": 1, on: true })).toBe(
      '{ networks = [module.network.vpc_environment], vpc_ids = null, name = "a b", "aws:x" = 1, on = true }',
    );
    expect(hclInline("${slice(aws_subnet.more[*].id, 0, 3)}")).toBe("slice(aws_subnet.more[*].id, 0, 3)");
    expect(hclInline({})).toBe("{}");
  });

  test("every row has a name of its own, usable as a module call's name", () => {
    const ids = MISTAKES.map(mistakeId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
  });

  test("synth records no outcome the tests would refuse: a failed control, a stray diagnostic, a silent row (control: a clean outcome)", () => {
    const row = { id: "r", module: "modules/cloudshell-policy", what: "A row", inputs: "", phase: "inputs", severity: "error", messages: ["m"] } as MistakesOutcome["rows"][number];
    const clean: MistakesOutcome = { rows: [row], controls: { passed: true, diagnostics: [] }, stray: [] };
    expect(outcomeProblems(clean)).toEqual([]);
    expect(outcomeProblems({ ...clean, controls: { passed: false, diagnostics: [] } })).toEqual(["the rows done right did not plan cleanly: no diagnostic"]);
    expect(outcomeProblems({ ...clean, rows: [{ ...row, severity: null, messages: [] }] })).toEqual(['modules/cloudshell-policy: "A row" planned with nothing to say']);
    expect(outcomeProblems({ ...clean, stray: [{ filename: "fixtures.tf", summary: "Oops" } as MistakesOutcome["stray"][number]] })).toEqual(["a diagnostic no row explains: fixtures.tf: Oops"]);
  });

  test("two rows saying the same thing are refused before any Terraform runs", async () => {
    const row: Mistake = { module: "modules/cloudshell-policy", what: "Twice", inputs: {}, expect: "x" };
    await expect(planMistakes(new Map(), [row, { ...row }])).rejects.toThrow("two mistakes have the id modules_cloudshell-policy__twice");
  });
});
