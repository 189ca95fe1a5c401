// Every generated directory, in the order they are generated.
import { iamPolicy } from "./examples/iam-policy";
import { scpGuardrail } from "./examples/scp-guardrail";
import { Definition } from "./generator/definition";
import { policy } from "./modules/policy";
import { policyDocument } from "./modules/policy-document";

export const DEFINITIONS: Definition[] = [policyDocument, policy, scpGuardrail, iamPolicy];
