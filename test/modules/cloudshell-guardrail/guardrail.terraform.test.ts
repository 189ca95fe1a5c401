// modules/cloudshell-guardrail under real Terraform: bad inputs and their messages, and the SCPs of
// every case simulated offline (@cloud-copilot/iam-simulate) as SCPs over an identity policy that
// allows everything, compared with the behaviour written here by hand: what each CloudShell choice
// denies and for whom; every attempt on the guardrail itself (tools/guardrail-attacks.ts) by an
// insider, with a control without the statements that stopped it, and by the platform's roles;
// the flows across accounts. Its shipped terraform test file (mocked apply) runs in
// test/modules/shipped-tests.terraform.test.ts, with the plan of allowed IDs unknown at plan
// (scp_count), which shares its terraform test process.
import { guardrailTables } from "../../../src/generator/guardrail-table";
import { GUARDRAIL_STATEMENTS, RCP_STATEMENT } from "../../../src/facts/organizations";
import { generated } from "../../../tools/generated";
import { ATTACK_PRINCIPALS, ATTACKS, FLOWS } from "../../../tools/guardrail-attacks";
import { checkInputs, InputCase } from "../../../tools/input-checks";
import {
  buildGuardrailSimulation,
  COLUMN_LABELS,
  evaluateGuardrail,
  EvaluatedCase,
  EVERY_PROTECTION,
  GUARDRAIL_CASES,
  GUARDRAIL_FILE,
  guardrailFileContent,
  GuardrailSimulation,
  PRINCIPALS,
} from "../../../tools/simulate-scp";
import { FeatureResult } from "../../../tools/simulate";
import { expectCommitted } from "../../support/evidence";
import { withProvider } from "../../support/provider";

const MODULE = "modules/cloudshell-guardrail";
const S = GUARDRAIL_STATEMENTS;
const ROOT = { target_ids: ["r-ab12"] };
const BREAK_GLASS = "arn:aws:iam::*:role/break-glass-*";

