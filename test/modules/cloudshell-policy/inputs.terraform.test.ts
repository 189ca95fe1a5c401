// The document's deny_json makes an SCP of Deny statements only. The policy modules' bad inputs and
// their messages are rows of "Mistakes we catch" (test/modules/mistakes.terraform.test.ts); their
// shipped terraform test files run in test/modules/shipped-tests.terraform.test.ts.
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "../../../tools/generated";
import { mustTerraform, tempDir } from "../../../src/evidence/terraform";

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
