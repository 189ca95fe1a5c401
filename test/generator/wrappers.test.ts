// Wrappers derived from a module's variables (src/generator/wrappers.ts): what each input becomes,
// and what the wrapper declares around the module call. What the expressions do in a plan is
// test/examples/plans.terraform.test.ts's (two items of each real wrapper) and the mistakes' rows.
import { Unit } from "../../src/cdktf/seam";
import { Definition } from "../../src/generator/definition";
import { synthesize } from "../../src/generator/generate";
import { withWrappers, wrapperInput, wrapperOf } from "../../src/generator/wrappers";
import { NO_PROVIDER } from "../../src/modules/requirements";
import { tempDir } from "../../src/evidence/terraform";

type Json = Record<string, Record<string, Record<string, unknown>>>;

const fixtureModule = (variables: string[]): Definition => ({
  name: "fixture",
  kind: "module",
  source: "src/modules/fixture",
  title: "Fixture",
  requirements: NO_PROVIDER,
  build(unit: Unit) {
    for (const name of variables) unit.variable(name, { description: "d", type: name === "size" ? "number" : "string", default: name === "size" ? 2 : null });
  },
});

describe("each module input, as the wrapper passes it", () => {
  test("the item's value, else the defaults', else the module's own default", () => {
    expect(wrapperInput("size", { default: 2 })).toBe('lookup(each.value, "size", lookup(var.defaults, "size", 2))');
    expect(wrapperInput("ids", { default: ["a"] })).toBe('lookup(each.value, "ids", lookup(var.defaults, "ids", ["a"]))');
    expect(wrapperInput("required", {})).toBe('lookup(each.value, "required", lookup(var.defaults, "required", null))');
  });

  test("tags merge the defaults' and the item's; a name defaults to the item's key, unless a name_prefix is given", () => {
    expect(wrapperInput("tags", { default: {} })).toBe('merge(lookup(var.defaults, "tags", null) == null ? {} : var.defaults.tags, lookup(each.value, "tags", null) == null ? {} : each.value.tags)');
    expect(wrapperInput("name", { default: null })).toBe('lookup(each.value, "name", lookup(var.defaults, "name", each.key))');
    expect(wrapperInput("name", { default: null }, ["name", "name_prefix"])).toBe(
      'lookup(each.value, "name", lookup(var.defaults, "name", lookup(each.value, "name_prefix", lookup(var.defaults, "name_prefix", null)) == null ? each.key : null))',
    );
  });
});

describe("the wrapper of a module", () => {
  let json: Json;
  let files: Map<string, string | undefined>;

  beforeAll(() => {
    const fixture = fixtureModule(["name", "size"]);
    const [, wrapper] = synthesize([fixture, wrapperOf(fixture)], tempDir("cdktf-wrapper-"));
    json = wrapper.unit.synthesizedJson() as Json;
    files = new Map(wrapper.unit.elements.map((e) => [e.address, e.placement.file]));
  });

  test("one call of the module for each item, every input passed through", () => {
    const call = json.module.wrapper;
    expect(call.source).toBe("../../modules/fixture");
    expect(call.for_each).toBe("${var.items}");
    expect(call.name).toBe(`\${${wrapperInput("name", { default: null }, ["name", "size"])}}`);
    expect(call.size).toBe(`\${${wrapperInput("size", { default: 2 })}}`);
    expect(json.output.wrapper.value).toBe("${module.wrapper}");
  });

  test("defaults and items accept only the module's inputs, and items may not share a name", () => {
    const conditions = (v: string) => (json.variable[v].validation as { condition: string }[]).map((x) => x.condition);
    expect(conditions("defaults")).toEqual(['${can(keys(var.defaults)) ? length(setsubtract(keys(var.defaults), ["name", "size"])) == 0 : false}']);
    expect(conditions("items")[0]).toContain('setsubtract(keys(v), ["name", "size"])');
    expect(conditions("items")).toHaveLength(3); // only the module's inputs; no null over defaults; no shared names
  });

  test("each module input is also a wrapper variable that must stay null, in misplaced-inputs.tf, saying where it goes", () => {
    for (const name of ["name", "size"]) {
      expect(files.get(`variable.${name}`)).toBe("misplaced-inputs.tf");
      const [validation] = json.variable[name].validation as { condition: string; error_message: string }[];
      expect(validation.condition).toBe(`\${var.${name} == null}`);
      expect(validation.error_message).toBe(`${name} is an input of each fixture, not of the wrapper: put it in defaults (for every item) or in an item (items.<key>.${name}).`);
    }
  });

  test("a module with an input named items or defaults has no wrapper: the generator stops, naming it", () => {
    const fixture = fixtureModule(["items"]);
    expect(() => synthesize([fixture, wrapperOf(fixture)], tempDir("cdktf-wrapper-"))).toThrow("fixture has an input named defaults or items, which its wrapper uses");
  });

  test("withWrappers adds one wrapper per module, after every definition, and none for an example", () => {
    const example: Definition = { ...fixtureModule([]), name: "use", kind: "example" };
    expect(withWrappers([fixtureModule([]), example], {}).map((d) => `${d.kind} ${d.name}`)).toEqual(["module fixture", "example use", "wrapper fixture"]);
  });
});
