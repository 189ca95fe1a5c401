// modules/cloudshell-trail-monitoring: bad inputs and their messages (its variables.tf under real
// Terraform), and the evidence that each rule's metric filters alert on what the EventBridge rule
// of cloudshell-monitoring alerts on, and on nothing else: the patterns as Terraform computes the
// module's filter_patterns output (the committed evidence, which the shipped-tests file recomputes
// in its verbose process), matched against the same CloudTrail records (tools/filter-pattern.ts).
import * as fs from "node:fs";
import { TrailMonitoringFile, trailMonitoringTable } from "../../../src/generator/trail-monitoring-table";
import { RULES } from "../../../src/modules/cloudshell-monitoring/rules";
import { generated } from "../../../tools/generated";
import { inputOutcomes } from "../../../tools/input-checks";
import { Value } from "../../../src/hcl/writer";
import { OTHER_ACCOUNT, SUBSCRIBED, TRAIL_MONITORING_FILE, TRAIL_SAMPLES } from "../../../tools/trail-monitoring-matches";
import { checkPattern } from "../../../tools/filter-pattern";

const MODULE = "modules/cloudshell-trail-monitoring";
const LOG = { log_group_name: "aws-cloudtrail-logs-o-exampleorgid", log_group_region: "us-east-1" };
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const TOPIC = "arn:aws:sns:us-east-1:111122223333:security-alerts";
const BUS = "arn:aws:events:us-east-1:999999999999:event-bus/security-central";
const DESTINATION = "arn:aws:logs:us-east-1:999999999999:destination:security-central";

