// examples/multi-region: CloudShell VPC environments in two Regions, admitted by ONE CloudShell
// policy, under a guardrail whose allowed_regions are those Regions. Two policies, one per
// network, would deny both: each one's Deny holds for the other's network (test/examples/multi-region.terraform.test.ts).
// Each Region's CloudShell events are monitored there and forwarded to a central bus. The Regions
// are a list, so adding one is one entry.
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { tf, Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { AWS_PROVIDER, TERRAFORM } from "../../modules/requirements";
import { NETWORK_SOURCE } from "../network-example";
import { EXAMPLE_EXEMPT_ARNS } from "../../facts/exemptions";

/** One network per Region: its provider alias (null: the default provider), its zones and CIDR. */
export const NETWORKS = [
  { name: "us_east_1", region: "us-east-1", alias: null, availability_zones: ["us-east-1a", "us-east-1b"], cidr: "10.10.0.0/16" },
  { name: "eu_west_1", region: "eu-west-1", alias: "eu_west_1", availability_zones: ["eu-west-1a", "eu-west-1b"], cidr: "10.20.0.0/16" },
];
export const REGIONS = NETWORKS.map((n) => n.region);

/**
 * The allow-lists of the one policy: local.networks (each network module's vpc_environment output:
 * vpc_id, subnet_ids by zone, security_group_ids, region), which allows exactly those networks and
 * checks allowed_regions against their Regions. The test evaluates these same expressions with known IDs.
 */
export const ALLOW_LISTS = {
  networks: "local.networks",
};

/** The monitoring call of one Region: its network's approved lists, to the central bus; IAM's events arrive in us-east-1 only, so the attachment rule lives there. */
export const monitoringInputs = (n: (typeof NETWORKS)[number], network: string) => ({
  name: `cloudshell-${n.region}`,
  event_bus_arn: tf("var.central_event_bus_arn"),
  approved_vpc_ids: tf(`[${network}.vpc_environment.vpc_id]`),
  approved_subnet_ids: tf(`values(${network}.vpc_environment.subnet_ids)`),
  approved_security_group_ids: tf(`${network}.vpc_environment.security_group_ids`),
  detect_full_access_attachments: n.region === "us-east-1",
});

function build(unit: Unit): void {
  for (const n of NETWORKS) unit.provider(AwsProvider, { region: n.region, ...(n.alias ? { alias: n.alias } : {}) });
  const networks = NETWORKS.map((n) =>
    unit.module(
      n.name,
      NETWORK_SOURCE,
      { name: `cloudshell-${n.region}`, availability_zones: n.availability_zones, vpc: { cidr: n.cidr }, policy_preset: "minimum" },
      { providers: { aws: n.alias ? `aws.${n.alias}` : "aws" }, comment: `The CloudShell network in ${n.region}.` },
    ),
  );
  unit.local("networks", tf(`[${networks.map((m) => `${m}.vpc_environment`).join(", ")}]`), {
    comment: "What each network offers to CloudShell: one list, so one policy admits every network.",
  });
  const policy = unit.module(
    "cloudshell_policy",
    "../../modules/cloudshell-policy",
    {
      name: "cloudshell-every-region",
      preset: "minimum",
      vpc_environments: { grant_ec2_permissions: true, ...Object.fromEntries(Object.entries(ALLOW_LISTS).map(([k, v]) => [k, tf(v)])) },
      allowed_regions: REGIONS,
      role_names: ["developer"],
    },
    {
      comment:
        "ONE policy for every network. Two policies with one network each, on the same principal, deny\nboth: each policy's Deny (any other VPC) holds for the other's network.",
    },
  );
  unit.variable("central_event_bus_arn", {
    description: "The central security account's event bus that receives every Region's CloudShell alerts; its policy must admit this account.",
    type: "string",
    default: "arn:aws:events:us-east-1:999999999999:event-bus/security-central",
  });
  NETWORKS.forEach((n, i) =>
    unit.module(
      `monitoring_${n.name}`,
      "../../modules/cloudshell-monitoring",
      monitoringInputs(n, networks[i]),
      {
        providers: { aws: n.alias ? `aws.${n.alias}` : "aws" },
        comment: `CloudShell's events of ${n.region} (they arrive in the Region of the call), to the central bus; an environment outside this Region's network alerts.`,
      },
    ),
  );
  const guardrail = unit.module(
    "guardrail",
    "../../modules/cloudshell-guardrail",
    { name: "cloudshell-regions", deny_public_environments: true, allowed_regions: REGIONS, exempt_principal_arns: EXAMPLE_EXEMPT_ARNS, target_ids: ["r-ab12"] },
    {
      comment:
        "The organization's guardrail: VPC environments only, in these Regions. Usually applied from the\nmanagement account's own configuration, where allowed_vpc_ids takes the IDs as values (here they\nwould be unknown at plan, which it sizes with every ID at its longest form).",
    },
  );
  unit.output("vpc_environments", {
    description: "What to enter in the console's \"Create VPC environment\" form, per Region.",
    // Keys in sorted order: HCL gives an object's keys sorted.
    value: tf(`{ ${NETWORKS.map((n, i) => [n.region, networks[i]]).sort(([a], [b]) => a.localeCompare(b)).map(([r, m]) => `"${r}" = ${m}.vpc_environment`).join(", ")} }`),
  });
  unit.output("policy_json", { description: "The one CloudShell policy that admits every network.", value: tf(`${policy}.json`) });
  unit.output("policy_size", { description: "Characters of the policy as IAM counts them (a managed policy takes 6,144); known once the networks are.", value: tf(`${policy}.size`) });
  unit.output("policy_max_size", { description: "The most characters the policy can take, known at plan: what the module checks against 6,144 before anything is created.", value: tf(`${policy}.max_size`) });
  unit.output("policy_json_with_placeholder_ids", { description: "The policy with placeholders where the networks' IDs, unknown at plan, will be: for reviewers.", value: tf(`${policy}.json_with_placeholder_ids`) });
  unit.output("guardrail_scp", { description: "The guardrail's SCP.", value: tf(`${guardrail}.json`) });
}

export const multiRegion: Definition = {
  name: "multi-region",
  kind: "example",
  source: sourceOf(__dirname),
  title: "Example: CloudShell networks in two Regions, one policy for both",
  requirements: { ...TERRAFORM, providers: [AWS_PROVIDER] },
  build,
};
