// The used-inputs rule (src/generator/rules.ts): an input nothing reads but validations is an
// error, except a wrapper's refused inputs, which exist only to be refused.
import { tf, Unit } from "../../src/cdktf/seam";
import { Definition } from "../../src/generator/definition";
import { renderHcl, synthesize } from "../../src/generator/generate";
import { REFUSED_INPUTS_FILE } from "../../src/generator/rules";
import { NO_PROVIDER } from "../../src/modules/requirements";
import { tempDir } from "../../src/evidence/terraform";

const definition = (build: (u: Unit) => void, kind: Definition["kind"]): Definition => ({
  name: "broken",
  readme: "src/modules/cloudshell-policy/README.hbs",
  kind,
  source: "test/generator/used-inputs.test.ts",
  title: "Broken",
  requirements: NO_PROVIDER,
  build,
});

describe("the generator stops on an input nothing uses", () => {
  const level = (u: Unit, file?: string) =>
    u.variable("level", { description: "Level", type: "number", validation: [{ condition: "var.level >= 0", errorMessage: "level must be 0 or more." }] }, { file });
  const render = (build: (u: Unit) => void, kind: Definition["kind"] = "module") => () => renderHcl(synthesize([definition(build, kind)], tempDir("cdktf-unused-")));
  const UNUSED = "broken: variable.level is declared but never used: no local, output, resource, data source, module call or check reads it (validations do not count). Use it, or remove it [used-inputs]";

  test("a variable read only by its own validation", () => {
    expect(render((u) => level(u))).toThrow(UNUSED);
  });

  test("a variable read only by another variable's validation", () => {
    const run = render((u) => {
      level(u);
      u.variable("max", { description: "Max", type: "number", validation: [{ condition: "var.max >= var.level", errorMessage: "max must be at least level." }] });
      u.output("max", { description: "Max", value: tf("var.max") });
    });
    expect(run).toThrow(UNUSED);
  });

  test("control: a variable read by a local, an output, a module call or a check passes", () => {
    for (const reader of [
      (u: Unit) => u.local("x", tf("var.level + 1")),
      (u: Unit) => u.output("x", { description: "X", value: tf("var.level") }),
      (u: Unit) => u.module("x", "../x", { level: tf("var.level") }),
      (u: Unit) => u.check("x", [{ condition: "var.level < 10", errorMessage: "level is high." }]),
    ]) {
      expect(
        render((u) => {
          level(u);
          reader(u);
        }),
      ).not.toThrow();
    }
  });

  test(`a wrapper's refused inputs (${REFUSED_INPUTS_FILE}) are the one exception, and only in a wrapper and that file`, () => {
    expect(render((u) => level(u, REFUSED_INPUTS_FILE), "wrapper")).not.toThrow();
    expect(render((u) => level(u, "variables.tf"), "wrapper")).toThrow(UNUSED.replace("broken:", "wrapper-broken:"));
    expect(render((u) => level(u, REFUSED_INPUTS_FILE), "module")).toThrow(UNUSED);
  });
});
