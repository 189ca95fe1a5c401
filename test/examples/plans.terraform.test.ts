// Every example, planned for real with the pinned hashicorp/aws provider (src/evidence/terraform.ts), and
// the committed plan snapshots (evidence/plans/) compared with those plans. A plan also validates
// the example and every module it calls.
import { GUARDRAIL_STATEMENTS, RCP_STATEMENT } from "../../src/facts/organizations";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { directories, exampleNames, generated, ROOT } from "../../tools/generated";
import { checkInputs } from "../../tools/input-checks";
import { committedSnapshots, PLANS_DIR, planSnapshotsWith, PlanSnapshot, readSnapshot } from "../../tools/plan-snapshots";
import { ENVIRONMENT_ARN } from "../../src/evidence/simulate";
import { simulateWithBoundary } from "../../src/evidence/simulate-scp";
import { AWS_PROVIDER_VERSION, tempDir } from "../../src/evidence/terraform";
import { wrapperCallName, wrapperCalls } from "../../tools/wrapper-calls";
import { WRAPPER_EXAMPLES } from "../../src/modules/wrapper-examples";
import { RULES, rulesOn } from "../../src/modules/cloudshell-monitoring/rules";
import { CALLS as MONITORING_CALLS } from "../../src/examples/monitoring/definition";
import { staleEntry } from "../support/drift";
import { describeWithProvider } from "../support/provider";
import { describeReviewOfRealPlans } from "../review/real-plans";
import { priorState, REVIEW_ROOTS, rootFiles } from "../review/roots";

let fresh: Map<string, string>;
/** The directories the plan's init loaded. */
let loaded: string[];
/** What the plan warned about. */
let warnings: string[];
/** What the plan printed (terraform plan -no-color). */
let planLog: string;
/** The wrappers' test calls, planned in the same plan as the examples, by module name. */
let wrappers: Map<string, PlanSnapshot>;
/** The whole plan, `terraform show -json`: the review's roots are planned in it too (test/review/roots.ts). */
let raw: Record<string, unknown>;
const snapshot = (example: string): PlanSnapshot => readSnapshot(fresh.get(path.join(PLANS_DIR, `${example}.json`))!);
const creates = (s: PlanSnapshot) => s.resource_changes.filter((r) => r.actions.includes("create")).map((r) => r.address);

/** One plan of every example, every wrapper's two items and the review's roots. */
async function planAll(): Promise<void> {
  const files = generated().files;
  const withRoots = new Map([...files, ...rootFiles(files)]);
  const result = await planSnapshotsWith(withRoots, exampleNames(), wrapperCalls(files), { roots: REVIEW_ROOTS, priorState: priorState() });
  fresh = result.files;
  raw = result.plan;
  loaded = result.modules;
  warnings = result.warnings;
  planLog = result.log;
  wrappers = new Map([...result.extra].map(([name, s]) => [name.replace(/^wrapper_/, "").replace(/_/g, "-"), s]));
}

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

const MODULE_NAMES = directories("modules").map((d) => d.slice("modules/".length));

test("every module has a wrapper, and two test items for it", () => {
  expect(directories("wrappers").map((d) => d.slice("wrappers/".length))).toEqual(MODULE_NAMES);
  const missing = MODULE_NAMES.filter((m) => !WRAPPER_EXAMPLES[m]);
  if (missing.length) throw new Error(`no test items for the wrappers of ${missing.join(", ")}: add two to src/modules/wrapper-examples.ts`);
  for (const m of MODULE_NAMES) {
    expect(`${m}: ${Object.keys(WRAPPER_EXAMPLES[m].items).length}`).toBe(`${m}: 2`);
    expect(wrapperCallName(m)).toMatch(/^wrapper_[a-z0-9_]+$/);
  }
});

