// The mistakes runner's own pieces that need no Terraform: how a row's inputs read in the table,
// and that two rows cannot share a name (test/modules/mistakes.terraform.test.ts plans them).
import { Mistake, MISTAKES, mistakeId } from "../../src/modules/mistakes";
import { hclInline, planMistakes } from "../../src/evidence/mistakes";

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

  test("two rows saying the same thing are refused before any Terraform runs", async () => {
    const row: Mistake = { module: "modules/cloudshell-policy", what: "Twice", inputs: {}, expect: "x" };
    await expect(planMistakes(new Map(), [row, { ...row }])).rejects.toThrow("two mistakes have the id modules_cloudshell-policy__twice");
  });
});
