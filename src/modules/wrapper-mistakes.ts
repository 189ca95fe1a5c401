// Mistakes made with the wrappers (wrappers/<module>, src/generator/wrappers.ts), and what the plan
// says (src/modules/mistakes.ts).
import type { Mistake } from "./mistakes";

const POLICY = "wrappers/cloudshell-policy";
const TWO_ITEMS = { developers: { role_names: ["developer"] }, auditors: { preset: "minimum", role_names: ["auditor"] } };

export const wrapperMistakes: Mistake[] = [
  {
    module: POLICY,
    what: "A module input beside items (Terraform said only \"Unsupported argument\"; Terragrunt passed it nowhere)",
    inputs: { preset: "no-credentials", items: TWO_ITEMS },
    expect: "preset is an input of each cloudshell-policy, not of the wrapper: put it in defaults (for every item) or in an item (items.<key>.preset).",
    issue: "23.4",
    control: { defaults: { preset: "no-credentials" }, items: TWO_ITEMS },
  },
  {
    module: POLICY,
    what: "A name in defaults: every item would get it, and IAM policy names are unique in an account",
    inputs: { defaults: { name: "cloudshell" }, items: TWO_ITEMS },
    expect: "items would share a name (cloudshell)",
    issue: "23.3",
    control: { items: TWO_ITEMS },
  },
  {
    module: POLICY,
    what: "A misspelt input in an item",
    inputs: { items: { developers: { role_name: ["developer"] } } },
    expect: "items must be a map of objects, one per instance, whose keys are the inputs of cloudshell-policy",
    control: { items: { developers: { role_names: ["developer"] } } },
  },
  {
    module: "wrappers/cloudshell-guardrail",
    what: "An item's null for an input that defaults sets (it used to drop the defaults' public-environment Deny)",
    inputs: { defaults: { deny_public_environments: true }, items: { organization: { target_ids: ["r-ab12"], deny_public_environments: null } } },
    expect: "items set organization.deny_public_environments to null, which would drop the value defaults gives it",
    issue: "23.4",
    control: { defaults: { deny_public_environments: true }, items: { organization: { target_ids: ["r-ab12"] } } },
  },
  {
    module: "wrappers/cloudshell-policy-document",
    what: "An item's empty allow-list, checked by the module the wrapper calls",
    inputs: { items: { developers: { vpc_environments: { grant_ec2_permissions: true, vpc_ids: [] } } } },
    expect: "vpc_environments.vpc_ids is empty",
    control: { items: { developers: { vpc_environments: { grant_ec2_permissions: true, vpc_ids: ["vpc-0123456789abcdef0"] } } } },
  },
  {
    module: "wrappers/cloudshell-vpc-network",
    what: "A misspelt input in defaults",
    inputs: { defaults: { availability_zone: ["us-east-1a"] }, items: { "team-a": {} } },
    expect: "defaults must be an object of the inputs of cloudshell-vpc-network",
    control: { defaults: { availability_zones: ["us-east-1a"] }, items: { "team-a": {} } },
  },
  {
    module: "wrappers/cloudshell-monitoring",
    what: "A module input beside items",
    inputs: { sns_topic_arn: "arn:aws:sns:us-east-1:111122223333:security-alerts", items: { workloads: {} } },
    expect: "sns_topic_arn is an input of each cloudshell-monitoring, not of the wrapper",
    control: { defaults: { sns_topic_arn: "arn:aws:sns:us-east-1:111122223333:security-alerts" }, items: { workloads: {} } },
  },
  {
    module: "wrappers/cloudshell-trail-monitoring",
    what: "One name for two items (defaults.name): their filters, alarms and topic on one log group would collide",
    inputs: {
      defaults: { log_group_name: "aws-cloudtrail-logs-o-exampleorgid", log_group_region: "us-east-1", sns_topic_arn: "arn:aws:sns:us-east-1:111122223333:security-alerts", name: "org" },
      items: { a: {}, b: {} },
    },
    expect: "items would share a name (org)",
    control: {
      defaults: { log_group_name: "aws-cloudtrail-logs-o-exampleorgid", log_group_region: "us-east-1", sns_topic_arn: "arn:aws:sns:us-east-1:111122223333:security-alerts" },
      items: { a: {}, b: {} },
    },
  },
];
