// terraform test files for modules/cloudshell-policy-document. The expectations are written here
// by hand, from AWS's documentation of each feature; real Terraform checks the module against them.
import { sourceOf } from "../../generator/definition";
import { Run, testFile } from "../../generator/tftest";
import { SUBNETS_IN_A_MANAGED_POLICY } from "../../facts/limits";

// Lists and tuples never compare equal in Terraform, so compare their JSON.
const exactly = (output: string, actions: string[]): [string, string] => [
  `jsonencode(${output}) == jsonencode([${actions.map((a) => `"${a}"`).join(", ")}])`,
  `${output} is not [${actions.join(", ")}]`,
];
const statement = (sid: string) => `[for s in jsondecode(output.json).Statement : s if s.Sid == "${sid}"]`;
const hasSid = (sid: string, effect: string): [string, string] => [
  `length(${statement(sid)}) == 1 && ${statement(sid)}[0].Effect == "${effect}"`,
  `expected one ${effect} statement with Sid ${sid}`,
];
const noSid = (sid: string): [string, string] => [`length(${statement(sid)}) == 0`, `expected no statement with Sid ${sid}`];

/** The expectations' vocabulary, written out by hand (not read from src/facts, which they check). */
export const LAUNCH = ["cloudshell:CreateEnvironment", "cloudshell:CreateSession", "cloudshell:GetEnvironmentStatus", "cloudshell:StartEnvironment"];
export const ALL = [
  "cloudshell:ApproveCommand",
  "cloudshell:CreateEnvironment",
  "cloudshell:CreateSession",
  "cloudshell:DeleteEnvironment",
  "cloudshell:DescribeEnvironments",
  "cloudshell:GetEnvironmentStatus",
  "cloudshell:GetFileDownloadUrls",
  "cloudshell:GetFileUploadUrls",
  "cloudshell:PutCredentials",
  "cloudshell:StartEnvironment",
  "cloudshell:StopEnvironment",
];
const without = (xs: string[], ...drop: string[]) => xs.filter((x) => !drop.includes(x));
const VPC = "vpc-0123456789abcdef0";
const SUBNET = "subnet-0123456789abcdef0";
const SG = "sg-0123456789abcdef0";
/** n distinct subnet IDs of the longest form, for policies near the size quotas. */
export const subnets = (n: number) => Array.from({ length: n }, (_, i) => `subnet-0123456789abcd${String(i).padStart(3, "0")}`);
/** Two networks as cloudshell-vpc-network's vpc_environment output gives them. */
const NETWORKS = [
  { vpc_id: "vpc-0123456789abcdef1", subnet_ids: { "us-east-1a": "subnet-0123456789abcdef1", "us-east-1b": "subnet-0123456789abcdef2" }, security_group_ids: ["sg-0123456789abcdef1"], region: "us-east-1" },
  { vpc_id: "vpc-01234567", subnet_ids: { "eu-west-1a": "subnet-01234567" }, security_group_ids: ["sg-01234567", "sg-0123456789abcdef2"], region: "eu-west-1" },
];

