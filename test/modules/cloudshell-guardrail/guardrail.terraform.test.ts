// modules/cloudshell-guardrail under real Terraform: the SCPs of every case simulated offline
// (@cloud-copilot/iam-simulate) as SCPs over an identity policy that allows everything, compared with the behaviour written here by hand: what each CloudShell choice
// denies and for whom; every attempt on the guardrail itself (src/evidence/guardrail-attacks.ts) by an
// insider, with a control without the statements that stopped it, and by the platform's roles;
// the flows across accounts. Its shipped terraform test file (mocked apply) runs in
// test/modules/shipped-tests.terraform.test.ts, with the plan of allowed IDs unknown at plan,
// which shares its terraform test process. Its bad inputs are rows of Mistakes we catch
// (src/modules/cloudshell-guardrail/mistakes.ts).
import { guardrailTables } from "../../../src/modules/cloudshell-guardrail/guardrail-table";
import { GUARDRAIL_FILE } from "../../../src/evidence/files";
import { GUARDRAIL_STATEMENTS, RCP_STATEMENT } from "../../../src/facts/organizations";
import { generated } from "../../../tools/generated";
import { parse } from "../../support/hcl2json";
import { ATTACK_PRINCIPALS, ATTACKS, FLOWS } from "../../../src/evidence/guardrail-attacks";
import {
  buildGuardrailSimulation,
  COLUMN_LABELS,
  evaluateGuardrail,
  EvaluatedCase,
  EVERY_PROTECTION,
  GUARDRAIL_CASES,
  GuardrailSimulation,
  PRINCIPALS,
} from "../../../src/evidence/simulate-scp";
import { FeatureResult } from "../../../src/evidence/simulate";
import { expectCommitted } from "../../support/evidence";
import { describeWithProvider } from "../../support/provider";

const MODULE = "modules/cloudshell-guardrail";
const S = GUARDRAIL_STATEMENTS;

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
  "Launch a proxy with the network's security group, or put it on an existing instance": [STOPPED, [S.groupUse.Sid]],
  "CloudShell creates its network interface in the approved network":   [ALLOWED, []],
  "Open another VPC's security group":                                   [ALLOWED, []],
  "Delete one's own EventBridge rule":                                   [ALLOWED, []],
  "Create and change one's own roles":                                   [ALLOWED, []],
};
// Each flow's result, the statements that decide it, and the control's result ("-": no control), by label;
// each allowed flow has a denied twin (the same request by a caller who is not exempt).
// prettier-ignore
const FLOW_RESULTS: Record<string, [string, string[], string]> = {
  "Break-glass from the management account: its responder role assumes break-glass-admin, whose trust names it":              ["A", [], "-"],
  "The break-glass session opens CloudShell anywhere (it is exempt)":                                                           ["A", [], "-"],
  "AFT from its own account: aws-aft-AdministratorRole (governed, not exempt) assumes AWSAFTExecution, whose trust names it": ["A", [], "-"],
  "The member account's administrator assumes AWSAFTExecution, whose trust names the account (the AFT flow's denied twin)":    ["D", [S.exemptRoles.Sid], "A"],
  "The member account's administrator assumes break-glass-admin, whose trust names the account":                              ["D", [S.exemptRoles.Sid], "A"],
  "An OIDC session (an identity provider the insider controls) asks for the exempt tag":                                      ["D", [RCP_STATEMENT.Sid], "A"],
  "A SAML session asks for the exempt tag":                                                                                    ["D", [RCP_STATEMENT.Sid], "A"],
  "A role that trusts an account outside the organization (the insider's own) is assumed from there with the exempt tag":     ["D", [RCP_STATEMENT.Sid], "A"],
  "The break-glass role passes the exempt tag on when it assumes another role":                                                ["A", [], "-"],
  "The member account's administrator passes the exempt tag on when it assumes another role (the break-glass flow's denied twin)": ["D", [RCP_STATEMENT.Sid], "A"],
};

