// "Mistakes we catch": plausible user mistakes, each declared once as data (the module or wrapper it
// is made with, the inputs, a fragment of the message the plan must give) with, where there is one,
// the same call done right as a control. src/evidence/mistakes.ts plans them all with real Terraform (in two
// `terraform test` processes), `npm run synth` writes what each plan said to evidence/mistakes.json and
// renders evidence/mistakes.md and each module README's table from it, and
// test/modules/mistakes.terraform.test.ts fails when a plan says something else.
//
// To add a row: add a Mistake to the module's mistakes.ts (or a new one, listed below), run
// `npm run synth` (it plans the rows again when the modules or the rows changed), then `npm test`.
import { Value } from "../hcl/writer";
import { policyDocumentMistakes } from "./cloudshell-policy-document/mistakes";
import { policyMistakes } from "./cloudshell-policy/mistakes";
import { guardrailMistakes } from "./cloudshell-guardrail/mistakes";
import { networkMistakes } from "./cloudshell-vpc-network/mistakes";
import { monitoringMistakes } from "./cloudshell-monitoring/mistakes";
import { trailMonitoringMistakes } from "./cloudshell-trail-monitoring/mistakes";
import { wrapperMistakes } from "./wrapper-mistakes";

export interface Mistake {
  /** The directory the call is made to: "modules/cloudshell-policy" or "wrappers/cloudshell-policy". */
  module: string;
  /** What the user did, in plain words. */
  what: string;
  /**
   * The call's arguments. A string that is one "${...}" is an expression over the configuration's
   * FIXTURES below, such as "${module.network.vpc_environment}" (IDs unknown at plan).
   */
  inputs: Record<string, Value>;
  /** A fragment of the message the plan must give. */
  expect: string;
  /** The plan goes through with a warning (a check block) instead of stopping. */
  warning?: boolean;
  /** The same call done right: it must plan with no error and no warning. */
  control?: Record<string, Value>;
  /** The provider configuration the call gets, when not the default (us-east-1). */
  provider?: ProviderAlias;
  /** The control's, when not the call's ("" for the default). */
  controlProvider?: ProviderAlias | "";
  /** The issue item the row answers, such as "23.2". */
  issue?: string;
}

/** A row's key in the evidence and its module call's name: the directory and the words of `what`. */
export const mistakeId = (m: Mistake): string =>
  `${m.module.replace("/", "_")}__${m.what.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "").slice(0, 60)}`;

export type ProviderAlias = "eu_west_1" | "eu_west_3";

/** The provider configurations a call may get: alias (the default: "") and Region. */
export const MISTAKE_PROVIDERS: Record<string, string> = { "": "us-east-1", eu_west_1: "eu-west-1", eu_west_3: "eu-west-3" };

/**
 * What the calls may refer to, planned with them: a network whose IDs are unknown at plan (created
 * in the same apply, as in the README's multi-Region pattern), one with create = false, and 40
 * subnets created beside it. Sources are relative to the configuration's own directory.
 */
export const FIXTURES = `module "network" {
  source             = "../modules/cloudshell-vpc-network"
  name               = "fixture-us-east-1"
  availability_zones = ["us-east-1a", "us-east-1b"]
}

module "network_not_created" {
  source             = "../modules/cloudshell-vpc-network"
  create             = false
  availability_zones = ["us-east-1a"]
}

resource "aws_subnet" "more" {
  count      = 40
  vpc_id     = module.network.vpc_id
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index + 10)
}

resource "aws_organizations_organizational_unit" "sandboxes" {
  name      = "sandboxes"
  parent_id = "r-ab12"
}
`;

/** How the table describes the fixtures a row may name. */
export const FIXTURES_TEXT =
  "`module.network` is a `cloudshell-vpc-network` (us-east-1a, us-east-1b) in the same configuration, so its IDs are unknown at plan; `module.network_not_created` one with `create = false`; `aws_subnet.more` 40 subnets created beside them; `aws_organizations_organizational_unit.sandboxes` an OU created in the same apply.";

/** Every row, module by module; each wrapper's after the modules. */
export const MISTAKES: Mistake[] = [...policyDocumentMistakes, ...policyMistakes, ...guardrailMistakes, ...networkMistakes, ...monitoringMistakes, ...trailMonitoringMistakes, ...wrapperMistakes];
