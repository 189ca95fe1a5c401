// The trail-monitoring module's evidence: each metric filter's pattern, as Terraform computes the
// module's filter_patterns output (a mocked apply of the generated module with every rule on,
// organization-wide lists and one account's own), matched offline against the same CloudTrail
// records as the EventBridge evidence (tools/cloudtrail-samples.ts: a log group holds each event's
// `detail`, the record itself), plus two records of another account for the per-account lists.
// Computed by `npm run synth` (tools/evidence.ts) before the module's README renders its table.
import { TRAIL_MONITORING_FILE, TrailMonitoringFile } from "../src/generator/trail-monitoring-table";
import { LOG_GROUP } from "../src/modules/cloudshell-trail-monitoring/terraform-tests";
import { NETWORK_CHANGES, OUTSIDE } from "../src/modules/cloudshell-trail-monitoring/detections";
import { TOGGLE_DEFAULTS } from "../src/modules/cloudshell-trail-monitoring/inputs";
import { RULES } from "../src/modules/cloudshell-monitoring/rules";
import { EXAMPLE_NETWORK } from "../src/examples/monitoring/definition";
import { APPROVED, Sample, SAMPLES } from "./cloudtrail-samples";
import { matchesFilter } from "./filter-pattern";
import { ModuleTestFile, testModulesTogether } from "./module-tests";
import { patternsTestFile } from "./monitoring-matches";
import { TestReport } from "./terraform";

export { TRAIL_MONITORING_FILE };

const MODULE = "modules/cloudshell-trail-monitoring";
/** An account with a network of its own, approved for it alone. */
export const OTHER_ACCOUNT = { id: "444455556666", vpc: "vpc-0fedcba9876543210" };
/** The rules the evidence's subscription delivers: every rule but the IAM one (all of them do not fit 1,024 characters). */
export const SUBSCRIBED = ["access_denied", "credential_forwarding", "file_transfer", OUTSIDE, "public_environment"];

/** Every rule on (any toggle off by default here turned on), the approved lists of examples/monitoring for the organization and one account's own VPC. */
export const EVIDENCE_INPUTS = {
  ...LOG_GROUP,
  sns_topic_arn: "arn:aws:sns:us-east-1:123456789012:security-alerts",
  ...Object.fromEntries(Object.entries(TOGGLE_DEFAULTS).flatMap(([input, on]) => (on ? [] : [[input, true]]))),
  ...EXAMPLE_NETWORK,
  approved_networks_by_account: { [OTHER_ACCOUNT.id]: { vpc_ids: [OTHER_ACCOUNT.vpc] } },
  subscription: { destination_arn: "arn:aws:logs:us-east-1:999999999999:destination:security-central", rules: SUBSCRIBED },
};
export const PATTERNS_SOURCE = "the filter_patterns and subscription_filter_pattern outputs of modules/cloudshell-trail-monitoring (mocked apply, us-east-1, every rule on)";

/** The mocked apply that gives the patterns, as a test file beside the module's own (tools/module-tests.ts). */
export const TRAIL_PATTERNS_TEST: ModuleTestFile = patternsTestFile(MODULE, EVIDENCE_INPUTS);

export interface TrailPatterns {
  filters: Record<string, string>;
  subscription: string;
}

/** The patterns, from a verbose report that holds TRAIL_PATTERNS_TEST's run. */
export function trailPatternsOf(report: TestReport): TrailPatterns {
  const run = report.runs.find((r) => r.file === TRAIL_PATTERNS_TEST.file && r.run === "patterns");
  const filters = run?.outputs?.filter_patterns as Record<string, string> | undefined;
  const subscription = run?.outputs?.subscription_filter_pattern as string | undefined;
  if (!filters || !subscription) throw new Error(`the trail-monitoring module gave no filter_patterns: ${JSON.stringify(run ?? report.runs)}`);
  return { filters, subscription };
}

export async function evaluateTrailPatterns(tree: Map<string, string>): Promise<TrailPatterns> {
  const reports = await testModulesTogether(tree, [TRAIL_PATTERNS_TEST], { verbose: true });
  return trailPatternsOf(reports.get(MODULE)!);
}

/** A shared sample's record as another account's, with other request parameters. */
function inOtherAccount(base: Sample, name: string, note: string, alerts: string[], requestParameters: unknown): Sample {
  const event = structuredClone(base.event) as { account: string; detail: Record<string, unknown> & { userIdentity: Record<string, unknown> } };
  event.account = OTHER_ACCOUNT.id;
  event.detail.recipientAccountId = OTHER_ACCOUNT.id;
  event.detail.requestParameters = requestParameters;
  return { name, note, alerts, event };
}

const vpcOnly = SAMPLES.find((s) => s.name === "VPC environment, another VPC")!;
const config = (vpc: string) => ({ VpcConfig: { VpcId: vpc, SubnetIds: [APPROVED.subnets[0]], SecurityGroupIds: [APPROVED.group] } });

/** The shared samples, and two of another account: its own VPC (approved there only) and one approved nowhere. */
export const TRAIL_SAMPLES: Sample[] = [
  ...SAMPLES,
  inOtherAccount(vpcOnly, "account 444455556666, its own approved VPC", "CreateEnvironment in the VPC approved for 444455556666 alone, with the organization's subnet and group", [], config(OTHER_ACCOUNT.vpc)),
  inOtherAccount(vpcOnly, "account 444455556666, a VPC approved nowhere", "the same account, a VPC in neither its list nor the organization's", [OUTSIDE], config("vpc-0aaaaaaaaaaaaaaaa")),
];

/** The rule a filter key belongs to: the key itself, or a declared rule's "<rule>-<scope>-<n>". */
export const ruleOfFilter = (key: string) => [OUTSIDE, NETWORK_CHANGES].find((r) => key.startsWith(`${r}-`)) ?? key;

/** The evidence: every filter matched against every sample record, by rule (a rule alerts when any of its filters matches). */
export function trailMonitoringMatches(patterns: TrailPatterns): TrailMonitoringFile {
  const present = new Set(Object.keys(patterns.filters).map(ruleOfFilter));
  const rules = RULES.map((r) => r.key).filter((k) => present.has(k));
  const records = TRAIL_SAMPLES.map((s) => ({ name: s.name, note: s.note, record: (s.event as { detail: unknown }).detail }));
  const results = Object.fromEntries(
    records.map((r) => {
      const text = JSON.stringify(r.record);
      const hits = Object.entries(patterns.filters).filter(([, p]) => matchesFilter(p, text)).map(([k]) => ruleOfFilter(k));
      return [r.name, Object.fromEntries([...rules.map((k) => [k, hits.includes(k)]), ["subscription", matchesFilter(patterns.subscription, text)]])];
    }),
  );
  return { source: PATTERNS_SOURCE, rules, filters: patterns.filters, subscription: { rules: SUBSCRIBED, pattern: patterns.subscription }, records, results };
}

export const trailMonitoringFileContent = (m: TrailMonitoringFile) => `${JSON.stringify(m, null, 2)}\n`;
