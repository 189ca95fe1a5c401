// Moving a module's test files into one shared root must keep every run aimed at its own module.
import { pointedAt } from "../../src/evidence/module-tests";

const FILE = `mock_provider "aws" {}

run "first" {
  command = plan
}

run "second" {
  variables {
    name = "x"
  }
}
`;

describe("a module's test file, moved into the shared root", () => {
  test("every run block gets the module as its configuration, and nothing else changes", () => {
    const moved = pointedAt({ module: "modules/cloudshell-policy", file: "tests/defaults.tftest.hcl", content: FILE });
    expect(moved.match(/^ {2}module \{\n {4}source = "\.\/modules\/cloudshell-policy"\n {2}\}$/gm)).toHaveLength(2);
    expect(moved.replace(/ {2}module \{\n {4}source = "[^"]+"\n {2}\}\n\n/g, "")).toBe(FILE);
  });

  test("a file whose runs already name a module is refused, not silently re-aimed", () => {
    const own = FILE.replace("  command = plan\n", '  command = plan\n  module {\n    source = "./setup"\n  }\n');
    expect(() => pointedAt({ module: "modules/x", file: "tests/a.tftest.hcl", content: own })).toThrow("modules/x/tests/a.tftest.hcl already points a run at a module");
  });
});
