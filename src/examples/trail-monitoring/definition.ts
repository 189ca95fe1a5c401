// examples/trail-monitoring: CloudShell detection for a whole organization from one deployment, in
// the account and Region of the organization trail's log group. The alarms' state changes go to a
// central security account's event bus, each record of the CloudShell rules to that account's
// CloudWatch Logs destination, and one account has an approved network of its own.
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { tf, Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { AWS_PROVIDER, TERRAFORM } from "../../modules/requirements";
import { EXAMPLE_NETWORK } from "../monitoring/definition";

const MODULE = "../../modules/cloudshell-trail-monitoring";

function build(unit: Unit): void {
  unit.variable("log_group_name", { description: "The CloudWatch Logs log group the organization trail delivers to.", type: "string", default: "aws-cloudtrail-logs-o-exampleorgid" });
  unit.variable("central_event_bus_arn", {
    description: "The central security account's event bus; its policy must admit this account.",
    type: "string",
    default: "arn:aws:events:us-east-1:999999999999:event-bus/security-central",
  });
  unit.variable("central_destination_arn", {
    description: "The central security account's CloudWatch Logs destination (in the log group's Region); its policy must admit this account.",
    type: "string",
    default: "arn:aws:logs:us-east-1:999999999999:destination:cloudshell-records",
  });
  unit.provider(AwsProvider, { region: "us-east-1" });
  const m = unit.module(
    "cloudshell_trail_monitoring",
    MODULE,
    {
      log_group_name: tf("var.log_group_name"),
      log_group_region: "us-east-1",
      event_bus_arn: tf("var.central_event_bus_arn"),
      ...EXAMPLE_NETWORK,
      approved_networks_by_account: { "444455556666": { vpc_ids: ["vpc-0fedcba9876543210"] } },
      subscription: { destination_arn: tf("var.central_destination_arn"), rules: ["public_environment", "outside_approved_network", "file_transfer", "credential_forwarding"] },
      cost_assumptions: { accounts: 1000, gb_per_account_month: 1 },
    },
    { comment: "The management account (or the trail's home account), in the trail's home Region: every account's CloudShell\ncalls, in every Region, reach this one log group." },
  );
  unit.output("alarm_names", { description: "The alarms, by rule key.", value: tf(`${m}.alarm_names`) });
  unit.output("insights_queries", { description: "The Logs Insights query of each rule.", value: tf(`${m}.insights_queries`) });
  unit.output("cost", { description: "The monthly estimate, with the Region of each price.", value: tf(`${m}.cost`) });
}

export const trailMonitoringExample: Definition = {
  name: "trail-monitoring",
  kind: "example",
  source: sourceOf(__dirname),
  title: "Example: CloudShell monitoring for an organization from its trail",
  requirements: { ...TERRAFORM, providers: [{ ...AWS_PROVIDER, reason: "the trail-monitoring module's floor." }] },
  build,
};
