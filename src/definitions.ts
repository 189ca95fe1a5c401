// Every generated directory, in the order they are generated.
import { Definition } from "./generator/definition";
import { policyDocument } from "./modules/policy-document";

export const DEFINITIONS: Definition[] = [policyDocument];