describe("cloudshell-guardrail: bad inputs are rejected with a clear message", () => {
  const CASES: [string, Record<string, unknown>, string][] = [
    ["no choice at all", { ...ROOT }, "The guardrail denies nothing: set at least one of disable_cloudshell"],
    ["disable_cloudshell with an allow-list", { disable_cloudshell: true, allowed_vpc_ids: ["vpc-0123456789abcdef0"] }, "disable_cloudshell = true already denies every CloudShell action"],
    ["disable_cloudshell with deny_file_transfer", { disable_cloudshell: true, deny_file_transfer: true }, "disable_cloudshell = true already denies every CloudShell action"],
    ["a malformed VPC ID", { allowed_vpc_ids: ["vpc-12"] }, 'allowed_vpc_ids must hold VPC IDs such as "vpc-0123456789abcdef0"'],
    ["a malformed subnet ID", { allowed_subnet_ids: ["subnet-xyz"] }, "allowed_subnet_ids must hold subnet IDs"],
    ["a malformed security group ID", { allowed_security_group_ids: ["sg-1"] }, "allowed_security_group_ids must hold security group IDs"],
    ["a malformed Region", { allowed_regions: ["us-east"] }, 'allowed_regions must hold Region names such as "us-east-1"'],
    ["disable_cloudshell with allowed_regions", { disable_cloudshell: true, allowed_regions: ["us-east-1"] }, "disable_cloudshell = true already denies every CloudShell action"],
    ["an OU ID without its root part", { deny_public_environments: true, target_ids: ["ou-cd34ef56"] }, 'target_ids must hold root IDs ("r-ab12"), organizational unit IDs ("ou-ab12-cd34ef56") or account IDs ("123456789012")'],
    ["an 11-digit account ID", { deny_public_environments: true, target_ids: ["12345678901"] }, "target_ids must hold root IDs"],
    ["an uppercase root ID", { deny_public_environments: true, target_ids: ["r-AB12"] }, "target_ids must hold root IDs"],
    ["no target", { deny_public_environments: true, target_ids: [] }, "target_ids is empty: the SCP would be created and attached nowhere"],
    ["a session ARN as exemption", { deny_public_environments: true, exempt_principal_arns: ["arn:aws:sts::123456789012:assumed-role/admin/me"] }, "exempt_principal_arns must hold IAM role ARN patterns"],
    ["a bare wildcard as exemption", { deny_public_environments: true, exempt_principal_arns: ["*"] }, "exempt_principal_arns must hold IAM role ARN patterns"],
    ["an IAM user as exemption", { deny_public_environments: true, exempt_principal_arns: ["arn:aws:iam::123456789012:user/admin"] }, "exempt_principal_arns names an IAM user: exempt roles instead"],
    ["every role as exemption", { deny_public_environments: true, exempt_principal_arns: ["arn:aws:iam::*:role/*"] }, "the role name (or path) must begin with at least 3 characters before any wildcard"],
    ["every role with a dash as exemption", { deny_public_environments: true, exempt_principal_arns: ["arn:aws:iam::*:role/*-*"] }, "the role name (or path) must begin with at least 3 characters"],
    ["role/?* as exemption", { deny_public_environments: true, exempt_principal_arns: ["arn:aws:iam::*:role/?*"] }, "the role name (or path) must begin with at least 3 characters"],
    ["a two-letter prefix as exemption", { deny_public_environments: true, exempt_principal_arns: ["arn:aws:iam::*:role/ad*"] }, "the role name (or path) must begin with at least 3 characters"],
    ["every role on any path as exemption", { deny_public_environments: true, exempt_principal_arns: ["arn:aws:iam::*:role/*/*"] }, "the role name (or path) must begin with at least 3 characters"],
    ["service-linked roles as exemption", { deny_public_environments: true, exempt_principal_arns: ["arn:aws:iam::*:role/aws-service-role/*"] }, "exempt_principal_arns must not match AWS's own roles"],
    ["Identity Center's roles as exemption", { deny_public_environments: true, exempt_principal_arns: ["arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*"] }, "exempted by name with exempt_permission_sets"],
    ["an Identity Center role name as exemption", { deny_public_environments: true, exempt_principal_arns: ["arn:aws:iam::*:role/AWSReservedSSO_Admin_*"] }, "exempt_principal_arns must not match AWS's own roles"],
    ["a prefix of AWS's paths as exemption", { deny_public_environments: true, exempt_principal_arns: ["arn:aws:iam::*:role/aws-*"] }, "exempt_principal_arns must not match AWS's own roles"],
    ["a permission set ARN", { deny_public_environments: true, exempt_permission_sets: ["arn:aws:sso:::permissionSet/ssoins-1/ps-1"] }, 'exempt_permission_sets must hold permission set names such as "BreakGlass"'],
    ["an empty exempt tag value", { deny_public_environments: true, exempt_principal_tags: { "dp:exclude": "" } }, "an empty value would exempt every principal that carries the key"],
    ["the protection tag as exemption", { deny_public_environments: true, exempt_principal_tags: { "cloudshell:protected": "x" } }, "exempt_principal_tags must not use cloudshell:protected"],
    ["a reserved exemption tag key", { deny_public_environments: true, exempt_principal_tags: { "aws:exclude": "true" } }, "exempt_principal_tags must map IAM tag keys"],
    ["protect_detection without an exemption", { deny_public_environments: true, protect_detection: true }, "protect_detection and protect_approved_networks deny changes to everyone who is not exempt"],
    ["protect_approved_networks without an exemption", { allowed_vpc_ids: ["vpc-0123456789abcdef0"], protect_approved_networks: true }, "name them in exempt_principal_arns"],
    ["protect_approved_networks without approved VPCs", { deny_public_environments: true, protect_approved_networks: true, exempt_principal_arns: [BREAK_GLASS] }, "protect_approved_networks protects the VPCs in allowed_vpc_ids: set allowed_vpc_ids"],
    ["a resource control policy without exempt tags", { deny_public_environments: true, resource_control_policy: true, exempt_principal_arns: [BREAK_GLASS] }, "resource_control_policy protects the exempt tags on sessions"],
    ["max_scps of 10", { deny_public_environments: true, max_scps: 10 }, "max_scps must be a whole number from 1 to 9"],
    ["max_scps of 0", { deny_public_environments: true, max_scps: 0 }, "max_scps must be a whole number from 1 to 9"],
    ["scp_count over max_scps", { deny_public_environments: true, scp_count: 3 }, "scp_count must be null (decided at plan) or a whole number from 1 to max_scps"],
    ["a fractional scp_count", { deny_public_environments: true, scp_count: 1.5 }, "scp_count must be null"],
    ["a name over 125 characters", { deny_public_environments: true, name: "x".repeat(126) }, "name must be 1-125 characters"],
    ["an empty name", { deny_public_environments: true, name: "" }, "name must be 1-125 characters"],
    ["a description over 512 characters", { deny_public_environments: true, description: "x".repeat(513) }, "description must be at most 512 characters"],
    ["an unknown partition", { deny_public_environments: true, partition: "aws-moon" }, "partition must be one of aws, aws-us-gov: the partitions with CloudShell"],
    ["a reserved tag key", { deny_public_environments: true, tags: { "aws:owner": "x" } }, 'do not start with "aws:"'],
  ];
  const ACCEPTED: [string, Record<string, unknown>][] = [
    ["disable_cloudshell with deny_attaching_full_access", { disable_cloudshell: true, deny_attaching_full_access: true }],
    ["a root, an OU and an account", { deny_public_environments: true, target_ids: ["r-ab12", "ou-ab12-cd34ef56", "123456789012"] }],
    ["role and root patterns", { deny_public_environments: true, exempt_principal_arns: [BREAK_GLASS, "arn:aws-us-gov:iam::123456789012:role/admin", "arn:aws:iam::123456789012:root"] }],
    ["a wildcard account and partition with a named role on a path", { deny_public_environments: true, exempt_principal_arns: ["arn:*:iam::*:role/ops/break-glass"] }],
    ["the deployment roles", { deny_public_environments: true, exempt_principal_arns: EVERY_PROTECTION.inputs.exempt_principal_arns as string[] }],
    ["a permission set", { deny_public_environments: true, exempt_permission_sets: ["BreakGlass", "Security.Response-1"] }],
    ["an allow-list of each kind", { allowed_vpc_ids: ["vpc-0123456789abcdef0"], allowed_subnet_ids: ["subnet-01234567"], allowed_security_group_ids: ["sg-0123456789abcdef0"] }],
    ["six security groups to choose from", { allowed_security_group_ids: [1, 2, 3, 4, 5, 6].map((i) => `sg-0000000${i}`) }],
    ["allowed_regions alone", { allowed_regions: ["us-east-1", "eu-west-1"] }],
    ["every protection", EVERY_PROTECTION.inputs],
    ["create = false without targets", { create: false, deny_public_environments: true, target_ids: [] }],
  ];
  let got: Record<string, string>;
  beforeAll(async () => {
    const cases = [...ACCEPTED, ...CASES.map(([n, v]) => [n, v] as [string, Record<string, unknown>])];
    const results = await checkInputs(generated().files.get(`${MODULE}/variables.tf`)!, cases.map(([name, variables]) => ({ name, variables: { ...ROOT, ...variables } }) as InputCase));
    got = Object.fromEntries(results.map((r) => [r.name, r.accepted ? "accepted" : r.messages.join(" | ")]));
  });

  test.each(ACCEPTED.map(([n]) => [n]))("accepts %s", (name) => expect(got[name]).toBe("accepted"));
  test.each(CASES)("rejects %s", (name, _vars, message) => expect(got[name]).toContain(message));
});

