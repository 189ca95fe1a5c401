// modules/cloudshell-monitoring: the evidence that each rule alerts on what it must and on nothing else: the
// patterns as Terraform computes the module's event_patterns output (the committed evidence, which
// the shipped-tests file recomputes), matched against CloudTrail records shaped as AWS documents
// them; the Regions from the real plan of examples/monitoring.
// Its bad inputs are rows of "Mistakes we catch" (test/modules/mistakes.terraform.test.ts); its
// shipped terraform test file runs in test/modules/shipped-tests.terraform.test.ts.
import * as fs from "node:fs";
import * as path from "node:path";
import { monitoringTable } from "../../../src/modules/cloudshell-monitoring/monitoring-table";
import { MONITORING_FILE, MonitoringFile } from "../../../src/evidence/files";
import { RULES, rulesOn } from "../../../src/modules/cloudshell-monitoring/rules";
import { CALLS } from "../../../src/examples/monitoring/definition";
import { SAMPLES } from "../../../src/evidence/cloudtrail-samples";
import { generated, ROOT } from "../../../tools/generated";
import { PlanSnapshot, PLANS_DIR, readSnapshot } from "../../../tools/plan-snapshots";

const MODULE = "modules/cloudshell-monitoring";

/** Every rule the monitoring example's committed plan creates: module instance and rule key. */
function plannedRules(plan: PlanSnapshot): { instance: string; key: string }[] {
  const RULE = /^module\.([a-z0-9_]+)\.aws_cloudwatch_event_rule\.this\["([a-z_]+)"\]$/;
  return plan.resource_changes.flatMap((r) => {
    const m = RULE.exec(r.address);
    return m ? [{ instance: m[1], key: m[2] }] : [];
  });
}

describe("each rule's pattern, as Terraform computes it, alerts on what it must, and on nothing else", () => {
  let evidence: MonitoringFile;

  // The committed evidence: test/modules/shipped-tests.terraform.test.ts recomputes it from a mocked
  // apply, in the same process as the other modules' mocked applies, and fails when it is stale.
  beforeAll(() => {
    evidence = JSON.parse(fs.readFileSync(MONITORING_FILE, "utf8")) as MonitoringFile;
  });

  test("every rule of the module has its pattern", () => {
    expect(evidence.rules.map((r) => r.key)).toEqual(RULES.map((r) => r.key).sort());
  });

  test.each(SAMPLES.map((s) => [s.name, s.alerts] as const))("%s: alerts %j, nothing else", (name, alerts) => {
    const fired = Object.entries(evidence.results[name]).filter(([, hit]) => hit).map(([key]) => key);
    expect(fired.sort()).toEqual([...alerts].sort());
  });

  test("every rule alerts on at least one record and stays silent on at least one", () => {
    for (const r of RULES) {
      const hits = SAMPLES.filter((s) => evidence.results[s.name][r.key]);
      expect(`${r.key}: ${hits.length > 0}`).toBe(`${r.key}: true`);
      expect(`${r.key}: ${hits.length < SAMPLES.length}`).toBe(`${r.key}: true`);
    }
  });

  test("the Regions: eu-west-1 has CloudShell's rules only, with the patterns of us-east-1; IAM's rule is in us-east-1", () => {
    const rules = plannedRules(readSnapshot(fs.readFileSync(path.join(ROOT, PLANS_DIR, "monitoring.json"), "utf8")));
    const keysIn = (instance: string) => rules.filter((r) => r.instance === instance).map((r) => r.key).sort();
    expect(keysIn("eu_west_1")).toEqual(rulesOn(CALLS.eu_west_1));
    expect(keysIn("us_east_1")).toContain("full_access_attached");
  });

  test("the evidence's patterns are those the real plan of examples/monitoring gives its us-east-1 rules (same approved lists)", () => {
    const plan = readSnapshot(fs.readFileSync(path.join(ROOT, PLANS_DIR, "monitoring.json"), "utf8"));
    const planned = Object.fromEntries(
      plan.resource_changes
        .filter((r) => r.address.startsWith("module.us_east_1.aws_cloudwatch_event_rule.this["))
        .map((r) => [/"([a-z_]+)"/.exec(r.address)![1], JSON.parse(r.after!.event_pattern as string)]),
    );
    expect(planned).toEqual(Object.fromEntries(evidence.rules.map((r) => [r.key, r.pattern])));
  });

  test("the README table has one row per record and one column per rule", () => {
    const rows = monitoringTable(evidence).split("\n").filter((l) => l.startsWith("| "));
    expect(rows).toHaveLength(1 + SAMPLES.length);
    expect(generated().files.get(`${MODULE}/README.md`)).toContain(monitoringTable(evidence));
  });
});