const PRESET_RUNS: Run[] = [
  {
    name: "default_is_minimum",
    variables: {},
    asserts: [exactly("output.allowed_actions", LAUNCH), exactly("output.denied_actions", []), ["output.deny_json == null", "minimum denies nothing"]],
  },
  {
    name: "full_grants_the_managed_policy_wildcard",
    variables: { preset: "full" },
    asserts: [
      exactly(`${statement("AllowCloudShell")}[0].Action`, ["cloudshell:*"]),
      exactly("output.allowed_actions", ALL),
      [`length(jsondecode(output.json).Statement) == 1`, "full is one statement"],
    ],
  },
  {
    name: "minimum_grants_the_four_launch_actions",
    variables: { preset: "minimum" },
    asserts: [exactly(`${statement("AllowCloudShell")}[0].Action`, LAUNCH), exactly("output.denied_actions", [])],
  },
  {
    name: "no_credentials_denies_put_credentials",
    variables: { preset: "no-credentials" },
    asserts: [
      exactly("output.allowed_actions", without(ALL, "cloudshell:PutCredentials")),
      exactly("output.denied_actions", ["cloudshell:PutCredentials"]),
      hasSid("DenyCredentialForwarding", "Deny"),
      [`jsondecode(output.deny_json).Statement[0].Sid == "DenyCredentialForwarding"`, "deny_json must carry the deny"],
    ],
  },
  {
    name: "no_file_transfer_denies_upload_and_download",
    variables: { preset: "no-file-transfer" },
    asserts: [
      exactly("output.allowed_actions", without(ALL, "cloudshell:GetFileDownloadUrls", "cloudshell:GetFileUploadUrls")),
      exactly("output.denied_actions", ["cloudshell:GetFileDownloadUrls", "cloudshell:GetFileUploadUrls"]),
      hasSid("DenyFileUpload", "Deny"),
      hasSid("DenyFileDownload", "Deny"),
    ],
  },
  {
    name: "deny_all_denies_the_wildcard",
    variables: { preset: "deny-all" },
    asserts: [
      exactly("output.allowed_actions", []),
      exactly("output.denied_actions", ALL),
      [`output.json == jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "DenyCloudShell", Effect = "Deny", Action = ["cloudshell:*"], Resource = "*" }] })`, "deny-all is one Deny of cloudshell:*"],
      [`output.deny_json == output.json`, "deny-all is all deny"],
    ],
  },
];

const OVERRIDE_RUNS: Run[] = [
  {
    name: "overrides_grant_on_top_of_minimum",
    variables: { preset: "minimum", allow_restart: true, allow_credentials: true },
    asserts: [exactly("output.allowed_actions", [...LAUNCH, "cloudshell:PutCredentials", "cloudshell:StopEnvironment"].sort())],
  },
  {
    name: "overrides_deny_on_top_of_full",
    variables: { preset: "full", allow_delete_home: false, allow_file_upload: false },
    asserts: [
      exactly("output.denied_actions", ["cloudshell:DeleteEnvironment", "cloudshell:GetFileUploadUrls"]),
      hasSid("DenyDeleteHome", "Deny"),
      hasSid("DenyFileUpload", "Deny"),
      exactly(`${statement("AllowCloudShell")}[0].Action`, ["cloudshell:*"]),
    ],
  },
  {
    name: "override_true_lifts_a_preset_deny",
    variables: { preset: "no-credentials", allow_credentials: true },
    asserts: [exactly("output.denied_actions", []), noSid("DenyCredentialForwarding"), exactly("output.allowed_actions", ALL)],
  },
  {
    name: "approve_command_and_list_environments_have_overrides",
    variables: { preset: "no-credentials", allow_approve_command: false, allow_list_environments: false },
    asserts: [
      hasSid("DenyApproveCommand", "Deny"),
      hasSid("DenyListEnvironments", "Deny"),
      [`!contains(output.allowed_actions, "cloudshell:ApproveCommand") && !contains(output.allowed_actions, "cloudshell:DescribeEnvironments")`, "both must leave the Allow"],
    ],
  },
  {
    name: "allowed_regions_deny_cloudshell_elsewhere",
    variables: { preset: "full", allowed_regions: ["eu-west-1", "us-east-1"] },
    asserts: [
      hasSid("DenyCloudShellOutsideAllowedRegions", "Deny"),
      exactly(`${statement("DenyCloudShellOutsideAllowedRegions")}[0].Condition.StringNotEquals["aws:RequestedRegion"]`, ["eu-west-1", "us-east-1"]),
      [`length([for s in jsondecode(output.deny_json).Statement : s if s.Sid == "DenyCloudShellOutsideAllowedRegions"]) == 1`, "deny_json (for an SCP) must carry the Region deny"],
    ],
  },
  {
    name: "override_false_on_minimum_denies_explicitly",
    variables: { preset: "minimum", allow_file_download: false },
    asserts: [hasSid("DenyFileDownload", "Deny"), exactly("output.allowed_actions", LAUNCH)],
  },
];

