// modules/cloudshell-guardrail under real Terraform: bad inputs and their messages, the size limit
// as a plan-time error that names the size, and the SCP of every case simulated offline
// (@cloud-copilot/iam-simulate) as an SCP over an identity policy that allows everything,
// compared with the behaviour written here by hand. Its shipped terraform test file (mocked
// apply) runs in test/modules/shipped-tests.terraform.test.ts, with the plan of allowed IDs unknown
// at plan (scp_count), which shares its terraform test process.
import { guardrailTable } from "../../../src/generator/guardrail-table";
import { generated } from "../../../tools/generated";
import { checkInputs, InputCase } from "../../../tools/input-checks";
import {
  buildGuardrailSimulation,
  COLUMN_LABELS,
  evaluateGuardrail,
  EvaluatedCase,
  GUARDRAIL_CASES,
  GUARDRAIL_FILE,
  guardrailFileContent,
  GuardrailSimulation,
  PRINCIPALS,
  PROTECTION_SIDS,
} from "../../../tools/simulate-scp";
import { FeatureResult } from "../../../tools/simulate";
import { expectCommitted } from "../../support/evidence";
import { withProvider } from "../../support/provider";

const MODULE = "modules/cloudshell-guardrail";

describe("cloudshell-guardrail: bad inputs are rejected with a clear message", () => {
  const CASES: [string, Record<string, unknown>, string][] = [
    ["no choice at all", {}, "The guardrail denies nothing: set at least one of disable_cloudshell"],
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
    ["a session ARN as exemption", { deny_public_environments: true, exempt_principal_arns: ["arn:aws:sts::123456789012:assumed-role/admin/me"] }, "exempt_principal_arns must hold IAM role or user ARN patterns"],
    ["a bare wildcard as exemption", { deny_public_environments: true, exempt_principal_arns: ["*"] }, "exempt_principal_arns must hold IAM role or user ARN patterns"],
    ["every role as exemption", { deny_public_environments: true, exempt_principal_arns: ["arn:aws:iam::*:role/*"] }, "exempt_principal_arns must name the roles or users it exempts: a name part of wildcards alone"],
    ["every user of one account as exemption", { deny_public_environments: true, exempt_principal_arns: ["arn:aws:iam::123456789012:user/*"] }, "exempt_principal_arns must name the roles or users it exempts"],
    ["role/?* as exemption", { deny_public_environments: true, exempt_principal_arns: ["arn:aws:iam::*:role/?*"] }, "exempt_principal_arns must name the roles or users it exempts"],
    ["every role on any path as exemption", { deny_public_environments: true, exempt_principal_arns: ["arn:aws:iam::*:role/*/*"] }, "exempt_principal_arns must name the roles or users it exempts"],
    ["scp_count over 10", { deny_public_environments: true, scp_count: 11 }, "scp_count must be null (decided at plan) or a whole number from 1 to 10"],
    ["a fractional scp_count", { deny_public_environments: true, scp_count: 1.5 }, "scp_count must be null"],
    ["a name over 125 characters", { deny_public_environments: true, name: "x".repeat(126) }, "name must be 1-125 characters"],
    ["a reserved exemption tag key", { deny_public_environments: true, exempt_principal_tags: { "aws:exclude": "true" } }, "exempt_principal_tags must map IAM tag keys"],
    ["an empty name", { deny_public_environments: true, name: "" }, "name must be 1-125 characters"],
    ["a description over 512 characters", { deny_public_environments: true, description: "x".repeat(513) }, "description must be at most 512 characters"],
    ["an unknown partition", { deny_public_environments: true, partition: "aws-moon" }, "partition must be one of aws, aws-us-gov: the partitions with CloudShell"],
    ["a reserved tag key", { deny_public_environments: true, tags: { "aws:owner": "x" } }, 'do not start with "aws:"'],
  ];
  const ACCEPTED: [string, Record<string, unknown>][] = [
    ["disable_cloudshell with deny_attaching_full_access", { disable_cloudshell: true, deny_attaching_full_access: true }],
    ["a root, an OU and an account", { deny_public_environments: true, target_ids: ["r-ab12", "ou-ab12-cd34ef56", "123456789012"] }],
    ["role, user and root patterns", { deny_public_environments: true, exempt_principal_arns: ["arn:aws:iam::*:role/break-glass-*", "arn:aws-us-gov:iam::123456789012:user/admin", "arn:aws:iam::123456789012:root"] }],
    ["a wildcard account and partition with a named role", { deny_public_environments: true, exempt_principal_arns: ["arn:*:iam::*:role/ops/break-glass"] }],
    ["an allow-list of each kind", { allowed_vpc_ids: ["vpc-0123456789abcdef0"], allowed_subnet_ids: ["subnet-01234567"], allowed_security_group_ids: ["sg-0123456789abcdef0"] }],
    ["six security groups to choose from", { allowed_security_group_ids: [1, 2, 3, 4, 5, 6].map((i) => `sg-0000000${i}`) }],
    ["allowed_regions alone", { allowed_regions: ["us-east-1", "eu-west-1"] }],
  ];
  let got: Record<string, string>;
  beforeAll(async () => {
    const cases = [...ACCEPTED, ...CASES.map(([n, v]) => [n, v] as [string, Record<string, unknown>])];
    const results = await checkInputs(generated().files.get(`${MODULE}/variables.tf`)!, cases.map(([name, variables]) => ({ name, variables }) as InputCase));
    got = Object.fromEntries(results.map((r) => [r.name, r.accepted ? "accepted" : r.messages.join(" | ")]));
  });

  test.each(ACCEPTED.map(([n]) => [n]))("accepts %s", (name) => expect(got[name]).toBe("accepted"));
  test.each(CASES)("rejects %s", (name, _vars, message) => expect(got[name]).toContain(message));
});

