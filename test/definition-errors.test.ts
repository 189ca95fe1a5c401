import { Unit } from "../src/cdktf/seam";
import { Definition } from "../src/generator/definition";
import { DefinitionError } from "../src/generator/errors";
import { synthesize } from "../src/generator/generate";
import { checkActions } from "../src/policy/statements";
import { NO_PROVIDER } from "../src/modules/requirements";
import { tempDir } from "./support/terraform";

const definition = (build: (u: Unit) => void): Definition => ({
  name: "broken",
  kind: "module",
  source: "test/definition-errors.test.ts",
  title: "Broken",
  requirements: NO_PROVIDER,
  readme: "cloudshell-policy",
  build,
});
const generate = (build: (u: Unit) => void) => () => synthesize([definition(build)], tempDir("cdktf-broken-"));

describe("the generator stops on a bad definition", () => {
  test("a duplicate variable name", () => {
    const run = generate((u) => {
      u.variable("preset", { description: "a", type: "string" });
      u.variable("preset", { description: "b", type: "string" });
    });
    expect(run).toThrow(DefinitionError);
    expect(run).toThrow('broken: variable.preset is defined twice; each name must be unique in a module');
  });

  test("a variable without a description", () => {
    expect(generate((u) => u.variable("x", { description: " ", type: "string" }))).toThrow(
      "broken: variable.x has no description; every variable and output needs one",
    );
  });

  test("an output without a description", () => {
    expect(generate((u) => u.output("y", { description: "", value: "${1}" }))).toThrow("broken: output.y has no description");
  });

  test("an IAM action that is not in the catalog", () => {
    const run = () => checkActions("broken", 'feature "layout"', ["cloudshell:GetLayout", "cloudshell:CreateSession"]);
    expect(run).toThrow(DefinitionError);
    expect(run).toThrow('feature "layout" names "cloudshell:GetLayout", not in the AWS action catalog');
  });

  test("a wildcard is not an action", () => {
    expect(() => checkActions("broken", "statement", ["cloudshell:*"])).toThrow('"cloudshell:*"');
  });
});
