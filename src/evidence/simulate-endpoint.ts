// Requests through a VPC endpoint, simulated offline with @cloud-copilot/iam-simulate: the
// endpoint policy decides together with the caller's identity policy and the resource's policy.
// Evidence tooling only (AGPL-3.0; never imported from src/).
import { anonymousPrincipal, type Simulation } from "@cloud-copilot/iam-simulate";
import { FeatureResult, runStrict } from "./simulate";

export interface EndpointRequest {
  /** An IAM principal ARN, "anonymous" for an unsigned request, or a service principal such as "ecs.amazonaws.com". */
  principal: string;
  action: string;
  /** A resource ARN, such as arn:aws:s3:::bucket/key, or "*". */
  resource: string;
  /** The account that owns the resource. */
  resourceAccount: string;
}

/** AWS's default endpoint policy: full access (the control case). */
export const FULL_ACCESS = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] };

/** Lets the caller do anything itself: only the endpoint policy (and, across accounts, the resource policy) can stop it. */
const ALLOW_ALL = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

/** A resource policy that admits everyone: the worst case, such as an outside bucket or API set up to receive data. */
const OPEN_RESOURCE = (action: string, resource: string) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: action.startsWith("s3:") ? "s3:*" : action, Resource: resource }],
});

const isService = (principal: string) => principal.endsWith(".amazonaws.com");

export async function simulateThroughEndpoint(endpointPolicy: object, r: EndpointRequest): Promise<FeatureResult> {
  const anonymous = r.principal === "anonymous";
  const signed = !anonymous && !isService(r.principal);
  const simulation: Simulation = {
    request: {
      principal: anonymous ? anonymousPrincipal : r.principal,
      action: r.action,
      resource: { resource: r.resource, accountId: r.resourceAccount },
      contextVariables: {
        "aws:RequestedRegion": "us-east-1",
        // AWS sets these on signed requests and on most resources; the simulator does not derive them.
        ...(signed ? { "aws:PrincipalAccount": r.principal.split(":")[4] } : {}),
        ...(isService(r.principal) ? { "aws:PrincipalIsAWSService": "true" } : {}),
        "aws:ResourceAccount": r.resourceAccount,
      },
    },
    identityPolicies: signed ? [{ name: "allow-all", policy: ALLOW_ALL }] : [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: OPEN_RESOURCE(r.action, r.resource),
    vpcEndpointPolicies: [{ name: "endpoint", policy: endpointPolicy }],
  };
  return runStrict(simulation, `${r.action} on ${r.resource} by ${r.principal}`);
}
