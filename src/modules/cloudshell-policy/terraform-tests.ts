// terraform test files for modules/cloudshell-policy. The AWS provider is mocked (mock_provider
// "aws": the real provider's schema, no AWS call), and every run applies. The expectations are
// written here by hand; what each preset allows is proven in modules/cloudshell-policy-document.
import { sourceOf } from "../../generator/definition";
import { Assert, Run, sameJson, testFile } from "../../generator/tftest";
import { ALL, LAUNCH, subnets } from "../cloudshell-policy-document/terraform-tests";

const SOURCE = sourceOf(__filename);
const ARN = "arn:aws:iam::123456789012:policy/cloudshell-test";
/** What AWS names a policy created with name_prefix "cloudshell-" (a 26-digit suffix). */
const GENERATED_NAME = "cloudshell-20250101000000000000000001";

const MOCK = {
  provider: "aws",
  resources: {
    aws_iam_policy: { arn: ARN, id: ARN, name: GENERATED_NAME, policy_id: "ANPA0123456789EXAMPLE", attachment_count: 0 },
    aws_iam_role_policy_attachment: { id: "developer-20250101000000000000000002" },
    aws_iam_user_policy_attachment: { id: "alice-20250101000000000000000003" },
    aws_iam_group_policy_attachment: { id: "engineers-20250101000000000000000004" },
  },
};

const statement = (sid: string) => `[for s in jsondecode(output.json).Statement : s if s.Sid == "${sid}"]`;
const sids = (sidList: string[]): Assert => sameJson("[for s in jsondecode(output.json).Statement : s.Sid]", sidList);

/** An attachment of the mocked policy, keyed by the principal's name. */
const attached = (resource: string, argument: string, name: string): Assert => [
  `${resource}["${name}"].${argument} == "${name}" && ${resource}["${name}"].policy_arn == "${ARN}"`,
  `${resource}["${name}"] must attach the mocked policy to ${name}`,
];

const RUNS: Run[] = [
  {
    name: "policy_is_created_and_attached_by_name",
    variables: {
      name: "cloudshell-developers",
      preset: "no-credentials",
      role_names: ["developer", "operator"],
      user_names: ["alice"],
      group_names: ["engineers"],
    },
    asserts: [
      [`output.arn == "${ARN}"`, "arn must be the mocked policy's ARN"],
      [`output.name == "cloudshell-developers"`, "name must be the name input"],
      sameJson("keys(aws_iam_role_policy_attachment.roles)", ["developer", "operator"]),
      attached("aws_iam_role_policy_attachment.roles", "role", "developer"),
      attached("aws_iam_role_policy_attachment.roles", "role", "operator"),
      attached("aws_iam_user_policy_attachment.users", "user", "alice"),
      attached("aws_iam_group_policy_attachment.groups", "group", "engineers"),
      sids(["AllowCloudShell", "DenyCredentialForwarding"]),
      sameJson(`${statement("AllowCloudShell")}[0].Action`, ALL.filter((a) => a !== "cloudshell:PutCredentials")),
      sameJson(`${statement("DenyCredentialForwarding")}[0].Action`, ["cloudshell:PutCredentials"]),
      [`aws_iam_policy.this[0].policy == output.json`, "the IAM policy must hold the json output"],
    ],
  },
  {
    name: "removing_a_role_keeps_the_other_attachments",
    variables: {
      name: "cloudshell-developers",
      preset: "no-credentials",
      role_names: ["developer"],
      user_names: ["alice"],
      group_names: ["engineers"],
    },
    asserts: [
      sameJson("keys(aws_iam_role_policy_attachment.roles)", ["developer"]),
      attached("aws_iam_role_policy_attachment.roles", "role", "developer"),
      attached("aws_iam_user_policy_attachment.users", "user", "alice"),
      attached("aws_iam_group_policy_attachment.groups", "group", "engineers"),
    ],
  },
];

const DEFAULT_RUNS: Run[] = [
  {
    name: "defaults_create_a_minimum_policy_with_a_generated_name",
    asserts: [
      [`output.arn == "${ARN}" && output.name == "${GENERATED_NAME}"`, "arn and name must come from the mocked policy"],
      [`aws_iam_policy.this[0].name_prefix == "cloudshell-"`, 'name_prefix must default to "cloudshell-"'],
      sids(["AllowCloudShell"]),
      sameJson(`${statement("AllowCloudShell")}[0].Action`, LAUNCH),
      ["output.deny_json == null", "minimum denies nothing"],
      [
        "length(aws_iam_role_policy_attachment.roles) + length(aws_iam_user_policy_attachment.users) + length(aws_iam_group_policy_attachment.groups) == 0",
        "no names, no attachments",
      ],
    ],
  },
  {
    name: "create_false_creates_nothing_but_computes_the_json",
    command: "plan",
    variables: { create: false, preset: "no-file-transfer", role_names: ["developer"], user_names: ["alice"], group_names: ["engineers"] },
    asserts: [
      ["output.arn == null && output.name == null", "arn and name must be null"],
      [
        "length(aws_iam_policy.this) + length(aws_iam_role_policy_attachment.roles) + length(aws_iam_user_policy_attachment.users) + length(aws_iam_group_policy_attachment.groups) == 0",
        "nothing must be created",
      ],
      sids(["AllowCloudShell", "DenyFileDownload", "DenyFileUpload"]),
      [`jsondecode(output.deny_json).Statement[0].Effect == "Deny"`, "deny_json must be computed too"],
      [`output.size == length(replace(output.json, "/[[:space:]]/", ""))`, "size must count the policy's characters without whitespace"],
    ],
  },
  {
    // 40 subnets with the VPC grant is about 6,400 characters: over the quota, stopped at plan.
    name: "a_policy_over_the_managed_policy_quota_fails_at_plan",
    command: "plan",
    variables: { vpc_environments: { grant_ec2_permissions: true, vpc_ids: ["vpc-0123456789abcdef0"], subnet_ids: subnets(40), security_group_ids: ["sg-0123456789abcdef0"] } },
    expectFailures: ["aws_iam_policy.this"],
  },
];

const COMMENT = "The AWS provider is mocked: no credentials and no AWS call. Each run applies with a mocked ARN.";
const file = (runs: Run[]) => testFile({ source: SOURCE, comment: COMMENT, mockProvider: MOCK, runs: runs.map((r) => ({ command: "apply" as const, ...r })) });

export const policyTests = () => ({
  "tests/attachments.tftest.hcl": file(RUNS),
  "tests/defaults.tftest.hcl": file(DEFAULT_RUNS),
});
