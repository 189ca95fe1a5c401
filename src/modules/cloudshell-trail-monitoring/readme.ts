// The README context of modules/cloudshell-trail-monitoring: the rules, what the translation
// changes, the cost at list prices, the comparison with per-account EventBridge rules, and the
// evidence table.
import { Evidence } from "../../generator/definition";
import { TRAIL_MONITORING_FILE, TrailMonitoringFile } from "../../evidence/files";
import { trailMonitoringTable } from "./trail-monitoring-table";
import { US_EAST_1_CLOUDWATCH_PRICES as PRICES } from "../../facts/cloudwatch-prices";
import { ruleInputs, RULES, ruleSuffix } from "../cloudshell-monitoring/rules";
import { DECLARED, TRANSLATION_NOTES } from "./filter-patterns";
import { NAME_MAX } from "./inputs";

const usd = (x: number) => `${(Math.round(x * 100) / 100).toFixed(2)}`;

/** Monthly list price of n rules: a custom metric and an alarm each. */
export const rulesMonthlyUsd = (n: number) => n * (PRICES.custom_metric_month + PRICES.alarm_metric_month);

/** The cost table: the default rules, and every rule (the approved network on). */
function costRows() {
  const defaults = RULES.filter((r) => !(r.key in DECLARED)).length;
  const row = (what: string, n: number) => [
    { what: `${what}: custom metrics`, units: `${n}`, usd: usd(n * PRICES.custom_metric_month) },
    { what: `${what}: alarms (standard resolution)`, units: `${n}`, usd: usd(n * PRICES.alarm_metric_month) },
    { what: `**${what}: total**`, units: "", usd: `**${usd(rulesMonthlyUsd(n))}**` },
  ];
  return [...row(`The ${defaults} rules on by default`, defaults), ...row(`All ${RULES.length} rules`, RULES.length)];
}

/** The organizations of the comparison: accounts, and Regions where CloudShell is used. */
export const COMPARISON = { accounts: [10, 100, 1000], regions: 4, gbPerAccount: 1 };

function comparisonRows() {
  return COMPARISON.accounts.map((n) => ({
    accounts: n,
    deployments: n * COMPARISON.regions,
    trailFixed: usd(rulesMonthlyUsd(RULES.length)),
    ingestion: usd(n * COMPARISON.gbPerAccount * PRICES.log_ingestion_gb),
  }));
}

export const trailMonitoringReadme = (evidence: Evidence) => ({
  table: trailMonitoringTable(evidence.read<TrailMonitoringFile>(TRAIL_MONITORING_FILE)),
  rules: RULES.map((r) => ({ ...r, inputs: ruleInputs(r), suffix: ruleSuffix(r.key), declared: r.key in DECLARED })),
  translationNotes: TRANSLATION_NOTES,
  nameMax: NAME_MAX,
  costRows: costRows(),
  prices: PRICES,
  comparison: { ...COMPARISON, rows: comparisonRows() },
});
