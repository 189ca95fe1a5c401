// Real Terraform on the policy modules' inputs: each bad input gets the message that names the
// mistake (one `terraform test` process per module, no provider needed), and the document's
// deny_json makes an SCP of Deny statements only. Their shipped terraform test files run in
// test/modules/shipped-tests.terraform.test.ts.
import * as fs from "node:fs";
import * as path from "node:path";
import { generated, ROOT } from "../../../tools/generated";
import { checkInputs, InputCase } from "../../../tools/input-checks";
import { mustTerraform, tempDir } from "../../../tools/terraform";

const variablesOf = (module: string) => generated().files.get(`modules/${module}/variables.tf`)!;

/** Each case's message, or "accepted". */
async function outcomes(module: string, cases: [string, Record<string, unknown>][]): Promise<Record<string, string>> {
  const results = await checkInputs(variablesOf(module), cases.map(([name, variables]) => ({ name, variables }) as InputCase));
  return Object.fromEntries(results.map((r) => [r.name, r.accepted ? "accepted" : r.messages.join(" | ")]));
}

describe("cloudshell-policy-document: bad inputs are rejected with a clear message", () => {
  const CASES: [string, Record<string, unknown>, string][] = [
    ["unknown preset", { preset: "admin" }, "preset must be one of full, minimum, no-credentials, no-file-transfer, deny-all."],
    ["override with deny-all", { preset: "deny-all", allow_file_upload: true }, 'allow_file_upload cannot be combined with preset "deny-all"'],
    ["malformed VPC ID", { vpc_environments: { vpc_ids: ["vpc-12"] } }, 'vpc_environments.vpc_ids must hold VPC IDs such as "vpc-0123456789abcdef0"'],
    ["malformed subnet ID", { vpc_environments: { subnet_ids: ["subnet-xyz"] } }, "vpc_environments.subnet_ids must hold subnet IDs"],
    ["malformed security group ID", { vpc_environments: { security_group_ids: ["sg-1"] } }, "vpc_environments.security_group_ids must hold security group IDs"],
    ["a misspelled key", { vpc_environments: { require_vpcs: true } }, "vpc_environments accepts only the keys grant_ec2_permissions, allow_eni_cleanup, vpc_ids, subnet_ids, security_group_ids, require_vpc; unknown: require_vpcs."],
    ["two misspelled keys", { vpc_environments: { grant_ec2_permission: true, vpcs: [] } }, "; unknown: grant_ec2_permission, vpcs."],
    ["a list, not an object", { vpc_environments: ["vpc-0123456789abcdef0"] }, "vpc_environments accepts only the keys grant_ec2_permissions, allow_eni_cleanup, vpc_ids, subnet_ids, security_group_ids, require_vpc, and must be an object."],
    ["a string for a list", { vpc_environments: { vpc_ids: "vpc-0123456789abcdef0" } }, "vpc_environments.vpc_ids must be a list of strings."],
    ["a word for a bool", { vpc_environments: { grant_ec2_permissions: "yes" } }, "vpc_environments.grant_ec2_permissions must be true or false."],
    ["null for a bool with a default", { vpc_environments: { allow_eni_cleanup: null } }, "vpc_environments.allow_eni_cleanup must be true or false."],
    ["require_vpc = false with IDs", { vpc_environments: { require_vpc: false, subnet_ids: ["subnet-01234567"] } }, "require_vpc = false cannot be combined with"],
    ["unknown partition", { partition: "aws-moon" }, "partition must be one of aws, aws-us-gov: the partitions with CloudShell"],
    ["a malformed Region", { allowed_regions: ["us-east"] }, 'allowed_regions must hold Region names such as "us-east-1"'],
    ["a China Region", { allowed_regions: ["cn-north-1"] }, "(CloudShell has no China Regions)"],
    ["Regions with deny-all", { preset: "deny-all", allowed_regions: ["us-east-1"] }, 'allowed_regions cannot be combined with preset "deny-all"'],
    ["the China partition", { partition: "aws-cn" }, "partition must be one of aws, aws-us-gov: the partitions with CloudShell (it has no China Regions)."],
  ];
  let got: Record<string, string>;
  beforeAll(async () => {
    got = await outcomes("cloudshell-policy-document", [
      ["defaults", {}],
      ["seven groups", { vpc_environments: { security_group_ids: [1, 2, 3, 4, 5, 6, 7].map((i) => `sg-0000000${i}`) } }],
      ["require_vpc null", { vpc_environments: { require_vpc: null, vpc_ids: ["vpc-01234567"] } }],
      ...CASES.map(([n, v]) => [n, v] as [string, Record<string, unknown>])]);
  });

  test("the defaults are accepted", () => expect(got.defaults).toBe("accepted"));
  test("an allow-list of seven security groups is accepted (one environment takes five)", () => expect(got["seven groups"]).toBe("accepted"));
  test("require_vpc = null is accepted (its default is null)", () => expect(got["require_vpc null"]).toBe("accepted"));
  test.each(CASES)("rejects %s", (name, _vars, message) => expect(got[name]).toContain(message));
});

