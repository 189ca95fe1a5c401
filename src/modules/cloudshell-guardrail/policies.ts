// The statements split into SCPs that fit, the SCPs and their attachments (the first SCP, which
// holds the protection statements, attached before the others), the optional resource control
// policy, and the outputs.
import { OrganizationsPolicy } from "@cdktf/provider-aws/lib/organizations-policy";
import { OrganizationsPolicyAttachment } from "@cdktf/provider-aws/lib/organizations-policy-attachment";
import { tf, tfMap, Unit } from "../../cdktf/seam";
import { declareActions } from "../../generator/action-check";
import { SESSION_TAG_ACTIONS } from "../../facts/exemptions";
import { POLICY_SIZE_LIMITS, thousands } from "../../facts/limits";
import { EXEMPTION_KEYS, RCP_STATEMENT, SCP_MAX_PER_TARGET } from "../../facts/organizations";
import { hclStrings, placeholderExample } from "../hcl-snippets";

/** The most SCPs AWS attaches to one target: the split is computed up to it, max_scps decides. */
const MAX_PIECES = SCP_MAX_PER_TARGET;
/** Characters of an SCP around its statements: {"Statement":[],"Version":"2012-10-17"}. */
const ENVELOPE = JSON.stringify({ Statement: [], Version: "2012-10-17" }).length;

/** local.piece_end[local.piece_end[...[0]]]: where piece p starts, p hops from the first statement. */
const hops = (p: number): string => (p === 0 ? "0" : `local.piece_end[${hops(p - 1)}]`);

function pieces(unit: Unit): void {
  const file = { file: "pieces.tf" };
  unit.local("statement_sizes", "${[for s in local.sized_statements : length(jsonencode(s))]}", {
    ...file,
    comment: `The most characters each statement can take: written with every allowed ID at its longest form, so\nknown at plan (jsonencode writes no whitespace: an SCP may hold ${thousands(POLICY_SIZE_LIMITS.scp)} characters, whitespace included).`,
  });
  unit.local("size_before", "${[for i in range(length(local.sized_statements) + 1) : sum(concat([0], [for j in range(i) : local.statement_sizes[j] + 1]))]}", {
    ...file,
    comment: "Characters of the statements before statement i, each with its comma.",
  });
  unit.local(
    "piece_end",
    `\${concat([for i in range(length(local.sized_statements)) : max(i + 1, [for j in range(i + 1, length(local.sized_statements) + 1) : j if ${ENVELOPE - 1} + local.size_before[j] - local.size_before[i] <= ${POLICY_SIZE_LIMITS.scp}]...)], [length(local.sized_statements)])}`,
    {
      ...file,
      comment: `An SCP that starts at statement i takes every following statement that fits (${ENVELOPE} characters\naround them): it ends before statement piece_end[i]. At least one statement, so a statement too\nlarge on its own makes an SCP over the limit, which the precondition names.`,
    },
  );
  unit.local("piece_bounds", `\${[\n${Array.from({ length: MAX_PIECES + 1 }, (_, p) => hops(p)).join(",\n")},\n]}`, {
    ...file,
    comment: `Where each SCP starts, in statement order, filled one after the other (whole statements, as few\nSCPs as fit in that order); the last bound short of the statement count means more than ${MAX_PIECES} SCPs.`,
  });
  unit.local(
    "policies",
    `\${[for p in range(${MAX_PIECES}) : jsonencode({ Version = "2012-10-17", Statement = slice(local.statements, local.piece_bounds[p], local.piece_bounds[p + 1]) }) if local.piece_bounds[p] < local.piece_bounds[p + 1]]}`,
    { ...file, comment: "The SCPs, each a minified document of whole statements, split where the sized statements are." },
  );
  unit.local("policy_sizes", "${[for json in local.policies : length(json)]}", file);
  unit.local(
    "max_policy_sizes",
    `\${[for p in range(length(local.policies)) : ${ENVELOPE} + local.size_before[local.piece_bounds[p + 1]] - local.size_before[local.piece_bounds[p]] - 1]}`,
    { ...file, comment: "The most characters each SCP can take (its statements, sized, with their commas, and the envelope): known at plan." },
  );
  unit.local("statements_left", `\${length(local.sized_statements) - local.piece_bounds[${MAX_PIECES}]}`, {
    ...file,
    comment: `Statements that ${MAX_PIECES} SCPs cannot hold (for the precondition's message).`,
  });
  unit.local("scp_count", "${length(local.policies)}", {
    ...file,
    comment: "Known at plan: the bounds come from the sized statements.",
  });
}

