// Each directory's version floors, computed (src/generator/versions.ts): what its definition declares,
// the newest provider feature it uses, and the floors of every module it calls, with the reasons.
import { Definition } from "../../src/generator/definition";
import { compareVersions, requirementsOf, versionsFile } from "../../src/generator/versions";
import { renderFile, Value } from "../../src/hcl/writer";

type Json = Record<string, Value>;
const aws = (version: string) => ({ name: "aws", source: "hashicorp/aws", version, reason: "Tested." });
const definition = (name: string, kind: Definition["kind"], providers = [aws(">= 5.0")], terraform = ">= 1.5"): Definition => ({
  name,
  kind,
  source: `src/${kind}s/${name}`,
  title: name,
  requirements: { terraform, terraformReason: "The oldest tested.", providers },
  build: () => undefined,
});
const call = (module: string): Json => ({ source: `../../modules/${module}` });

/** A module that sets aws_cloudwatch_event_rule's state (5.27.0), and one with a validation across inputs. */
const RULES: Json = { resource: { aws_cloudwatch_event_rule: { this: { state: "ENABLED" } } } };
const CROSS: Json = { variable: { allow: { type: "bool", validation: [{ condition: "${var.allow == null || var.preset != \"full\"}", error_message: "m" }] }, preset: { type: "string" } } };

describe("floors computed from use", () => {
  test("a provider feature raises the module's hashicorp/aws floor, and the reason names it", () => {
    const req = requirementsOf([{ definition: definition("rules", "module"), json: RULES }]).get("modules/rules")!;
    expect(req.providers[0].version).toBe(">= 5.27");
    expect(req.providers[0].reason).toBe("uses aws_cloudwatch_event_rule's state argument (5.27.0). The floor is 5.27, the newest of these. Tested.");
    expect(req.terraform).toBe(">= 1.5");
  });

  test("control: the same resource without the argument keeps the declared floor", () => {
    const req = requirementsOf([{ definition: definition("rules", "module"), json: { resource: { aws_cloudwatch_event_rule: { this: {} } } } }]).get("modules/rules")!;
    expect(req.providers[0].version).toBe(">= 5.0");
  });

  test("a caller gets the floors of the modules it calls, through a module that calls another, and says which", () => {
    const req = requirementsOf([
      { definition: definition("rules", "module", [aws(">= 5.0")], ">= 1.9"), json: { ...RULES, ...CROSS } },
      { definition: definition("middle", "module"), json: { module: { rules: call("rules") } } },
      { definition: definition("example", "example"), json: { module: { middle: call("middle") } } },
    ]);
    const example = req.get("examples/example")!;
    expect([example.terraform, example.providers[0].version]).toEqual([">= 1.9", ">= 5.27"]);
    expect(example.providers[0].reason).toBe("uses aws_cloudwatch_event_rule's state argument (5.27.0) (through middle, which it calls). The floor is 5.27, the newest of these. Tested.");
    expect(example.terraformReason).toBe("middle, which it calls, has validation conditions that refer to other input variables, new in Terraform 1.9. middle, which it calls, requires Terraform 1.9.");
    expect(req.get("modules/rules")!.terraformReason).toBe("validation conditions here refer to other input variables (allow checks preset); that is new in Terraform 1.9.");
  });

  test("a module's declared floor reaches its callers, which name it", () => {
    const req = requirementsOf([
      { definition: definition("newer", "module", [aws(">= 5.50")]), json: {} },
      { definition: definition("example", "example"), json: { module: { newer: call("newer") } } },
    ]);
    expect(req.get("examples/example")!.providers[0]).toMatchObject({ version: ">= 5.50", reason: "The floor is 5.50 because newer, which it calls, requires it. Tested." });
  });

  test("a caller that declares no hashicorp/aws but calls a module that needs it, and a floor that is not \">= X.Y\", stop the generator", () => {
    expect(() => requirementsOf([{ definition: definition("rules", "module"), json: RULES }, { definition: definition("bare", "example", []), json: { module: { rules: call("rules") } } }])).toThrow(
      "bare: calls rules, which need hashicorp/aws, but declares no hashicorp/aws requirement",
    );
    expect(() => requirementsOf([{ definition: definition("pinned", "module", [aws("~> 5.0")]), json: {} }])).toThrow('pinned: declares "~> 5.0"; a floor is written ">= X.Y"');
  });
});

describe("versions.tf", () => {
  test("each floor with its reason as a comment above it", () => {
    const text = renderFile(versionsFile({ terraform: ">= 1.9", terraformReason: "Why Terraform.", providers: [aws(">= 5.27")] }));
    expect(text).toBe(
      [
        "terraform {",
        "  # >= 1.9: Why Terraform.",
        '  required_version = ">= 1.9"',
        "",
        "  required_providers {",
        "    # >= 5.27: Tested.",
        "    aws = {",
        '      source  = "hashicorp/aws"',
        '      version = ">= 5.27"',
        "    }",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  test("versions compare as numbers, a missing part as 0", () => {
    expect(["5.100.0", "5.27", "5.9.1", "4.56.0"].sort(compareVersions)).toEqual(["4.56.0", "5.9.1", "5.27", "5.100.0"]);
    expect(compareVersions("5.0", "5.0.0")).toBe(0);
  });
});
