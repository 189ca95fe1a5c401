// The inputs of modules/cloudshell-policy-document, as one table; cloudshell-policy declares the
// same rows and passes them through. The presets and the per-feature inputs come from the facts
// (src/facts/features.ts): a preset added there is accepted, described and checked here.
import { DEFAULT_PRESET, OVERRIDABLE, PRESETS } from "../../facts/features";
import { RESTRICTIONS } from "../../facts/vpc-statements";
import { allowedRegionsValidations, partitionValidation } from "../common-inputs";
import { awsIdPattern, hclStrings, REGION_PATTERN } from "../hcl-snippets";
import { Input, VariableInput } from "../inputs";
import { field, Fields } from "../strict-object";

export const PRESET_NAMES = Object.keys(PRESETS);
/** The presets that deny cloudshell:*: nothing can be granted on top of them. */
const DENY_ALL = PRESET_NAMES.filter((p) => PRESETS[p].wildcard === "deny");
const NOT_DENY_ALL = DENY_ALL.length === 1 ? `var.preset != "${DENY_ALL[0]}"` : `!contains(${hclStrings(DENY_ALL)}, var.preset)`;
const DENY_ALL_NAMES = DENY_ALL.map((p) => `"${p}"`).join(" or ");
/** What a preset that does not exist is told. */
export const PRESET_MESSAGE = `preset must be one of ${PRESET_NAMES.join(", ")}.`;

/** vpc_environments: an object input whose unknown keys are errors (src/modules/strict-object.ts). null, not [], means "no restriction". */
export const VPC_ENVIRONMENTS: Fields = {
  grant_ec2_permissions: { type: "bool", default: null, defaultText: "default null: false, but required with an allow-list or require_vpc" },
  allow_eni_cleanup: { type: "bool", default: true },
  vpc_ids: { type: "set(string)", default: null, defaultText: "default null: no restriction" },
  subnet_ids: { type: "set(string)", default: null, defaultText: "default null: no restriction" },
  security_group_ids: { type: "set(string)", default: null, defaultText: "default null: no restriction" },
  networks: { type: "list(any)", default: null, defaultText: "default null" },
  require_vpc: { type: "bool", default: null },
};
/** The keys of each element of vpc_environments.networks: cloudshell-vpc-network's vpc_environment output. */
export const NETWORK_KEYS = ["vpc_id", "subnet_ids", "security_group_ids", "region"];
export const env = (name: string) => field("var.vpc_environments", name, VPC_ENVIRONMENTS[name]);
// Read the key as given, so that each result is known at plan even when the IDs in it are not
// (networks created in the same apply): try() and can() return unknown for a value with unknowns in it.
/** Whether the key is given and not null. */
export const isGiven = (name: string) => `try(var.vpc_environments.${name} != null, false)`;
/** How many IDs the key lists (0 when absent). */
export const givenLength = (name: string) => `try(length(var.vpc_environments.${name}), 0)`;
/** The networks as given, to iterate over (add `if n != null`). */
export const givenNetworks = `flatten([lookup(var.vpc_environments, "networks", null)])`;
/** Whether CreateEnvironment is restricted on a key: its list or networks is given (known at plan). */
export const restricts = (input: string) => `${isGiven(input)} || ${isGiven("networks")}`;
export const anyRestriction = `(${[...RESTRICTIONS.map((r) => r.input), "networks"].map(isGiven).join(" || ")})`;
const grantChosen = `${env("grant_ec2_permissions")} != null`;

