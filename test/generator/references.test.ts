// The references the declared-references rule reads from the synthesized JSON (src/generator/references.ts):
// what counts as a reference, what does not, and the message for one to nothing.
import { referencesOf, undeclaredReferences } from "../../src/generator/references";
import { Value } from "../../src/hcl/writer";

const texts = (s: string) => referencesOf(s).map((r) => r.text);

describe("referencesOf: the root references of one Terraform JSON string", () => {
  test("variables, locals, modules, data sources and resources, without the attributes read from them", () => {
    expect(texts("${var.name}-${local.suffix}")).toEqual(["var.name", "local.suffix"]);
    expect(texts("${module.network.vpc_id}")).toEqual(["module.network"]);
    expect(texts("${data.aws_region.current.name}")).toEqual(["data.aws_region.current"]);
    expect(texts("${aws_subnet.private[each.key].id}")).toEqual(["aws_subnet.private"]);
    expect(referencesOf("${aws_subnet.private.id}")[0]).toEqual({ kind: "resource", type: "aws_subnet", name: "private", text: "aws_subnet.private" });
  });

  test("an attribute named like a root is not a reference; a function call is not one; nor are each, count and path", () => {
    expect(texts("${var.config.aws_vpc.this}")).toEqual(["var.config"]);
    expect(texts("${merge(var.tags, { Name = each.key })}")).toEqual(["var.tags"]);
    expect(texts("${count.index + length(path.module)}")).toEqual([]);
    expect(texts("${[for s in var.subnets : s.id if s.public]}")).toEqual(["var.subnets"]);
  });

  test("text outside interpolations, escaped ones and quoted strings inside one are not read; interpolations nested in those strings are", () => {
    expect(texts("var.name and $${var.escaped}")).toEqual([]);
    expect(texts('${lookup(var.m, "var.not_a_reference")}')).toEqual(["var.m"]);
    expect(texts('${format("%s-${local.inner}", var.outer)}')).toEqual(["local.inner", "var.outer"]);
  });
});

describe("undeclaredReferences: every reference to something the stack does not declare", () => {
  const json = (output: Value, more: Record<string, Value> = {}): Record<string, Value> => ({
    variable: { name: { type: "string", validation: [{ condition: "${length(var.name) > 0}", error_message: "m" }] } },
    locals: { suffix: "x" },
    resource: { aws_vpc: { this: { cidr_block: "10.0.0.0/16" } } },
    output: { out: { value: output } },
    ...more,
  });

  test("what the stack declares is found", () => {
    expect(undeclaredReferences(json("${var.name}-${local.suffix}-${aws_vpc.this.id}"))).toEqual([]);
  });

  test("a misspelt name is reported with its holder and what is declared", () => {
    expect(undeclaredReferences(json("${aws_vpc.that.id} ${local.sufix} ${module.none.x}"))).toEqual([
      "output.out refers to aws_vpc.that, which is not declared in this module; declared aws_vpc resources: this",
      "output.out refers to local.sufix, which is not declared in this module; declared locals: suffix",
      "output.out refers to module.none, which is not declared in this module; no modules are declared",
    ]);
  });

  test("object keys are read as templates, and depends_on entries as bare addresses", () => {
    const found = undeclaredReferences(
      json(
        { "${var.key}": 1 },
        {
          resource: { aws_vpc: { this: { cidr_block: "10.0.0.0/16", depends_on: ["aws_subnet.missing"] } } },
        },
      ),
    );
    expect(found).toEqual([
      "output.out refers to var.key, which is not declared in this module; declared variables: name",
      "aws_vpc.this refers to aws_subnet.missing, which is not declared in this module; no aws_subnet resources are declared",
    ]);
  });
});
