// Synthesized JSON lowered to HCL files (src/generator/lower.ts): which file each element goes in,
// block or attribute from the bindings' schema, the order of arguments, shared locals blocks, and
// the JSON that does not match what the definition declared.
import { BlockSchema, ElementRef } from "../../src/cdktf/seam";
import { lowerStack } from "../../src/generator/lower";
import { renderFile, Value } from "../../src/hcl/writer";

type Json = Record<string, Value>;
const element = (address: string, more: Partial<ElementRef> = {}): ElementRef => ({ address, placement: {}, order: [], ...more });
const lowered = (json: Json, elements: ElementRef[]) => new Map([...lowerStack("fixture", json, elements)].map(([file, items]) => [file, renderFile(items)]));

const SG_SCHEMA: BlockSchema = { ingress: { block: true, nested: {} }, timeouts: { block: true, nested: {} } };

describe("files", () => {
  test("variables go in variables.tf, outputs in outputs.tf, the rest in main.tf, unless placed", () => {
    const files = lowered(
      { variable: { name: { description: "d", type: "string" } }, output: { id: { description: "d", value: "${var.name}" } }, locals: { a: 1 }, resource: { aws_vpc: { this: {} } } },
      [element("variable.name"), element("output.id"), element("locals.a"), element("resource.aws_vpc.this", { placement: { file: "network.tf" } })],
    );
    expect([...files.keys()]).toEqual(["variables.tf", "outputs.tf", "main.tf", "network.tf"]);
    expect(files.get("variables.tf")).toBe('variable "name" {\n  description = "d"\n  type        = string\n}\n');
    expect(files.get("outputs.tf")).toBe('output "id" {\n  description = "d"\n  value       = var.name\n}\n');
  });

  test("consecutive locals of a file share one block, a commented one after a blank line; a resource between them starts another", () => {
    const files = lowered({ locals: { a: 1, b: 2, c: 3 }, resource: { aws_vpc: { this: {} } } }, [
      element("locals.a"),
      element("locals.b", { placement: { comment: "Why b." } }),
      element("resource.aws_vpc.this"),
      element("locals.c"),
    ]);
    expect(files.get("main.tf")).toBe('locals {\n  a = 1\n\n  # Why b.\n  b = 2\n}\n\nresource "aws_vpc" "this" {}\n\nlocals {\n  c = 3\n}\n');
  });
});

describe("a resource's arguments", () => {
  test("block or attribute from the schema, never from the JSON's shape; an empty list of a block type stays an attribute", () => {
    const json = { resource: { aws_security_group: { this: { ingress: [], timeouts: { create: "5m" }, tags: { Name: "x" } } } } };
    const text = lowered(json, [element("resource.aws_security_group.this", { schema: SG_SCHEMA, order: ["ingress", "timeouts", "tags"] })]).get("main.tf");
    expect(text).toBe('resource "aws_security_group" "this" {\n  ingress = []\n  timeouts {\n    create = "5m"\n  }\n  tags = {\n    Name = "x"\n  }\n}\n');
  });

  test("meta-arguments first, then the definition's order, blocks, tags, depends_on as references and lifecycle last", () => {
    const json = {
      resource: {
        aws_subnet: {
          this: {
            lifecycle: { precondition: [{ condition: "${true}", error_message: "m" }] },
            depends_on: ["aws_vpc.this"],
            tags: "${var.tags}",
            cidr_block: "10.0.0.0/24",
            vpc_id: "${aws_vpc.this.id}",
            count: "${var.create ? 1 : 0}",
          },
        },
      },
    };
    const text = lowered(json, [element("resource.aws_subnet.this", { schema: {}, order: ["vpc_id", "cidr_block"] })]).get("main.tf")!;
    expect(text.split("\n")).toEqual([
      'resource "aws_subnet" "this" {',
      "  count = var.create ? 1 : 0",
      "",
      "  vpc_id     = aws_vpc.this.id",
      '  cidr_block = "10.0.0.0/24"',
      "  tags       = var.tags",
      "",
      "  depends_on = [aws_vpc.this]",
      "",
      "  lifecycle {",
      "    precondition {",
      "      condition     = true",
      '      error_message = "m"',
      "    }",
      "  }",
      "}",
      "",
    ]);
  });

  test("a module call: source, then for_each after a blank line, then its inputs", () => {
    const json = { module: { net: { name: "n", for_each: "${var.items}", source: "../x" } } };
    expect(lowered(json, [element("module.net", { order: ["source", "name"] })]).get("main.tf")).toBe('module "net" {\n  source = "../x"\n\n  for_each = var.items\n\n  name = "n"\n}\n');
  });
});

describe("JSON that is not what the definition declared stops the generator", () => {
  test("a section it does not know, an element not declared through the seam, an element missing from the JSON", () => {
    expect(() => lowerStack("fixture", { moved: {} }, [])).toThrow('fixture: unexpected "moved" in the synthesized JSON');
    expect(() => lowerStack("fixture", { variable: { stray: { type: "string" } } }, [])).toThrow("fixture: variable.stray was not declared through the seam");
    expect(() => lowerStack("fixture", {}, [element("resource.aws_vpc.this")])).toThrow("fixture: resource.aws_vpc.this is missing from the synthesized JSON");
  });
});
