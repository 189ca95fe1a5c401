// The module's detections as locals: each rule's filter pattern and Insights query (derived from
// the shared rule list by filter-patterns.ts), the declared outside-approved-network filters (one
// clause per scope, list and array index, packed into as few 1,024-character patterns as fit), and
// the subscription filter's pattern (the chosen rules' conditions, grouped by event source).
import { Unit } from "../../cdktf/seam";
import { VPC_CONFIG_SPELLINGS, VPC_ID_SPELLINGS } from "../../facts/monitoring";
import { FULL_ACCESS_POLICY } from "../../facts/organizations";
import { APPROVED_LISTS, RULES } from "../cloudshell-monitoring/rules";
import { hclStrings } from "../hcl-snippets";
import { objectLocal } from "../strict-object";
import { Condition, deriveRules, DerivedRule, filterExpression, filterPattern, insightsExpression, insightsQuery } from "./filter-patterns";
import { ACCOUNT_FIELD_OF, ACCOUNT_NETWORK_FIELDS } from "./inputs";

/** Filter patterns take at most 1,024 characters (PutMetricFilter). */
export const MAX_PATTERN = 1024;
/** A VPC environment takes up to 5 security groups (CloudShell VPC environments page); subnets are checked at as many indexes (UNCONFIRMED how many SubnetIds the API takes). */
export const ARRAY_INDEXES = 5;
/** The outside-approved-network rule's key; its filters are keyed "<key>-<scope>-<n>". */
export const OUTSIDE = "outside_approved_network";
/** The approved-network-changes rule's key; its filters are keyed "<key>-<scope>-<n>" too. */
export const NETWORK_CHANGES = "approved_network_changes";

/** Each field an approved list is compared with, per spelling of the VPC configuration and array index. */
export const outsidePaths = () =>
  VPC_CONFIG_SPELLINGS.flatMap((s) =>
    APPROVED_LISTS.flatMap((l) => {
      const base = `$.requestParameters.${s.config}.${s[l.field]}`;
      const paths = l.field === "vpc" ? [base] : Array.from({ length: ARRAY_INDEXES }, (_, i) => `${base}[${i}]`);
      return paths.map((path) => ({ path, ids: ACCOUNT_FIELD_OF[l.input] }));
    }),
  );

/** A rule's condition without its event type and source, and the two it is grouped by. */
function headAndRest(c: Condition): { head: string; rest: string } {
  const parts = c.kind === "and" ? c.parts : [c];
  const isHead = (p: Condition) => p.kind === "equals" && ["eventType", "eventSource"].includes(p.path.join("."));
  const head = parts.filter(isHead);
  const rest = parts.filter((p) => !isHead(p));
  const join = (ps: Condition[]) => filterExpression(ps.length === 1 ? ps[0] : { kind: "and", parts: ps });
  return { head: join(head), rest: rest.length ? join(rest) : "" };
}

/**
 * The filters of a rule whose clauses (local.<name>_clauses, a list per scope) may not fit one
 * pattern: each scope's prefix (the rule's derived base and the scope's accounts), how many clauses
 * fit one pattern of MAX_PATTERN characters, and the filters "<rule>-<scope>-<n>" that pack them.
 */
function packedFilters(unit: Unit, name: string, rule: string, condition: Condition, base: string, at: { file: string }): void {
  unit.local(
    `${name}_prefix`,
    `\${{ for k, s in local.approved_scopes : k => join(" && ", compact([${JSON.stringify(filterExpression(condition))}, s.account == null ? join(" && ", [for a in sort(keys(local.approved_networks_by_account)) : format("$.recipientAccountId != \\"%s\\"", a)]) : format("$.recipientAccountId = \\"%s\\"", s.account)])) }}`,
    { ...at, comment: `The rule's derived base (${base}) and the scope's accounts.` },
  );
  unit.local(
    `${name}_chunk`,
    `\${{ for k, c in local.${name}_clauses : k => max(1, floor((${MAX_PATTERN} - length(local.${name}_prefix[k]) - 10) / (max(0, [for x in c : length(x)]...) + 4))) }}`,
    { ...at, comment: `How many clauses fit one filter pattern of ${MAX_PATTERN} characters; a list too long for one pattern fails the metric filter's precondition.` },
  );
  unit.local(
    `${name}_filters`,
    `\${merge({}, [for k, c in local.${name}_clauses : { for i, chunk in chunklist(c, local.${name}_chunk[k]) : "${rule}-\${k}-\${i}" => "{ \${local.${name}_prefix[k]} && (\${join(" || ", chunk)}) }" }]...)}`,
    at,
  );
}

