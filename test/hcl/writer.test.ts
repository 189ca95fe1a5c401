// The cases where cdktf's own HCL renderer is known to be wrong, printed by ours and read back.
import { parse } from "../support/hcl2json";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { tf, tfList, tfMap, Unit } from "../../src/cdktf/seam";
import { Definition } from "../../src/generator/definition";
import { renderHcl, synthesize } from "../../src/generator/generate";
import { formatHcl } from "../../src/hcl/format";
import { parseTemplate, wholeExpression } from "../../src/hcl/template";
import { quote, renderValue } from "../../src/hcl/writer";
import { NO_PROVIDER } from "../../src/modules/requirements";
import { tempDir } from "../../src/evidence/terraform";
import { roundTripDifferences } from "../support/round-trip";

const fixture: Definition = {
  name: "fixture",
  readme: "cloudshell-policy",
  kind: "example", // printing only: the module rules (create, tags) do not apply to examples
  source: "test/hcl/writer.test.ts",
  title: "Fixture",
  requirements: NO_PROVIDER,
  build(unit: Unit) {
    unit.variable("enabled", { description: "d", type: "bool", default: false, nullable: false });
    unit.variable("size", { description: "d", type: "number", default: 0 });
    unit.variable("prefix", { description: "d", type: "string", default: "" });
    unit.variable("ids", { description: "d", type: "list(string)", default: [] });
    unit.variable("maybe", { description: "d", type: "bool", default: null });
    unit.local("policy", tf('jsonencode({ Statement = [{ Effect = "Allow", Resource = aws_security_group.this.arn }] })'));
    unit.local("literal", { template: "arn:${var.prefix}:x", dollar: "$${not.interpolated}", percent: "100%%{ not a directive }", quote: 'say "hi"' });
    unit.resource(SecurityGroup, "this", { name: tf("var.prefix"), ingress: [], tags: tfMap("{ Name = var.prefix }") });
    unit.resource(VpcEndpoint, "this", {
      vpcId: tf("var.prefix"),
      serviceName: "com.amazonaws.us-east-1.logs",
      securityGroupIds: tfList("[aws_security_group.this.id]"),
      dnsOptions: { dnsRecordIpType: "ipv4" },
      tags: { Name: "logs" },
    });
  },
};

let files: Map<string, string>;
let unit: Unit;

beforeAll(() => {
  const built = synthesize([fixture], tempDir("cdktf-fixture-"));
  unit = built[0].unit;
  files = renderHcl(built);
});


describe("HCL writer on the cases cdktf's renderer gets wrong", () => {
  test("false, 0 and empty-string defaults are kept", async () => {
    const vars = (await parse("variables.tf", files.get("examples/fixture/variables.tf")!)).variable;
    expect(vars.enabled[0].default).toBe(false);
    expect(vars.size[0].default).toBe(0);
    expect(vars.prefix[0].default).toBe("");
  });

  test("nullable = false is kept, and a null default stays optional", async () => {
    const vars = (await parse("variables.tf", files.get("examples/fixture/variables.tf")!)).variable;
    expect(vars.enabled[0].nullable).toBe(false);
    expect(vars.maybe[0]).toHaveProperty("default", null);
  });

  test("empty lists are kept, as defaults and as arguments", async () => {
    const vars = (await parse("variables.tf", files.get("examples/fixture/variables.tf")!)).variable;
    expect(vars.ids[0].default).toEqual([]);
    const main = await parse("main.tf", files.get("examples/fixture/main.tf")!);
    expect(main.resource.aws_security_group.this[0].ingress).toEqual([]);
  });

  test("jsonencode with references inside stays an expression", async () => {
    const main = await parse("main.tf", files.get("examples/fixture/main.tf")!);
    expect(main.locals[0].policy).toMatch(/^\$\{jsonencode\(\{.*Resource = aws_security_group\.this\.arn.*\}\)\}$/);
    expect(files.get("examples/fixture/main.tf")).toContain("policy = jsonencode(");
  });

  test("no interpolation-only strings: references print bare", () => {
    expect(files.get("examples/fixture/main.tf")).toMatch(/\n {2}name +(=) var\.prefix\n/);
    expect(files.get("examples/fixture/main.tf")).not.toMatch(/"\$\{var\.prefix\}"/);
  });

  test("blocks and attributes follow the provider bindings, not the JSON shape", async () => {
    const main = await parse("main.tf", files.get("examples/fixture/main.tf")!);
    const endpoint = main.resource.aws_vpc_endpoint.this[0];
    expect(endpoint.dns_options).toEqual([{ dns_record_ip_type: "ipv4" }]); // a block
    expect(endpoint.tags).toEqual({ Name: "logs" }); // a map attribute of the same JSON shape
    expect(files.get("examples/fixture/main.tf")).toMatch(/\n {2}dns_options \{\n/);
  });

  test("template strings keep a literal ${ or %{ and quotes escaped", async () => {
    const main = await parse("main.tf", files.get("examples/fixture/main.tf")!);
    expect(main.locals[0].literal).toEqual({ template: "arn:${var.prefix}:x", dollar: "$${not.interpolated}", percent: "100%%{ not a directive }", quote: 'say "hi"' });
    expect(files.get("examples/fixture/main.tf")).toContain('dollar   = "$${not.interpolated}"');
    expect(files.get("examples/fixture/main.tf")).toContain('percent  = "100%%{ not a directive }"');
  });

  test("the HCL means what cdktf synthesized", async () => {
    const tfFiles = [...files].filter(([f]) => f.endsWith(".tf"));
    expect(await roundTripDifferences(unit, tfFiles)).toEqual([]);
  });
});

describe("template scanner and formatter", () => {
  test("a whole interpolation is an expression; a mixed string is not", () => {
    expect(wholeExpression("${var.x}")).toBe("var.x");
    expect(wholeExpression('${lookup(m, "}")}')).toBe('lookup(m, "}")');
    expect(wholeExpression("${a}-${b}")).toBeUndefined();
    expect(parseTemplate("x$${y}")).toEqual([{ kind: "literal", text: "x${y}" }]);
  });

  test("quote escapes only the literal parts", () => {
    expect(quote('a"b${var.x == "y"}')).toBe('"a\\"b${var.x == "y"}"');
    // Terraform's JSON writes a literal "%{" as "%%{"; HCL needs the same escape, or it reads a directive.
    expect(quote("100%%{x} and $${y}\\n\t")).toBe('"100%%{x} and $${y}\\\\n\\t"');
  });

  test("short scalar lists stay inline; objects break lines", () => {
    expect(renderValue(["a", "b"])).toBe('["a", "b"]');
    expect(renderValue({ a: 1, "b:c": [] })).toBe('{\na = 1\n"b:c" = []\n}');
  });

  test("alignment follows terraform fmt: consecutive single-line assignments only", () => {
    expect(formatHcl('x {\na = 1\nlong_name = 2\nm = {\nk = 1\n}\n}')).toBe(
      "x {\n  a         = 1\n  long_name = 2\n  m = {\n    k = 1\n  }\n}",
    );
  });
});