/** An allow-list is not an environment: people may choose from more groups than one environment takes. */
const SEVEN_GROUPS = [1, 2, 3, 4, 5, 6, 7].map((i) => `sg-0123456789abcdef${i}`);

const VPC_RUNS: Run[] = [
  {
    name: "vpc_grant_adds_ec2_permissions_scoped_to_cloudshell",
    variables: { vpc_environments: { grant_ec2_permissions: true } },
    asserts: [
      hasSid("AllowCreateNetworkInterfaceWithSubnetsAndSGViaCloudShell", "Allow"),
      hasSid("AllowDeleteNetworkInterfaceWithCloudShellTagViaCloudShell", "Allow"),
      [`contains(output.allowed_actions, "ec2:CreateNetworkInterface")`, "EC2 actions must be listed as allowed"],
      noSid("DenyCloudShellPublicEnvironments"),
    ],
  },
  {
    name: "eni_cleanup_can_be_turned_off",
    variables: { vpc_environments: { grant_ec2_permissions: true, allow_eni_cleanup: false } },
    asserts: [noSid("AllowDeleteNetworkInterfaceWithCloudShellTagViaCloudShell"), [`!contains(output.allowed_actions, "ec2:DeleteNetworkInterface")`, "no ENI clean-up"]],
  },
  {
    name: "restriction_to_ids_also_denies_public_environments",
    variables: { vpc_environments: { grant_ec2_permissions: false, vpc_ids: [VPC], subnet_ids: [SUBNET], security_group_ids: [SG] } },
    asserts: [
      hasSid("DenyCloudShellOutsideAllowedVpcs", "Deny"),
      hasSid("DenyCloudShellOutsideAllowedSubnets", "Deny"),
      hasSid("DenyCloudShellOutsideAllowedSecurityGroups", "Deny"),
      hasSid("DenyCloudShellPublicEnvironments", "Deny"),
      exactly(`${statement("DenyCloudShellOutsideAllowedVpcs")}[0].Condition["ForAnyValue:StringNotEquals"]["cloudshell:VpcIds"]`, [VPC]),
      // Fail closed: a restricted key that the request lacks is denied too.
      hasSid("DenyCloudShellWithoutSubnetIds", "Deny"),
      hasSid("DenyCloudShellWithoutSecurityGroupIds", "Deny"),
      [`${statement("DenyCloudShellWithoutSubnetIds")}[0].Condition.Null["cloudshell:SubnetIds"] == "true"`, "an absent SubnetIds key must be denied"],
    ],
  },
  {
    name: "a_vpc_restriction_alone_adds_no_absent_key_denies",
    variables: { vpc_environments: { grant_ec2_permissions: false, vpc_ids: [VPC] } },
    asserts: [noSid("DenyCloudShellWithoutSubnetIds"), noSid("DenyCloudShellWithoutSecurityGroupIds"), hasSid("DenyCloudShellPublicEnvironments", "Deny")],
  },
  {
    name: "eni_placement_is_scoped_to_the_allowed_subnets_and_groups",
    variables: { vpc_environments: { grant_ec2_permissions: true, subnet_ids: [SUBNET], security_group_ids: [SG] } },
    asserts: [
      exactly(`${statement("AllowCreateNetworkInterfaceWithSubnetsAndSGViaCloudShell")}[0].Resource`, [`arn:aws:ec2:*:*:security-group/${SG}`, `arn:aws:ec2:*:*:subnet/${SUBNET}`]),
    ],
  },
  {
    name: "the_vpc_grant_is_over_an_inline_user_policy",
    variables: { vpc_environments: { grant_ec2_permissions: true } },
    asserts: [
      ["output.json_size > 2048 && output.json_size < 6144", "minimum + the VPC grant must be over the 2,048 of an inline user policy and within a managed policy"],
      [`output.json_size == length(replace(output.json, "/[[:space:]]/", ""))`, "json_size must count characters without whitespace"],
    ],
  },
  {
    name: `subnets_${SUBNETS_IN_A_MANAGED_POLICY}_fit_a_managed_policy`,
    variables: { vpc_environments: { grant_ec2_permissions: true, vpc_ids: [VPC], subnet_ids: subnets(SUBNETS_IN_A_MANAGED_POLICY), security_group_ids: [SG] } },
    asserts: [
      ["output.max_json_size <= 6144", `${SUBNETS_IN_A_MANAGED_POLICY} subnets must fit the 6,144 of a managed policy`],
      ["output.max_json_size == output.json_size", "with IDs of the longest form, the size at plan is the size"],
    ],
  },
  {
    name: `subnets_${SUBNETS_IN_A_MANAGED_POLICY + 1}_do_not_fit_a_managed_policy`,
    variables: { vpc_environments: { grant_ec2_permissions: true, vpc_ids: [VPC], subnet_ids: subnets(SUBNETS_IN_A_MANAGED_POLICY + 1), security_group_ids: [SG] } },
    asserts: [["output.max_json_size > 6144", `${SUBNETS_IN_A_MANAGED_POLICY + 1} subnets must not fit the 6,144 of a managed policy`]],
  },
  {
    name: "networks_allow_exactly_their_ids",
    variables: { vpc_environments: { grant_ec2_permissions: true, networks: NETWORKS }, allowed_regions: ["eu-west-1", "us-east-1"] },
    asserts: [
      exactly(`${statement("DenyCloudShellOutsideAllowedVpcs")}[0].Condition["ForAnyValue:StringNotEquals"]["cloudshell:VpcIds"]`, ["vpc-01234567", "vpc-0123456789abcdef1"]),
      exactly(`${statement("DenyCloudShellOutsideAllowedSubnets")}[0].Condition["ForAnyValue:StringNotEquals"]["cloudshell:SubnetIds"]`, ["subnet-01234567", "subnet-0123456789abcdef1", "subnet-0123456789abcdef2"]),
      exactly(`${statement("DenyCloudShellOutsideAllowedSecurityGroups")}[0].Condition["ForAnyValue:StringNotEquals"]["cloudshell:SecurityGroupIds"]`, ["sg-01234567", "sg-0123456789abcdef1", "sg-0123456789abcdef2"]),
      hasSid("DenyCloudShellPublicEnvironments", "Deny"),
      // Three short IDs (9 characters under the longest form) appear twice each, the VPC's once: 45 characters.
      ["output.max_json_size == output.json_size + 45", "short IDs count at their longest form at plan"],
    ],
  },
  {
    name: "placeholder_ids_keep_the_policy_shape",
    variables: { vpc_environments: { grant_ec2_permissions: true, vpc_ids: [VPC, "vpc-01234567"], subnet_ids: [SUBNET] } },
    asserts: [
      [
        `[for st in jsondecode(output.json_with_placeholder_ids).Statement : st if st.Sid == "DenyCloudShellOutsideAllowedVpcs"][0].Condition["ForAnyValue:StringNotEquals"]["cloudshell:VpcIds"] == ["vpc-unknown0000000000", "vpc-unknown0000000001"]`,
        "each VPC ID becomes a numbered placeholder of the longest form",
      ],
      [
        `[for st in jsondecode(output.json_with_placeholder_ids).Statement : st.Sid] == [for st in jsondecode(output.json).Statement : st.Sid]`,
        "the placeholder policy has the same statements",
      ],
    ],
  },
  {
    name: "null_lists_restrict_nothing",
    variables: { vpc_environments: { grant_ec2_permissions: true, vpc_ids: null, subnet_ids: null, security_group_ids: null, networks: null } },
    asserts: [noSid("DenyCloudShellOutsideAllowedVpcs"), noSid("DenyCloudShellPublicEnvironments"), ["output.max_json_size == output.json_size", "no IDs, no difference"]],
  },
  {
    name: "eni_placement_is_any_subnet_without_an_allow_list",
    variables: { vpc_environments: { grant_ec2_permissions: true } },
    asserts: [exactly(`${statement("AllowCreateNetworkInterfaceWithSubnetsAndSGViaCloudShell")}[0].Resource`, ["arn:aws:ec2:*:*:security-group/*", "arn:aws:ec2:*:*:subnet/*"])],
  },
  {
    name: "an_allow_list_takes_more_groups_than_one_environment",
    variables: { vpc_environments: { grant_ec2_permissions: false, security_group_ids: SEVEN_GROUPS } },
    asserts: [exactly(`${statement("DenyCloudShellOutsideAllowedSecurityGroups")}[0].Condition["ForAnyValue:StringNotEquals"]["cloudshell:SecurityGroupIds"]`, SEVEN_GROUPS)],
  },
  {
    name: "require_vpc_alone_denies_public_environments",
    variables: { vpc_environments: { grant_ec2_permissions: false, require_vpc: true } },
    asserts: [hasSid("DenyCloudShellPublicEnvironments", "Deny"), noSid("DenyCloudShellOutsideAllowedVpcs")],
  },
  {
    name: "partition_reaches_the_arns",
    variables: { partition: "aws-us-gov", vpc_environments: { grant_ec2_permissions: true } },
    asserts: [
      [`${statement("AllowCreateNetworkInterfaceWithCloudShellTagViaCloudShell")}[0].Resource == "arn:aws-us-gov:ec2:*:*:network-interface/*"`, "ARNs must use the partition input"],
    ],
  },
];

