// cloudshell-review on the detections of an organization trail's log group (what
// cloudshell-trail-monitoring creates, or a team's own): a metric filter that counts CloudShell's
// records is a detection, sending through the alarms on its metric, to their actions or, without
// actions, to where a rule forwards their state changes. Removing one, or its alarm, weakens
// detection (exit 3). Controls: a filter on another service's records is no detection.
import { planOf, resourceChange, review as reviewPlan } from "../support/review";

const SNS = "arn:aws:sns:us-east-1:111122223333:cloudshell-alerts";
const BUS = "arn:aws:events:us-east-1:999999999999:event-bus/security-central";
const CLOUDSHELL_PATTERN = '{ $.eventSource = "cloudshell.amazonaws.com" && ($.eventName = "PutCredentials" || $.eventName = "putCredentials") }';

type Values = Record<string, unknown>;
interface Change {
  address: string;
  before?: Values | null;
  after?: Values | null;
  unknown?: Values;
}

const filter = (pattern = CLOUDSHELL_PATTERN): Values => ({
  name: "credentials",
  log_group_name: "aws-cloudtrail-logs-o-exampleorgid",
  pattern,
  metric_transformation: [{ name: "credentials", namespace: "CloudShell", value: "1" }],
});
const alarm = (more: Values = {}): Values => ({
  alarm_name: "credentials",
  alarm_description: "CloudShell: credentials were forwarded. Matching records: the saved query.",
  metric_name: "credentials",
  namespace: "CloudShell",
  actions_enabled: true,
  alarm_actions: [SNS],
  ...more,
});

const review = (changes: Change[]) => reviewPlan(planOf(changes.map((c) => resourceChange(c.address, c.before ?? null, c.after ?? null, c.unknown))));

const row = (on: string, sends: string) => `| \`aws_cloudwatch_log_metric_filter.f\` | CloudShell: credentials were forwarded. | ${on} | ${sends} |`;

describe("cloudshell-review: metric filters on a trail's log group", () => {
  test("a filter counting CloudShell's records is a detection, sent to its alarm's actions", () => {
    const r = review([
      { address: "aws_cloudwatch_log_metric_filter.f", after: filter() },
      { address: "aws_cloudwatch_metric_alarm.a", after: alarm() },
    ]);
    expect(r.err).toBe("");
    expect(r.out).toContain(row("yes", SNS));
    expect(r.out).toContain("- **detections added** in the root module: `credentials`");
    // Actions known only after apply (a topic created in the same apply) are said to be so.
    const later = review([
      { address: "aws_cloudwatch_log_metric_filter.f", after: filter() },
      {
        address: "aws_cloudwatch_metric_alarm.a",
        after: alarm({ alarm_actions: null }),
        unknown: { alarm_actions: true },
      },
    ]);
    expect(later.out).toContain(row("yes", "known after apply (aws_cloudwatch_metric_alarm.a)"));
    expect(later.out).toContain("- where `credentials` sends: known after apply (aws_cloudwatch_metric_alarm.a)");
  });

  test("control: a filter on another service's records is no detection (nothing CloudShell, exit 2)", () => {
    const r = review([
      {
        address: "aws_cloudwatch_log_metric_filter.f",
        after: filter('{ $.eventSource = "s3.amazonaws.com" }'),
      },
      { address: "aws_cloudwatch_metric_alarm.a", after: alarm() },
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("has nothing CloudShell");
  });

  test("an alarm whose actions are off, and a filter with no alarm, are not on", () => {
    expect(
      review([
        { address: "aws_cloudwatch_log_metric_filter.f", after: filter() },
        {
          address: "aws_cloudwatch_metric_alarm.a",
          after: alarm({ actions_enabled: false }),
        },
      ]).out
    ).toContain(row("no", SNS));
    // With no alarm there is no description: the pattern says what it counts (its pipes escaped for the table).
    const alone = review([{ address: "aws_cloudwatch_log_metric_filter.f", after: filter() }]).out;
    expect(alone).toContain(`| \`aws_cloudwatch_log_metric_filter.f\` | \`${CLOUDSHELL_PATTERN.replace(/\|/g, "\\|")}\` | no | no target in this plan |`);
  });

  test("an alarm without actions sends where a rule forwards its state changes; a rule whose pattern is unknown only may", () => {
    const rule = (pattern: unknown) => ({
      address: "aws_cloudwatch_event_rule.alarms",
      after: { name: "alarms", event_pattern: pattern },
      unknown: pattern === undefined ? { event_pattern: true } : {},
    });
    const target = {
      address: "aws_cloudwatch_event_target.bus",
      after: { rule: "alarms", arn: BUS },
    };
    const base = [
      { address: "aws_cloudwatch_log_metric_filter.f", after: filter() },
      {
        address: "aws_cloudwatch_metric_alarm.a",
        after: alarm({ alarm_actions: null }),
      },
      target,
    ];
    const known = JSON.stringify({
      source: ["aws.cloudwatch"],
      "detail-type": ["CloudWatch Alarm State Change"],
    });
    expect(review([...base, rule(known)]).out).toContain(row("yes", `${BUS} (its state changes, by aws_cloudwatch_event_rule.alarms)`));
    expect(review([...base, rule(undefined)]).out).toContain(row("yes", `${BUS} (its state changes, if matched by aws_cloudwatch_event_rule.alarms: its pattern is known only after apply)`));
    // Control: a rule on other events forwards nothing of the alarm's.
    expect(review([...base, rule(JSON.stringify({ source: ["aws.ec2"] }))]).out).toContain(row("yes", "no target in this plan"));
  });

  test("removing the filter, or its alarm, weakens detection (exit 3); keeping both does not (exit 0)", () => {
    const kept = review([
      {
        address: "aws_cloudwatch_log_metric_filter.f",
        before: filter(),
        after: filter(),
      },
      // An update that keeps the detection (the alarm waits for two periods now): not a weakening.
      {
        address: "aws_cloudwatch_metric_alarm.a",
        before: alarm(),
        after: alarm({ evaluation_periods: 2 }),
      },
    ]);
    expect(kept.code).toBe(0);
    const removed = review([
      { address: "aws_cloudwatch_log_metric_filter.f", before: filter() },
      { address: "aws_cloudwatch_metric_alarm.a", before: alarm() },
    ]);
    expect(removed.code).toBe(3);
    expect(removed.out).toContain("- **detection `credentials` is removed (CloudShell: credentials were forwarded.)** (weakens detection)");
    const alarmGone = review([
      {
        address: "aws_cloudwatch_log_metric_filter.f",
        before: filter(),
        after: filter(),
      },
      { address: "aws_cloudwatch_metric_alarm.a", before: alarm() },
    ]);
    expect(alarmGone.code).toBe(3);
    expect(alarmGone.out).toContain("- **detection `credentials` is disabled** (weakens detection)");
  });
});