// The size limit's message (statements that no split into SCPs fits stop the plan) is checked in
// test/modules/shipped-tests.terraform.test.ts, in the same `terraform test` process as the shipped files.

// ---- The simulation, and what it must show, written by hand ----
// A = allowed, D = denied by the guardrail.
const LETTER: Record<string, FeatureResult> = { A: "Allowed", D: "ExplicitlyDenied", "-": "ImplicitlyDenied" };
const letters = (row: string) => row.trim().split(/\s+/).map((l) => LETTER[l]);

// Columns in COLUMN_LABELS order.
const COLUMNS = [
  "Public env",
  "VPC env: approved",
  "VPC env: other VPC",
  "VPC env: other subnet",
  "VPC env: other security group",
  "Open a session",
  "Upload or download",
  "CLI credentials",
  "Other CloudShell actions",
  "Session in other Region",
  "Attach AWSCloudShellFullAccess",
  "Attach another policy",
  "AWSCloudShellFullAccess as a boundary",
  "Other services",
];
const EXEMPT_ROW = "A   A   A   A   A   A   A   A   A   A   A   A   A   A";
const EVERY_CHOICE_ROW = "D   A   D   D   D   A   D   D   A   D   D   A   A   A";
const DISABLED_ROW = "D   D   D   D   D   D   D   D   D   D   D   A   A   A";
// prettier-ignore
const CHOICES: Record<string, Record<string, string>> = {
  //                                                       Pub VOk VVp VSn VSg Ses UpD Crd Oth Rgn Att AtO Bnd Svc
  "disable_cloudshell":                       { developer: "D   D   D   D   D   D   D   D   D   D   A   A   A   A" },
  "deny_public_environments":                 { developer: "D   A   A   A   A   A   A   A   A   A   A   A   A   A" },
  "allowed_vpc_ids":                          { developer: "D   A   D   A   A   A   A   A   A   A   A   A   A   A" },
  "allowed_subnet_ids":                       { developer: "D   A   D   D   A   A   A   A   A   A   A   A   A   A" },
  "allowed_security_group_ids":               { developer: "D   A   D   A   D   A   A   A   A   A   A   A   A   A" },
  "deny_file_transfer":                       { developer: "A   A   A   A   A   A   D   A   A   A   A   A   A   A" },
  "deny_credential_forwarding":               { developer: "A   A   A   A   A   A   A   D   A   A   A   A   A   A" },
  "allowed_regions":                          { developer: "A   A   A   A   A   A   A   A   A   D   A   A   A   A" },
  "deny_attaching_full_access":               { developer: "A   A   A   A   A   A   A   A   A   A   D   A   A   A" },
  "every choice":                             { developer: EVERY_CHOICE_ROW },
  "every choice, exemptions": { developer: EVERY_CHOICE_ROW, "break-glass role": EXEMPT_ROW, "dp:exclude=true": EXEMPT_ROW, "dp:exclude=false": EVERY_CHOICE_ROW },
  "disable_cloudshell + deny_attaching_full_access, exemptions": { developer: DISABLED_ROW, "break-glass role": EXEMPT_ROW, "dp:exclude=true": EXEMPT_ROW, "dp:exclude=false": DISABLED_ROW },
  [EVERY_PROTECTION.name]: {
    developer: EVERY_CHOICE_ROW,
    "deployment role": EXEMPT_ROW,
    "break-glass role": EXEMPT_ROW,
    "permission-set role": EXEMPT_ROW,
    "dp:exclude=true": EXEMPT_ROW,
    "dp:exclude=false": EVERY_CHOICE_ROW,
  },
};
CHOICES["disable_cloudshell + deny_attaching_full_access, 17 exempt patterns (two SCPs)"] = CHOICES["disable_cloudshell + deny_attaching_full_access, exemptions"];

