// The review's evaluator (src/review/evaluate.ts) and the IAM simulator of the tests
// (@cloud-copilot/iam-simulate, AGPL-3.0, never shipped) asked the same requests with the same
// policies: every answer must be the same. The simulator sees what IAM would: the identity
// policies, the permissions boundary, the SCPs beside FullAWSAccess on the root.
import { type Simulation } from "@cloud-copilot/iam-simulate";
import { decide, PolicyDocument, Request } from "../../src/review/evaluate";
import { REVIEW_ACCOUNT } from "../../src/review/requests";
import { describeRequest, runStrict } from "../../src/evidence/simulate";

export interface Case {
  name: string;
  identity: PolicyDocument[];
  boundaries?: PolicyDocument[];
  scps?: PolicyDocument[];
  requests: Request[];
  /** A control: the simulator is given these policies instead, so the answers must differ somewhere. */
  simulatorSees?: Partial<Pick<Case, "identity" | "boundaries" | "scps">>;
}

const FULL_AWS_ACCESS = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

/** The simulator's answer for one request (the principal is the request's aws:PrincipalArn, or a role of the review's account). */
export function simulate(given: Case, r: Request): Promise<string> {
  const c = { ...given, ...given.simulatorSees };
  const principal = (r.context["aws:PrincipalArn"] as string | undefined) ?? `arn:aws:iam::${REVIEW_ACCOUNT}:role/somebody`;
  // The resource in the principal's own account: no resource policy is needed.
  const accountId = principal.split(":")[4] || REVIEW_ACCOUNT;
  const simulation: Simulation = {
    request: { principal, action: r.action, resource: { resource: r.resource, accountId }, contextVariables: r.context },
    identityPolicies: c.identity.map((policy, i) => ({ name: `identity-${i + 1}`, policy })),
    ...(c.boundaries?.length ? { permissionBoundaryPolicies: c.boundaries.map((policy, i) => ({ name: `boundary-${i + 1}`, policy })) } : {}),
    serviceControlPolicies: [{ orgIdentifier: "r-ab12", policies: [{ name: "FullAWSAccess", policy: FULL_AWS_ACCESS }, ...(c.scps ?? []).map((policy, i) => ({ name: `scp-${i + 1}`, policy }))] }],
    resourceControlPolicies: [],
  };
  return runStrict(simulation, `${describeRequest(r)} (${c.name})`);
}

export interface Comparison {
  asked: number;
  /** Requests the review answered "Unknown" (it never guesses): not compared. */
  unknown: string[];
  disagreements: string[];
}

/** Every request of every case through both; the review's "Unknown" answers are listed, not compared. */
export async function compare(cases: Case[]): Promise<Comparison> {
  const out: Comparison = { asked: 0, unknown: [], disagreements: [] };
  for (const c of cases) {
    const set = {
      identity: c.identity.map((document, i) => ({ name: `identity-${i + 1}`, document })),
      boundaries: (c.boundaries ?? []).map((document, i) => ({ name: `boundary-${i + 1}`, document })),
      scps: (c.scps ?? []).map((document, i) => ({ name: `scp-${i + 1}`, document })),
    };
    // Each distinct request once: the review asks the same launch requests for several features.
    const requests = [...new Map(c.requests.map((r) => [JSON.stringify(r), r])).values()];
    const answers = await Promise.all(requests.map((r) => simulate(c, r)));
    requests.forEach((r, i) => {
      out.asked++;
      const ours = decide(r, set);
      if (ours.result === "Unknown") out.unknown.push(`${c.name}: ${describeRequest(r)}: ${ours.reason}`);
      else if (ours.result !== answers[i]) out.disagreements.push(`${c.name}: ${describeRequest(r)}: review ${ours.result}, simulator ${answers[i]}`);
    });
  }
  return out;
}
