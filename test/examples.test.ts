// Every example, planned for real with the pinned hashicorp/aws provider (tools/terraform.ts), and
// the committed plan snapshots (evidence/plans/) compared with those plans. A plan also validates
// the example and every module it calls.
import * as fs from "node:fs";
import * as path from "node:path";
import { exampleNames, generated, ROOT } from "../tools/generated";
import { checkInputs } from "../tools/input-checks";
import { committedSnapshots, PLANS_DIR, planSnapshots, PlanSnapshot, readSnapshot } from "../tools/plan-snapshots";
import { ENVIRONMENT_ARN } from "../tools/simulate";
import { simulateWithBoundary } from "../tools/simulate-scp";
import { AWS_PROVIDER_VERSION } from "../tools/terraform";
import { withProvider } from "./support/provider";

let fresh: Map<string, string> | undefined;
const snapshot = (example: string): PlanSnapshot => readSnapshot(fresh!.get(path.join(PLANS_DIR, `${example}.json`))!);
const creates = (s: PlanSnapshot) => s.resource_changes.filter((r) => r.actions.includes("create")).map((r) => r.address);

beforeAll(async () => {
  fresh = await withProvider("terraform plan of every example", () => planSnapshots(generated().files, exampleNames()));
});

describe("examples under real Terraform and hashicorp/aws", () => {
  test("every example plans, and the committed snapshots are those plans", () => {
    if (!fresh) return;
    const expected = exampleNames().flatMap((e) => [`${e}.json`, `${e}.md`].map((f) => path.join(PLANS_DIR, f)));
    expect([...fresh.keys()].sort()).toEqual(expected.sort());
    const stale = [...fresh].filter(([rel, content]) => !fs.existsSync(path.join(ROOT, rel)) || fs.readFileSync(path.join(ROOT, rel), "utf8") !== content).map(([rel]) => rel);
    const extra = committedSnapshots(ROOT).filter((rel) => !fresh!.has(rel));
    if (stale.length || extra.length) {
      throw new Error(`plan snapshots differ (review the change, then run \`npm run snapshots\` and commit, saying why):\n  ${[...stale, ...extra].join("\n  ")}`);
    }
  });

  test(`examples that use AWS were planned with hashicorp/aws ${AWS_PROVIDER_VERSION}, and the header says so`, () => {
    if (!fresh) return;
    for (const e of exampleNames()) {
      const s = snapshot(e);
      const usesAws = fs.readFileSync(path.join(ROOT, "examples", e, "versions.tf"), "utf8").includes('"hashicorp/aws"');
      expect(`${e}: ${s.provider}`).toBe(`${e}: ${usesAws ? `hashicorp/aws ${AWS_PROVIDER_VERSION}` : null}`);
      if (usesAws) expect(fresh.get(path.join(PLANS_DIR, `${e}.md`))).toContain(`**hashicorp/aws ${AWS_PROVIDER_VERSION}**`);
      expect(JSON.stringify(s)).not.toMatch(/"(timestamp|terraform_version|format_version)"|\/tmp\//);
    }
  });

  test("the SCP example's plan carries the guardrail's deny statements", () => {
    if (!fresh) return;
    const scp = JSON.parse(snapshot("scp-guardrail").output_changes.scp_json.after as string);
    expect(scp.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(["DenyCredentialForwarding", "DenyFileDownload", "DenyFileUpload", "DenyCloudShellPublicEnvironments"]);
    expect(creates(snapshot("scp-guardrail"))).toEqual([]);
  });

  test("the multi-region example: a network in each Region, one policy, one guardrail for those Regions", () => {
    if (!fresh) return;
    const s = snapshot("multi-region");
    const zones = (m: string) => s.resource_changes.filter((r) => r.address.startsWith(`module.${m}.aws_subnet.`)).map((r) => r.after!.availability_zone);
    expect(zones("us_east_1")).toEqual(["us-east-1a", "us-east-1b"]);
    expect(zones("eu_west_1")).toEqual(["eu-west-1a", "eu-west-1b"]);
    expect(creates(s).filter((a) => !/^module\.(us_east_1|eu_west_1)\./.test(a))).toEqual([
      "module.cloudshell_policy.aws_iam_policy.this[0]",
      'module.cloudshell_policy.aws_iam_role_policy_attachment.roles["developer"]',
      "module.guardrail.aws_organizations_policy.this[0]",
      'module.guardrail.aws_organizations_policy_attachment.targets["r-ab12"]',
    ]);
    const scp = JSON.parse(s.output_changes.guardrail_scp.after as string);
    const regions = scp.Statement.find((x: { Sid: string }) => x.Sid === "DenyCloudShellOutsideAllowedRegions");
    expect(regions.Condition.StringNotEquals["aws:RequestedRegion"]).toEqual(["eu-west-1", "us-east-1"]);
  });

  test("the IAM policy example creates the policy and one attachment keyed by role name", () => {
    if (!fresh) return;
    const s = snapshot("iam-policy");
    expect(creates(s)).toEqual(['module.cloudshell_policy.aws_iam_policy.this[0]', 'module.cloudshell_policy.aws_iam_role_policy_attachment.roles["developer"]']);
    const policy = s.resource_changes.find((r) => r.address.endsWith("aws_iam_policy.this[0]"))!;
    expect(policy.after).toMatchObject({ name: "cloudshell-no-credentials", path: "/" });
    const statements = JSON.parse(policy.after!.policy as string).Statement.map((x: { Sid: string }) => x.Sid);
    expect(statements).toEqual(["AllowCloudShell", "DenyCredentialForwarding"]);
  });

  test("the network examples create a VPC (or not), subnets keyed by zone, and state their monthly cost", () => {
    if (!fresh) return;
    const isolated = creates(snapshot("isolated"));
    expect(isolated).toContain("module.network.aws_vpc.this[0]");
    expect(isolated).toContain('module.network.aws_subnet.private["us-east-1a"]');
    expect(isolated.filter((a) => a.includes("aws_nat_gateway"))).toEqual([]);
    expect(creates(snapshot("with-nat")).filter((a) => a.includes("aws_nat_gateway"))).toEqual(['module.network.aws_nat_gateway.this["us-east-1a"]']);
    expect(creates(snapshot("existing-vpc")).filter((a) => a.includes("aws_vpc.this"))).toEqual([]);
    for (const e of ["isolated", "with-nat", "existing-vpc"]) {
      const cost = snapshot(e).output_changes.cost.after as { monthly_usd: { total: number } };
      expect(`${e}: ${typeof cost.monthly_usd.total}`).toBe(`${e}: number`);
    }
  });

  test("the organization guardrail example creates two SCPs, each attached by target ID", () => {
    if (!fresh) return;
    const s = snapshot("organization-guardrail");
    expect(creates(s)).toEqual([
      "module.organization.aws_organizations_policy.this[0]",
      'module.organization.aws_organizations_policy_attachment.targets["r-ab12"]',
      "module.sandboxes.aws_organizations_policy.this[0]",
      'module.sandboxes.aws_organizations_policy_attachment.targets["ou-ab12-sandbox1a"]',
      'module.sandboxes.aws_organizations_policy_attachment.targets["ou-ab12-sandbox2b"]',
    ]);
    const policy = (m: string) => s.resource_changes.find((r) => r.address === `module.${m}.aws_organizations_policy.this[0]`)!.after!;
    const sids = (m: string) => JSON.parse(policy(m).content as string).Statement.map((x: { Sid: string }) => x.Sid);
    expect(policy("organization").type).toBe("SERVICE_CONTROL_POLICY");
    // With exemptions, the statements that protect them (an ARN pattern and a tag; an ARN pattern alone).
    expect(sids("organization")).toEqual([
      "DenyCredentialForwarding",
      "DenyCloudShellPublicEnvironments",
      "DenyAttachingAWSCloudShellFullAccess",
      "DenyChangingExemptPrincipals",
      "DenyChangingTaggedExemptPrincipals",
      "DenySettingExemptTags",
    ]);
    expect(sids("sandboxes")).toEqual(["DenyCloudShell", "DenyChangingExemptPrincipals"]);
    expect(s.output_changes.organization_scp_size.after).toBe((policy("organization").content as string).length);
  });

  test("the permission set's inline policy is the no-credentials preset with Restart", () => {
    if (!fresh) return;
    const s = snapshot("permission-set");
    expect(creates(s)).toEqual(["aws_ssoadmin_permission_set.cloudshell", "aws_ssoadmin_permission_set_inline_policy.cloudshell"]);
    const set = s.resource_changes.find((r) => r.address === "aws_ssoadmin_permission_set.cloudshell")!.after!;
    expect(set).toMatchObject({ name: "CloudShellUser", instance_arn: "arn:aws:sso:::instance/ssoins-0123456789abcdef", session_duration: "PT4H" });
    const inline = JSON.parse(s.resource_changes.find((r) => r.address.endsWith("inline_policy.cloudshell"))!.after!.inline_policy as string);
    expect(inline.Statement.map((x: { Sid: string }) => x.Sid)).toEqual(["AllowCloudShell", "DenyCredentialForwarding"]);
    expect(inline.Statement[0].Action).toContain("cloudshell:StopEnvironment");
  });

  test("the permissions boundary limits the role: CloudShell yes, its credentials and anything else no", async () => {
    if (!fresh) return;
    const s = snapshot("permissions-boundary");
    const policyOf = (m: string) => JSON.parse(s.resource_changes.find((r) => r.address === `module.${m}.aws_iam_policy.this[0]`)!.after!.policy as string);
    const role = s.resource_changes.find((r) => r.address === "aws_iam_role.operator")!;
    expect(role.after_unknown.permissions_boundary).toBe(true); // the boundary policy's ARN, known after apply
    const [grant, boundary] = [policyOf("grant"), policyOf("boundary")];
    const results: Record<string, string> = {};
    for (const [action, resource] of [
      ["cloudshell:CreateEnvironment", "*"],
      ["cloudshell:CreateSession", ENVIRONMENT_ARN],
      ["cloudshell:PutCredentials", ENVIRONMENT_ARN],
      ["s3:ListAllMyBuckets", "*"],
    ]) {
      results[action] = await simulateWithBoundary(grant, boundary, { action, resource });
    }
    expect(results).toEqual({
      "cloudshell:CreateEnvironment": "Allowed",
      "cloudshell:CreateSession": "Allowed",
      "cloudshell:PutCredentials": "ExplicitlyDenied",
      "s3:ListAllMyBuckets": "ImplicitlyDenied",
    });
    // The grant alone would allow PutCredentials: the boundary takes it away.
    expect(await simulateWithBoundary(grant, grant, { action: "cloudshell:PutCredentials", resource: ENVIRONMENT_ARN })).toBe("Allowed");
  });
});

describe("examples/permission-set: the instance ARN is checked at plan time", () => {
  test("a malformed instance ARN is rejected with a message naming the accepted form; a real one is accepted", async () => {
    const results = await checkInputs(generated().files.get("examples/permission-set/variables.tf")!, [
      { name: "good", variables: { sso_instance_arn: "arn:aws-us-gov:sso:::instance/ssoins-abcdef0123456789" } },
      { name: "an instance ID", variables: { sso_instance_arn: "ssoins-0123456789abcdef" } },
      { name: "a permission set ARN", variables: { sso_instance_arn: "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef" } },
    ]);
    expect(results.map((r) => [r.name, r.accepted])).toEqual([["good", true], ["an instance ID", false], ["a permission set ARN", false]]);
    for (const r of results.filter((x) => !x.accepted)) expect(r.messages.join(" ")).toContain("sso_instance_arn must be an IAM Identity Center instance ARN");
  });
});