/** The inputs; every one of them is passed through by cloudshell-policy. */
export const INPUTS: Input[] = [
  {
    name: "preset",
    description: `What to grant: ${PRESET_NAMES.map((p) => `"${p}"`).join(", ")}. ${Object.entries(PRESETS)
      .map(([name, p]) => `${name}: ${p.summary}`)
      .join(" ")}`,
    type: "string",
    default: DEFAULT_PRESET,
    validation: [
      {
        condition: `contains(${hclStrings(PRESET_NAMES)}, var.preset)`,
        errorMessage: PRESET_MESSAGE,
      },
    ],
  },
  ...OVERRIDABLE.map(([, feature]): VariableInput => {
    const input = feature.override!;
    return {
      name: input,
      description: `${feature.label} (${feature.actions.join(", ")}): null keeps the preset's choice, true grants it, false denies it explicitly.`,
      type: "bool",
      default: null,
      validation: [
        {
          condition: `var.${input} == null || ${NOT_DENY_ALL}`,
          errorMessage: `${input} cannot be combined with preset ${DENY_ALL_NAMES}, which denies every CloudShell action: leave ${input} null, or choose another preset.`,
        },
      ],
    };
  }),
  {
    name: "vpc_environments",
    description:
      "CloudShell VPC environments. grant_ec2_permissions grants the EC2 permissions the console needs to create one (scoped with aws:CalledVia and the ManagedByCloudShell tag, as AWS does), allow_eni_cleanup lets CloudShell delete its network interfaces; vpc_ids, subnet_ids and security_group_ids are allow-lists: CreateEnvironment is denied with any other ID, or without the key, and public environments are then denied too (null: no restriction; an empty list is an error); networks takes cloudshell-vpc-network vpc_environment outputs and allows exactly their VPCs, subnets and groups (and allowed_regions must include their Regions); require_vpc = true denies public (non-VPC) environments. With an allow-list or require_vpc, grant_ec2_permissions must be set: true, or false when another policy grants them. These denials apply when an environment is created; an environment created earlier keeps running.",
    fields: VPC_ENVIRONMENTS,
    validation: [
      ...RESTRICTIONS.map((r) => ({
        condition: `${isGiven(r.input)} ? alltrue([for id in ${env(r.input)} : can(regex("${awsIdPattern(r.prefix)}", id))]) : true`,
        errorMessage: `vpc_environments.${r.input} must hold ${r.what} IDs such as "${r.prefix}-0123456789abcdef0" (${r.prefix}- and 8 or 17 hex digits).`,
      })),
      ...[...RESTRICTIONS, { input: "networks", what: "network" }].map((r) => ({
        condition: `${isGiven(r.input)} ? ${givenLength(r.input)} > 0 : true`,
        errorMessage: `vpc_environments.${r.input} is empty, which would allow no ${r.what} at all: list them, or leave ${r.input} out (null, the default) for no restriction. An empty list often comes from networks not created (create = false) or not built yet.`,
      })),
      {
        condition: `alltrue([for n in ${givenNetworks} : can(keys(n)) ? length(setsubtract(keys(n), ${hclStrings(NETWORK_KEYS)})) == 0 && length(setsubtract(${hclStrings(NETWORK_KEYS)}, keys(n))) == 0 : false if n != null])`,
        errorMessage: `Each of vpc_environments.networks must be a cloudshell-vpc-network's vpc_environment output: an object of ${NETWORK_KEYS.join(", ")}.`,
      },
      {
        // Known at plan: a network not created has no subnets and no groups (its vpc_id is null), a
        // created one has them, their IDs unknown until it is. Counting, not alltrue(), stays known.
        condition: `length([for n in ${givenNetworks} : n if n != null && !(length(n.subnet_ids) > 0 && length(n.security_group_ids) > 0)]) == 0`,
        errorMessage: "vpc_environments.networks holds a network that was not created (vpc_id null, no subnets or no security groups: create = false?): remove it, or create it.",
      },
      {
        condition: `alltrue([for n in ${givenNetworks} : can(regex("${awsIdPattern("vpc")}", n.vpc_id)) && alltrue([for id in try(values(n.subnet_ids), n.subnet_ids) : can(regex("${awsIdPattern("subnet")}", id))]) && alltrue([for id in n.security_group_ids : can(regex("${awsIdPattern("sg")}", id))]) && can(regex("${REGION_PATTERN}", n.region)) if n != null])`,
        errorMessage: 'Each of vpc_environments.networks must hold a vpc_id ("vpc-..."), subnet_ids ("subnet-..."), security_group_ids ("sg-...") and a region ("us-east-1"), as cloudshell-vpc-network\'s vpc_environment output does.',
      },
      {
        condition: `${env("require_vpc")} != false || !${anyRestriction}`,
        errorMessage:
          "vpc_environments.require_vpc = false cannot be combined with vpc_ids, subnet_ids, security_group_ids or networks: a restriction to IDs always denies public environments. Leave require_vpc null or true.",
      },
      {
        condition: `${NOT_DENY_ALL} || (${env("grant_ec2_permissions")} != true && ${env("require_vpc")} == null && !${anyRestriction})`,
        errorMessage: `vpc_environments cannot be combined with preset ${DENY_ALL_NAMES}, which denies every CloudShell action: leave it unset, or choose another preset.`,
      },
      {
        condition: `${grantChosen} || !(${anyRestriction} || ${env("require_vpc")} == true)`,
        errorMessage:
          "vpc_environments restricts environments to VPCs, subnets or security groups (or sets require_vpc) but does not say whether to grant the EC2 permissions a VPC environment needs: without them nobody given this policy can create any environment. Set grant_ec2_permissions = true, or false when another policy grants them (or for deny_json in an SCP).",
      },
    ],
  },
  {
    name: "allowed_regions",
    description:
      'Regions where CloudShell may be used, such as ["us-east-1", "eu-west-1"]; null (default) allows every Region, and an empty list is an error. Any CloudShell action requested in another Region is denied (aws:RequestedRegion). The console opens CloudShell in the nearest supported Region when the selected one has none, so this keeps sessions, and the files in their home directories, in the Regions you chose.',
    type: "set(string)",
    default: null,
    validation: [
      ...allowedRegionsValidations,
      {
        condition: `var.allowed_regions == null || try(alltrue([for n in ${givenNetworks} : contains(var.allowed_regions, n.region) if n != null]), true)`,
        errorMessage: `allowed_regions leaves out \${try(join(", ", sort(distinct([for n in ${givenNetworks} : n.region if n != null && !contains(var.allowed_regions, n.region)]))), "a Region")}, the Region of a network in vpc_environments.networks: the policy would allow that network and deny CloudShell in its Region. Add the Region to allowed_regions.`,
      },
      {
        condition: `${NOT_DENY_ALL} || var.allowed_regions == null`,
        errorMessage: `allowed_regions cannot be combined with preset ${DENY_ALL_NAMES}, which denies every CloudShell action in every Region: leave it out, or choose another preset.`,
      },
    ],
  },
  {
    name: "partition",
    description: 'AWS partition for ARNs: "aws", or "aws-us-gov" for GovCloud (CloudShell has no China Regions).',
    type: "string",
    default: "aws",
    validation: [partitionValidation],
  },
];


