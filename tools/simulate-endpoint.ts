// Requests through a VPC endpoint, simulated offline with @cloud-copilot/iam-simulate: the
// endpoint policy decides together with the caller's identity policy and the bucket's policy.
// Evidence tooling only (AGPL-3.0; never imported from src/).
import { anonymousPrincipal, type Simulation } from "@cloud-copilot/iam-simulate";
import { FeatureResult, runStrict } from "./simulate";

export interface EndpointRequest {
  /** An IAM principal ARN, or "anonymous" for an unsigned request (such as dnf reading a public repository). */
  principal: string;
  action: string;
  /** An object ARN, such as arn:aws:s3:::bucket/key. */
  resource: string;
  /** The account that owns the bucket. */
  resourceAccount: string;
}

/** Lets the caller do anything itself: only the endpoint policy (and, across accounts, the bucket policy) can stop it. */
const ALLOW_ALL = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

/** A bucket policy that admits everyone: the worst case, such as an outside bucket set up to receive data. */
const OPEN_BUCKET = (resource: string) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:*", Resource: resource }],
});

export async function simulateThroughEndpoint(endpointPolicy: object, r: EndpointRequest): Promise<FeatureResult> {
  const simulation: Simulation = {
    request: {
      principal: r.principal === "anonymous" ? anonymousPrincipal : r.principal,
      action: r.action,
      resource: { resource: r.resource, accountId: r.resourceAccount },
      contextVariables: {
        "aws:RequestedRegion": "us-east-1",
        // AWS sets these on every signed request and on S3 resources; the simulator does not derive them.
        ...(r.principal === "anonymous" ? {} : { "aws:PrincipalAccount": r.principal.split(":")[4] }),
        "aws:ResourceAccount": r.resourceAccount,
      },
    },
    identityPolicies: r.principal === "anonymous" ? [] : [{ name: "allow-all", policy: ALLOW_ALL }],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: OPEN_BUCKET(r.resource),
    vpcEndpointPolicies: [{ name: "endpoint", policy: endpointPolicy }],
  };
  return runStrict(simulation, `${r.action} on ${r.resource} by ${r.principal}`);
}
