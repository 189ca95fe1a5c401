// The statements of modules/cloudshell-policy-document: CloudShell's own Allow and Deny statements,
// the Deny outside the allowed Regions, and the VPC statements, written twice (with the IDs, and
// with placeholders of their longest form, so that the policy's size is known at plan).
import { Unit } from "../../cdktf/seam";
import { DENY_ALL, OUTSIDE_REGIONS } from "../../facts/features";
import { DENY_PUBLIC_STATEMENT, ENI_CLEANUP_STATEMENT, ENI_PLACEMENT_SID, RESTRICTIONS, VPC_GRANT_STATEMENTS } from "../../facts/vpc-statements";
import { withReferences } from "../hcl-snippets";
import { VPC_FILE } from "./decisions";

/** CloudShell's own statements, the VPC statements that name no ID, the Region statement, and the whole policy twice. */
export function statements(unit: Unit): void {
  unit.local(
    "allow_statement",
    {
      Sid: "AllowCloudShell",
      Effect: "Allow",
      Action: '${local.wildcard == "allow" ? ["cloudshell:*"] : local.cloudshell_allowed}',
      Resource: "*",
    },
    { comment: "CloudShell's own statements: one Allow, then one explicit Deny per denied feature." },
  );
  unit.local("deny_all_statement", { Sid: DENY_ALL.Sid, Effect: "Deny", Action: ["cloudshell:*"], Resource: "*" });
  unit.local(
    "deny_statements",
    `\${concat(
[for s in [local.deny_all_statement] : s if local.wildcard == "deny"],
[for feature in local.denied_features : {
Sid      = local.deny_sids[feature]
Effect   = "Deny"
Action   = local.feature_actions[feature]
Resource = "*"
} if local.wildcard != "deny"],
)}`,
  );

  const vpc = VPC_FILE;
  const partition = { Partition: "var.partition" };
  unit.local("eni_cleanup_statement", withReferences(ENI_CLEANUP_STATEMENT, partition), vpc);
  unit.local("deny_public_statement", withReferences(DENY_PUBLIC_STATEMENT, partition), vpc);
  unit.local(
    "region_statements",
    `\${[for regions in var.allowed_regions == null ? [] : [sort(var.allowed_regions)] : {
Sid       = "${OUTSIDE_REGIONS.Sid}"
Effect    = "Deny"
Action    = ["cloudshell:*"]
Resource  = "*"
Condition = { StringNotEquals = { "aws:RequestedRegion" = regions } }
}]}`,
    { comment: "allowed_regions: CloudShell anywhere else is denied, whatever else the policy grants." },
  );
  // The policy twice: with the IDs, and with placeholders of their longest form (its size is known at plan).
  policyLocals(unit, "allowed_ids", "");
  policyLocals(unit, "placeholder_ids", "sized_");
}

/**
 * The statements that name IDs, the whole policy, its Deny statements and their JSON, written with
 * the IDs of \`local.<ids>\` (a map from restriction key to IDs); every local is named with \`prefix\`.
 * Written twice (the IDs, and placeholders of their longest form) so that the size is known at plan.
 */
function policyLocals(unit: Unit, ids: string, prefix: string): void {
  const vpc = VPC_FILE;
  const local = (name: string) => `local.${prefix}${name}`;
  const arns = (input: string, type: string) =>
    `[for id in local.restricted.${input} ? local.${ids}.${input} : ["*"] : format("arn:%s:ec2:*:*:${type}/%s", var.partition, id)]`;
  unit.local(`${prefix}eni_placement_arns`, `\${concat(\n${arns("security_group_ids", "security-group")},\n${arns("subnet_ids", "subnet")},\n)}`, {
    ...vpc,
    comment: prefix ? undefined : "Where CloudShell may place its network interface: the allowed subnets and groups when given, else any.",
  });
  const partition = { Partition: "var.partition" };
  unit.local(
    `${prefix}vpc_grant_statements`,
    VPC_GRANT_STATEMENTS.map((s) => (s.Sid === ENI_PLACEMENT_SID ? { ...s, Resource: `\${${local("eni_placement_arns")}}` } : withReferences(s, partition))),
    { ...vpc, comment: prefix ? undefined : "EC2 permissions a VPC environment needs, scoped to calls CloudShell makes for the user." },
  );
  unit.local(
    `${prefix}restriction_statements`,
    Object.fromEntries(
      RESTRICTIONS.map((r) => [
        r.input,
        [
          {
            Sid: r.sid,
            Effect: "Deny",
            Action: ["cloudshell:CreateEnvironment"],
            Resource: "*",
            Condition: { "ForAnyValue:StringNotEquals": { [r.key]: `\${local.${ids}.${r.input}}` } },
          },
          ...(r.absentSid
            ? [{ Sid: r.absentSid, Effect: "Deny", Action: ["cloudshell:CreateEnvironment"], Resource: "*", Condition: { Null: { [r.key]: "true" } } }]
            : []),
        ],
      ]),
    ),
    {
      ...vpc,
      comment: prefix
        ? undefined
        : "Deny, not Allow: an Allow with ForAllValues also matches a request without the key, which is\nhow a public environment slips through AWS's own allow-list example. A restricted subnet or\nsecurity-group key is also denied when absent: ForAnyValue never matches a missing key.",
    },
  );
  unit.local(
    `${prefix}vpc_statements`,
    `\${concat(
[for s in ${local("vpc_grant_statements")} : s if local.grant_ec2_permissions],
[for s in [local.eni_cleanup_statement] : s if local.grant_ec2_permissions && local.vpc_environments.allow_eni_cleanup],
flatten([for input in local.restricted_inputs : ${local("restriction_statements")}[input]]),
[for s in [local.deny_public_statement] : s if local.require_vpc],
)}`,
    vpc,
  );
  unit.local(
    `${prefix}statements`,
    `\${concat(
[for s in [local.allow_statement] : s if local.wildcard != "deny" && length(local.cloudshell_allowed) > 0],
local.deny_statements,
local.region_statements,
${local("vpc_statements")},
)}`,
    { comment: prefix ? "The same policy with placeholder IDs." : "The whole policy; its Deny statements alone make a guardrail for an SCP." },
  );
  unit.local(`${prefix}deny_only`, `\${[for s in ${local("statements")} : s if s.Effect == "Deny"]}`);
  unit.local(`${prefix}json`, `\${jsonencode({ Version = "2012-10-17", Statement = ${local("statements")} })}`, {
    comment: prefix ? undefined : "Minified JSON (jsonencode writes no whitespace); sizes count characters as IAM does, without whitespace.",
  });
  unit.local(`${prefix}deny_json`, `\${length(${local("deny_only")}) > 0 ? jsonencode({ Version = "2012-10-17", Statement = ${local("deny_only")} }) : null}`);
}