// The size limit's message (statements that no split into SCPs fits stop the plan) is checked in
// test/modules/shipped-tests.terraform.test.ts, in the same `terraform test` process as the shipped files.

// ---- The simulation, and what it must show, written by hand ----
// Columns in COLUMN_LABELS order. A = allowed, D = denied by the guardrail.
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
  "Create a role matching a pattern",
  "Take over an exempt role's trust",
  "Attach a policy to an exempt role",
  "Take over a role tagged exempt",
  "Tag oneself exempt",
  "Create a role with the tag",
  "Session tag on AssumeRole",
  "Other services",
];
// The insider's columns (Mk Trs Att Tgd Tag Ctg Ses): a role matching a pattern, an exempt role's
// trust policy, a policy on it, a role tagged exempt, tagging oneself, a role created with the tag,
// a session tag. Allowed wherever there is no exemption to protect, and in the control case.
const NOTHING_TO_PROTECT = "A   A   A   A   A   A   A";
const PROTECTED = "D   D   D   D   D   D   D";
// prettier-ignore
const BASE: Record<string, Record<string, string>> = {
  //                                                       Pub VOk VVp VSn VSg Ses UpD Crd Oth Rgn Att AtO Bnd | insider | Svc
  "disable_cloudshell":                       { developer: "D   D   D   D   D   D   D   D   D   D   A   A   A   | - |  A" },
  "deny_public_environments":                 { developer: "D   A   A   A   A   A   A   A   A   A   A   A   A   | - |  A" },
  "allowed_vpc_ids":                          { developer: "D   A   D   A   A   A   A   A   A   A   A   A   A   | - |  A" },
  "allowed_subnet_ids":                       { developer: "D   A   D   D   A   A   A   A   A   A   A   A   A   | - |  A" },
  "allowed_security_group_ids":               { developer: "D   A   D   A   D   A   A   A   A   A   A   A   A   | - |  A" },
  "deny_file_transfer":                       { developer: "A   A   A   A   A   A   D   A   A   A   A   A   A   | - |  A" },
  "deny_credential_forwarding":               { developer: "A   A   A   A   A   A   A   D   A   A   A   A   A   | - |  A" },
  "allowed_regions":                          { developer: "A   A   A   A   A   A   A   A   A   D   A   A   A   | - |  A" },
  "deny_attaching_full_access":               { developer: "A   A   A   A   A   A   A   A   A   A   D   A   A   | - |  A" },
  "every choice":                             { developer: "D   A   D   D   D   A   D   D   A   D   D   A   A   | - |  A" },
  "every choice, exemptions": {
    developer:                                             "D   A   D   D   D   A   D   D   A   D   D   A   A   | P |  A",
    "break-glass role":                                    "A   A   A   A   A   A   A   A   A   A   A   A   A   | - |  A",
    "dp:exclude=true":                                     "A   A   A   A   A   A   A   A   A   A   A   A   A   | - |  A",
    "dp:exclude=false":                                    "D   A   D   D   D   A   D   D   A   D   D   A   A   | P |  A",
  },
  "every choice, exemptions, without their protection (control)": {
    developer:                                             "D   A   D   D   D   A   D   D   A   D   D   A   A   | - |  A",
  },
  "disable_cloudshell + deny_attaching_full_access, exemptions": {
    developer:                                             "D   D   D   D   D   D   D   D   D   D   D   A   A   | P |  A",
    "break-glass role":                                    "A   A   A   A   A   A   A   A   A   A   A   A   A   | - |  A",
    "dp:exclude=true":                                     "A   A   A   A   A   A   A   A   A   A   A   A   A   | - |  A",
    "dp:exclude=false":                                    "D   D   D   D   D   D   D   D   D   D   D   A   A   | P |  A",
  },
};
BASE["disable_cloudshell + deny_attaching_full_access, 31 exempt patterns (two SCPs)"] = BASE["disable_cloudshell + deny_attaching_full_access, exemptions"];
/** "| P |" is the insider's seven columns denied (protected), "| - |" the seven allowed. */
const EXPECTED: Record<string, Record<string, string>> = Object.fromEntries(
  Object.entries(BASE).map(([c, rows]) => [c, Object.fromEntries(Object.entries(rows).map(([p, r]) => [p, r.replace("| P |", PROTECTED).replace("| - |", NOTHING_TO_PROTECT)]))]),
);
const LETTER: Record<string, FeatureResult> = { A: "Allowed", D: "ExplicitlyDenied", "-": "ImplicitlyDenied" };
const expectedRow = (letters: string) => Object.fromEntries(letters.trim().split(/\s+/).map((l, i) => [COLUMNS[i], LETTER[l]]));