// Every attempt: the insider, the control, then the deployment role, break-glass, the permission-set
// role and the role exempt by tag (ATTACK_PRINCIPALS after the insider); and the statements that
// must stop the insider. "Invariant" rows deny the exempt roles too.
const STOPPED = "D A   A A A A";
const INVARIANT = "D A   D D D D";
const ALLOWED = "A A   A A A A";
// prettier-ignore
const ATTEMPTS: Record<string, [string, string[]]> = {
  "Create a role named like an exempt one":                              [STOPPED, [S.exemptRoles.Sid]],
  "Assume an exempt role from its own account":                          [STOPPED, [S.exemptRoles.Sid]],
  "Assume a role tagged exempt from its own account":                    [STOPPED, [S.taggedRoles.Sid]],
  "Rewrite an exempt role's trust policy":                               [STOPPED, [S.exemptRoles.Sid]],
  "Attach an AWS managed policy to an exempt role, or delete it":        [STOPPED, [S.exemptRoles.Sid]],
  "Change a policy named like an exempt role":                           [STOPPED, [S.exemptRoles.Sid]],
  "Attach another customer managed policy to an exempt role":            [INVARIANT, [S.exemptRoles.Sid, S.widening.Sid]],
  "Pass an exempt role to a service":                                    [INVARIANT, [S.widening.Sid]],
  "Give an exempt role a permissions boundary":                          [INVARIANT, [S.exemptRoles.Sid, S.widening.Sid]],
  "Change an instance profile named like an exempt role":                [STOPPED, [S.exemptRoles.Sid]],
  "Change a role tagged exempt":                                         [STOPPED, [S.taggedRoles.Sid]],
  "Attach a customer managed policy to a role tagged exempt":            [INVARIANT, [S.taggedRoles.Sid, S.wideningTagged.Sid]],
  "Assume an exempt permission set's role from its own account":         [STOPPED, [S.exemptRoles.Sid]],
  "Tag oneself exempt":                                                  [STOPPED, [S.tags.Sid]],
  "Tag a user exempt":                                                   [INVARIANT, [S.userTags.Sid, S.tags.Sid]],
  "Create a role with the exempt tag":                                   [STOPPED, [S.tags.Sid]],
  "Session tag on AssumeRole":                                           [STOPPED, [S.tags.Sid]],
  "Session tag on GetFederationToken":                                   [STOPPED, [S.tags.Sid]],
  "Create or change an identity provider":                               [STOPPED, [S.identityProviders.Sid]],
  "Remove the protection tag":                                           [STOPPED, [S.tags.Sid]],
  "Disable, delete or retarget a monitoring rule":                       [STOPPED, [S.protectedResources.Sid]],
  "Delete or rewire the alert topic":                                    [STOPPED, [S.protectedResources.Sid]],
  "Disable or delete the topic's key, or rewrite its policy":            [STOPPED, [S.protectedResources.Sid]],
  "Change the event-bus role":                                           [STOPPED, [S.protectedResources.Sid]],
  "Delete or change the IAM.27 Config rule":                             [STOPPED, [S.protectedResources.Sid]],
  "Delete or silence the organization trail's alarms, or its metric filters": [STOPPED, [S.protectedResources.Sid]],
  "Stop, change or delete a CloudTrail trail":                           [STOPPED, [S.recording.Sid]],
  "Stop or delete AWS Config's recorder or delivery channel":            [STOPPED, [S.recording.Sid]],
  "Open the approved VPC's security groups":                             [STOPPED, [S.vpcKeyed.Sid]],
  "Add a route or change a route-table association":                     [STOPPED, [S.vpcKeyed.Sid]],
  "Add a NAT gateway":                                                   [STOPPED, [S.vpcKeyed.Sid]],
  "Open a network ACL":                                                  [STOPPED, [S.vpcKeyed.Sid]],
  "Attach an internet, egress-only or VPN gateway":                      [STOPPED, [S.vpcResource.Sid]],
  "Peer the VPC, or attach it to a transit gateway":                     [STOPPED, [S.vpcResource.Sid]],
  "Add an endpoint, or change the VPC's DNS":                            [STOPPED, [S.vpcResource.Sid]],
  "Associate a VPC Lattice service network":                             [STOPPED, [S.lattice.Sid]],
  "Change or delete an endpoint of the network":                         [STOPPED, [S.protectedResources.Sid]],
  "Delete the network's flow logs":                                      [STOPPED, [S.protectedResources.Sid]],
  "Take the DNS Firewall off, or open it":                               [STOPPED, [S.protectedResources.Sid]],
  "Launch a proxy with the network's security group":                    [STOPPED, [S.groupUse.Sid]],
  "CloudShell creates its network interface in the approved network":   [ALLOWED, []],
  "Open another VPC's security group":                                   [ALLOWED, []],
  "Delete one's own EventBridge rule":                                   [ALLOWED, []],
  "Create and change one's own roles":                                   [ALLOWED, []],
};
// Each flow's result, the statements that decide it, and the control's result ("-": no control).
// prettier-ignore
const FLOW_RESULTS: [string, string[], string][] = [
  ["A", [], "-"],
  ["A", [], "-"],
  ["A", [], "-"],
  ["D", [S.exemptRoles.Sid], "A"],
  ["D", [RCP_STATEMENT.Sid], "A"],
  ["D", [RCP_STATEMENT.Sid], "A"],
  ["A", [], "-"],
];

