// modules/cloudshell-trail-monitoring: the evidence that each rule's metric filters alert on what
// the EventBridge rule of cloudshell-monitoring alerts on, and on nothing else: the patterns as Terraform computes the
// module's filter_patterns output (the committed evidence, which the shipped-tests file recomputes
// in its verbose process), matched against the same CloudTrail records (src/evidence/filter-pattern.ts). Its bad inputs are rows of Mistakes we catch
// (src/modules/cloudshell-trail-monitoring/mistakes.ts).
import * as fs from "node:fs";
import { trailMonitoringTable } from "../../../src/modules/cloudshell-trail-monitoring/trail-monitoring-table";
import { TRAIL_MONITORING_FILE, TrailMonitoringFile } from "../../../src/evidence/files";
import { RULES } from "../../../src/modules/cloudshell-monitoring/rules";
import { generated } from "../../../tools/generated";
import { OTHER_ACCOUNT, SUBSCRIBED, TRAIL_SAMPLES } from "../../../src/evidence/trail-monitoring-matches";
import { checkPattern } from "../../../src/evidence/filter-pattern";

const MODULE = "modules/cloudshell-trail-monitoring";

describe("each rule's metric filters, as Terraform computes them, alert on what the EventBridge rule alerts on, and on nothing else", () => {
  let evidence: TrailMonitoringFile;
  // The committed evidence: test/modules/shipped-tests.terraform.test.ts recomputes it from a mocked
  // apply, in the same process as the other modules' mocked applies, and fails when it is stale.
  beforeAll(() => {
    evidence = JSON.parse(fs.readFileSync(TRAIL_MONITORING_FILE, "utf8")) as TrailMonitoringFile;
  });

  test("every rule of the shared list has its filters, each within the limits", () => {
    expect(evidence.rules).toEqual(RULES.map((r) => r.key).sort());
    for (const p of [...Object.values(evidence.filters), evidence.subscription.pattern]) expect(() => checkPattern(p)).not.toThrow();
  });

  test.each(TRAIL_SAMPLES.map((s) => [s.name, s.alerts] as const))("%s: alerts %j, nothing else", (name, alerts) => {
    const fired = RULES.map((r) => r.key).filter((k) => evidence.results[name][k]);
    expect(fired.sort()).toEqual([...alerts].sort());
  });

  test("the subscription delivers every record its rules alert on, and CreateEnvironment calls the approved network reads", () => {
    for (const s of TRAIL_SAMPLES) {
      const row = evidence.results[s.name];
      const alerted = SUBSCRIBED.some((k) => row[k]);
      if (alerted) expect(`${s.name}: ${row.subscription}`).toBe(`${s.name}: true`);
      if (s.alerts.includes("full_access_attached")) expect(`${s.name}: ${row.subscription}`).toBe(`${s.name}: false`);
    }
    // Control: an approved VPC environment alerts nothing, yet is delivered (the subscription carries the rule's base).
    expect(evidence.results["VPC environment, approved (VpcConfig)"].subscription).toBe(true);
  });

  test("the account with its own list: its VPC is approved there, another is not, and the organization's filters leave it out", () => {
    const scoped = Object.entries(evidence.filters).filter(([k]) => k.includes(OTHER_ACCOUNT.id));
    expect(scoped.length).toBeGreaterThan(0);
    for (const [, p] of scoped) expect(p).toContain(`$.recipientAccountId = "${OTHER_ACCOUNT.id}"`);
    for (const [k, p] of Object.entries(evidence.filters).filter(([k]) => k.includes("organization"))) expect(`${k}: ${p.includes(`$.recipientAccountId != "${OTHER_ACCOUNT.id}"`)}`).toBe(`${k}: true`);
  });

  test("the README table has one row per record and one column per rule and the subscription", () => {
    const rows = trailMonitoringTable(evidence).split("\n").filter((l) => l.startsWith("| "));
    expect(rows).toHaveLength(1 + TRAIL_SAMPLES.length);
    expect(generated().files.get(`${MODULE}/README.md`)).toContain(trailMonitoringTable(evidence));
  });
});
