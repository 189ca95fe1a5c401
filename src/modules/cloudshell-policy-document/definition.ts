// modules/cloudshell-policy-document: the CloudShell policy as JSON, with no provider at all, so it
// can feed an IAM policy, an SCP, a permission set, and real Terraform can test it offline.
import { Unit } from "../../cdktf/seam";
import { Definition, sourceOf } from "../../generator/definition";
import { PRESETS } from "../../facts/features";
import { MatrixFile, MATRIX_FILE } from "../../evidence/files";
import { matrixTable } from "./matrix-table";
import { declareStatementActions } from "../../generator/action-check";
import { DENY_PUBLIC_STATEMENT, ENI_CLEANUP_STATEMENT, VPC_GRANT_STATEMENTS } from "../../facts/vpc-statements";
import { declareInputs } from "../inputs";
import { NO_PROVIDER } from "../requirements";
import { presetDecisions, vpcDecisions } from "./decisions";
import { INPUTS } from "./inputs";
import { outputs } from "./outputs";
import { statements } from "./statements";
import { policyDocumentTests } from "./terraform-tests";
import { SUBNETS_IN_A_MANAGED_POLICY } from "../../facts/limits";

function build(unit: Unit): void {
  declareStatementActions(unit, [...VPC_GRANT_STATEMENTS, ENI_CLEANUP_STATEMENT, DENY_PUBLIC_STATEMENT]);
  declareInputs(unit, INPUTS);
  presetDecisions(unit);
  vpcDecisions(unit);
  statements(unit);
  outputs(unit);
}

export const policyDocument: Definition = {
  name: "cloudshell-policy-document",
  kind: "module",
  source: sourceOf(__dirname),
  title: "CloudShell policy document",
  requirements: NO_PROVIDER,
  build,
  readmeContext: (evidence) => ({
    presets: PRESETS,
    permissionMatrix: matrixTable(evidence.read<MatrixFile>(MATRIX_FILE)),
    subnetsFit: SUBNETS_IN_A_MANAGED_POLICY,
    subnetsOver: SUBNETS_IN_A_MANAGED_POLICY + 1,
  }),
  extraFiles: policyDocumentTests,
};
