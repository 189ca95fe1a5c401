// The endpoint perimeter's evidence: every endpoint policy from a mocked apply of the network
// (the run that puts every interface endpoint under the perimeter, in tests/defaults.tftest.hcl),
// IAM-simulated as a VPC endpoint policy. For each endpoint, one write a shell could use to send
// data out: by an outside principal into an outside account, by the network's own principal into an
// outside account, by the own principal into its own account, and, as the control, the outsider
// through AWS's default (full-access) policy. Computed by `npm run synth` (src/evidence/sources.ts) into
// evidence/endpoint-perimeter.json before the module README, whose table is rendered from it.
import * as path from "node:path";
import { FULL_ACCESS, simulateThroughEndpoint, EndpointRequest } from "./simulate-endpoint";
import { FeatureResult } from "./simulate";
import { scratchTree, TestReport, testModule } from "./terraform";

export const OWN = "123456789012";
export const OUTSIDE = "999999999999";
const ME = `arn:aws:iam::${OWN}:role/cloudshell-user`;
const OUTSIDER = `arn:aws:iam::${OUTSIDE}:user/receiver`;

/** One write per endpoint, as the resource in account `a`. */
const WRITES: Record<string, (a: string) => { action: string; resource: string }> = {
  "ecr.api": (a) => ({ action: "ecr:PutImage", resource: `arn:aws:ecr:us-east-1:${a}:repository/receiver` }),
  "ecr.dkr": (a) => ({ action: "ecr:UploadLayerPart", resource: `arn:aws:ecr:us-east-1:${a}:repository/receiver` }),
  ec2: (a) => ({ action: "ec2:CreateTags", resource: `arn:aws:ec2:us-east-1:${a}:instance/i-0123456789abcdef0` }),
  ecs: (a) => ({ action: "ecs:TagResource", resource: `arn:aws:ecs:us-east-1:${a}:cluster/receiver` }),
  "ecs-agent": (a) => ({ action: "ecs:Poll", resource: `arn:aws:ecs:us-east-1:${a}:container-instance/receiver/0123456789abcdef0123456789abcdef` }),
  "ecs-telemetry": (a) => ({ action: "ecs:StartTelemetrySession", resource: `arn:aws:ecs:us-east-1:${a}:container-instance/receiver/0123456789abcdef0123456789abcdef` }),
  "execute-api": (a) => ({ action: "execute-api:Invoke", resource: `arn:aws:execute-api:us-east-1:${a}:a1b2c3d4e5/prod/POST/upload` }),
  kms: (a) => ({ action: "kms:Encrypt", resource: `arn:aws:kms:us-east-1:${a}:key/1234abcd-12ab-34cd-56ef-1234567890ab` }),
  logs: (a) => ({ action: "logs:PutLogEvents", resource: `arn:aws:logs:us-east-1:${a}:log-group:receiver:log-stream:s` }),
  s3: (a) => ({ action: "s3:PutObject", resource: `arn:aws:s3:::receiver-${a}/file` }),
  ssm: (a) => ({ action: "ssm:PutParameter", resource: `arn:aws:ssm:us-east-1:${a}:parameter/receiver` }),
  // ssmmessages' actions name no resource type: the request is on "*", in the caller's account.
  ssmmessages: () => ({ action: "ssmmessages:OpenDataChannel", resource: "*" }),
  sts: (a) => ({ action: "sts:AssumeRole", resource: `arn:aws:iam::${a}:role/receiver` }),
};

const COLUMNS = {
  outsider: "Outside principal, outside account",
  own_to_outside: "Own principal, outside account",
  own: "Own principal, own account",
  control: "Control: AWS's default policy, outside principal",
} as const;
type Column = keyof typeof COLUMNS;

/** Requests beyond the write matrix: AWS's documented exceptions and unsigned calls. */
const EXTRA: { label: string; what: string; request: EndpointRequest; expected: FeatureResult }[] = [
  {
    label: "execute-api",
    what: "unsigned invoke of an outside account's private API",
    request: { principal: "anonymous", action: "execute-api:Invoke", resource: `arn:aws:execute-api:us-east-1:${OUTSIDE}:a1b2c3d4e5/prod/POST/upload`, resourceAccount: OUTSIDE },
    expected: "ImplicitlyDenied",
  },
  {
    label: "execute-api",
    what: "unsigned invoke of the own account's private API",
    request: { principal: "anonymous", action: "execute-api:Invoke", resource: `arn:aws:execute-api:us-east-1:${OWN}:f6g7h8i9j0/prod/GET/items`, resourceAccount: OWN },
    expected: "Allowed",
  },
  // Not simulated: reading AWS's public SSM parameters (arn:aws:ssm:<region>::parameter/aws/...): the
  // simulator rejects an ARN without an account ("no.resource.types").
  {
    label: "logs",
    what: "an AWS service's own principal (aws:PrincipalIsAWSService)",
    request: { principal: "delivery.logs.amazonaws.com", action: "logs:PutLogEvents", resource: `arn:aws:logs:us-east-1:${OWN}:log-group:own:log-stream:s`, resourceAccount: OWN },
    expected: "Allowed",
  },
];

