// modules/cloudshell-vpc-network: a private network for CloudShell VPC environments, with the VPC
// endpoints AWS lists for its compute host, in one module block. Every decision that depends on the
// inputs alone (AZs, CIDRs, NAT placement, endpoint names, security-group rules, cost) is a local
// in decisions.tf, which refers only to var.* and local.*; the resource files only iterate over
// those maps.
import { Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { AWS_OWNED_BUCKETS, AWS_OWNED_BUCKETS_LEFT_OUT, AWS_OWNED_SSM, AWS_SERVICE_DOMAINS, DATA_PERIMETER_S3_EXAMPLE, defaultInterfaceEndpoints, LISTED_ENDPOINTS } from "../../facts/endpoints";
import { EVERY_REGION_PRICES, HOURS_PER_MONTH, LIST_PRICES, PRICE_NAMES, PRICED_REGIONS, priceOf } from "../../facts/prices";
import { PERIMETER_FILE, PerimeterFile } from "../../evidence/files";
import { perimeterTable } from "./perimeter-table";
import { declareActions } from "../../generator/action-check";
import { LISTED_INTERFACE_LABELS } from "./fields";
import { costScenarios } from "./cost";
import { MAX_SECURITY_GROUPS } from "../../facts/limits";
import { AWS_PROVIDER, TERRAFORM } from "../requirements";
import { vpcNetworkTests } from "./terraform-tests";
import { declareInputs } from "../inputs";
import { INPUTS } from "./inputs";
import { decisions } from "./decisions";
import { endpoints, network, securityGroups } from "./resources";
import { policyAndOutputs } from "./outputs";
import { flowLogs } from "./flow-logs";
import { dnsFirewall } from "./dns-firewall";

const usd = (x: number) => `$${x.toFixed(2)}`;

function build(unit: Unit): void {
  // Actions the perimeter statements name (resources.ts), checked against the pinned catalog.
  declareActions(unit, "the endpoint perimeter", [...AWS_OWNED_SSM.actions, "execute-api:Invoke", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML", "s3:GetObject"]);
  declareInputs(unit, INPUTS);
  decisions(unit);
  network(unit);
  securityGroups(unit);
  endpoints(unit);
  flowLogs(unit);
  dnsFirewall(unit);
  policyAndOutputs(unit);
}

export const vpcNetwork: Definition = {
  name: "cloudshell-vpc-network",
  kind: "module",
  source: sourceOf(__dirname),
  title: "CloudShell VPC network",
  requirements: { ...TERRAFORM, providers: [AWS_PROVIDER] },
  build,
  readmeContext: (evidence) => ({
    listedEndpoints: LISTED_ENDPOINTS.map((e) => ({
      ...e,
      service: e.serviceName ?? `com.amazonaws.<region>.${e.label}`,
      where: e.regions ? e.regions.join(", ") : "every Region",
      created: e.byDefault ? "yes" : "if added",
    })),
    regionalEndpointCount: defaultInterfaceEndpoints("us-east-1").length,
    costRows: costScenarios().map((r) => ({ ...r, total: usd(r.cost.monthly_usd.total), extraText: r.extra ? `+${usd(r.extra)}` : "-" })),
    perEndpointMonth: (priceOf("us-east-1", "interface_endpoint_hour")!.usd * HOURS_PER_MONTH).toFixed(2),
    maxSecurityGroups: MAX_SECURITY_GROUPS,
    maxAdditional: MAX_SECURITY_GROUPS - 1,
    prices: Object.fromEntries(PRICE_NAMES.flatMap((n) => (priceOf("us-east-1", n) ? [[n, priceOf("us-east-1", n)!.usd]] : []))),
    priceRegions: PRICED_REGIONS.join(", "),
    priceRows: PRICED_REGIONS.flatMap((r) => PRICE_NAMES.filter((n) => LIST_PRICES[r][n]).map((n) => ({ region: r, name: n, ...LIST_PRICES[r][n]! }))).concat(
      Object.entries(EVERY_REGION_PRICES).map(([n, f]) => ({ region: "every Region", name: n as (typeof PRICE_NAMES)[number], ...f! })),
    ),
    hours: HOURS_PER_MONTH,
    perimeterTables: perimeterTable(evidence.read<PerimeterFile>(PERIMETER_FILE), LISTED_INTERFACE_LABELS),
    computeHostLabels: LISTED_INTERFACE_LABELS.map((l) => `\`${l}\``).join(", "),
    dataPerimeterExample: DATA_PERIMETER_S3_EXAMPLE,
    awsOwnedBuckets: AWS_OWNED_BUCKETS.map((b) => `\`${b.arn.replace(/^arn:\$\{Partition\}:s3:::/, "").replace(/\/\*$/, "").replace(/\$\{Region\}/g, "<region>")}\``).join(", "),
    awsOwnedBucketsLeftOut: AWS_OWNED_BUCKETS_LEFT_OUT,
    awsDomains: AWS_SERVICE_DOMAINS.map((d) => `\`${d}\``).join(", "),
  }),
  extraFiles: vpcNetworkTests,
};