let evaluated: EvaluatedCase[] | undefined;
let simulation: GuardrailSimulation;
const resultsOf = (name: string) => simulation.cases.find((c) => c.name === name)!.results;
const caseNamed = (name: string) => evaluated!.find((c) => c.name === name)!;

beforeAll(async () => {
  evaluated = await withProvider("the guardrail simulation", () => evaluateGuardrail(generated().files, GUARDRAIL_CASES));
  if (evaluated) simulation = await buildGuardrailSimulation(evaluated);
});

describe("the guardrail, simulated as SCPs, denies what each choice says and nothing more", () => {
  test("the expectations cover every case, principal and column", () => {
    expect(COLUMNS).toEqual(COLUMN_LABELS);
    expect(Object.keys(CHOICES).sort()).toEqual(GUARDRAIL_CASES.map((c) => c.name).sort());
    for (const c of GUARDRAIL_CASES) expect(`${c.name}: ${Object.keys(CHOICES[c.name]).sort()}`).toBe(`${c.name}: ${[...c.principals].sort()}`);
  });

  test.each(GUARDRAIL_CASES.flatMap((c) => c.principals.map((p) => [c.name, p])))("%s, %s: every column as expected", (name, principal) => {
    if (!evaluated) return;
    const expected = letters(CHOICES[name][principal]);
    const simulated = resultsOf(name)[principal];
    const wrong = COLUMNS.flatMap((c, i) => (simulated[c] === expected[i] ? [] : [`${c}: expected ${expected[i]}, simulated ${simulated[c]}`]));
    expect(wrong).toEqual([]);
  });

  test("every statement is a Deny; with exemptions every one but the invariants carries both exemption conditions, and the invariants none", () => {
    if (!evaluated) return;
    const invariants = Object.values(S).filter((s) => s.invariant).map((s) => s.Sid);
    for (const c of evaluated) {
      const statements = c.policy.Statement as { Sid: string; Effect: string; Condition?: Record<string, Record<string, unknown>> }[];
      for (const s of statements) {
        expect(`${c.name} / ${s.Sid}: ${s.Effect}`).toBe(`${c.name} / ${s.Sid}: Deny`);
        if (!("exempt_principal_arns" in c.inputs)) continue;
        const arns = s.Condition?.ArnNotLike?.["aws:PrincipalArn"];
        const tag = s.Condition?.StringNotEquals?.["aws:PrincipalTag/dp:exclude"];
        if (invariants.some((i) => s.Sid.startsWith(i))) {
          expect(`${c.name} / ${s.Sid}: ${arns} ${tag}`).toBe(`${c.name} / ${s.Sid}: undefined undefined`);
        } else {
          expect(arns).toEqual(expect.arrayContaining(c.inputs.exempt_principal_arns as string[]));
          expect(tag).toBe("true");
        }
      }
    }
  });

  test("the SCPs are minified, each within 10,240 characters, in as few SCPs as fit; the protection comes first", () => {
    if (!evaluated) return;
    for (const c of evaluated) {
      expect(JSON.stringify(c.policy).length).toBe(c.size);
      for (const p of c.policies) expect(JSON.stringify(p).length).toBeLessThanOrEqual(10240);
      expect(`${c.name}: ${c.policies.length}`).toBe(`${c.name}: ${Math.ceil(c.size / 10240)}`);
      expect(c.policies.flatMap((p) => p.Statement)).toEqual(c.policy.Statement);
    }
    // Every statement that protects the exemptions is in the first SCP, before every other.
    const every = caseNamed(EVERY_PROTECTION.name);
    const exemption = [S.exemptRoles, S.taggedRoles, S.tags, S.identityProviders, S.widening, S.wideningTagged, S.userTags].map((s) => s.Sid);
    expect(every.policies[0].Statement.slice(0, exemption.length).map((s) => s.Sid)).toEqual(exemption);
    expect(every.policies).toHaveLength(2);
    expect(every.rcp && JSON.stringify(every.rcp).length).toBeLessThanOrEqual(5120);
  });

  test("a principal is exempt by its role ARN, not by the name of a look-alike", () => {
    expect(PRINCIPALS["break-glass role"].arn).toMatch(/:role\/break-glass-/);
    expect(PRINCIPALS.developer.arn).not.toMatch(/break-glass/);
    expect(PRINCIPALS.developer.tags).toEqual({});
  });
});

