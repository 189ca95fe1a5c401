// cloudshell-review on real plans (real Terraform, real hashicorp/aws): every example as its own root,
// the newcomer roots of the READMEs, a change that widens access and one that narrows it, and a plan
// with nothing CloudShell. All come from the examples' one plan (test/examples/plans.terraform.test.ts
// calls this), cut into the plans each root would have alone (tools/plan-snapshots.ts, examplePlan).
// The review's answers on every principal and target of these plans are checked against the IAM
// simulator too (test/support/differential.ts).
import { accessOf } from "../../src/review/access";
import { askedOf, candidatesOf, entitiesOf, ROWS } from "../../src/review/analyse";
import { PolicyDocument } from "../../src/review/evaluate";
import { readPlan } from "../../src/review/plan";
import { exampleNames } from "../../tools/generated";
import { examplePlan } from "../../tools/plan-snapshots";
import { compare } from "../support/differential";
import { CHANGE_ROOTS, NEWCOMER_ROOTS, NOTHING_CLOUDSHELL } from "./roots";
import { review } from "../support/review";


/** What the review of each root must say (exit status, and lines a reviewer looks for). */
const EXPECTED: Record<string, { code: number; says: string[] }> = {
  "iam-policy": {
    code: 3,
    says: [
      "- **role developer** (new): may Launch CloudShell (open a session): public environment, Actions > Upload file, Actions > Download file, Actions > Restart,",
      "| AWS CLI credentials inside the shell | no: denied by DenyCredentialForwarding in managed policy cloudshell-no-credentials |",
      "- `managed policy cloudshell-no-credentials`: 520 of 6,144 characters (managed policy, whitespace not counted)",
      '- `module.cloudshell_policy`: module cloudshell-policy (`../../modules/cloudshell-policy`); allow_restart = true, name = "cloudshell-no-credentials", preset = "no-credentials", role_names = ["developer"]',
    ],
  },
  "permission-set": {
    code: 3,
    says: ["- **permission set CloudShellUser** (new): may", "- `inline policy of permission set CloudShellUser`: 520 of 10,240 characters"],
  },
  "permissions-boundary": {
    code: 3,
    says: [
      "**role cloudshell-operator**: what it may do. Policies: managed policy cloudshell-full (`module.grant.aws_iam_policy.this[0]`), managed policy cloudshell-boundary (`module.boundary.aws_iam_policy.this[0]`).",
      "| AWS CLI credentials inside the shell | no: denied by DenyCredentialForwarding in managed policy cloudshell-boundary |",
    ],
  },
  "scp-guardrail": {
    code: 0,
    says: ["- **output scp_json** (new): denies Launch CloudShell (open a session): public environment: no: denied by DenyCloudShellPublicEnvironments; Actions > Upload file: no: denied by DenyFileUpload;", "| Launch CloudShell (open a session): VPC environment | yes, in any VPC |"],
  },
  "organization-guardrail": {
    code: 0,
    says: [
      "**r-ab12** (new): `SCP cloudshell-organization`:",
      "**ou-ab12-sandbox1a** (new): `SCP cloudshell-disabled`:",
      "| DenyCloudShell | Deny | no CloudShell at all | principals matching `arn:aws:iam::*:role/AWSAFTExecution`; principals matching `arn:aws:iam::*:role/AWSControlTowerExecution`; principals matching `arn:aws:iam::*:role/OrganizationAccountAccessRole`; principals matching `arn:aws:iam::*:role/break-glass-*`; principals matching `arn:aws:iam::*:role/stacksets-exec-*` |",
      "principals matching `arn:aws:iam::*:role/break-glass-*`; principals matching `arn:aws:iam::*:role/stacksets-exec-*`; principals tagged `dp:exclude=true` |",
      "| DenyWideningExemptRoles | Deny | no one, exempt or not, may pass an exempt role to a service, give it a permissions boundary, or attach to it a policy other than an AWS managed one or one named like it | nobody |",
      "| DenyAttachingAWSCloudShellFullAccess | Deny | no attaching AWSCloudShellFullAccess |",
      // The RCP beside the SCPs on the root: its statement in plain words, who is exempt, its size against its own quota.
      "`RCP cloudshell-organization-rcp`: 629 of 5,120 characters (RCP, whitespace counted)",
      "| DenyExemptSessionTags | Deny | no session may carry an exempt tag key unless the caller is exempt, whoever calls: also SAML and OIDC federation | principals matching `arn:aws:iam::*:role/AWSAFTExecution`;",
      "- `RCP cloudshell-organization-rcp`: 629 of 5,120 characters (RCP, whitespace counted)",
    ],
  },
  isolated: {
    code: 3,
    says: [
      "**module.network** (new): a new VPC",
      "- Internet: no internet path (no NAT gateway)",
      "- DNS Firewall: ALLOW allow-listed-domains, BLOCK block-every-other-domain",
      "- Flow logs: 2",
      "- `managed policy cloudshell-isolated-only`: its JSON; depends on local.json in module.network.module.cloudshell_policy",
      "- the policy of 13 VPC endpoint(s) of module.network",
    ],
  },
  "with-nat": { code: 3, says: ["- **network module.network**: adds internet through 1 NAT gateway (us-east-1a) (widens)"] },
  "existing-vpc": { code: 0, says: ["**module.network** (new): VPC vpc-0123456789abcdef0", "- Internet: no internet path (no NAT gateway)"] },
  "trail-monitoring": {
    code: 0,
    says: [
      "- **detections added** in module.cloudshell_trail_monitoring",
      "- `module.cloudshell_trail_monitoring`: module cloudshell-trail-monitoring",
      // A metric filter on the organization trail's log group, through its alarm's state change to the central bus.
      '| `module.cloudshell_trail_monitoring.aws_cloudwatch_log_metric_filter.this["file_transfer"]` | CloudShell: file upload or download URLs were requested. | yes | arn:aws:events:us-east-1:999999999999:event-bus/security-central (its state changes, if matched by module.cloudshell_trail_monitoring.aws_cloudwatch_event_rule.alarms[0]: its pattern is known only after apply) |',
    ],
  },
  monitoring: {
    code: 0,
    says: [
      "| `module.eu_west_1.aws_cloudwatch_event_rule.this[\"public_environment\"]` | CloudShell: a public (non-VPC) environment was created. | yes | arn:aws:events:us-east-1:999999999999:event-bus/security-central |",
      "| `module.us_east_1.aws_config_config_rule.full_access[0]` |",
      "- where `cloudshell-monitoring-public-environment` sends: known after apply",
    ],
  },
  "multi-region": {
    code: 3,
    says: [
      "**r-ab12** (new): `SCP cloudshell-regions`:",
      "| DenyCloudShellOutsideAllowedRegions | Deny | no CloudShell outside the allowed Regions | principals matching `arn:aws:iam::*:role/AWSAFTExecution`; principals matching `arn:aws:iam::*:role/AWSControlTowerExecution`; principals matching `arn:aws:iam::*:role/OrganizationAccountAccessRole`; principals matching `arn:aws:iam::*:role/break-glass-*`; principals matching `arn:aws:iam::*:role/stacksets-exec-*` |",
      "| Launch CloudShell (open a session): public environment | no: denied by DenyCloudShellPublicEnvironments in SCP cloudshell-regions |",
      "input vpc_environments of module.cloudshell_policy: ",
      "aws_subnet.private in module.eu_west_1",
      "**module.eu_west_1** (new): a new VPC 10.20.0.0/16",
      "- the pattern of `cloudshell-eu-west-1-outside-approved-network`; depends on local.event_patterns in module.monitoring_eu_west_1; input approved_security_group_ids of module.monitoring_eu_west_1:",
    ],
  },
  "newcomer-two-region-policy": {
    code: 3,
    says: ["**module.us_east_1** (new):", "**module.eu_west_1** (new):", "- **role developer** (new): may", "input vpc_environments of module.cloudshell_policy: ", "aws_subnet.private in module.eu_west_1"],
  },
  "newcomer-root-guardrail": {
    code: 3,
    says: [
      "- **role platform-engineer** (new): may",
      "| Launch CloudShell (open a session): public environment | no: denied by DenyCloudShellPublicEnvironments in SCP cloudshell-guardrail |",
      "| DenyAttachingAWSCloudShellFullAccess | Deny | no attaching AWSCloudShellFullAccess | principals matching `arn:aws:iam::*:role/AWSAFTExecution`; principals matching `arn:aws:iam::*:role/AWSControlTowerExecution`; principals matching `arn:aws:iam::*:role/OrganizationAccountAccessRole`; principals matching `arn:aws:iam::*:role/break-glass-*`; principals matching `arn:aws:iam::*:role/stacksets-exec-*` |",
      "| DenyStoppingCloudTrailAndConfig | Deny | no one but an exempt principal may stop, change or delete a CloudTrail trail, or stop or delete AWS Config's recorder or delivery channel |",
    ],
  },
  "newcomer-ou-guardrail": {
    code: 0,
    says: ["**ou-ab12-cd34ef56** (new): `SCP cloudshell-sandboxes`", "| DenyCloudShellOutsideAllowedVpcs | Deny | no environment outside the allowed VPCs | principals tagged `dp:exclude=true` |", "| Launch CloudShell (open a session): VPC environment | yes, only in VPC vpc-0123456789abcdef0 |"],
  },
  "newcomer-central-monitoring": {
    code: 0,
    says: ["- **detections added** in module.monitoring_eu_west_1:", "| `module.monitoring_us_east_1.aws_cloudwatch_event_rule.this[\"full_access_attached\"]` | IAM: AWSCloudShellFullAccess was attached to a user, group or role. | yes | arn:aws:events:us-east-1:999999999999:event-bus/security-central |"],
  },
  "newcomer-three-teams": {
    code: 3,
    says: [
      "- **role auditor** (new): may Launch CloudShell (open a session): public environment: yes, in us-east-1",
      "- **role developer** (new): may",
      "| Actions > Download file | no: denied by DenyFileDownload in managed policy cloudshell-operators |",
    ],
  },
};