describe("the expectations written here by hand", () => {
  test("they cover every case, principal and column, every attempt and every flow", () => {
    expect(COLUMNS).toEqual(COLUMN_LABELS);
    expect(Object.keys(CHOICES).sort()).toEqual(GUARDRAIL_CASES.map((c) => c.name).sort());
    for (const c of GUARDRAIL_CASES) expect(`${c.name}: ${Object.keys(CHOICES[c.name]).sort()}`).toBe(`${c.name}: ${[...c.principals].sort()}`);
    expect(Object.keys(ATTEMPTS).sort()).toEqual(ATTACKS.map((a) => a.label).sort());
    expect(Object.keys(FLOW_RESULTS).sort()).toEqual(FLOWS.map((f) => f.label).sort());
  });

  test("a principal is exempt by its role ARN, not by the name of a look-alike", () => {
    expect(PRINCIPALS["break-glass role"].arn).toMatch(/:role\/break-glass-/);
    expect(PRINCIPALS.developer.arn).not.toMatch(/break-glass/);
    expect(PRINCIPALS.developer.tags).toEqual({});
  });

  test("the README's usage is the case simulated as every protection, so the sizes it quotes are its own", async () => {
    const readme = generated().files.get(`${MODULE}/README.md`)!;
    const usage = readme.slice(readme.indexOf("## Usage"));
    const parsed = (await parse("usage.tf", /```hcl\n([\s\S]*?)```/.exec(usage)![1])) as { module: Record<string, Record<string, unknown>[]> };
    const { source, version, target_ids, ...inputs } = parsed.module.cloudshell_guardrail[0];
    expect([source, version, target_ids].every((x) => x !== undefined)).toBe(true);
    expect(inputs).toEqual(EVERY_PROTECTION.inputs);
  });
});

describeWithProvider("the guardrail's SCPs as Terraform computes them, simulated", () => {
  let evaluated: EvaluatedCase[];
  let simulation: GuardrailSimulation;
  const resultsOf = (name: string) => simulation.cases.find((c) => c.name === name)!.results;
  const caseNamed = (name: string) => evaluated.find((c) => c.name === name)!;

  beforeAll(async () => {
    evaluated = await evaluateGuardrail(generated().files, GUARDRAIL_CASES);
    simulation = await buildGuardrailSimulation(evaluated);
  });

  describe("the guardrail denies what each choice says and nothing more", () => {
    test.each(GUARDRAIL_CASES.flatMap((c) => c.principals.map((p) => [c.name, p])))("%s, %s: every column as expected", (name, principal) => {
      const expected = letters(CHOICES[name][principal]);
      const simulated = resultsOf(name)[principal];
      const wrong = COLUMNS.flatMap((c, i) => (simulated[c] === expected[i] ? [] : [`${c}: expected ${expected[i]}, simulated ${simulated[c]}`]));
      expect(wrong).toEqual([]);
    });

    test("every statement is a Deny; with exemptions every one but the invariants carries both exemption conditions, and the invariants none", () => {
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
  });

  describe("what an insider tries, and what the platform still does", () => {
    const rows = () => simulation.attacks.rows;

    test("every principal is simulated", () => {
      expect(simulation.attacks.principals).toEqual([...ATTACK_PRINCIPALS]);
    });

    test.each(Object.entries(ATTEMPTS))("%s", (label, [expected, stoppedBy]) => {
      const row = rows().find((r) => r.label === label)!;
      const [insider, control, ...others] = letters(expected);
      const got = [row.results[ATTACK_PRINCIPALS[0]], row.control, ...ATTACK_PRINCIPALS.slice(1).map((p) => row.results[p])];
      expect(got).toEqual([insider, control, ...others]);
      expect(row.stoppedBy).toEqual([...stoppedBy].sort());
    });

    test("every statement the guardrail adds stops at least one attempt (or flow), so none is untested", () => {
      const stopping = new Set([...rows().flatMap((r) => r.stoppedBy), ...simulation.flows.flatMap((f) => f.stoppedBy)]);
      const added = [...Object.values(S).map((s) => s.Sid), RCP_STATEMENT.Sid];
      expect(added.filter((sid) => !stopping.has(sid))).toEqual([]);
      // and every one is in the simulated case's policies
      const ids = new Set([...caseNamed(EVERY_PROTECTION.name).statementIds, ...(caseNamed(EVERY_PROTECTION.name).rcp?.Statement.map((s) => s.Sid) ?? [])]);
      expect(added.filter((sid) => !ids.has(sid))).toEqual([]);
    });

    test.each(FLOWS.map((f) => [f.label, ...FLOW_RESULTS[f.label]] as const))("flow: %s", (label, result, stoppedBy, control) => {
      const flow = simulation.flows.find((f) => f.label === label)!;
      expect([flow.result, flow.stoppedBy, flow.control ?? "-"]).toEqual([LETTER[result], [...stoppedBy].sort(), control === "-" ? "-" : LETTER[control]]);
    });
  });

  describe("the committed guardrail simulation", () => {
    test("evidence/guardrail-simulation.json is what Terraform and the simulator give today", () => {
      expectCommitted(GUARDRAIL_FILE, simulation);
    });

    test("the README tables: one row per case and principal, per attempt, per flow", () => {
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
});
