// terraform test files for modules/cloudshell-guardrail. The AWS provider is mocked (mock_provider
// "aws": the real provider's schema, no AWS call). The expectations are written here by hand; what
// the SCP denies, and for whom, is proven by the IAM simulation in the README.
import { sourceOf } from "../../generator/definition";
import { Assert, Run, sameJson, testFile } from "../../generator/tftest";

const SOURCE = sourceOf(__filename);
const POLICY_ID = "p-examplepolicyid111";
const POLICY_ARN = `arn:aws:organizations::111111111111:policy/o-exampleorgid/service_control_policy/${POLICY_ID}`;
const MOCK = {
  provider: "aws",
  resources: {
    aws_organizations_policy: { id: POLICY_ID, arn: POLICY_ARN },
    aws_organizations_policy_attachment: { id: `r-ab12:${POLICY_ID}` },
  },
};

const ROOT = "r-ab12";
const OU = "ou-ab12-cd34ef56";
const ACCOUNT = "123456789012";
const BREAK_GLASS = "arn:aws:iam::*:role/break-glass-*";
const VPC = "vpc-0123456789abcdef0";
const SUBNET = "subnet-0123456789abcdef0";
const SG = "sg-0123456789abcdef0";
const ATTACH = ["iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy"];
const PROTECTION = ["DenyChangingExemptPrincipals", "DenyChangingTaggedExemptPrincipals", "DenySettingExemptTags"];
/** Long patterns: enough of them that the statements take two SCPs, not three. */
const manyPatterns = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:iam::*:role/break-glass-administrator-${String(i).padStart(3, "0")}`);

const statements = "jsondecode(output.json).Statement";
const statement = (sid: string) => `[for s in ${statements} : s if s.Sid == "${sid}"][0]`;
const everyStatement = (condition: string, message: string): Assert => [`alltrue([for s in ${statements} : ${condition}])`, message];

const EVERY_CHOICE = {
  deny_public_environments: true,
  allowed_vpc_ids: [VPC],
  allowed_subnet_ids: [SUBNET],
  allowed_security_group_ids: [SG],
  deny_file_transfer: true,
  deny_credential_forwarding: true,
  deny_attaching_full_access: true,
};

const RUNS: Run[] = [
  {
    name: "every_choice_with_exemptions_attached_by_target_id",
    command: "apply",
    variables: {
      ...EVERY_CHOICE,
      exempt_principal_arns: [BREAK_GLASS],
      exempt_principal_tags: { "dp:exclude": "true" },
      target_ids: [ROOT, OU, ACCOUNT],
      tags: { team: "platform" },
    },
    asserts: [
      [`output.id == "${POLICY_ID}" && output.arn == "${POLICY_ARN}"`, "id and arn must come from the mocked policy"],
      [`aws_organizations_policy.this[0].type == "SERVICE_CONTROL_POLICY"`, "the policy must be an SCP"],
      [`aws_organizations_policy.this[0].content == output.json`, "the SCP must hold the json output"],
      [`aws_organizations_policy.this[0].name == "cloudshell-guardrail"`, 'name must default to "cloudshell-guardrail"'],
      [`aws_organizations_policy.this[0].tags["team"] == "platform"`, "the SCP must carry the tags"],
      sameJson("keys(aws_organizations_policy_attachment.targets)", [ACCOUNT, OU, ROOT]),
      [
        `alltrue([for id, a in aws_organizations_policy_attachment.targets : a.target_id == id && a.policy_id == "${POLICY_ID}"])`,
        "each attachment must attach the mocked SCP to the target it is keyed by",
      ],
      sameJson("output.target_ids", [ACCOUNT, OU, ROOT]),
      sameJson("output.statement_ids", [
        "DenyCredentialForwarding",
        "DenyFileDownload",
        "DenyFileUpload",
        "DenyCloudShellOutsideAllowedVpcs",
        "DenyCloudShellOutsideAllowedSubnets",
        "DenyCloudShellWithoutSubnetIds",
        "DenyCloudShellOutsideAllowedSecurityGroups",
        "DenyCloudShellWithoutSecurityGroupIds",
        "DenyCloudShellPublicEnvironments",
        "DenyAttachingAWSCloudShellFullAccess",
        ...PROTECTION,
      ]),
      everyStatement(`s.Effect == "Deny"`, "every statement must be a Deny"),
      // The exemptions protect themselves, and carry the exemptions like every Deny.
      sameJson(`${statement("DenyChangingExemptPrincipals")}.Resource`, [BREAK_GLASS]),
      [`contains(${statement("DenyChangingExemptPrincipals")}.Action, "iam:UpdateAssumeRolePolicy") && contains(${statement("DenyChangingExemptPrincipals")}.Action, "iam:CreateRole")`, "exempt roles must be protected from creation and takeover"],
      sameJson(`${statement("DenyChangingTaggedExemptPrincipals")}.Condition.StringEquals`, { "aws:ResourceTag/dp:exclude": "true" }),
      [`!contains(${statement("DenyChangingTaggedExemptPrincipals")}.Action, "iam:CreateRole")`, "a tagged principal exists already: no CreateRole in its statement"],
      sameJson(`${statement("DenySettingExemptTags")}.Condition["ForAnyValue:StringEqualsIgnoreCase"]`, { "aws:TagKeys": ["dp:exclude"] }),
      sameJson(`${statement("DenySettingExemptTags")}.Action`, ["iam:CreateRole", "iam:CreateUser", "iam:TagRole", "iam:UntagRole", "iam:TagUser", "iam:UntagUser", "sts:TagSession"]),
      everyStatement(`jsonencode(s.Condition.ArnNotLike["aws:PrincipalArn"]) == jsonencode(["${BREAK_GLASS}"])`, "every Deny must exempt the break-glass pattern"),
      everyStatement(`s.Condition.StringNotEquals["aws:PrincipalTag/dp:exclude"] == "true"`, "every Deny must exempt principals tagged dp:exclude = true"),
      // The exemptions are merged next to a statement's own conditions, never over them.
      [`${statement("DenyCloudShellPublicEnvironments")}.Condition.Null["cloudshell:VpcIds"] == "true"`, "the public-environment Deny must keep its Null condition"],
      sameJson(`${statement("DenyCloudShellOutsideAllowedVpcs")}.Condition["ForAnyValue:StringNotEquals"]["cloudshell:VpcIds"]`, [VPC]),
      [`${statement("DenyCloudShellWithoutSubnetIds")}.Condition.Null["cloudshell:SubnetIds"] == "true"`, "the absent-subnet Deny must keep its Null condition"],
      sameJson(`${statement("DenyAttachingAWSCloudShellFullAccess")}.Action`, ATTACH),
      sameJson(`${statement("DenyAttachingAWSCloudShellFullAccess")}.Condition.ArnEquals["iam:PolicyARN"]`, ["arn:aws:iam::aws:policy/AWSCloudShellFullAccess"]),
      sameJson(`keys(${statement("DenyAttachingAWSCloudShellFullAccess")}.Condition)`, ["ArnEquals", "ArnNotLike", "StringNotEquals"]),
      [`output.json == jsonencode(jsondecode(output.json)) && !strcontains(output.json, "\\n")`, "the SCP must be minified JSON"],
      [`output.size == length(output.json) && output.size > 5120 && output.size <= 10240`, "the SCP must plan between the old 5,120 and the current 10,240 characters"],
      ["jsonencode(output.policies) == jsonencode([output.json])", "statements that fit one SCP must make one SCP"],
      ["length(aws_organizations_policy.this) == 1", "one SCP"],
    ],
  },
  {
    name: "disable_cloudshell_in_govcloud_without_exemptions",
    command: "plan",
    variables: { disable_cloudshell: true, deny_attaching_full_access: true, partition: "aws-us-gov" },
    asserts: [
      sameJson("output.statement_ids", ["DenyCloudShell", "DenyAttachingAWSCloudShellFullAccess"]),
      sameJson(`${statement("DenyCloudShell")}.Action`, ["cloudshell:*"]),
      [`!contains(keys(${statement("DenyCloudShell")}), "Condition")`, "without exemptions, DenyCloudShell must have no Condition"],
      sameJson(`${statement("DenyAttachingAWSCloudShellFullAccess")}.Condition`, { ArnEquals: { "iam:PolicyARN": ["arn:aws-us-gov:iam::aws:policy/AWSCloudShellFullAccess"] } }),
      ["length(aws_organizations_policy_attachment.targets) == 0 && length(output.target_ids) == 0", "no target_ids, no attachments"],
    ],
  },
  {
    name: "create_false_creates_nothing_but_computes_the_json",
    command: "plan",
    variables: { create: false, deny_credential_forwarding: true, exempt_principal_tags: { "dp:exclude": "true" }, target_ids: [ROOT] },
    asserts: [
      ["output.id == null && output.arn == null", "id and arn must be null"],
      ["length(aws_organizations_policy.this) + length(aws_organizations_policy_attachment.targets) == 0", "nothing must be created"],
      sameJson("output.statement_ids", ["DenyCredentialForwarding", "DenyChangingTaggedExemptPrincipals", "DenySettingExemptTags"], "a tag alone protects the tag, and no ARN pattern"),
      sameJson(`${statement("DenyCredentialForwarding")}.Condition`, { StringNotEquals: { "aws:PrincipalTag/dp:exclude": "true" } }, "a tag alone must add StringNotEquals and no empty ArnNotLike"),
    ],
  },
  {
    name: "statements_over_10240_characters_split_into_two_scps_on_every_target",
    command: "apply",
    variables: { disable_cloudshell: true, deny_attaching_full_access: true, exempt_principal_arns: manyPatterns(60), target_ids: [ROOT, ACCOUNT] },
    asserts: [
      ["length(output.policies) == 2 && length(aws_organizations_policy.this) == 2", "the statements must take two SCPs"],
      ["alltrue([for size in output.policy_sizes : size <= 10240]) && output.size > 10240", "each SCP must fit, the statements together must not"],
      ["jsonencode(flatten([for p in output.policies : jsondecode(p).Statement])) == jsonencode(jsondecode(output.json).Statement)", "the SCPs must hold every statement, whole, in order"],
      sameJson("[for p in aws_organizations_policy.this : p.name]", ["cloudshell-guardrail", "cloudshell-guardrail-2"]),
      [`alltrue([for i, p in aws_organizations_policy.this : p.content == output.policies[i]])`, "each SCP must hold its piece"],
      sameJson("sort(keys(aws_organizations_policy_attachment.targets))", [ACCOUNT, `${ACCOUNT}/2`, ROOT, `${ROOT}/2`], "the first SCP keeps the target ID as its key"),
      sameJson("output.target_ids", [ACCOUNT, ROOT]),
    ],
  },
  {
    name: "a_wrong_scp_count_fails_at_plan",
    command: "plan",
    variables: { deny_public_environments: true, scp_count: 2 },
    expectFailures: ["aws_organizations_policy.this"],
  },
  {
    name: "statements_that_no_split_fits_fail_at_plan",
    command: "plan",
    variables: { disable_cloudshell: true, deny_attaching_full_access: true, exempt_principal_arns: manyPatterns(200) },
    expectFailures: ["aws_organizations_policy.this"],
  },
];

const COMMENT = "The AWS provider is mocked: no credentials and no AWS call. The apply runs get a mocked SCP ID.";

export const guardrailTests = () => ({
  "tests/guardrail.tftest.hcl": testFile({ source: SOURCE, comment: COMMENT, mockProvider: MOCK, runs: RUNS }),
});