export function describeReviewOfRealPlans(plan: () => Record<string, unknown>): void {
  const of = (root: string) => examplePlan(plan(), root);

  describe("cloudshell-review of real plans", () => {
    test("every example and every newcomer root, each as its own plan: the exit status and what a reviewer looks for", () => {
      const roots = [...exampleNames(), ...Object.keys(NEWCOMER_ROOTS)];
      const missing = roots.filter((r) => !EXPECTED[r]);
      if (missing.length) throw new Error(`no expectations for the review of ${missing.join(", ")}: add them to EXPECTED in test/review/real-plans.ts`);
      for (const root of roots) {
        const r = review(of(root));
        expect(`${root}: ${r.err}`).toBe(`${root}: `);
        expect(`${root}: exit ${r.code}`).toBe(`${root}: exit ${EXPECTED[root].code}`);
        for (const line of EXPECTED[root].says) expect(`${root}: ${r.out.includes(line) ? line : r.out}`).toBe(`${root}: ${line}`);
      }
    });

    test("a change that widens access: exit 3, and one line names the principal and the feature", () => {
      expect(Object.keys(CHANGE_ROOTS)).toEqual(["change-widening", "change-narrowing"]);
      const r = review(of("change-widening"));
      expect(r.code).toBe(3);
      const approval = r.out.slice(0, r.out.indexOf("### Changes"));
      expect(approval).toContain("**Needs approval: this change widens access or weakens a control** (exit status 3):");
      expect(approval).toContain("- **role developer**, AWS CLI credentials inside the shell: no: denied by DenyCredentialForwarding in managed policy cloudshell-no-credentials → yes");
      // Only that: the other features did not move.
      expect(r.out.match(/^- \*\*role developer\*\*/gm)).toHaveLength(2); // once under approval, once under changes
    });

    test("a change that narrows access: exit 0, each narrowing named", () => {
      const r = review(of("change-narrowing"));
      expect(r.code).toBe(0);
      expect(r.out).toContain("**Nothing in this change widens access or weakens a control.**");
      expect(r.out).toContain("- **role developer**, Actions > Upload file: yes → no: denied by DenyFileUpload in managed policy cloudshell-no-credentials (narrows)");
      expect(r.out).toContain("- **role developer**, Actions > Download file: yes → no: denied by DenyFileDownload in managed policy cloudshell-no-credentials (narrows)");
    });

    test("bad input from real plans: nothing CloudShell, an unknown format version; each exit 2 with what was wrong", () => {
      const none = review(of(NOTHING_CLOUDSHELL));
      expect([none.code, none.out]).toEqual([2, ""]);
      expect(none.err).toContain("standard input has nothing CloudShell: no call of this project's modules, and no IAM policy, SCP, permission set, permissions boundary, policy document output or EventBridge rule that touches CloudShell");
      const future = review({ ...of("iam-policy"), format_version: "2.0" });
      expect([future.code, future.out]).toEqual([2, ""]);
      expect(future.err).toContain("standard input has format_version 2.0; this review reads plans of format 1.x");
      // The control: the same plan at its own version is reviewed.
      expect(review(of("iam-policy")).code).toBe(3);
    });

    test("the review's answers on every principal and SCP target of these plans are the IAM simulator's", async () => {
      const cases = [...exampleNames(), ...Object.keys(NEWCOMER_ROOTS), ...Object.keys(CHANGE_ROOTS)].flatMap((root) => {
        const p = readPlan(JSON.stringify(of(root)), root);
        const access = accessOf(p.after, p.config);
        return entitiesOf(access)
          .filter((e) => e.group !== "policy" && e.policies.every((x) => x.document !== "unknown" && !x.covers))
          .map((e) => {
            const c = candidatesOf(e.policies);
            const docs = (list: { document: unknown }[]) => list.map((x) => x.document as PolicyDocument);
            return {
              name: `${root}: ${e.label}`,
              identity: docs(e.set.identity),
              boundaries: docs(e.set.boundaries ?? []),
              scps: docs(e.set.scps ?? []),
              requests: ROWS.flatMap((row) => askedOf(row, c, access.partition, e.principal).flatMap((q) => q.requests)),
            };
          });
      });
      expect(cases.length).toBeGreaterThan(10);
      const result = await compare(cases);
      expect(result.disagreements).toEqual([]);
      expect(result.unknown).toEqual([]);
    });
  });
}
