// The layout pass (src/hcl/format.ts): indentation by bracket nesting and `=` aligned across
// consecutive single-line assignments, as `terraform fmt` lays them out (test/generator/fmt.terraform.test.ts
// runs the real one over every generated file).
import { formatHcl } from "../../src/hcl/format";

const format = (lines: string[]) => formatHcl(lines.join("\n")).split("\n");

describe("indentation", () => {
  test("one level per open bracket, whatever the input's indentation; closers dedent their own line", () => {
    expect(format(["a = {", "      b = [", "c,", "]", "}"])).toEqual(["a = {", "  b = [", "    c,", "  ]", "}"]);
  });

  test("a line that opens two brackets opens one level, and the line that closes both closes it (as terraform fmt)", () => {
    expect(format(["x = [{", "k = 1", "}]", "y = 2"])).toEqual(["x = [{", "  k = 1", "}]", "y = 2"]);
  });

  test("brackets inside strings, templates and comments do not count", () => {
    expect(format(['a = "{ [ ("', "b = 1 # {", "c = 2 // [", 'd = "${join("}", x)}"', "e = 3"])).toEqual([
      'a = "{ [ ("',
      "b = 1 # {",
      "c = 2 // [",
      'd = "${join("}", x)}"',
      "e = 3",
    ]);
  });
});

describe("alignment", () => {
  test("consecutive single-line assignments align their `=`; a blank line, a block or a multi-line value ends the run", () => {
    expect(format(["a = 1", "long_name = 2", "", "bb = 3", "c = {", "k = 1", "}", "ddd = 4"])).toEqual([
      "a         = 1",
      "long_name = 2",
      "",
      "bb = 3",
      "c = {",
      "  k = 1",
      "}",
      "ddd = 4",
    ]);
  });

  test("the assignment's `=` is the first one, never an `==`, `!=`, `<=`, `>=` or `=>` in its value", () => {
    expect(format(["condition = var.a == 1 && var.b != 2", "x = { for k, v in m : k => v if v >= 0 }", "error_message = \"a = b\""])).toEqual([
      "condition     = var.a == 1 && var.b != 2",
      "x             = { for k, v in m : k => v if v >= 0 }",
      'error_message = "a = b"',
    ]);
  });

  test("a comparison on a line of its own is no assignment, and is left as written", () => {
    expect(format(["condition = (", "var.x >= 1 &&", "var.y <= 2", ")"])).toEqual(["condition = (", "  var.x >= 1 &&", "  var.y <= 2", ")"]);
  });

  test("a line that opens a bracket it does not close is not a single-line assignment", () => {
    expect(format(["a = 1", "bbbbbb = [", "1,", "]"])).toEqual(["a = 1", "bbbbbb = [", "  1,", "]"]);
  });
});
