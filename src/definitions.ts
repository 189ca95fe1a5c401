// Every generated directory, in the order they are generated.
import { iamPolicy } from "./examples/iam-policy/definition";
import { scpGuardrail } from "./examples/scp-guardrail/definition";
import { organizationGuardrail } from "./examples/organization-guardrail/definition";
import { permissionSet } from "./examples/permission-set/definition";
import { permissionsBoundary } from "./examples/permissions-boundary/definition";
import { existingVpc } from "./examples/existing-vpc/definition";
import { isolated } from "./examples/isolated/definition";
import { withNat } from "./examples/with-nat/definition";
import { monitoringExample } from "./examples/monitoring/definition";
import { multiRegion } from "./examples/multi-region/definition";
import { trailMonitoringExample } from "./examples/trail-monitoring/definition";
import { Definition } from "./generator/definition";
import { withWrappers } from "./generator/wrappers";
import { WRAPPER_EXAMPLES } from "./modules/wrapper-examples";
import { vpcNetwork } from "./modules/cloudshell-vpc-network/definition";
import { guardrail } from "./modules/cloudshell-guardrail/definition";
import { monitoring } from "./modules/cloudshell-monitoring/definition";
import { trailMonitoring } from "./modules/cloudshell-trail-monitoring/definition";
import { policy } from "./modules/cloudshell-policy/definition";
import { policyDocument } from "./modules/cloudshell-policy-document/definition";

// withWrappers adds wrappers/<module>/ for every module (src/generator/wrappers.ts), after all of them,
// each README with its module's example of src/modules/wrapper-examples.ts.
export const DEFINITIONS: Definition[] = withWrappers([policyDocument, policy, guardrail, scpGuardrail, organizationGuardrail, iamPolicy, permissionSet, permissionsBoundary, vpcNetwork, isolated, withNat, existingVpc, multiRegion, monitoring, monitoringExample, trailMonitoring, trailMonitoringExample], WRAPPER_EXAMPLES);