function scps(unit: Unit): void {
  unit.resource(
    OrganizationsPolicy,
    "this",
    {
      name: tf('count.index == 0 ? var.name : "${var.name}-${count.index + 1}"'),
      description: tf("var.description"),
      type: "SERVICE_CONTROL_POLICY",
      content: tf('try(local.policies[count.index], "")'),
      tags: tfMap("var.tags"),
      lifecycle: {
        precondition: [
          {
            condition: tf(`local.piece_bounds[${MAX_PIECES}] == length(local.sized_statements) && alltrue([for size in local.max_policy_sizes : size <= ${POLICY_SIZE_LIMITS.scp}]) && length(local.policies) <= var.max_scps`),
            errorMessage: `The guardrail does not fit: its \${length(local.sized_statements)} statements can take \${length(local.sized_json)} characters in one document with every allowed ID at its longest form (the largest statement \${max(local.statement_sizes...)}), and split into whole statements they need \${length(local.policies)} SCPs of up to \${join(", ", local.max_policy_sizes)} characters, with max_scps = \${var.max_scps} and \${local.statements_left} statements left beyond ${MAX_PIECES} SCPs. AWS takes ${thousands(POLICY_SIZE_LIMITS.scp)} characters per SCP and ${SCP_MAX_PER_TARGET} SCPs attached to each root, OU or account, FullAWSAccess and the organization's other SCPs included: raise max_scps if the targets have room, or use fewer exempt_principal_arns patterns or allowed IDs.`,
          },
          {
            condition: tf("var.scp_count == null || var.scp_count == local.scp_count"),
            errorMessage: "scp_count = ${coalesce(var.scp_count, 0)}, but the statements take ${local.scp_count} SCP(s) of up to ${join(\", \", local.max_policy_sizes)} characters: scp_count is deprecated, leave it out (the count is known at plan).",
          },
        ],
      },
    },
    {
      count: "var.create ? local.scp_count : 0",
      file: "main.tf",
      comment: `As many SCPs as the statements need (one unless they exceed ${thousands(POLICY_SIZE_LIMITS.scp)} characters). The first keeps the\naddress this[0] it always had, and holds the statements that protect the exemptions.`,
    },
  );

  const attachments = { file: "attachments.tf" };
  unit.local("attachment_targets", "${var.targets != null ? var.targets : { for id in var.target_ids : id => id }}", {
    ...attachments,
    comment: "Each target by its key: the name given in targets, or the ID itself from target_ids.",
  });
  unit.resource(
    OrganizationsPolicyAttachment,
    "targets",
    { policyId: tf("aws_organizations_policy.this[0].id"), targetId: tf("each.value") },
    {
      forEach: "var.create ? local.attachment_targets : {}",
      ...attachments,
      comment: "The first SCP on every target, keyed by target ID (the address it always had) or by its name in targets.",
    },
  );
  unit.resource(
    OrganizationsPolicyAttachment,
    "more",
    { policyId: tf("aws_organizations_policy.this[each.value.policy].id"), targetId: tf("each.value.target") },
    {
      forEach: 'var.create ? { for pair in setproduct(range(1, local.scp_count), sort(keys(local.attachment_targets))) : "${pair[1]}/${pair[0] + 1}" => { policy = pair[0], target = local.attachment_targets[pair[1]] } } : {}',
      dependsOn: ["aws_organizations_policy_attachment.targets"],
      ...attachments,
      comment:
        "The other SCPs, keyed <target key>/<n>, attached only after the first is on every target: an apply that\nstops half-way never leaves exemptions in force without the statements that protect them.",
    },
  );
}