export interface PerimeterEvidence {
  account: string;
  outside_account: string;
  columns: Record<Column, string>;
  endpoints: { label: string; action: string; resource: string; results: Record<Column, FeatureResult> }[];
  extra: { label: string; what: string; principal: string; action: string; resource: string; result: FeatureResult; control: FeatureResult }[];
}

/** Simulates every endpoint's policy; `policies` are the endpoint_policies output of the perimeter run. */
export async function perimeterEvidence(policies: Record<string, string>): Promise<PerimeterEvidence> {
  const endpoints: PerimeterEvidence["endpoints"] = [];
  for (const label of Object.keys(policies).sort()) {
    const write = WRITES[label];
    if (!write) throw new Error(`src/evidence/endpoint-perimeter.ts has no write request for the endpoint "${label}"`);
    const policy = JSON.parse(policies[label]);
    const request = (principal: string, account: string): EndpointRequest => ({ principal, ...write(account), resourceAccount: account });
    const results: Record<Column, FeatureResult> = {
      outsider: await simulateThroughEndpoint(policy, request(OUTSIDER, OUTSIDE)),
      own_to_outside: await simulateThroughEndpoint(policy, request(ME, OUTSIDE)),
      own: await simulateThroughEndpoint(policy, request(ME, OWN)),
      control: await simulateThroughEndpoint(FULL_ACCESS, request(OUTSIDER, OUTSIDE)),
    };
    const shown = write("<account>");
    endpoints.push({ label, action: shown.action, resource: shown.resource, results });
  }
  const extra: PerimeterEvidence["extra"] = [];
  for (const e of EXTRA) {
    extra.push({ label: e.label, what: e.what, principal: e.request.principal, action: e.request.action, resource: e.request.resource, result: await simulateThroughEndpoint(JSON.parse(policies[e.label]), e.request), control: await simulateThroughEndpoint(FULL_ACCESS, e.request) });
  }
  return { account: OWN, outside_account: OUTSIDE, columns: { ...COLUMNS }, endpoints, extra };
}

/** What each case must give: the outsider and outside resources denied, own work allowed, the control open. */
export const EXPECTED: Record<Column, FeatureResult> = { outsider: "ImplicitlyDenied", own_to_outside: "ImplicitlyDenied", own: "Allowed", control: "Allowed" };
export const expectedExtra = (what: string) => EXPECTED_EXTRA.get(what);
const EXPECTED_EXTRA = new Map(EXTRA.map((e) => [e.what, e.expected]));

export const NETWORK = "modules/cloudshell-vpc-network";
/** The run of the network's generated tests that puts every interface endpoint under the perimeter: read by name, as an output is. */
export const PERIMETER_TEST_FILE = "tests/defaults.tftest.hcl";
export const PERIMETER_RUN = "perimeter_on_every_interface_endpoint";

/** The perimeter run's endpoint_policies, from a verbose report of the network's defaults file. */
export function perimeterPolicies(report: TestReport): Record<string, string> {
  const run = report.runs.find((r) => r.file === PERIMETER_TEST_FILE && r.run === PERIMETER_RUN);
  if (!run) throw new Error(`${NETWORK}/${PERIMETER_TEST_FILE} has no run "${PERIMETER_RUN}", which the perimeter evidence reads: rename it in both places (src/evidence/endpoint-perimeter.ts, src/modules/cloudshell-vpc-network/terraform-tests.ts)`);
  if (!run.outputs) throw new Error(`${PERIMETER_TEST_FILE} / ${PERIMETER_RUN} left no outputs: ${JSON.stringify(run)}`);
  return run.outputs.endpoint_policies as Record<string, string>;
}

/** Runs the network's defaults file (mocked apply) in a scratch copy of the generated modules. */
export async function runPerimeterFile(tree: Map<string, string>): Promise<TestReport> {
  const modules = [...tree].filter(([rel]) => rel.startsWith("modules/"));
  return testModule(path.join(scratchTree(modules), NETWORK), { verbose: true, filter: [PERIMETER_TEST_FILE] });
}

/** evidence/endpoint-perimeter.json: the perimeter run of `tree`'s network (a mocked apply), simulated. */
export const compute = async (tree: Map<string, string>): Promise<PerimeterEvidence> => perimeterEvidence(perimeterPolicies(await runPerimeterFile(tree)));
