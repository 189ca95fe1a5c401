// modules/cloudshell-monitoring: bad inputs and their messages (its variables.tf under real
// Terraform), and the evidence that each rule alerts on what it must and on nothing else: the
// patterns as Terraform computes the module's event_patterns output (the committed evidence, which
// the shipped-tests file recomputes), matched against CloudTrail records shaped as AWS documents
// them; the Regions from the real plan of examples/monitoring.
// Its shipped terraform test file runs in test/modules/shipped-tests.terraform.test.ts.
import * as fs from "node:fs";
import * as path from "node:path";
import { MonitoringFile, monitoringTable } from "../../../src/generator/monitoring-table";
import { RULES } from "../../../src/modules/cloudshell-monitoring/rules";
import { SAMPLES } from "../../../tools/cloudtrail-samples";
import { generated, ROOT } from "../../../tools/generated";
import { inputOutcomes } from "../../../tools/input-checks";
import { Value } from "../../../src/hcl/writer";
import { MONITORING_FILE } from "../../../tools/monitoring-matches";
import { PlanSnapshot, PLANS_DIR, readSnapshot } from "../../../tools/plan-snapshots";

const MODULE = "modules/cloudshell-monitoring";
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const TOPIC = "arn:aws:sns:us-east-1:111122223333:security-alerts";
const BUS = "arn:aws:events:us-east-1:999999999999:event-bus/security-central";
const NOTHING = { detect_public_environments: false, detect_file_transfer: false, detect_credential_forwarding: false, detect_access_denied: false, detect_recording_stopped: false };

describe("cloudshell-monitoring: bad inputs are rejected with a clear message", () => {
  const CASES: [string, Record<string, Value>, string][] = [
    ["nothing to monitor", { ...NOTHING, kms_key_arn: KEY }, "The module monitors nothing: turn on at least one of detect_public_environments"],
    ["a created topic without a key", {}, "kms_key_arn is required when the module creates the SNS topic"],
    ["the AWS managed SNS key", { kms_key_arn: "arn:aws:kms:us-east-1:111122223333:alias/aws/sns" }, "an AWS managed key (alias/aws/sns) cannot be used"],
    ["a key ID instead of an ARN", { kms_key_arn: "1234abcd-12ab-34cd-56ef-1234567890ab" }, "kms_key_arn must be the ARN of a customer managed key or of its alias"],
    ["a key with an existing topic", { kms_key_arn: KEY, sns_topic_arn: TOPIC }, "kms_key_arn applies only to the SNS topic the module creates"],
    ["two targets", { sns_topic_arn: TOPIC, event_bus_arn: BUS }, "Set at most one target: sns_topic_arn or event_bus_arn"],
    ["a FIFO topic", { sns_topic_arn: `${TOPIC}.fifo` }, "sns_topic_arn must be a standard SNS topic ARN"],
    ["a rule ARN as the bus", { event_bus_arn: "arn:aws:events:us-east-1:999999999999:rule/central" }, 'event_bus_arn must be an event bus ARN such as "arn:aws:events:us-east-1:111122223333:event-bus/security-central"'],
    ["a name too long for the rule names", { kms_key_arn: KEY, name: "x".repeat(40) }, "name must be 1-39 characters of A-Z a-z 0-9 _ -"],
    ["a name with a dot", { kms_key_arn: KEY, name: "cloudshell.monitoring" }, "name must be 1-39 characters"],
    ["a malformed VPC ID", { kms_key_arn: KEY, approved_vpc_ids: ["vpc-12"] }, 'approved_vpc_ids must hold VPC IDs such as "vpc-0123456789abcdef0"'],
    ["a malformed subnet ID", { kms_key_arn: KEY, approved_subnet_ids: ["subnet-xyz"] }, "approved_subnet_ids must hold subnet IDs"],
    ["a malformed security group ID", { kms_key_arn: KEY, approved_security_group_ids: ["sg-1"] }, "approved_security_group_ids must hold security group IDs"],
    ["a reserved tag key", { kms_key_arn: KEY, tags: { "aws:owner": "x" } }, 'do not start with "aws:"'],
  ];
  const ACCEPTED: [string, Record<string, Value>][] = [
    ["the defaults with a key", { kms_key_arn: KEY }],
    ["an alias ARN as the key", { kms_key_arn: "arn:aws:kms:us-east-1:111122223333:alias/security-alerts" }],
    ["an existing topic", { sns_topic_arn: TOPIC }],
    ["a central bus", { event_bus_arn: BUS }],
    ["only the Config rule (no topic, no key)", { ...NOTHING, enable_config_rule: true }],
    ["only an approved network", { ...NOTHING, approved_subnet_ids: ["subnet-01234567"], sns_topic_arn: TOPIC }],
    ["a name of 39 characters", { kms_key_arn: KEY, name: "x".repeat(39) }],
  ];
  let got: Record<string, string>;
  beforeAll(async () => {
    got = await inputOutcomes(generated().files.get(`${MODULE}/variables.tf`)!, [...ACCEPTED, ...CASES.map(([n, v]) => [n, v] as [string, Record<string, Value>])]);
  });

  test.each(ACCEPTED.map(([n]) => [n]))("accepts %s", (name) => expect(got[name]).toBe("accepted"));
  test.each(CASES)("rejects %s", (name, _vars, message) => expect(got[name]).toContain(message));
});

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
    expect(evidence.rules.map((r) => r.key)).toEqual(RULES.map((r) => r.key));
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
    expect(keysIn("eu_west_1")).toEqual(["access_denied", "credential_forwarding", "file_transfer", "public_environment", "recording_stopped"]);
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