describe("cloudshell-policy: bad inputs are rejected with a clear message", () => {
  const CASES: [string, Record<string, unknown>, string][] = [
    ["a name with a space", { name: "a b" }, "name must be 1-128 characters"],
    ["name and name_prefix", { name: "x", name_prefix: "y" }, "Set name or name_prefix, not both."],
    ["a path without slashes", { path: "cloudshell" }, 'path must begin and end with "/"'],
    ["a role ARN", { role_names: ["arn:aws:iam::123456789012:role/dev"] }, "role_names must hold names of IAM roles, not ARNs"],
    ["an empty role name", { role_names: [""] }, "role_names must hold names of IAM roles of 1-128 characters"],
    ["a misspelled vpc_environments key", { vpc_environments: { require_vpcs: true } }, "vpc_environments accepts only the keys"],
    ["an empty name", { name: "" }, "name must be 1-128 characters"],
    ["an empty name_prefix", { name_prefix: "" }, "name_prefix must be 1-102 characters"],
    ["a reserved tag key", { tags: { "aws:owner": "x" } }, 'do not start with "aws:"'],
    ["a description over 1,000 characters", { description: "x".repeat(1001) }, "description must be at most 1,000 characters"],
  ];
  let got: Record<string, string>;
  beforeAll(async () => {
    got = await outcomes("cloudshell-policy", [["a name and role names", { name: "cloudshell-dev", role_names: ["developer", "ops"] }], ...CASES.map(([n, v]) => [n, v] as [string, Record<string, unknown>])]);
  });

  test("a name and role names are accepted", () => expect(got["a name and role names"]).toBe("accepted"));
  test.each(CASES)("rejects %s", (name, _vars, message) => expect(got[name]).toContain(message));
});

describe("cloudshell-policy-document: deny_json", () => {
  test("an SCP from deny_json holds only Deny statements", () => {
    const dir = tempDir("doc-scp-");
    fs.writeFileSync(
      path.join(dir, "main.tf"),
      `module "doc" {\n  source = "${path.join(ROOT, "modules", "cloudshell-policy-document")}"\n  preset = "no-credentials"\n  vpc_environments = { require_vpc = true, grant_ec2_permissions = true }\n}\noutput "deny" { value = module.doc.deny_json }\n`,
    );
    mustTerraform(dir, ["init", "-input=false", "-no-color"]);
    mustTerraform(dir, ["apply", "-auto-approve", "-input=false", "-no-color"]);
    const deny = JSON.parse(JSON.parse(mustTerraform(dir, ["output", "-json", "deny"])));
    expect(deny.Statement.map((s: { Effect: string }) => s.Effect)).toEqual(["Deny", "Deny"]);
    expect(deny.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(["DenyCredentialForwarding", "DenyCloudShellPublicEnvironments"]);
  });
});
