// terraform test files for modules/cloudshell-guardrail. The AWS provider is mocked (mock_provider
// "aws": the real provider's schema, no AWS call). The expectations are written here by hand; what
// the SCP denies, and for whom, is proven by the IAM simulation in the README.
import { sourceOf } from "../../generator/definition";
import { Assert, Run, sameJson, testFile } from "../../generator/tftest";
import { GUARDRAIL_STATEMENTS } from "../../facts/organizations";
import { hclStrings, placeholderExample } from "../hcl-snippets";

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
const S = GUARDRAIL_STATEMENTS;
/** The statements an ARN pattern and a tag bring, in the order the SCP holds them (first). */
const PROTECTION = [S.exemptRoles, S.taggedRoles, S.tags, S.identityProviders, S.widening, S.wideningTagged, S.userTags].map((x) => x.Sid);
const INVARIANTS = Object.values(S).filter((x) => x.invariant).map((x) => x.Sid);
/** Long patterns: enough of them that the statements take two SCPs, not three. */
const SPLIT_PATTERNS = 30;
const manyPatterns = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:iam::*:role/break-glass-administrator-${String(i).padStart(3, "0")}`);

const statements = "jsondecode(output.json).Statement";
const statement = (sid: string) => `[for s in ${statements} : s if s.Sid == "${sid}"][0]`;
const everyStatement = (condition: string, message: string): Assert => [`alltrue([for s in ${statements} : ${condition}])`, message];
/** The same, for every statement that carries the exemptions (all but the invariants; HCL's || evaluates both sides, hence try). */
const everyExemptable = (condition: string, message: string): Assert => [`alltrue([for s in ${statements} : contains(${hclStrings(INVARIANTS)}, s.Sid) || try(${condition}, false)])`, message];

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
      resource_control_policy: true,
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
        ...PROTECTION,
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
      ]),
      everyStatement(`s.Effect == "Deny"`, "every statement must be a Deny"),
      // The exemptions protect themselves, and carry the exemptions like every Deny but the invariants.
      sameJson(`${statement(S.exemptRoles.Sid)}.Resource`, [BREAK_GLASS, BREAK_GLASS.replace(":role/", ":policy/"), BREAK_GLASS.replace(":role/", ":instance-profile/")]),
      [`alltrue([for a in ["iam:UpdateAssumeRolePolicy", "iam:CreateRole", "iam:CreatePolicyVersion", "iam:AddRoleToInstanceProfile", "sts:AssumeRole"] : contains(${statement(S.exemptRoles.Sid)}.Action, a)])`, "exempt roles, their policies and instance profiles must be protected from creation, takeover and assumption"],
      [`${statement(S.exemptRoles.Sid)}.Condition.StringEqualsIfExists["aws:ResourceAccount"] == "$\${aws:PrincipalAccount}"`, "assuming an exempt role must be denied from the role's own account"],
      sameJson(`${statement(S.taggedRoles.Sid)}.Condition.StringEquals`, { "aws:ResourceTag/dp:exclude": "true" }),
      [`!contains(${statement(S.taggedRoles.Sid)}.Action, "iam:CreateRole")`, "a tagged role exists already: no CreateRole in its statement"],
      sameJson(`${statement(S.tags.Sid)}.Condition["ForAnyValue:StringEqualsIgnoreCase"]`, { "aws:TagKeys": ["dp:exclude"] }),
      [`${statement(S.tags.Sid)}.Action == "*"`, "setting an exempt tag key must be denied on every action that carries aws:TagKeys"],
      sameJson(`${statement(S.widening.Sid)}.Condition`, { ArnNotLike: { "iam:PolicyARN": ["arn:aws:iam::aws:policy/*", BREAK_GLASS.replace(":role/", ":policy/")] } }, "the invariant carries no exemption"),
      everyExemptable(`jsonencode(s.Condition.ArnNotLike["aws:PrincipalArn"]) == jsonencode(["${BREAK_GLASS}"])`, "every Deny but the invariants must exempt the break-glass pattern"),
      everyExemptable(`s.Condition.StringNotEquals["aws:PrincipalTag/dp:exclude"] == "true"`, "every Deny but the invariants must exempt principals tagged dp:exclude = true"),
      // The exemptions are merged next to a statement's own conditions, never over them.
      [`${statement("DenyCloudShellPublicEnvironments")}.Condition.Null["cloudshell:VpcIds"] == "true"`, "the public-environment Deny must keep its Null condition"],
      sameJson(`${statement("DenyCloudShellOutsideAllowedVpcs")}.Condition["ForAnyValue:StringNotEquals"]["cloudshell:VpcIds"]`, [VPC]),
      [`${statement("DenyCloudShellWithoutSubnetIds")}.Condition.Null["cloudshell:SubnetIds"] == "true"`, "the absent-subnet Deny must keep its Null condition"],
      sameJson(`${statement("DenyAttachingAWSCloudShellFullAccess")}.Action`, ATTACH),
      sameJson(`${statement("DenyAttachingAWSCloudShellFullAccess")}.Condition.ArnEquals["iam:PolicyARN"]`, ["arn:aws:iam::aws:policy/AWSCloudShellFullAccess"]),
      sameJson(`keys(${statement("DenyAttachingAWSCloudShellFullAccess")}.Condition)`, ["ArnEquals", "ArnNotLike", "StringNotEquals"]),
      [`output.json == jsonencode(jsondecode(output.json)) && !strcontains(output.json, "\\n")`, "the SCP must be minified JSON"],
      [`output.size == length(output.json) && output.size > 5120 && output.size <= 10240`, "the SCP must plan between the old 5,120 and the current 10,240 characters"],
      [`output.rcp_json != null && length(aws_organizations_policy.rcp) == 1`, "exempt tags come with the resource control policy they require"],
      [
        `[for p in output.policies_with_placeholder_ids : length(p)] == output.max_policy_sizes && strcontains(output.policies_with_placeholder_ids[0], "${placeholderExample("vpc")}")`,
        "the SCPs with placeholder IDs must be what max_policy_sizes measures",
      ],
      ["jsonencode(output.policies) == jsonencode([output.json])", "statements that fit one SCP must make one SCP"],
      ["length(aws_organizations_policy.this) == 1", "one SCP"],
    ],
  },
  {
    name: "disable_cloudshell_in_govcloud_without_exemptions",
    command: "plan",
    variables: { disable_cloudshell: true, deny_attaching_full_access: true, partition: "aws-us-gov", target_ids: [OU] },
    asserts: [
      sameJson("output.statement_ids", ["DenyCloudShell", "DenyAttachingAWSCloudShellFullAccess"]),
      sameJson(`${statement("DenyCloudShell")}.Action`, ["cloudshell:*"]),
      [`!contains(keys(${statement("DenyCloudShell")}), "Condition")`, "without exemptions, DenyCloudShell must have no Condition"],
      sameJson(`${statement("DenyAttachingAWSCloudShellFullAccess")}.Condition`, { ArnEquals: { "iam:PolicyARN": ["arn:aws-us-gov:iam::aws:policy/AWSCloudShellFullAccess"] } }),
      sameJson("output.target_ids", [OU]),
      ["length(aws_organizations_policy_attachment.more) == 0", "one SCP, no further attachments"],
      [`output.rcp_json == null && length(aws_organizations_policy.rcp) == 0`, "no resource control policy unless asked for"],
    ],
  },
  {
    name: "create_false_creates_nothing_but_computes_the_json",
    command: "plan",
    variables: { create: false, deny_credential_forwarding: true, exempt_principal_tags: { "dp:exclude": "true" }, resource_control_policy: true, target_ids: [ROOT] },
    asserts: [
      ["output.id == null && output.arn == null", "id and arn must be null"],
      ["length(aws_organizations_policy.this) + length(aws_organizations_policy_attachment.targets) == 0", "nothing must be created"],
      sameJson("output.statement_ids", [S.taggedRoles.Sid, S.tags.Sid, S.identityProviders.Sid, S.wideningTagged.Sid, S.userTags.Sid, "DenyCredentialForwarding"], "a tag alone protects the tag, and no ARN pattern"),
      sameJson(`${statement("DenyCredentialForwarding")}.Condition`, { StringNotEquals: { "aws:PrincipalTag/dp:exclude": "true" } }, "a tag alone must add StringNotEquals and no empty ArnNotLike"),
    ],
  },
  {
    name: "statements_over_10240_characters_split_into_two_scps_on_every_target",
    command: "apply",
    variables: { disable_cloudshell: true, deny_attaching_full_access: true, exempt_principal_arns: manyPatterns(SPLIT_PATTERNS), target_ids: [ROOT, ACCOUNT] },
    asserts: [
      ["length(output.policies) == 2 && length(aws_organizations_policy.this) == 2", "the statements must take two SCPs"],
      ["alltrue([for size in output.policy_sizes : size <= 10240]) && output.size > 10240", "each SCP must fit, the statements together must not"],
      ["jsonencode(flatten([for p in output.policies : jsondecode(p).Statement])) == jsonencode(jsondecode(output.json).Statement)", "the SCPs must hold every statement, whole, in order"],
      sameJson("[for p in aws_organizations_policy.this : p.name]", ["cloudshell-guardrail", "cloudshell-guardrail-2"]),
      [`alltrue([for i, p in aws_organizations_policy.this : p.content == output.policies[i]])`, "each SCP must hold its piece"],
      sameJson("sort(keys(aws_organizations_policy_attachment.targets))", [ACCOUNT, ROOT], "the first SCP keeps the target ID as its key"),
      sameJson("sort(keys(aws_organizations_policy_attachment.more))", [`${ACCOUNT}/2`, `${ROOT}/2`], "the second SCP is keyed <target>/2"),
      [`alltrue([for k, a in aws_organizations_policy_attachment.more : a.policy_id == aws_organizations_policy.this[1].id])`, "the further attachments attach the second SCP"],
      [`jsondecode(output.policies[0]).Statement[0].Sid == "${S.exemptRoles.Sid}"`, "the first SCP starts with the statements that protect the exemptions"],
      sameJson("output.target_ids", [ACCOUNT, ROOT]),
    ],
  },
  {
    name: "a_wrong_scp_count_fails_at_plan",
    command: "plan",
    variables: { deny_public_environments: true, scp_count: 2, target_ids: [ROOT] },
    expectFailures: ["aws_organizations_policy.this"],
  },
  {
    name: "statements_over_max_scps_fail_at_plan",
    command: "plan",
    variables: { disable_cloudshell: true, deny_attaching_full_access: true, exempt_principal_arns: manyPatterns(SPLIT_PATTERNS), max_scps: 1, target_ids: [ROOT] },
    expectFailures: ["aws_organizations_policy.this"],
  },
  {
    name: "the_resource_control_policy_is_attached_to_every_target",
    command: "apply",
    variables: { deny_public_environments: true, exempt_principal_arns: [BREAK_GLASS], exempt_principal_tags: { "dp:exclude": "true" }, resource_control_policy: true, target_ids: [ROOT, OU] },
    asserts: [
      [`aws_organizations_policy.rcp[0].type == "RESOURCE_CONTROL_POLICY" && aws_organizations_policy.rcp[0].name == "cloudshell-guardrail-rcp"`, "the RCP must be a resource control policy named <name>-rcp"],
      [`aws_organizations_policy.rcp[0].content == output.rcp_json && output.rcp_id == "${POLICY_ID}"`, "the RCP must hold rcp_json"],
      sameJson("sort(keys(aws_organizations_policy_attachment.rcp))", [OU, ROOT]),
      sameJson(`jsondecode(output.rcp_json).Statement[0].Principal`, "*", "an RCP statement names every principal"),
      sameJson(`jsondecode(output.rcp_json).Statement[0].Action`, ["sts:TagSession"]),
      sameJson(`jsondecode(output.rcp_json).Statement[0].Condition`, {
        "ForAnyValue:StringEqualsIgnoreCase": { "aws:TagKeys": ["dp:exclude"] },
        ArnNotLike: { "aws:PrincipalArn": [BREAK_GLASS] },
        StringNotEquals: { "aws:PrincipalTag/dp:exclude": "true" },
      }),
    ],
  },
  {
    name: "targets_are_attached_by_the_names_given",
    command: "plan",
    variables: { deny_public_environments: true, targets: { organization: ROOT, sandboxes: OU } },
    asserts: [
      sameJson("sort(keys(aws_organizations_policy_attachment.targets))", ["organization", "sandboxes"]),
      [`aws_organizations_policy_attachment.targets["sandboxes"].target_id == "${OU}"`, "each attachment goes to the ID its name maps to"],
      sameJson("output.target_ids", [OU, ROOT]),
    ],
  },
  {
    name: "statements_that_no_split_fits_fail_at_plan",
    command: "plan",
    variables: { disable_cloudshell: true, deny_attaching_full_access: true, exempt_principal_arns: manyPatterns(200), max_scps: 9, target_ids: [ROOT] },
    expectFailures: ["aws_organizations_policy.this"],
  },
];

const COMMENT = "The AWS provider is mocked: no credentials and no AWS call. The apply runs get a mocked SCP ID.";

export const guardrailTests = () => ({
  "tests/guardrail.tftest.hcl": testFile({ source: SOURCE, comment: COMMENT, mockProvider: MOCK, runs: RUNS }),
});