describe("cloudshell-trail-monitoring: bad inputs are rejected with a clear message", () => {
  const CASES: [string, Record<string, Value>, string][] = [
    ["no log group", { log_group_region: "us-east-1", sns_topic_arn: TOPIC }, 'has a required variable "log_group_name" with no set value'],
    ["a log group ARN instead of its name", { ...LOG, log_group_name: "arn:aws:logs:us-east-1:111122223333:log-group:trail:*", sns_topic_arn: TOPIC }, "log_group_name must be a log group name of 1-512 characters"],
    ["a log group Region that is no Region", { ...LOG, log_group_region: "us-east", sns_topic_arn: TOPIC }, 'log_group_region must be a Region name such as "us-east-1"'],
    ["a created topic without a key", { ...LOG }, "kms_key_arn is required when the module creates the SNS topic"],
    ["the AWS managed SNS key", { ...LOG, kms_key_arn: "arn:aws:kms:us-east-1:111122223333:alias/aws/sns" }, "an AWS managed key (alias/aws/sns) cannot be used"],
    ["two targets", { ...LOG, sns_topic_arn: TOPIC, event_bus_arn: BUS }, "Set at most one target: sns_topic_arn or event_bus_arn"],
    ["a key with a bus", { ...LOG, kms_key_arn: KEY, event_bus_arn: BUS }, "kms_key_arn applies only to the SNS topic the module creates"],
    ["a malformed organization-wide VPC ID", { ...LOG, sns_topic_arn: TOPIC, approved_vpc_ids: ["vpc-12"] }, 'approved_vpc_ids must hold VPC IDs such as "vpc-0123456789abcdef0"'],
    ["an account that is no account ID", { ...LOG, sns_topic_arn: TOPIC, approved_networks_by_account: { prod: { vpc_ids: ["vpc-0123456789abcdef0"] } } }, "approved_networks_by_account must be keyed by 12-digit account IDs"],
    ["a misspelt key of an account's network", { ...LOG, sns_topic_arn: TOPIC, approved_networks_by_account: { "111122223333": { vpc_id: ["vpc-0123456789abcdef0"] } } }, "accepts only the keys vpc_ids, subnet_ids, security_group_ids; unknown: 111122223333.vpc_id"],
    ["a malformed subnet ID of an account", { ...LOG, sns_topic_arn: TOPIC, approved_networks_by_account: { "111122223333": { subnet_ids: ["subnet-x"] } } }, "The subnet_ids of approved_networks_by_account must hold subnet IDs"],
    ["an account with no IDs", { ...LOG, sns_topic_arn: TOPIC, approved_networks_by_account: { "111122223333": {} } }, "needs at least one ID in vpc_ids, subnet_ids or security_group_ids"],
    ["a subscription to an SNS topic", { ...LOG, sns_topic_arn: TOPIC, subscription: { destination_arn: TOPIC } }, "subscription.destination_arn must be the ARN of a CloudWatch Logs destination, a Kinesis stream"],
    ["a destination in another Region", { ...LOG, sns_topic_arn: TOPIC, subscription: { destination_arn: DESTINATION.replace("us-east-1", "eu-west-1") } }, "subscription.destination_arn must be in the log group's Region"],
    ["a Kinesis stream without a role", { ...LOG, sns_topic_arn: TOPIC, subscription: { destination_arn: "arn:aws:kinesis:us-east-1:111122223333:stream/cloudshell" } }, "subscription.role_arn is required for a Kinesis or Firehose destination"],
    ["a role for a destination", { ...LOG, sns_topic_arn: TOPIC, subscription: { destination_arn: DESTINATION, role_arn: "arn:aws:iam::111122223333:role/x" } }, "must be left out for a CloudWatch Logs destination"],
    ["a rule the module does not have", { ...LOG, sns_topic_arn: TOPIC, subscription: { destination_arn: DESTINATION, rules: ["root_login"] } }, "subscription.rules must name rule keys of this module"],
    ["a misspelt subscription key", { ...LOG, sns_topic_arn: TOPIC, subscription: { destination: DESTINATION } }, "subscription accepts only the keys destination_arn, role_arn, rules, distribution; unknown: destination"],
    ["no accounts", { ...LOG, sns_topic_arn: TOPIC, cost_assumptions: { accounts: 0 } }, "cost_assumptions.accounts must be at least 1"],
    ["a name too long for the role", { ...LOG, sns_topic_arn: TOPIC, name: "x".repeat(52) }, "name must be 1-51 characters"],
  ];
  const ACCEPTED: [string, Record<string, Value>][] = [
    ["the defaults with a key", { ...LOG, kms_key_arn: KEY }],
    ["a central bus", { ...LOG, event_bus_arn: BUS }],
    ["per-account networks only", { ...LOG, sns_topic_arn: TOPIC, approved_networks_by_account: { "111122223333": { vpc_ids: ["vpc-0123456789abcdef0"], security_group_ids: ["sg-01234567"] } } }],
    ["a Firehose stream with a role", { ...LOG, sns_topic_arn: TOPIC, subscription: { destination_arn: "arn:aws:firehose:us-east-1:111122223333:deliverystream/siem", role_arn: "arn:aws:iam::111122223333:role/cwl-to-firehose" } }],
    ["a Lambda function", { ...LOG, sns_topic_arn: TOPIC, subscription: { destination_arn: "arn:aws:lambda:us-east-1:111122223333:function:siem", rules: ["public_environment"] } }],
    ["cost assumptions", { ...LOG, sns_topic_arn: TOPIC, cost_assumptions: { accounts: 1000, gb_per_account_month: 1.5, include_log_ingestion: true } }],
  ];
  let got: Record<string, string>;
  beforeAll(async () => {
    got = await inputOutcomes(generated().files.get(`${MODULE}/variables.tf`)!, [...ACCEPTED, ...CASES.map(([n, v]) => [n, v] as [string, Record<string, Value>])]);
  });

  test.each(ACCEPTED.map(([n]) => [n]))("accepts %s", (name) => expect(got[name]).toBe("accepted"));
  test.each(CASES)("rejects %s", (name, _vars, message) => expect(got[name].replace(/\s+/g, " ")).toContain(message));
});

describe("each rule's metric filters, as Terraform computes them, alert on what the EventBridge rule alerts on, and on nothing else", () => {
  let evidence: TrailMonitoringFile;
  // The committed evidence: test/modules/shipped-tests.terraform.test.ts recomputes it from a mocked
  // apply, in the same process as the other modules' mocked applies, and fails when it is stale.
  beforeAll(() => {
    evidence = JSON.parse(fs.readFileSync(TRAIL_MONITORING_FILE, "utf8")) as TrailMonitoringFile;
  });

  test("every rule of the shared list has its filters, each within the limits", () => {
    expect(evidence.rules).toEqual(RULES.map((r) => r.key));
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
