// cloudshell-review on resource control policies (the guardrail's resource_control_policy, or a
// team's own): shown beside the SCPs of their target, statement by statement with who is exempt, and
// sized against the RCP quota; removing a statement or exempting someone more needs approval (exit 3).
// Controls: an RCP changes no CloudShell feature's answer, and a tag policy attached beside is not one.
import { planOf, resourceChange, review as reviewPlan } from "../support/review";
import { RCP_STATEMENT } from "../../src/facts/organizations";
import { POLICY_SIZE_LIMITS, thousands } from "../../src/facts/limits";

const SCP = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "DenyCredentialForwarding",
      Effect: "Deny",
      Action: "cloudshell:PutCredentials",
      Resource: "*",
    },
  ],
};
const rcp = (exempt: string[]) => ({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: RCP_STATEMENT.Sid,
      Effect: "Deny",
      Principal: "*",
      Action: ["sts:TagSession", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"],
      Resource: "*",
      Condition: {
        "ForAnyValue:StringEquals": { "aws:TagKeys": ["dp:exclude"] },
        ArnNotLike: { "aws:PrincipalArn": exempt },
      },
    },
  ],
});

const policy = (id: string, type: string, document: object) => ({
  id,
  name: id,
  type,
  content: JSON.stringify(document),
});
const attachment = (id: string) => ({ policy_id: id, target_id: "r-ab12" });

/** The review of a plan in which the root holds the SCP and, before and after, the RCP given (or none). */
function review(before: object | null, after: object | null, more: ReturnType<typeof resourceChange>[] = []) {
  return reviewPlan(
    planOf([
      resourceChange("aws_organizations_policy.scp", policy("p-scp", "SERVICE_CONTROL_POLICY", SCP), policy("p-scp", "SERVICE_CONTROL_POLICY", SCP)),
      resourceChange("aws_organizations_policy_attachment.scp", attachment("p-scp"), attachment("p-scp")),
      resourceChange("aws_organizations_policy.rcp", before && policy("p-rcp", "RESOURCE_CONTROL_POLICY", before), after && policy("p-rcp", "RESOURCE_CONTROL_POLICY", after)),
      resourceChange("aws_organizations_policy_attachment.rcp", before && attachment("p-rcp"), after && attachment("p-rcp")),
      ...more,
    ])
  );
}

const BREAK_GLASS = "arn:aws:iam::*:role/break-glass-*";

describe("cloudshell-review: resource control policies", () => {
  test("an RCP is shown with its target's SCPs: its statement in plain words, who is exempt, its size against the RCP quota", () => {
    const r = review(rcp([BREAK_GLASS]), rcp([BREAK_GLASS]));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("### Service and resource control policies");
    expect(r.out).toContain(`| ${RCP_STATEMENT.Sid} | Deny | ${RCP_STATEMENT.words} | principals matching \`${BREAK_GLASS}\` |`);
    const size = JSON.stringify(rcp([BREAK_GLASS])).length;
    expect(r.out).toContain(`- \`RCP p-rcp\`: ${thousands(size)} of ${thousands(POLICY_SIZE_LIMITS.rcp)} characters (RCP, whitespace counted)`);
  });

  test("control: the RCP changes no CloudShell feature's answer on its target (the same rows with it and without it)", () => {
    const rows = (out: string) => out.split("\n").filter((l) => /^\| (Launch|Actions|AWS CLI|List|Approve)/.test(l));
    const withRcp = rows(review(rcp([BREAK_GLASS]), rcp([BREAK_GLASS])).out);
    expect(withRcp.length).toBeGreaterThan(5);
    expect(withRcp).toEqual(rows(review(null, null).out));
  });

  test("removing the RCP, or exempting someone more, needs approval (exit 3); exempting fewer narrows (exit 0)", () => {
    const removed = review(rcp([BREAK_GLASS]), null);
    expect(removed.code).toBe(3);
    expect(removed.out).toContain(`- **RCPs on r-ab12**: statement \`${RCP_STATEMENT.Sid}\` (${RCP_STATEMENT.words}) removed (widens)`);
    const wider = review(rcp([BREAK_GLASS]), rcp([BREAK_GLASS, "arn:aws:iam::*:role/ci-*"]));
    expect(wider.code).toBe(3);
    expect(wider.out).toContain("- **RCPs on r-ab12**: principals matching `arn:aws:iam::*:role/ci-*` now exempt (widens)");
    const narrower = review(rcp([BREAK_GLASS, "arn:aws:iam::*:role/ci-*"]), rcp([BREAK_GLASS]));
    expect(narrower.code).toBe(0);
    expect(narrower.out).toContain("- **RCPs on r-ab12**: principals matching `arn:aws:iam::*:role/ci-*` no longer exempt (narrows)");
  });

  test("control: a tag policy attached to the same target is neither an SCP nor an RCP", () => {
    const tagPolicy = { tags: { team: { tag_key: { "@@assign": "team" } } } };
    const r = review(rcp([BREAK_GLASS]), rcp([BREAK_GLASS]), [
      resourceChange("aws_organizations_policy.tags", null, policy("p-tags", "TAG_POLICY", tagPolicy)),
      resourceChange("aws_organizations_policy_attachment.tags", null, attachment("p-tags")),
    ]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("p-tags");
  });
});
