// modules/cloudshell-guardrail: CloudShell governed for a whole organization, as service control
// policies of Deny statements, attached to roots, OUs and accounts. The CloudShell statements are
// those of cloudshell-policy-document (called as a child module, its deny_json); this module adds
// the IAM.27 statement, the exemptions on every Deny and the statements that keep them from being
// claimed, the protections of the detection and the approved networks, the split into SCPs that
// fit, the attachments and an optional resource control policy.
import { Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { GuardrailFile, GUARDRAIL_FILE } from "../../evidence/files";
import { guardrailTables } from "./guardrail-table";
import { DEPLOYMENT_ROLE_PATTERNS, DEPLOYMENT_ROLES, MIN_LITERAL_PREFIX } from "../../facts/exemptions";
import { POLICY_SIZE_LIMITS, thousands } from "../../facts/limits";
import { GUARDRAIL_STATEMENTS, RCP_STATEMENT, SCP_MAX_PER_TARGET } from "../../facts/organizations";
import { PROTECTION_TAG, UNCONDITIONED_NETWORK_ACTIONS } from "../../facts/protected-resources";
import { AWS_PROVIDER, TERRAFORM } from "../requirements";
import { declareInputs } from "../inputs";
import { DEFAULT_MAX_SCPS, INPUTS, NAME } from "./inputs";
import { policies } from "./policies";
import { statements, WHEN } from "./statements";
import { guardrailTests } from "./terraform-tests";

function build(unit: Unit): void {
  declareInputs(unit, INPUTS);
  statements(unit);
  policies(unit);
}

export const guardrail: Definition = {
  name: NAME,
  kind: "module",
  source: sourceOf(__dirname),
  title: "CloudShell guardrail for an organization",
  requirements: { ...TERRAFORM, providers: [AWS_PROVIDER] },
  build,
  readmeContext: (evidence) => ({
    ...guardrailTables(evidence.read<GuardrailFile>(GUARDRAIL_FILE)),
    scpMax: thousands(POLICY_SIZE_LIMITS.scp),
    rcpMax: thousands(POLICY_SIZE_LIMITS.rcp),
    scpMaxPerTarget: SCP_MAX_PER_TARGET,
    defaultMaxScps: DEFAULT_MAX_SCPS,
    minLiteralPrefix: MIN_LITERAL_PREFIX,
    statements: Object.entries(GUARDRAIL_STATEMENTS).map(([key, s]) => ({ ...s, when: WHEN[key as keyof typeof WHEN] })),
    rcpStatement: RCP_STATEMENT,
    protectionTag: PROTECTION_TAG,
    deploymentRoles: DEPLOYMENT_ROLES.map((r, i) => ({ ...r, pattern: DEPLOYMENT_ROLE_PATTERNS[i] })),
    unconditioned: UNCONDITIONED_NETWORK_ACTIONS,
  }),
  extraFiles: guardrailTests,
};
