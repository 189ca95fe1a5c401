// Mistakes made with modules/cloudshell-policy-document, and what the plan says (src/modules/mistakes.ts).
import type { Mistake } from "../mistakes";
import { PRESETS } from "../../facts/features";

// Expectations are built from the facts, not the module's own message constants: the row checks
// what the module says, and its evidence key stays off the module's code (src/evidence/key.ts).
const PRESET_LIST = Object.keys(PRESETS).join(", ");

const MODULE = "modules/cloudshell-policy-document";
const VPC = "vpc-0123456789abcdef0";
const GRANT = { grant_ec2_permissions: true };

export const policyDocumentMistakes: Mistake[] = [
  { module: MODULE, what: "A preset that does not exist", inputs: { preset: "admin" }, expect: `preset must be one of ${PRESET_LIST}.`, control: { preset: "full" } },
  {
    module: MODULE,
    what: "Granting a feature on top of deny-all",
    inputs: { preset: "deny-all", allow_file_upload: true },
    expect: 'allow_file_upload cannot be combined with preset "deny-all"',
  },
  {
    module: MODULE,
    what: "A misspelled key of vpc_environments (an object type would drop it, and allow public environments)",
    inputs: { vpc_environments: { require_vpcs: true } },
    expect: "vpc_environments accepts only the keys grant_ec2_permissions, allow_eni_cleanup, vpc_ids, subnet_ids, security_group_ids, networks, require_vpc; unknown: require_vpcs.",
    control: { vpc_environments: { grant_ec2_permissions: true, require_vpc: true } },
  },
  {
    module: MODULE,
    what: 'A word for a true/false key ("yes"; Terraform converts "true" and "false", as for a bool variable)',
    inputs: { vpc_environments: { grant_ec2_permissions: "yes" } },
    expect: "vpc_environments.grant_ec2_permissions must be true or false or null.",
    issue: "23.6",
    control: { vpc_environments: { grant_ec2_permissions: "true" } },
  },
  {
    module: MODULE,
    what: "One ID as a string where a list is expected",
    inputs: { vpc_environments: { ...GRANT, vpc_ids: VPC } },
    expect: "vpc_environments.vpc_ids must be a list of strings or null.",
    control: { vpc_environments: { ...GRANT, vpc_ids: [VPC] } },
  },
  {
    module: MODULE,
    what: "A VPC ID cut short",
    inputs: { vpc_environments: { ...GRANT, vpc_ids: ["vpc-12"] } },
    expect: 'vpc_environments.vpc_ids must hold VPC IDs such as "vpc-0123456789abcdef0"',
  },
  {
    module: MODULE,
    what: "An empty allow-list, meant as \"no restriction\" (it used to allow public environments)",
    inputs: { vpc_environments: { ...GRANT, vpc_ids: [] } },
    expect: "vpc_environments.vpc_ids is empty, which would allow no VPC at all: list them, or leave vpc_ids out (null, the default) for no restriction.",
    issue: "23.2",
    control: { vpc_environments: { ...GRANT, vpc_ids: null } },
  },
  {
    module: MODULE,
    what: "An allow-list without deciding the EC2 permissions: nobody could create an environment",
    inputs: { vpc_environments: { vpc_ids: [VPC] } },
    expect: "does not say whether to grant the EC2 permissions a VPC environment needs",
    issue: "23.4",
    control: { vpc_environments: { ...GRANT, vpc_ids: [VPC] } },
  },
  {
    module: MODULE,
    what: "Allowing public environments beside an allow-list",
    inputs: { vpc_environments: { ...GRANT, require_vpc: false, subnet_ids: ["subnet-01234567"] } },
    expect: "require_vpc = false cannot be combined with",
  },
  {
    module: MODULE,
    what: "An empty allowed_regions, as from networks not created (no restriction is null)",
    inputs: { preset: "minimum", allowed_regions: [] },
    expect: "allowed_regions is empty",
    control: { preset: "minimum" },
  },
  {
    module: MODULE,
    what: "allowed_regions without the Region of a network the same policy allows",
    inputs: { vpc_environments: { ...GRANT, networks: ["${module.network.vpc_environment}"] }, allowed_regions: ["eu-west-1"] },
    expect: "allowed_regions leaves out us-east-1, the Region of a network in vpc_environments.networks",
    issue: "23.4",
    control: { vpc_environments: { ...GRANT, networks: ["${module.network.vpc_environment}"] }, allowed_regions: ["eu-west-1", "us-east-1"] },
  },
  {
    module: MODULE,
    what: "Two misspelled keys",
    inputs: { vpc_environments: { grant_ec2_permission: true, vpcs: [] } },
    expect: "; unknown: grant_ec2_permission, vpcs.",
  },
  {
    module: MODULE,
    what: "A list of IDs instead of the vpc_environments object",
    inputs: { vpc_environments: [VPC] },
    expect: "vpc_environments accepts only the keys grant_ec2_permissions, allow_eni_cleanup, vpc_ids, subnet_ids, security_group_ids, networks, require_vpc, and must be an object.",
  },
  {
    module: MODULE,
    what: "null for a key whose default is not null",
    inputs: { vpc_environments: { allow_eni_cleanup: null } },
    expect: "vpc_environments.allow_eni_cleanup must be true or false.",
    control: { vpc_environments: { require_vpc: null } },
  },
  {
    module: MODULE,
    what: "A malformed subnet ID",
    inputs: { vpc_environments: { ...GRANT, subnet_ids: ["subnet-xyz"] } },
    expect: "vpc_environments.subnet_ids must hold subnet IDs",
  },
  {
    module: MODULE,
    what: "A malformed security group ID",
    inputs: { vpc_environments: { ...GRANT, security_group_ids: ["sg-1"] } },
    expect: "vpc_environments.security_group_ids must hold security group IDs",
    // An allow-list is not an environment: it may offer more groups than one environment takes (5).
    control: { vpc_environments: { ...GRANT, security_group_ids: [1, 2, 3, 4, 5, 6, 7].map((i) => `sg-0000000${i}`) } },
  },
  { module: MODULE, what: "A Region without its number", inputs: { allowed_regions: ["us-east"] }, expect: 'allowed_regions must hold Region names such as "us-east-1"', control: { allowed_regions: ["us-east-1"] } },
  {
    module: MODULE,
    what: "Regions with deny-all",
    inputs: { preset: "deny-all", allowed_regions: ["us-east-1"] },
    expect: 'allowed_regions cannot be combined with preset "deny-all"',
  },
  { module: MODULE, what: "A China Region in allowed_regions", inputs: { allowed_regions: ["cn-north-1"] }, expect: "(CloudShell has no China Regions)" },
  { module: MODULE, what: "The China partition", inputs: { partition: "aws-cn" }, expect: "partition must be one of aws, aws-us-gov: the partitions with CloudShell (it has no China Regions)." },
];
