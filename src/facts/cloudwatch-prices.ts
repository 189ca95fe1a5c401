// List prices for the trail-monitoring module's monthly estimate, in USD. Metric filters themselves
// are not billed: "Metrics extracted from log events are charged as custom metrics"
// (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutMetricFilter.html).
// The rates are those of https://aws.amazon.com/cloudwatch/pricing/ (us-east-1, first tiers), as we
// know them: the page's paid tiers are not readable through our search tools, so each figure is
// UNCONFIRMED until someone reads them there or in the Price List API (service code AmazonCloudWatch).
// The free tier (10 custom metrics, 10 alarm metrics, 5 GB of log data a month) is not subtracted.

export interface CloudWatchPrices {
  /** A custom metric a month (the first 10,000 metrics). */
  custom_metric_month: number;
  /** A standard-resolution alarm on one metric, a month. */
  alarm_metric_month: number;
  /** A GB ingested into CloudWatch Logs (standard log class). */
  log_ingestion_gb: number;
  /** A GB scanned by a CloudWatch Logs Insights query. */
  insights_scanned_gb: number;
}

export const US_EAST_1_CLOUDWATCH_PRICES: CloudWatchPrices = {
  custom_metric_month: 0.3,
  alarm_metric_month: 0.1,
  log_ingestion_gb: 0.5,
  insights_scanned_gb: 0.005,
};

/** List prices by Region; a Region without its own takes us-east-1's, and the cost output names the Region of each price. */
export const CLOUDWATCH_LIST_PRICES: Record<string, Partial<CloudWatchPrices>> = { "us-east-1": US_EAST_1_CLOUDWATCH_PRICES };
