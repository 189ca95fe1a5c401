// Real Terraform on the policy modules. The document module needs no provider, so its own
// `terraform test` files run here in full; cloudshell-policy needs hashicorp/aws, so only its
// variable validations run (variables.tf alone), and planning its resources is skipped.
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "./support/generated";
import { copyDir, mustTerraform, planOutcome, tempDir, terraform } from "./support/terraform";

const DOCUMENT = path.join(ROOT, "modules", "cloudshell-policy-document");

/** Plans a root module that calls the document module with the given HCL arguments. */
function planDocument(args: string): { status: number; output: string } {
  const dir = tempDir("doc-call-");
  fs.writeFileSync(path.join(dir, "main.tf"), `module "doc" {\n  source = "${DOCUMENT}"\n${args}\n}\n`);
  return planOutcome(dir);
}

describe("cloudshell-policy-document under real Terraform", () => {
  test("its terraform test files pass: every preset, override, VPC case and bad input", () => {
    const dir = copyDir(DOCUMENT, path.join(tempDir("doc-test-"), "module"));
    mustTerraform(dir, ["init", "-input=false", "-no-color"]);
    const r = terraform(dir, ["test", "-no-color"]);
    const summary = /(\d+) passed, (\d+) failed/.exec(r.stdout);
    if (r.status !== 0 || !summary) throw new Error(r.stdout + r.stderr);
    expect(Number(summary[2])).toBe(0);
    expect(Number(summary[1])).toBeGreaterThanOrEqual(24);
    const runs = fs.readdirSync(path.join(dir, "tests")).flatMap((f) => fs.readFileSync(path.join(dir, "tests", f), "utf8").match(/^run "/gm) ?? []);
    expect(Number(summary[1])).toBe(runs.length);
  });

  test.each([
    ['preset = "admin"', "preset must be one of full, minimum, no-credentials, no-file-transfer, deny-all."],
    ['preset = "deny-all"\n  allow_file_upload = true', 'allow_file_upload cannot be combined with preset "deny-all"'],
    ['vpc_environments = { vpc_ids = ["vpc-12"] }', 'vpc_environments.vpc_ids must hold VPC IDs such as "vpc-0123456789abcdef0"'],
    ['vpc_environments = { subnet_ids = ["subnet-xyz"] }', "vpc_environments.subnet_ids must hold subnet IDs"],
    ['vpc_environments = { security_group_ids = ["sg-1"] }', "vpc_environments.security_group_ids must hold security group IDs"],
    [
      `vpc_environments = { security_group_ids = [${[1, 2, 3, 4, 5, 6].map((i) => `"sg-0000000${i}"`).join(", ")}] }`,
      "can hold at most 5 security groups",
    ],
    ['vpc_environments = { require_vpc = false, subnet_ids = ["subnet-01234567"] }', "require_vpc = false cannot be combined with"],
    ['partition = "aws-moon"', "partition must be one of aws, aws-cn, aws-us-gov"],
  ])("rejects %s with a clear message", (args, message) => {
    const r = planDocument(`  ${args}`);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(message);
  });

  test("an SCP from deny_json holds only Deny statements", () => {
    const dir = tempDir("doc-scp-");
    fs.writeFileSync(
      path.join(dir, "main.tf"),
      `module "doc" {\n  source = "${DOCUMENT}"\n  preset = "no-credentials"\n  vpc_environments = { require_vpc = true, grant_ec2_permissions = true }\n}\noutput "deny" { value = module.doc.deny_json }\n`,
    );
    mustTerraform(dir, ["init", "-input=false", "-no-color"]);
    mustTerraform(dir, ["apply", "-auto-approve", "-input=false", "-no-color"]);
    const deny = JSON.parse(JSON.parse(mustTerraform(dir, ["output", "-json", "deny"])));
    expect(deny.Statement.map((s: { Effect: string }) => s.Effect)).toEqual(["Deny", "Deny"]);
    expect(deny.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(["DenyCredentialForwarding", "DenyCloudShellPublicEnvironments"]);
  });
});

describe("cloudshell-policy under real Terraform (variables only)", () => {
  // Planning aws_iam_policy needs the hashicorp/aws provider, which cannot be downloaded here:
  // that part is SKIPPED; its input validation needs no provider and runs for real.
  const validate = (vars: string) => {
    const dir = tempDir("policy-vars-");
    fs.copyFileSync(path.join(ROOT, "modules", "cloudshell-policy", "variables.tf"), path.join(dir, "variables.tf"));
    fs.writeFileSync(path.join(dir, "terraform.tfvars"), vars);
    return planOutcome(dir);
  };

  test("accepts a name and role names", () => {
    expect(validate('name = "cloudshell-dev"\nrole_names = ["developer", "ops"]\n').status).toBe(0);
  });

  test.each([
    ['name = "a b"', "name must be 1-128 characters"],
    ['name = "x"\nname_prefix = "y"', "Set name or name_prefix, not both."],
    ['path = "cloudshell"', 'path must begin and end with "/"'],
    ['role_names = ["arn:aws:iam::123456789012:role/dev"]', "role_names must hold names of IAM roles"],
  ])("rejects %s", (vars, message) => {
    const r = validate(vars + "\n");
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(message);
  });
});