export function detections(unit: Unit, file: string): DerivedRule[] {
  const derived = deriveRules(RULES, unit.name);
  const at = { file };
  const outside = derived.find((d) => d.key === OUTSIDE)!;
  const plain = derived.filter((d) => !d.declared);

  unit.local("full_access_arn", `arn:\${data.aws_partition.current.partition}:iam::aws:policy/${FULL_ACCESS_POLICY}`, at);
  unit.local(
    "filter_patterns",
    Object.fromEntries(plain.map((d) => [d.key, filterPattern(d.condition)])),
    { ...at, comment: "Each derived rule's filter pattern (from the EventBridge patterns of cloudshell-monitoring; the README lists what the translation changes)." },
  );
  unit.local(
    "insights_filters",
    Object.fromEntries(derived.map((d) => [d.key, d.declared && d.key === OUTSIDE ? `${insightsExpression(d.condition)} and (${VPC_CONFIG_SPELLINGS.map((s) => `ispresent(requestParameters.${s.config}.${s.vpc})`).join(" or ")})` : insightsExpression(d.condition)])),
    { ...at, comment: "The Logs Insights filter that lists each rule's records; for the approved network, every VPC environment, to compare with the lists." },
  );
  unit.local("insights_queries", `\${{ for k, f in local.insights_filters : k => ${JSON.stringify(insightsQuery("__F__")).replace("__F__", "${f}")} }}`, at);

  // The approved network: scopes (the organization, and each account with its own lists), one clause per field.
  objectLocal(unit, "approved_networks_by_account", { fields: ACCOUNT_NETWORK_FIELDS, map: true }, at);
  // An organization-wide list left out is null: no ID of that kind for the organization.
  const orgList = (input: string) => `(var.${input} == null ? toset([]) : var.${input})`;
  const orgLists = APPROVED_LISTS.map((l) => `${ACCOUNT_FIELD_OF[l.input]} = ${orgList(l.input)}`).join(", ");
  const accountLists = APPROVED_LISTS.map((l) => `${ACCOUNT_FIELD_OF[l.input]} = setunion(${orgList(l.input)}, n.${ACCOUNT_FIELD_OF[l.input]})`).join(", ");
  unit.local(
    "approved_scopes",
    `\${merge(
anytrue([${APPROVED_LISTS.map((l) => `var.${l.input} != null`).join(", ")}]) ? { organization = { account = null, ${orgLists} } } : {},
{ for a, n in local.approved_networks_by_account : a => { account = a, ${accountLists} } }
)}`,
    { ...at, comment: "Who is checked against which lists: the organization (every account not listed below) and each listed account, with the organization's IDs and its own." },
  );
  unit.local("outside_paths", outsidePaths(), { ...at, comment: `Each field a list is compared with: both spellings of the VPC configuration (UNCONFIRMED which CloudTrail records), array fields at indexes 0-${ARRAY_INDEXES - 1}.` });
  unit.local(
    "outside_clauses",
    '${{ for k, s in local.approved_scopes : k => [for p in local.outside_paths : format("(%s)", join(" && ", [for id in sort(s[p.ids]) : format("%s != \\"%s\\"", p.path, id)])) if length(s[p.ids]) > 0] }}',
    { ...at, comment: "One clause per field: the value is none of the approved IDs (an absent field matches no clause)." },
  );
  packedFilters(unit, "outside", OUTSIDE, outside.condition, "a successful CreateEnvironment", at);

  // Changes to an approved VPC that no SCP can single out: one clause per VPC ID and spelling of the
  // record's VPC field, per scope with approved VPCs, packed like the outside filters.
  const changes = derived.find((d) => d.key === NETWORK_CHANGES)!;
  const vpcField = ACCOUNT_FIELD_OF.approved_vpc_ids;
  unit.local(
    "network_change_clauses",
    `\${{ for k, s in local.approved_scopes : k => flatten([for id in sort(s.${vpcField}) : [for f in ${hclStrings(VPC_ID_SPELLINGS)} : format("$.requestParameters.%s = \\"%s\\"", f, id)]]) if length(s.${vpcField}) > 0 }}`,
    { ...at, comment: "One clause per approved VPC and spelling of the VPC field (UNCONFIRMED which one Route 53 Resolver's records use)." },
  );
  packedFilters(unit, "network_change", NETWORK_CHANGES, changes.condition, "a successful association", at);

  // The subscription: the chosen rules' conditions, grouped by event type and source to stay short.
  const parts = Object.fromEntries(derived.map((d) => [d.key, headAndRest(d.condition)]));
  unit.local("subscription_parts", parts, at);
  return derived;
}
