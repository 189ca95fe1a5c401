// The inputs of modules/cloudshell-vpc-network that record what a shell does: flow logs, the DNS
// Firewall (and its query logs), and the key of the log groups.
import { AWS_SERVICE_DOMAINS } from "../../facts/endpoints";
import { hclStrings } from "../hcl-snippets";
import { Input } from "../inputs";
import { dns, DNS_FIREWALL, DOMAIN_PATTERN, FLOW_LOG_DESTINATIONS, FLOW_LOGS, flowLogs, LOG_RETENTION_DAYS, vpc } from "./fields";

export const LOGGING_INPUTS: Input[] = [
  {
    name: "flow_logs",
    description:
      "VPC flow logs of the CloudShell subnets, an audit trail of every connection a shell makes; off by default. destination \"cloud-watch-logs\" creates a log group (retention_in_days) and the role that delivers to it; \"s3\" delivers to s3_bucket_arn, whose bucket policy must admit the delivery.logs.amazonaws.com service. traffic_type: \"ALL\", \"ACCEPT\" or \"REJECT\". Billed per GB delivered (cost shows the price).",
    fields: FLOW_LOGS,
    validation: [
      {
        condition: `contains(${hclStrings(FLOW_LOG_DESTINATIONS)}, ${flowLogs("destination")})`,
        errorMessage: `flow_logs.destination must be one of ${FLOW_LOG_DESTINATIONS.map((d) => `"${d}"`).join(", ")}.`,
      },
      {
        condition: `contains([${LOG_RETENTION_DAYS.join(", ")}], ${flowLogs("retention_in_days")})`,
        errorMessage: `flow_logs.retention_in_days must be a period CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}.`,
      },
      {
        condition: `${flowLogs("destination")} == "s3" ? can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$", ${flowLogs("s3_bucket_arn")})) : ${flowLogs("s3_bucket_arn")} == null`,
        errorMessage: 'flow_logs.s3_bucket_arn must be a bucket ARN such as "arn:aws:s3:::my-flow-logs" (optionally with a /prefix) when destination is "s3", and null otherwise.',
      },
      {
        condition: `contains(["ALL", "ACCEPT", "REJECT"], ${flowLogs("traffic_type")})`,
        errorMessage: 'flow_logs.traffic_type must be "ALL", "ACCEPT" or "REJECT".',
      },
      {
        condition: `can(var.flow_logs.enabled) || length(keys(var.flow_logs)) == 0`,
        errorMessage: "flow_logs sets ${try(join(\", \", sort(keys(var.flow_logs))), \"keys\")} without enabled: no flow log would be created, since enabled defaults to false. Add enabled = true (or enabled = false to keep it off).",
      },
    ],
  },
  {
    name: "dns_firewall",
    description: `Route 53 Resolver DNS Firewall for the created VPC, off by default. Security groups do not filter the VPC's DNS resolver and flow logs do not record queries to it, so without it any name resolves and a shell can send data out in DNS queries. enabled: a rule group that answers only AWS's service domains (${AWS_SERVICE_DOMAINS.join(", ")}) and allowed_domains, such as ["example.com", "*.example.com"], and answers NXDOMAIN for every other name. query_logging: Resolver query logs of the VPC to a CloudWatch Logs group kept retention_in_days. Billed per domain and per million queries (the cost output shows both).`,
    fields: DNS_FIREWALL,
    validation: [
      {
        condition: `alltrue([for d in ${dns("allowed_domains")} : can(regex("${DOMAIN_PATTERN}", d))])`,
        errorMessage: 'dns_firewall.allowed_domains must hold domain names in lower case, optionally starting with "*.", such as "example.com" or "*.example.com".',
      },
      {
        condition: `contains([${LOG_RETENTION_DAYS.join(", ")}], ${dns("retention_in_days")})`,
        errorMessage: `dns_firewall.retention_in_days must be a period CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}.`,
      },
      {
        condition: `can(var.dns_firewall.enabled) || length(keys(var.dns_firewall)) == 0`,
        errorMessage: "dns_firewall sets ${try(join(\", \", sort(keys(var.dns_firewall))), \"keys\")} without enabled: no firewall would be created, since enabled defaults to false. Add enabled = true (or enabled = false to keep it off).",
      },
      {
        // A rule group associated with a VPC filters every workload in it, not only CloudShell.
        condition: `!${dns("enabled")} || ${vpc("create")}`,
        errorMessage: "dns_firewall.enabled needs a VPC this module creates (vpc.create = true): in an existing VPC it would block every other workload's names too. Associate your own rule group with that VPC instead.",
      },
    ],
  },
  {
    name: "log_kms_key_arn",
    description: "A KMS key ARN (\"arn:aws:kms:<region>:<account>:key/...\") to encrypt the CloudWatch Logs groups the module creates (flow logs, DNS query logs). Null keeps CloudWatch Logs' own encryption. The key's policy must allow the logs.<region>.amazonaws.com service principal (AWS's CloudWatch Logs encryption page).",
    type: "string",
    default: null,
    validation: [
      {
        condition: 'var.log_kms_key_arn == null ? true : can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-f-]+$", var.log_kms_key_arn))',
        errorMessage: 'log_kms_key_arn must be null or a KMS key ARN such as "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" (a key, not an alias).',
      },
      {
        condition: `var.log_kms_key_arn == null || try(${flowLogs("enabled")} && ${flowLogs("destination")} == "cloud-watch-logs", false) || try(${dns("enabled")} && ${dns("query_logging")}, false)`,
        errorMessage: 'log_kms_key_arn is set but the module creates no log group: it encrypts the flow-log group (flow_logs.enabled with destination "cloud-watch-logs") and the DNS query-log group (dns_firewall.query_logging). Enable one, or leave log_kms_key_arn out.',
      },
    ],
  },
];