describe("what an insider tries, and what the platform still does", () => {
  const rows = () => simulation.attacks.rows;

  test("every attempt has its expectation, and every principal is simulated", () => {
    expect(Object.keys(ATTEMPTS).sort()).toEqual(ATTACKS.map((a) => a.label).sort());
    if (!evaluated) return;
    expect(simulation.attacks.principals).toEqual([...ATTACK_PRINCIPALS]);
  });

  test.each(Object.entries(ATTEMPTS))("%s", (label, [expected, stoppedBy]) => {
    if (!evaluated) return;
    const row = rows().find((r) => r.label === label)!;
    const [insider, control, ...others] = letters(expected);
    const got = [row.results[ATTACK_PRINCIPALS[0]], row.control, ...ATTACK_PRINCIPALS.slice(1).map((p) => row.results[p])];
    expect(got).toEqual([insider, control, ...others]);
    expect(row.stoppedBy).toEqual([...stoppedBy].sort());
  });

  test("every statement the guardrail adds stops at least one attempt (or flow), so none is untested", () => {
    if (!evaluated) return;
    const stopping = new Set([...rows().flatMap((r) => r.stoppedBy), ...simulation.flows.flatMap((f) => f.stoppedBy)]);
    const added = [...Object.values(S).map((s) => s.Sid), RCP_STATEMENT.Sid];
    expect(added.filter((sid) => !stopping.has(sid))).toEqual([]);
    // and every one is in the simulated case's policies
    const ids = new Set([...caseNamed(EVERY_PROTECTION.name).statementIds, ...(caseNamed(EVERY_PROTECTION.name).rcp?.Statement.map((s) => s.Sid) ?? [])]);
    expect(added.filter((sid) => !ids.has(sid))).toEqual([]);
  });

  test.each(FLOWS.map((f, i) => [f.label, ...FLOW_RESULTS[i]] as const))("flow: %s", (label, result, stoppedBy, control) => {
    expect(FLOW_RESULTS).toHaveLength(FLOWS.length);
    if (!evaluated) return;
    const flow = simulation.flows.find((f) => f.label === label)!;
    expect([flow.result, flow.stoppedBy, flow.control ?? "-"]).toEqual([LETTER[result], [...stoppedBy].sort(), control === "-" ? "-" : LETTER[control]]);
  });
});

describe("the committed guardrail simulation", () => {
  test("evidence/guardrail-simulation.json is what Terraform and the simulator give today", () => {
    if (!evaluated) return;
    expectCommitted(GUARDRAIL_FILE, guardrailFileContent(simulation));
  });

  test("the README tables: one row per case and principal, per attempt, per flow", () => {
    if (!evaluated) return;
    const t = guardrailTables(simulation);
    const rowsOf = (table: string) => table.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| **"));
    expect(rowsOf(t.guardrailTable)).toHaveLength(1 + GUARDRAIL_CASES.reduce((n, c) => n + c.principals.length, 0));
    for (const row of rowsOf(t.guardrailTable)) expect(row.split(" | ")).toHaveLength(COLUMN_LABELS.length + 2);
    expect(rowsOf(t.attacksTable)).toHaveLength(1 + ATTACKS.length);
    expect(rowsOf(t.flowsTable)).toHaveLength(1 + FLOWS.length);
    const readme = generated().files.get(`${MODULE}/README.md`)!;
    for (const table of [t.guardrailTable, t.attacksTable, t.flowsTable]) expect(readme).toContain(table);
  });
});