const BAD_INPUT_RUNS: Run[] = [
  { name: "unknown_preset_is_rejected", variables: { preset: "admin" }, expectFailures: ["var.preset"] },
  { name: "override_with_deny_all_is_rejected", variables: { preset: "deny-all", allow_credentials: true }, expectFailures: ["var.allow_credentials"] },
  { name: "malformed_vpc_id_is_rejected", variables: { vpc_environments: { vpc_ids: ["vpc-123"] } }, expectFailures: ["var.vpc_environments"] },
  { name: "malformed_subnet_id_is_rejected", variables: { vpc_environments: { subnet_ids: ["subnet_0123456789abcdef0"] } }, expectFailures: ["var.vpc_environments"] },
  { name: "malformed_security_group_id_is_rejected", variables: { vpc_environments: { security_group_ids: ["sg-XYZ"] } }, expectFailures: ["var.vpc_environments"] },
  { name: "a_misspelled_key_is_rejected_not_dropped", variables: { vpc_environments: { require_vpcs: true } }, expectFailures: ["var.vpc_environments"] },
  { name: "a_value_of_the_wrong_type_is_rejected", variables: { vpc_environments: { vpc_ids: VPC } }, expectFailures: ["var.vpc_environments"] },
  { name: "public_environments_cannot_be_allowed_with_ids", variables: { vpc_environments: { grant_ec2_permissions: true, require_vpc: false, vpc_ids: [VPC] } }, expectFailures: ["var.vpc_environments"] },
  { name: "an_empty_allow_list_is_rejected", variables: { vpc_environments: { grant_ec2_permissions: true, vpc_ids: [] } }, expectFailures: ["var.vpc_environments"] },
  { name: "an_allow_list_without_the_grant_decided_is_rejected", variables: { vpc_environments: { vpc_ids: [VPC] } }, expectFailures: ["var.vpc_environments"] },
  { name: "a_network_region_outside_allowed_regions_is_rejected", variables: { vpc_environments: { grant_ec2_permissions: true, networks: NETWORKS }, allowed_regions: ["us-east-1"] }, expectFailures: ["var.allowed_regions"] },
  { name: "vpc_settings_with_deny_all_are_rejected", variables: { preset: "deny-all", vpc_environments: { grant_ec2_permissions: true } }, expectFailures: ["var.vpc_environments"] },
  { name: "unknown_partition_is_rejected", variables: { partition: "aws-mars" }, expectFailures: ["var.partition"] },
];

const SOURCE = sourceOf(__filename);
const file = (runs: Run[]) => testFile({ source: SOURCE, runs });

export const policyDocumentTests = () => ({
  "tests/presets.tftest.hcl": file(PRESET_RUNS),
  "tests/overrides.tftest.hcl": file(OVERRIDE_RUNS),
  "tests/vpc.tftest.hcl": file(VPC_RUNS),
  "tests/bad_inputs.tftest.hcl": file(BAD_INPUT_RUNS),
});