let evaluated: EvaluatedCase[] | undefined;
let simulation: GuardrailSimulation;
const resultsOf = (name: string) => simulation.cases.find((c) => c.name === name)!.results;

beforeAll(async () => {
  evaluated = await withProvider("the guardrail simulation", () => evaluateGuardrail(generated().files, GUARDRAIL_CASES));
  if (evaluated) simulation = await buildGuardrailSimulation(evaluated);
});

describe("the guardrail, simulated as an SCP, denies what each choice says and nothing more", () => {
  test("the expectations cover every case, principal and column", () => {
    expect(COLUMNS).toEqual(COLUMN_LABELS);
    expect(Object.keys(EXPECTED).sort()).toEqual(GUARDRAIL_CASES.map((c) => c.name).sort());
    for (const c of GUARDRAIL_CASES) expect(`${c.name}: ${Object.keys(EXPECTED[c.name]).sort()}`).toBe(`${c.name}: ${[...c.principals].sort()}`);
  });

  test.each(GUARDRAIL_CASES.flatMap((c) => c.principals.map((p) => [c.name, p])))("%s, %s: every column as expected", (name, principal) => {
    if (!evaluated) return;
    const expected = expectedRow(EXPECTED[name][principal]);
    const simulated = resultsOf(name)[principal];
    const wrong = COLUMNS.filter((c) => simulated[c] !== expected[c]).map((c) => `${c}: expected ${expected[c]}, simulated ${simulated[c]}`);
    expect(wrong).toEqual([]);
  });

  test("every statement is a Deny, and with exemptions every one carries both exemption conditions", () => {
    if (!evaluated) return;
    for (const c of evaluated) {
      const statements = c.policy.Statement as { Sid: string; Effect: string; Condition?: Record<string, Record<string, unknown>> }[];
      for (const s of statements) {
        expect(`${c.name} / ${s.Sid}: ${s.Effect}`).toBe(`${c.name} / ${s.Sid}: Deny`);
        if (!("exempt_principal_arns" in c.inputs)) continue;
        expect(s.Condition?.ArnNotLike?.["aws:PrincipalArn"]).toEqual([...(c.inputs.exempt_principal_arns as string[])].sort());
        expect(s.Condition?.StringNotEquals?.["aws:PrincipalTag/dp:exclude"]).toBe("true");
      }
    }
  });

  test("with exemptions the protection statements are there; the control case is the same SCP without them", () => {
    if (!evaluated) return;
    const ids = (name: string) => evaluated!.find((c) => c.name === name)!.statementIds;
    const protectedIds = ids("every choice, exemptions");
    expect(protectedIds.slice(-3)).toEqual(PROTECTION_SIDS);
    expect(ids("every choice, exemptions, without their protection (control)")).toEqual(protectedIds.filter((id) => !PROTECTION_SIDS.includes(id)));
    for (const c of evaluated.filter((x) => !("exempt_principal_arns" in x.inputs))) expect(`${c.name}: ${c.statementIds.filter((id) => PROTECTION_SIDS.includes(id))}`).toBe(`${c.name}: `);
  });

  test("the SCPs are minified, each within 10,240 characters; one SCP unless the statements exceed it", () => {
    if (!evaluated) return;
    for (const c of evaluated) {
      expect(JSON.stringify(c.policy).length).toBe(c.size);
      for (const p of c.policies) expect(JSON.stringify(p).length).toBeLessThanOrEqual(10240);
      expect(`${c.name}: ${c.policies.length}`).toBe(`${c.name}: ${c.size > 10240 ? 2 : 1}`);
      expect(c.policies.flatMap((p) => p.Statement)).toEqual(c.policy.Statement);
    }
    // An SCP over the old 5,120-character limit, under the current one, is one SCP.
    const every = evaluated.find((c) => c.name === "every choice, exemptions")!;
    expect(every.size).toBeGreaterThan(5120);
    expect(every.policies).toHaveLength(1);
  });

  test("a principal is exempt by its role ARN, not by the name of a look-alike", () => {
    expect(PRINCIPALS["break-glass role"].arn).toMatch(/:role\/break-glass-/);
    expect(PRINCIPALS.developer.arn).not.toMatch(/break-glass/);
    expect(PRINCIPALS.developer.tags).toEqual({});
  });
});

describe("the committed guardrail simulation", () => {
  test("evidence/guardrail-simulation.json is what Terraform and the simulator give today", () => {
    if (!evaluated) return;
    expectCommitted(GUARDRAIL_FILE, guardrailFileContent(simulation));
  });

  test("the README table has one row per case and principal, one column per request group", () => {
    if (!evaluated) return;
    const rows = guardrailTable(simulation).split("\n").filter((l) => l.startsWith("| "));
    expect(rows).toHaveLength(1 + GUARDRAIL_CASES.reduce((n, c) => n + c.principals.length, 0));
    for (const row of rows) expect(row.split(" | ")).toHaveLength(COLUMN_LABELS.length + 2);
    expect(generated().files.get(`${MODULE}/README.md`)).toContain(guardrailTable(simulation));
  });
});