describeWithProvider("one plan of every example, every wrapper's items and the review's roots", () => {
  beforeAll(planAll);

  describe("examples under real Terraform and hashicorp/aws", () => {
    test("every example plans, and the committed snapshots are those plans", () => {
      const expected = exampleNames().flatMap((e) => [`${e}.json`, `${e}.md`].map((f) => path.join(PLANS_DIR, f)));
      expect([...fresh.keys()].sort()).toEqual(expected.sort());
      const committed = (rel: string) => (fs.existsSync(path.join(ROOT, rel)) ? fs.readFileSync(path.join(ROOT, rel), "utf8") : undefined);
      const stale = [...fresh.keys(), ...committedSnapshots(ROOT).filter((rel) => !fresh.has(rel))].filter((rel) => committed(rel) !== fresh.get(rel));
      const changes = stale.map((rel) => staleEntry(rel, committed(rel), fresh.get(rel), { judges: false }));
      expect(
        stale.length ? `plan snapshots differ from this plan (committed lines -, planned lines +). Review each change; if it is meant, run \`npm run snapshots\` and commit, saying why:\n${changes.join("\n")}` : undefined,
      ).toReportNothing();
    });

    test(`examples that use AWS were planned with hashicorp/aws ${AWS_PROVIDER_VERSION}, and the header says so`, () => {
      for (const e of exampleNames()) {
        const s = snapshot(e);
        const usesAws = fs.readFileSync(path.join(ROOT, "examples", e, "versions.tf"), "utf8").includes('"hashicorp/aws"');
        expect(`${e}: ${s.provider}`).toBe(`${e}: ${usesAws ? `hashicorp/aws ${AWS_PROVIDER_VERSION}` : null}`);
        if (usesAws) expect(fresh.get(path.join(PLANS_DIR, `${e}.md`))).toContain(`**hashicorp/aws ${AWS_PROVIDER_VERSION}**`);
        expect(JSON.stringify(s)).not.toMatch(/"(timestamp|terraform_version|format_version)"|\/tmp\//);
      }
    });

    // Module tests and consoles use the shared provider without an init of their own (src/evidence/terraform.ts,
    // prepare): this init is where every module's version constraints meet the pinned provider.
    test(`the plan's init loaded every module, so each module's constraints accept hashicorp/aws ${AWS_PROVIDER_VERSION}`, () => {
      const modules = directories("modules");
      expect(modules.filter((m) => !loaded.includes(m))).toEqual([]);
      expect(modules.length).toBeGreaterThan(0);
    });

    // With the real provider: no deprecated argument or attribute anywhere (6.x's deprecations are the
    // aws-provider-6 rule's, checked against the 6.25 bindings in the unit tier). The one warning a
    // plan may give is the network's documented check "prices", once per network the plan's own
    // check results say lacks a price (a Region without one, or flow logs and a DNS Firewall, whose
    // prices the module does not carry): examples/isolated and the eu-west-1 networks.
    test(`the plan of every example and wrapper warns about nothing with hashicorp/aws ${AWS_PROVIDER_VERSION} but missing prices`, () => {
      const PRICES = 'Check block assertion failed (check "prices")';
      expect(warnings.filter((w) => w !== PRICES)).toEqual([]);
      type CheckResult = { address: { kind: string; name: string }; instances?: { address: { module?: string }; status: string }[] };
      const failing = ((raw.checks ?? []) as CheckResult[])
        .filter((c) => c.address.kind === "check" && c.address.name === "prices")
        .flatMap((c) => (c.instances ?? []).filter((i) => i.status === "fail").map((i) => i.address.module ?? ""));
      expect(warnings.filter((w) => w === PRICES).length).toBe(failing.length);
      expect(failing.some((m) => m.startsWith("module.isolated."))).toBe(true);
      expect(failing.some((m) => m.includes("eu_west_1"))).toBe(true);
      // The control: a network in us-east-1 without flow logs or a DNS Firewall has every price.
      expect(failing.some((m) => m.startsWith("module.with_nat."))).toBe(false);
    });

    // The pull-request workflow's version matrix fails a plan that warns, but for check "prices":
    // its filter, run on this plan's own printout, passes it; the same printout with a deprecation
    // warning added (the control) fails, printing that warning and not the prices ones.
    test("the workflow's warning filter (.ci/plan-warnings) passes this plan's printout, and fails it with another warning added", () => {
      const dir = tempDir("plan-warnings-");
      const run = (log: string) => {
        fs.writeFileSync(path.join(dir, "plan.log"), log);
        return spawnSync("bash", [path.join(ROOT, ".ci", "plan-warnings"), path.join(dir, "plan.log")], { encoding: "utf8" });
      };
      expect(planLog).toContain('in check "prices"');
      const clean = run(planLog);
      expect([clean.status, clean.stdout]).toEqual([0, ""]);
      const deprecated = 'Warning: Argument is deprecated\n\n  with module.x.aws_s3_bucket.y,\n  on main.tf line 3, in resource "aws_s3_bucket" "y":\n\nUse another argument.\n';
      const warned = run(`${planLog}\n${deprecated}`);
      expect(warned.status).toBe(1);
      expect(warned.stdout).toContain("Warning: Argument is deprecated");
      expect(warned.stdout).not.toContain('check "prices"');
    });

    test("the SCP example's plan carries the guardrail's deny statements", () => {
      const scp = JSON.parse(snapshot("scp-guardrail").output_changes.scp_json.after as string);
      expect(scp.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(["DenyCredentialForwarding", "DenyFileDownload", "DenyFileUpload", "DenyCloudShellPublicEnvironments"]);
      expect(creates(snapshot("scp-guardrail"))).toEqual([]);
    });

    test("the multi-region example: a network and monitoring in each Region, one policy, one guardrail for those Regions", () => {
      const s = snapshot("multi-region");
      const zones = (m: string) => s.resource_changes.filter((r) => r.address.startsWith(`module.${m}.aws_subnet.`)).map((r) => r.after!.availability_zone);
      expect(zones("us_east_1")).toEqual(["us-east-1a", "us-east-1b"]);
      expect(zones("eu_west_1")).toEqual(["eu-west-1a", "eu-west-1b"]);
      expect(creates(s).filter((a) => !/^module\.(monitoring_)?(us_east_1|eu_west_1)\./.test(a))).toEqual([
        "module.cloudshell_policy.aws_iam_policy.this[0]",
        'module.cloudshell_policy.aws_iam_role_policy_attachment.roles["developer"]',
        "module.guardrail.aws_organizations_policy.this[0]",
        'module.guardrail.aws_organizations_policy_attachment.targets["r-ab12"]',
      ]);
      const scp = JSON.parse(s.output_changes.guardrail_scp.after as string);
      const regions = scp.Statement.find((x: { Sid: string }) => x.Sid === "DenyCloudShellOutsideAllowedRegions");
      expect(regions.Condition.StringNotEquals["aws:RequestedRegion"]).toEqual(["eu-west-1", "us-east-1"]);
    });

    test("the multi-region policy's IDs are unknown at plan, its largest size is known, and checked then (issue 23, item 1)", () => {
      const s = snapshot("multi-region");
      const policy = s.resource_changes.find((r) => r.address === "module.cloudshell_policy.aws_iam_policy.this[0]")!;
      expect(policy.after_unknown.policy).toBe(true); // the networks are created in the same apply
      expect(s.output_changes.policy_size.after_unknown).toBe(true);
      // What the plan-time check reads: a number, under a managed policy's 6,144.
      const max = s.output_changes.policy_max_size.after as number;
      expect(typeof max).toBe("number");
      expect(max).toBeLessThanOrEqual(6144);
      const placeholders = JSON.parse(s.output_changes.policy_json_with_placeholder_ids.after as string);
      const vpcs = placeholders.Statement.find((x: { Sid: string }) => x.Sid === "DenyCloudShellOutsideAllowedVpcs");
      expect(vpcs.Condition["ForAnyValue:StringNotEquals"]["cloudshell:VpcIds"]).toEqual(["vpc-unknown0000000000", "vpc-unknown0000000001"]);
    });

    test("the IAM policy example creates the policy and one attachment keyed by role name", () => {
      const s = snapshot("iam-policy");
      expect(creates(s)).toEqual(['module.cloudshell_policy.aws_iam_policy.this[0]', 'module.cloudshell_policy.aws_iam_role_policy_attachment.roles["developer"]']);
      const policy = s.resource_changes.find((r) => r.address.endsWith("aws_iam_policy.this[0]"))!;
      expect(policy.after).toMatchObject({ name: "cloudshell-no-credentials", path: "/" });
      const statements = JSON.parse(policy.after!.policy as string).Statement.map((x: { Sid: string }) => x.Sid);
      expect(statements).toEqual(["AllowCloudShell", "DenyCredentialForwarding"]);
    });

    test("the network examples create a VPC (or not), subnets keyed by zone, and state their monthly cost", () => {
      const isolated = creates(snapshot("isolated"));
      expect(isolated).toContain("module.network.aws_vpc.this[0]");
      expect(isolated).toContain('module.network.aws_subnet.private["us-east-1a"]');
      expect(isolated.filter((a) => a.includes("aws_nat_gateway"))).toEqual([]);
      expect(creates(snapshot("with-nat")).filter((a) => a.includes("aws_nat_gateway"))).toEqual(['module.network.aws_nat_gateway.this["us-east-1a"]']);
      expect(creates(snapshot("existing-vpc")).filter((a) => a.includes("aws_vpc.this"))).toEqual([]);
      // The isolated example has flow logs and a DNS Firewall, for which no price is carried: null, and a plan warning.
      const missing: Record<string, string> = { isolated: "object dns_firewall_domain_month,dns_firewall_million_queries,dns_query_logs_gb,flow_logs_cloud_watch_logs_gb", "with-nat": "number ", "existing-vpc": "number " };
      for (const e of ["isolated", "with-nat", "existing-vpc"]) {
        const cost = snapshot(e).output_changes.cost.after as { monthly_usd: { total: number | null }; region: string; price_sources: Record<string, string | null>; missing_prices: string[] };
        expect(`${e}: ${typeof cost.monthly_usd.total} ${cost.missing_prices}`).toBe(`${e}: ${missing[e]}`);
        // The README says the plan shows the cost and names where each of its prices comes from: us-east-1's list, or every Region's.
        const regions = Object.values(cost.price_sources).filter((x): x is string => x !== null).map((x) => x.split(":")[0]);
        expect(`${e}: ${cost.region} ${[...new Set(regions)].sort().join(",")}`).toBe(`${e}: us-east-1 every Region,us-east-1`);
      }
    });

    test("the network examples' READMEs match their plans (issue 15, item 7)", () => {
      const isolated = snapshot("isolated");
      const made = creates(isolated);
      // DNS Firewall with query logs, and the created VPC's default group without rules.
      for (const r of ["aws_route53_resolver_firewall_rule_group.this[0]", "aws_route53_resolver_firewall_rule_group_association.this[0]", "aws_route53_resolver_query_log_config_association.this[0]", "aws_default_security_group.this[0]"]) {
        expect(made).toContain(`module.network.${r}`);
      }
      const change = (s: typeof isolated, address: string) => s.resource_changes.find((r) => r.address === `module.network.${address}`)!;
      // No rule configured: the provider removes every rule when it adopts the group and creates only configured ones.
      const defaultGroup = change(isolated, "aws_default_security_group.this[0]");
      expect([defaultGroup.after!.ingress, defaultGroup.after!.egress]).toEqual([undefined, undefined]);
      expect(change(isolated, "aws_route53_resolver_firewall_rule.block[0]").after).toMatchObject({ action: "BLOCK", block_response: "NXDOMAIN" });
      // Added endpoints carry the perimeter (it names the account, known after apply); the compute host's keep AWS's default.
      for (const label of ["sts", "ec2", "ssm"]) expect(`${label}: ${change(isolated, `aws_vpc_endpoint.interface["${label}"]`).after_unknown.policy}`).toBe(`${label}: true`);
      for (const label of ["logs", "kms", "ssmmessages"]) expect(`${label}: ${change(isolated, `aws_vpc_endpoint.interface["${label}"]`).after!.policy ?? null}`).toBe(`${label}: null`);
      expect(creates(snapshot("with-nat")).filter((a) => a.includes("route53_resolver"))).toEqual([]);
      // The existing VPC's subnets are exactly its subnet_cidrs input; its default group is left alone.
      const existing = snapshot("existing-vpc");
      const subnets = existing.resource_changes.filter((r) => r.address.startsWith("module.network.aws_subnet.private")).map((r) => r.after!.cidr_block);
      expect(subnets).toEqual(["10.20.200.0/24", "10.20.201.0/24", "10.20.202.0/24"]);
      expect(creates(existing).filter((a) => a.includes("aws_default_security_group"))).toEqual([]);
    });

    test("the organization guardrail example: every protection in two SCPs and an RCP on the root, CloudShell disabled in the sandboxes", () => {
      const s = snapshot("organization-guardrail");
      expect(creates(s)).toEqual([
        "module.organization.aws_organizations_policy.rcp[0]",
        "module.organization.aws_organizations_policy.this[0]",
        "module.organization.aws_organizations_policy.this[1]",
        'module.organization.aws_organizations_policy_attachment.more["r-ab12/2"]',
        'module.organization.aws_organizations_policy_attachment.rcp["r-ab12"]',
        'module.organization.aws_organizations_policy_attachment.targets["r-ab12"]',
        "module.sandboxes.aws_organizations_policy.this[0]",
        'module.sandboxes.aws_organizations_policy_attachment.targets["ou-ab12-sandbox1a"]',
        'module.sandboxes.aws_organizations_policy_attachment.targets["ou-ab12-sandbox2b"]',
      ]);
      const policy = (m: string, i = 0) => s.resource_changes.find((r) => r.address === `module.${m}.aws_organizations_policy.this[${i}]`)!.after!;
      const sids = (m: string, i = 0) => JSON.parse(policy(m, i).content as string).Statement.map((x: { Sid: string }) => x.Sid);
      const S = GUARDRAIL_STATEMENTS;
      expect(policy("organization").type).toBe("SERVICE_CONTROL_POLICY");
      // The statements that protect the exemptions first, in the first SCP; every statement once.
      const all = [...sids("organization", 0), ...sids("organization", 1)];
      expect(all.slice(0, 7)).toEqual([S.exemptRoles, S.taggedRoles, S.tags, S.identityProviders, S.widening, S.wideningTagged, S.userTags].map((x) => x.Sid));
      expect(sids("organization", 0)).toEqual(expect.arrayContaining(all.slice(0, 7)));
      expect(all).toEqual(expect.arrayContaining([S.protectedResources, S.recording, S.vpcKeyed, S.vpcResource, S.lattice, S.groupUse].map((x) => x.Sid)));
      expect(all).toEqual(expect.arrayContaining(["DenyCredentialForwarding", "DenyCloudShellOutsideAllowedVpcs", "DenyCloudShellPublicEnvironments", "DenyAttachingAWSCloudShellFullAccess"]));
      expect(new Set(all).size).toBe(all.length);
      const rcp = s.resource_changes.find((r) => r.address === "module.organization.aws_organizations_policy.rcp[0]")!.after!;
      expect(rcp.type).toBe("RESOURCE_CONTROL_POLICY");
      expect(JSON.parse(rcp.content as string).Statement.map((x: { Sid: string }) => x.Sid)).toEqual([RCP_STATEMENT.Sid]);
      expect(sids("sandboxes")).toEqual([S.exemptRoles.Sid, S.widening.Sid, "DenyCloudShell"]);
      expect(s.output_changes.organization_scp_sizes.after).toEqual([0, 1].map((i) => (policy("organization", i).content as string).length));
    });

    test("the monitoring example: CloudShell's rules in both Regions, IAM's and the Config rule in us-east-1, an encrypted topic there and a role to the central bus in eu-west-1", () => {
      const s = snapshot("monitoring");
      const created = creates(s);
      const rules = (m: string) => created.filter((a) => a.startsWith(`module.${m}.aws_cloudwatch_event_rule.`)).map((a) => /"(\w+)"/.exec(a)![1]);
      // What the rule list says each call turns on: us-east-1 every rule, eu-west-1 the defaults.
      expect(rules("eu_west_1")).toEqual(rulesOn(MONITORING_CALLS.eu_west_1));
      expect(rules("us_east_1")).toEqual(rulesOn(MONITORING_CALLS.us_east_1));
      expect(rules("us_east_1")).toEqual(RULES.map((r) => r.key).sort());
      const after = (address: string) => s.resource_changes.find((r) => r.address === address)!.after!;
      expect(after("module.us_east_1.aws_sns_topic.this[0]").kms_master_key_id).toBe("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
      expect(after("module.us_east_1.aws_config_config_rule.full_access[0]").input_parameters).toBe('{"policyArns":"arn:aws:iam::aws:policy/AWSCloudShellFullAccess"}');
      expect(created.filter((a) => a.startsWith("module.eu_west_1.aws_sns_topic"))).toEqual([]);
      expect(created).toContain("module.eu_west_1.aws_iam_role.to_event_bus[0]");
      // IAM names are global to the account: the role's name carries its Region (issue 23, item 3).
      expect(after("module.eu_west_1.aws_iam_role.to_event_bus[0]").name).toMatch(/-events-eu-west-1$/);
      expect(after('module.eu_west_1.aws_cloudwatch_event_target.this["public_environment"]').arn).toBe("arn:aws:events:us-east-1:999999999999:event-bus/security-central");
      expect(created.filter((a) => a.startsWith("module.us_east_1.aws_iam_role"))).toEqual([]);
    });

    test("the permission set's inline policy is the no-credentials preset with Restart", () => {
      const s = snapshot("permission-set");
      expect(creates(s)).toEqual(["aws_ssoadmin_permission_set.cloudshell", "aws_ssoadmin_permission_set_inline_policy.cloudshell"]);
      const set = s.resource_changes.find((r) => r.address === "aws_ssoadmin_permission_set.cloudshell")!.after!;
      expect(set).toMatchObject({ name: "CloudShellUser", instance_arn: "arn:aws:sso:::instance/ssoins-0123456789abcdef", session_duration: "PT4H" });
      const inline = JSON.parse(s.resource_changes.find((r) => r.address.endsWith("inline_policy.cloudshell"))!.after!.inline_policy as string);
      expect(inline.Statement.map((x: { Sid: string }) => x.Sid)).toEqual(["AllowCloudShell", "DenyCredentialForwarding"]);
      expect(inline.Statement[0].Action).toContain("cloudshell:StopEnvironment");
    });

    test("the permissions boundary limits the role: CloudShell yes, its credentials and anything else no", async () => {
      const s = snapshot("permissions-boundary");
      const policyOf = (m: string) => JSON.parse(s.resource_changes.find((r) => r.address === `module.${m}.aws_iam_policy.this[0]`)!.after!.policy as string);
      const role = s.resource_changes.find((r) => r.address === "aws_iam_role.operator")!;
      expect(role.after_unknown.permissions_boundary).toBe(true); // the boundary policy's ARN, known after apply
      // Trusted: the account it is created in (from the boundary's ARN, known after apply), not a fixed account.
      expect(role.after_unknown.assume_role_policy).toBe(true);
      expect(JSON.stringify(role.after)).not.toContain("123456789012");
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

  describe("wrappers/<module>: two items of each, planned in the examples' plan", () => {
    const wrapperOf = (m: string) => wrappers!.get(m)!;
    const outputsOf = (m: string) => wrapperOf(m).output_changes.wrapper.after as Record<string, Record<string, unknown>>;
    const createsOf = (m: string) => creates(wrapperOf(m));

    test("every wrapper was planned with its two example items", () => {
      for (const m of MODULE_NAMES) expect(`${m}: ${Object.keys(outputsOf(m)).sort()}`).toBe(`${m}: ${Object.keys(WRAPPER_EXAMPLES[m].items).sort()}`);
    });

    test("document (provider-free, an input of type any): defaults apply, an item's preset and vpc_environments replace them", () => {
      const out = outputsOf("cloudshell-policy-document");
      const sids = (item: string) => JSON.parse(out[item].json as string).Statement.map((x: { Sid: string }) => x.Sid);
      expect(createsOf("cloudshell-policy-document")).toEqual([]);
      expect(sids("developers")).toEqual(["AllowCloudShell", "DenyCredentialForwarding"]); // preset from defaults
      expect(sids("vpc-only")).not.toContain("DenyCredentialForwarding"); // preset = "minimum" from the item
      expect(sids("vpc-only")).toEqual(expect.arrayContaining(["DenyCloudShellPublicEnvironments", "DenyCloudShellOutsideAllowedVpcs"]));
    });

    test("policy: one policy per item, named by the item, with the defaults' tags merged with its own; the item's preset wins", () => {
      expect(createsOf("cloudshell-policy")).toEqual([
        'module.wrapper["auditors"].aws_iam_policy.this[0]',
        'module.wrapper["auditors"].aws_iam_role_policy_attachment.roles["auditor"]',
        'module.wrapper["developers"].aws_iam_policy.this[0]',
        'module.wrapper["developers"].aws_iam_role_policy_attachment.roles["developer"]',
      ]);
      const policy = (item: string) => wrapperOf("cloudshell-policy").resource_changes.find((r) => r.address === `module.wrapper["${item}"].aws_iam_policy.this[0]`)!.after!;
      const sids = (item: string) => JSON.parse(policy(item).policy as string).Statement.map((x: { Sid: string }) => x.Sid);
      expect([policy("developers").name, policy("auditors").name]).toEqual(["cloudshell-developers", "cloudshell-auditors"]);
      // An item's tags add to the defaults' (issue 23, item 4): they used to replace them.
      expect([policy("developers").tags, policy("auditors").tags]).toEqual([{ Owner: "developer-tools", Team: "platform" }, { Team: "platform" }]);
      expect(sids("developers")).toContain("DenyCredentialForwarding");
      expect(sids("auditors")).not.toContain("DenyCredentialForwarding");
      expect(sids("auditors")).toContain("DenyCloudShellOutsideAllowedRegions");
    });

    test("guardrail: the organization SCP has the defaults' denial and its own; the sandboxes item overrides it to disable CloudShell", () => {
      const s = wrapperOf("cloudshell-guardrail");
      expect(createsOf("cloudshell-guardrail")).toEqual([
        'module.wrapper["organization"].aws_organizations_policy.this[0]',
        'module.wrapper["organization"].aws_organizations_policy_attachment.targets["r-ab12"]',
        'module.wrapper["sandboxes"].aws_organizations_policy.this[0]',
        'module.wrapper["sandboxes"].aws_organizations_policy_attachment.targets["ou-ab12-sandbox1a"]',
      ]);
      const sids = (item: string) => JSON.parse(s.resource_changes.find((r) => r.address === `module.wrapper["${item}"].aws_organizations_policy.this[0]`)!.after!.content as string).Statement.map((x: { Sid: string }) => x.Sid);
      // The defaults' exemption pattern brings the statement that protects it (issue 14) to both items.
      expect(sids("organization")).toEqual(["DenyActingAsExemptRoles", "DenyWideningExemptRoles", "DenyCredentialForwarding", "DenyCloudShellPublicEnvironments"]);
      expect(sids("sandboxes")).toEqual(["DenyActingAsExemptRoles", "DenyWideningExemptRoles", "DenyCloudShell"]);
    });

    test("network: one VPC per item with the item's CIDR, zones from the defaults, NAT only where the item asks", () => {
      const s = wrapperOf("cloudshell-vpc-network");
      const vpc = (item: string) => s.resource_changes.find((r) => r.address === `module.wrapper["${item}"].aws_vpc.this[0]`)!.after!;
      expect([vpc("team-a").cidr_block, vpc("team-b").cidr_block]).toEqual(["10.10.0.0/16", "10.20.0.0/16"]);
      for (const item of ["team-a", "team-b"]) {
        expect(createsOf("cloudshell-vpc-network").filter((a) => a.startsWith(`module.wrapper["${item}"].aws_subnet.private`))).toEqual(
          ["us-east-1a", "us-east-1b"].map((z) => `module.wrapper["${item}"].aws_subnet.private["${z}"]`),
        );
      }
      expect(createsOf("cloudshell-vpc-network").filter((a) => a.includes("aws_nat_gateway"))).toEqual(['module.wrapper["team-b"].aws_nat_gateway.this["us-east-1a"]']);
    });
  });

  describeReviewOfRealPlans(() => raw);
});
