import * as fs from "node:fs";
import * as path from "node:path";
import { DEFINITIONS } from "../src/definitions";
import { generated, ROOT } from "./support/generated";
import { planSnapshots, SNAPSHOT_DIR } from "./support/plan-snapshot";

describe("plan snapshots of the examples (plans/*.md)", () => {
  const fresh = planSnapshots(DEFINITIONS, generated().units, generated().files);

  test("every example has one, and the committed ones are current", () => {
    const examples = DEFINITIONS.filter((d) => d.kind === "example").map((d) => `${SNAPSHOT_DIR}/${d.name}.md`);
    expect([...fresh.keys()].sort()).toEqual(examples.sort());
    const committed = fs.existsSync(path.join(ROOT, SNAPSHOT_DIR)) ? fs.readdirSync(path.join(ROOT, SNAPSHOT_DIR)).map((f) => `${SNAPSHOT_DIR}/${f}`) : [];
    const stale = [...fresh].filter(([rel, content]) => !fs.existsSync(path.join(ROOT, rel)) || fs.readFileSync(path.join(ROOT, rel), "utf8") !== content).map(([rel]) => rel);
    const extra = committed.filter((rel) => !fresh.has(rel));
    if (stale.length || extra.length) {
      throw new Error(`plan snapshots differ (review the change, then run \`npm run snapshots\` and commit):\n  ${[...stale, ...extra].join("\n  ")}`);
    }
  });

  test("each snapshot's header says whether it is a real plan or addresses from provider-free logic", () => {
    for (const d of DEFINITIONS.filter((x) => x.kind === "example")) {
      const text = fresh.get(`${SNAPSHOT_DIR}/${d.name}.md`)!;
      if (d.requirements.providers.length === 0) expect(text).toMatch(/^<!-- .*a REAL plan/);
      else expect(text).toMatch(/^<!-- .*resource ADDRESSES.*\n(.*\n)*.*cannot be downloaded/);
    }
  });

  test("the SCP example's real plan carries the guardrail's deny statements", () => {
    const text = fresh.get(`${SNAPSHOT_DIR}/scp-guardrail.md`)!;
    const plan = JSON.parse(text.slice(text.indexOf("```json") + 7, text.lastIndexOf("```")));
    const scp = JSON.parse(plan.output_changes.scp_json.after);
    expect(scp.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      "DenyCredentialForwarding",
      "DenyFileDownload",
      "DenyFileUpload",
      "DenyCloudShellPublicEnvironments",
    ]);
    expect(text).not.toMatch(/"(timestamp|terraform_version)"/);
  });

  test("the IAM policy example creates the policy and one attachment keyed by role name", () => {
    const text = fresh.get(`${SNAPSHOT_DIR}/iam-policy.md`)!;
    expect(text).toContain('+ module.cloudshell_policy.aws_iam_policy.this[0]');
    expect(text).toContain('+ module.cloudshell_policy.aws_iam_role_policy_attachment.roles["developer"]');
    expect(text).toContain("2 resource(s) to create.");
  });
});