/** The RCP's statement: sessions with an exempt tag key, unless the caller is exempt, whoever calls. */
function rcp(unit: Unit): void {
  declareActions(unit, `statement "${RCP_STATEMENT.Sid}"`, SESSION_TAG_ACTIONS, { conditionKey: "aws:TagKeys" });
  const file = { file: "rcp.tf" };
  unit.local(
    "rcp_json",
    `\${jsonencode({ Version = "2012-10-17", Statement = [{
Sid       = "${RCP_STATEMENT.Sid}"
Effect    = "Deny"
Principal = "*"
Action    = ${hclStrings(SESSION_TAG_ACTIONS)}
Resource  = "*"
Condition = merge(
{ "ForAnyValue:StringEqualsIgnoreCase" = { "aws:TagKeys" = local.tag_keys } },
{ for operator, condition in local.exemption_conditions : operator => condition },
)
}] })}`,
    {
      ...file,
      comment:
        "Resource control policies apply to the roles of the member accounts whoever the caller is (AWS\nOrganizations, RCPs), federated ones included: a SAML or OIDC session has no aws:PrincipalArn, so the\nnegated exemptions hold and it is denied an exempt tag. Principal must be \"*\" in an RCP.",
    },
  );
  unit.resource(
    OrganizationsPolicy,
    "rcp",
    {
      name: "${var.name}-rcp",
      description: tf("var.description"),
      type: "RESOURCE_CONTROL_POLICY",
      content: tf("local.rcp_json"),
      tags: tfMap("var.tags"),
      lifecycle: {
        precondition: [
          {
            condition: tf(`length(local.rcp_json) <= ${POLICY_SIZE_LIMITS.rcp}`),
            errorMessage: `The resource control policy takes \${length(local.rcp_json)} characters; AWS takes ${thousands(POLICY_SIZE_LIMITS.rcp)}: use fewer exempt_principal_arns patterns or tags.`,
          },
        ],
      },
    },
    { count: "var.create && var.resource_control_policy ? 1 : 0", ...file },
  );
  unit.resource(
    OrganizationsPolicyAttachment,
    "rcp",
    { policyId: tf("aws_organizations_policy.rcp[0].id"), targetId: tf("each.value") },
    { forEach: "var.create && var.resource_control_policy ? local.attachment_targets : {}", ...file },
  );
}

function outputs(unit: Unit): void {
  unit.output("id", { description: "ID of the first SCP (p-...); null when create is false.", value: tf("try(aws_organizations_policy.this[0].id, null)") });
  unit.output("arn", { description: "ARN of the first SCP; null when create is false.", value: tf("try(aws_organizations_policy.this[0].arn, null)") });
  unit.output("ids", { description: "IDs of every SCP, in order; empty when create is false.", value: tf("aws_organizations_policy.this[*].id") });
  unit.output("json", {
    description: "Every statement as one minified document: the SCP when one is enough, else what the SCPs (policies) deny together. Computed even when create is false.",
    value: tf("local.json"),
  });
  unit.output("size", { description: "Characters in json.", value: tf("length(local.json)") });
  unit.output("policies", { description: "The SCPs as minified JSON, in order (computed even when create is false; checked against the limits only when created).", value: tf("local.policies") });
  unit.output("policy_sizes", { description: `Characters in each SCP; AWS accepts at most ${thousands(POLICY_SIZE_LIMITS.scp)} each. Known after apply when allowed IDs are.`, value: tf("local.policy_sizes") });
  unit.output("max_policy_sizes", {
    description: `The most characters each SCP can take, with every allowed ID at its longest form: known at plan, and what the plan checks against the ${thousands(POLICY_SIZE_LIMITS.scp)} of an SCP.`,
    value: tf("local.max_policy_sizes"),
  });
  unit.output("policies_with_placeholder_ids", {
    description:
      `policies with every allowed ID replaced by a placeholder of the longest ID form (such as ${placeholderExample("vpc")}), split as the SCPs are: known at plan even when the IDs are not (networks created in the same apply), for reviewers; max_policy_sizes measures them.`,
    value: tf('[for p in range(length(local.policies)) : jsonencode({ Version = "2012-10-17", Statement = slice(local.sized_statements, local.piece_bounds[p], local.piece_bounds[p + 1]) })]'),
  });
  unit.output("statement_ids", { description: "The Sid of each Deny statement, in order (known at plan).", value: tf("[for s in local.sized_statements : s.Sid]") });
  unit.output("exempt_arns", {
    description: `Every ARN pattern the exemptions name (${EXEMPTION_KEYS.arn}), Identity Center's permission-set roles included.`,
    value: tf("local.exempt_arns"),
  });
  unit.output("rcp_json", {
    description: "The resource control policy (minified JSON) when resource_control_policy is true; null otherwise. Computed even when create is false.",
    value: tf("var.resource_control_policy ? local.rcp_json : null"),
  });
  unit.output("rcp_id", { description: "ID of the resource control policy; null when not created.", value: tf("try(aws_organizations_policy.rcp[0].id, null)") });
  unit.output("target_ids", {
    description: "The IDs of the targets the SCPs are attached to, sorted (empty when create is false; known after apply where targets names IDs created in the same apply).",
    value: tf("sort([for a in aws_organizations_policy_attachment.targets : a.target_id])"),
  });
}

export function policies(unit: Unit): void {
  pieces(unit);
  scps(unit);
  rcp(unit);
  outputs(unit);
}
