// modules/cloudshell-vpc-network: a private network for CloudShell VPC environments, with the VPC
// endpoints AWS lists for its compute host, in one module block. Every decision that depends on the
// inputs alone (AZs, CIDRs, NAT placement, endpoint names, security-group rules, cost) is a local
// in decisions.tf, which refers only to var.* and local.*; the resource files only iterate over
// those maps.
import { Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { AWS_OWNED_SSM, AWS_SERVICE_DOMAINS, defaultInterfaceEndpoints, LISTED_ENDPOINTS } from "../../facts/endpoints";
import { HOURS_PER_MONTH, LIST_PRICES, US_EAST_1_PRICES } from "../../facts/prices";
import { PERIMETER_FILE, PerimeterFile, perimeterTable } from "../../generator/perimeter-table";
import { declareActions } from "../../generator/action-check";
import { LISTED_INTERFACE_LABELS } from "./inputs";
import { costScenarios } from "./cost";
import { MAX_SECURITY_GROUPS } from "../../facts/limits";
import { AWS_PROVIDER, TERRAFORM } from "../requirements";
import { vpcNetworkTests } from "./terraform-tests";
import { variables } from "./inputs";
import { decisions } from "./decisions";
import { endpoints, network, securityGroups } from "./resources";
import { policyAndOutputs } from "./outputs";
import { flowLogs } from "./flow-logs";
import { dnsFirewall } from "./dns-firewall";

const usd = (x: number) => `$${x.toFixed(2)}`;

function build(unit: Unit): void {
  // Actions the perimeter statements name (resources.ts), checked against the pinned catalog.
  declareActions(unit, "the endpoint perimeter", [...AWS_OWNED_SSM.actions, "execute-api:Invoke", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML", "s3:GetObject"]);
  variables(unit);
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
    perEndpointMonth: (US_EAST_1_PRICES.interface_endpoint_hour * HOURS_PER_MONTH).toFixed(2),
    maxSecurityGroups: MAX_SECURITY_GROUPS,
    maxAdditional: MAX_SECURITY_GROUPS - 1,
    prices: US_EAST_1_PRICES,
    priceRegions: Object.keys(LIST_PRICES).join(", "),
    hours: HOURS_PER_MONTH,
    perimeterTables: perimeterTable(evidence.read<PerimeterFile>(PERIMETER_FILE), LISTED_INTERFACE_LABELS),
    computeHostLabels: LISTED_INTERFACE_LABELS.map((l) => `\`${l}\``).join(", "),
    awsDomains: AWS_SERVICE_DOMAINS.map((d) => `\`${d}\``).join(", "),
  }),
  extraFiles: vpcNetworkTests,
};
