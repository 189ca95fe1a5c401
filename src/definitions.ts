// Every generated directory, in the order they are generated.
import { iamPolicy } from "./examples/iam-policy";
import { scpGuardrail } from "./examples/scp-guardrail";
import { organizationGuardrail } from "./examples/organization-guardrail";
import { permissionSet } from "./examples/permission-set";
import { permissionsBoundary } from "./examples/permissions-boundary";
import { existingVpc } from "./examples/existing-vpc";
import { isolated } from "./examples/isolated";
import { withNat } from "./examples/with-nat";
import { multiRegion } from "./examples/multi-region";
import { Definition } from "./generator/definition";
import { vpcNetwork } from "./modules/vpc-network/definition";
import { guardrail } from "./modules/guardrail/definition";
import { policy } from "./modules/policy/definition";
import { policyDocument } from "./modules/policy-document/definition";

export const DEFINITIONS: Definition[] = [policyDocument, policy, guardrail, scpGuardrail, organizationGuardrail, iamPolicy, permissionSet, permissionsBoundary, vpcNetwork, isolated, withNat, existingVpc, multiRegion];
