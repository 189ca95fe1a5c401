// Policies that cap, simulated offline: the organization guardrail (modules/cloudshell-guardrail)
// as what it is, service control policies beside FullAWSAccess over an identity policy that allows
// everything (whatever is denied, the SCPs denied it), and its resource control policy; and a
// preset as a permissions boundary. Three tables come of it: what each CloudShell choice denies and
// for whom; every attempt on the guardrail itself (src/evidence/guardrail-attacks.ts) by an insider, with
// a control that takes out the statements that stopped it, and by the platform's roles; and the
// end-to-end flows across accounts. Evidence tooling only (iam-simulate is AGPL-3.0).
import * as fs from "node:fs";
import * as path from "node:path";
import { type Simulation } from "@cloud-copilot/iam-simulate";
import { catalogVersion } from "../facts/action-catalog";
import { DEPLOYMENT_ROLE_PATTERNS } from "../facts/exemptions";
import { FULL_ACCESS_POLICY } from "../facts/organizations";
import type { GuardrailFile } from "./files";
import {
  ATTACK_PRINCIPALS,
  ATTACKS,
  BREAK_GLASS_ROLE,
  DEPLOYMENT_ROLE,
  EXEMPT_TAG,
  FLOWS,
  PERMISSION_SET,
  PERMISSION_SET_ROLE,
} from "./guardrail-attacks";
import { ACCOUNT, describeRequest, ENVIRONMENT_ARN, FeatureResult, IamRequest, OTHER_REGION, REGION, runStrict, runStrictWithReasons, simulatorVersion } from "./simulate";
import { IDS } from "./scenarios";
import { evaluateExpression, REQUIRES_AWS, scratchTree } from "./terraform";

export { EXEMPT_TAG };

const ALLOW_EVERYTHING = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
/** The AWS managed SCP every root, OU and account has unless it is replaced. */
const FULL_AWS_ACCESS = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const ROOT_ID = "r-ab12";
const OU_ID = "ou-ab12-cd34ef56";

// ---- Who asks ----

export interface Principal {
  arn: string;
  tags: Record<string, string>;
}

export const PRINCIPALS: Record<string, Principal> = {
  developer: { arn: `arn:aws:iam::${ACCOUNT}:role/developer`, tags: {} },
  "deployment role": { arn: DEPLOYMENT_ROLE, tags: {} },
  "break-glass role": { arn: BREAK_GLASS_ROLE, tags: {} },
  "permission-set role": { arn: PERMISSION_SET_ROLE, tags: {} },
  [`${EXEMPT_TAG}=true`]: { arn: `arn:aws:iam::${ACCOUNT}:role/platform`, tags: { [EXEMPT_TAG]: "true" } },
  [`${EXEMPT_TAG}=false`]: { arn: `arn:aws:iam::${ACCOUNT}:role/platform`, tags: { [EXEMPT_TAG]: "false" } },
};
export const ORDINARY = "developer";

const accountOf = (arn: string): string | undefined => arn.split(":")[4] || undefined;

/** The keys IAM puts in every request of the principal: its ARN, account and tags (a federated caller has none). */
const principalContext = (p: Principal) =>
  /:(role|user)\//.test(p.arn)
    ? {
        "aws:PrincipalArn": p.arn,
        "aws:PrincipalAccount": accountOf(p.arn)!,
        ...Object.fromEntries(Object.entries(p.tags).map(([k, v]) => [`aws:PrincipalTag/${k}`, v])),
      }
    : {};

// ---- The CloudShell choices: one column per group of requests that must all get the same answer ----

const onEnvironment = (...actions: string[]): IamRequest[] => actions.map((a) => ({ action: `cloudshell:${a}`, resource: ENVIRONMENT_ARN }));
const createEnvironment = (vpc: string, subnet: string, sg: string): IamRequest => ({
  action: "cloudshell:CreateEnvironment",
  resource: "*",
  context: { "cloudshell:VpcIds": [vpc], "cloudshell:SubnetIds": [subnet], "cloudshell:SecurityGroupIds": [sg] },
});
const ROLE = `arn:aws:iam::${ACCOUNT}:role/somebody`;
const attach = (policyArn: string): IamRequest[] => [
  { action: "iam:AttachRolePolicy", resource: ROLE, context: { "iam:PolicyARN": policyArn } },
  { action: "iam:AttachUserPolicy", resource: `arn:aws:iam::${ACCOUNT}:user/somebody`, context: { "iam:PolicyARN": policyArn } },
  { action: "iam:AttachGroupPolicy", resource: `arn:aws:iam::${ACCOUNT}:group/somebody`, context: { "iam:PolicyARN": policyArn } },
];
const FULL_ACCESS_ARN = `arn:aws:iam::aws:policy/${FULL_ACCESS_POLICY}`;

export const COLUMNS: { label: string; requests: IamRequest[] }[] = [
  { label: "Public env", requests: [{ action: "cloudshell:CreateEnvironment", resource: "*" }] },
  { label: "VPC env: approved", requests: [createEnvironment(IDS.allowedVpc, IDS.allowedSubnet, IDS.allowedSecurityGroup)] },
  { label: "VPC env: other VPC", requests: [createEnvironment(IDS.otherVpc, IDS.otherSubnet, IDS.otherSecurityGroup)] },
  { label: "VPC env: other subnet", requests: [createEnvironment(IDS.allowedVpc, IDS.otherSubnet, IDS.allowedSecurityGroup)] },
  { label: "VPC env: other security group", requests: [createEnvironment(IDS.allowedVpc, IDS.allowedSubnet, IDS.otherSecurityGroup)] },
  { label: "Open a session", requests: onEnvironment("CreateSession", "GetEnvironmentStatus", "StartEnvironment") },
  { label: "Upload or download", requests: onEnvironment("GetFileUploadUrls", "GetFileDownloadUrls") },
  { label: "CLI credentials", requests: onEnvironment("PutCredentials") },
  {
    label: "Other CloudShell actions",
    requests: [...onEnvironment("StopEnvironment", "DeleteEnvironment", "ApproveCommand"), { action: "cloudshell:DescribeEnvironments", resource: "*" }],
  },
  {
    // Every other request is made in REGION.
    label: "Session in other Region",
    requests: ["CreateSession", "GetEnvironmentStatus", "StartEnvironment"].map((a) => ({
      action: `cloudshell:${a}`,
      resource: ENVIRONMENT_ARN.replace(`:${REGION}:`, `:${OTHER_REGION}:`),
      context: { "aws:RequestedRegion": OTHER_REGION },
    })),
  },
  { label: `Attach ${FULL_ACCESS_POLICY}`, requests: attach(FULL_ACCESS_ARN) },
  { label: "Attach another policy", requests: attach("arn:aws:iam::aws:policy/ReadOnlyAccess") },
  {
    label: `${FULL_ACCESS_POLICY} as a boundary`,
    requests: [{ action: "iam:PutRolePermissionsBoundary", resource: ROLE, context: { "iam:PermissionsBoundary": FULL_ACCESS_ARN } }],
  },
  {
    label: "Other services",
    requests: [
      { action: "s3:GetObject", resource: "arn:aws:s3:::example-bucket/key" },
      { action: "ec2:DescribeVpcs", resource: "*" },
      { action: "sts:GetCallerIdentity", resource: "*" },
    ],
  },
];
export const COLUMN_LABELS = COLUMNS.map((c) => c.label);

// ---- The cases: module inputs (create = false: Terraform computes the JSON, creates nothing) ----

export interface GuardrailCase {
  name: string;
  inputs: Record<string, unknown>;
  /** Principals to simulate; the ordinary one unless the case has exemptions. */
  principals: string[];
}

const EVERY_CHOICE = {
  deny_public_environments: true,
  allowed_vpc_ids: [IDS.allowedVpc],
  allowed_subnet_ids: [IDS.allowedSubnet],
  allowed_security_group_ids: [IDS.allowedSecurityGroup],
  deny_file_transfer: true,
  deny_credential_forwarding: true,
  allowed_regions: [REGION],
  deny_attaching_full_access: true,
};
/** Exemptions by ARN pattern and by tag; the tag needs the resource control policy (an input rule). */
export const EXEMPTIONS = { exempt_principal_arns: ["arn:aws:iam::*:role/break-glass-*"], exempt_principal_tags: { [EXEMPT_TAG]: "true" }, resource_control_policy: true };
const EXEMPT_PRINCIPALS = [ORDINARY, "break-glass role", `${EXEMPT_TAG}=true`, `${EXEMPT_TAG}=false`];

/**
 * The module README's example with every protection on: the CloudShell choices, the break-glass
 * role, the usual deployment roles, an Identity Center permission set and a tag exempt, the
 * detection and the approved network protected, the resource control policy. The attacks and the
 * flows are simulated under it.
 */
export const EVERY_PROTECTION: GuardrailCase = {
  name: "every choice and protection (the README example)",
  inputs: {
    ...EVERY_CHOICE,
    exempt_principal_arns: [EXEMPTIONS.exempt_principal_arns[0], ...DEPLOYMENT_ROLE_PATTERNS],
    exempt_permission_sets: [PERMISSION_SET],
    exempt_principal_tags: EXEMPTIONS.exempt_principal_tags,
    protect_detection: true,
    protect_approved_networks: true,
    resource_control_policy: true,
  },
  principals: [...ATTACK_PRINCIPALS, `${EXEMPT_TAG}=false`],
};

/** Each choice alone, then every choice together, then with exemptions, then every protection. */
export const GUARDRAIL_CASES: GuardrailCase[] = [
  ...Object.entries({ disable_cloudshell: true, ...EVERY_CHOICE }).map(([input, value]) => ({ name: input, inputs: { [input]: value }, principals: [ORDINARY] })),
  { name: "every choice", inputs: EVERY_CHOICE, principals: [ORDINARY] },
  { name: "every choice, exemptions", inputs: { ...EVERY_CHOICE, ...EXEMPTIONS }, principals: EXEMPT_PRINCIPALS },
  { name: "disable_cloudshell + deny_attaching_full_access, exemptions", inputs: { disable_cloudshell: true, deny_attaching_full_access: true, ...EXEMPTIONS }, principals: EXEMPT_PRINCIPALS },
  // Over 10,240 characters: the module splits the statements into two SCPs, simulated side by side.
  {
    name: "disable_cloudshell + deny_attaching_full_access, 17 exempt patterns (two SCPs)",
    inputs: {
      disable_cloudshell: true,
      deny_attaching_full_access: true,
      ...EXEMPTIONS,
      exempt_principal_arns: [...EXEMPTIONS.exempt_principal_arns, ...Array.from({ length: 16 }, (_, i) => `arn:aws:iam::*:role/administrator-${String(i).padStart(2, "0")}-*`)],
    },
    principals: EXEMPT_PRINCIPALS,
  },
  EVERY_PROTECTION,
];

// ---- Terraform computes each case's policies ----

type Statement = { Sid: string };
type Policy = { Version: string; Statement: Statement[] };
export interface EvaluatedCase extends GuardrailCase {
  /** Every statement in one document (the module's json output). */
  policy: Policy;
  /** The SCPs as the module creates them (its policies output): simulated side by side. */
  policies: Policy[];
  /** The resource control policy, when the case asks for one. */
  rcp?: Policy;
  size: number;
  statementIds: string[];
}

/** One evaluation for every case: a root configuration beside the modules, one module block per case. */
export async function evaluateGuardrail(tree: Map<string, string>, cases: GuardrailCase[] = GUARDRAIL_CASES): Promise<EvaluatedCase[]> {
  const files = [...tree].filter(([rel]) => rel.startsWith("modules/") && rel.endsWith(".tf"));
  const config = {
    module: Object.fromEntries(cases.map((c, i) => [`c${i}`, { source: "../modules/cloudshell-guardrail", create: false, ...c.inputs }])),
  };
  const root = scratchTree(
    [
      ...files,
      ["evaluate/main.tf.json", JSON.stringify(config, null, 2)],
      ["evaluate/versions.tf", REQUIRES_AWS],
    ],
    "guardrail-sim-",
  );
  // terraform console evaluates the outputs without a plan or a provider configuration.
  const expression = `{ ${cases.map((_, i) => `c${i} = { json = module.c${i}.json, policies = module.c${i}.policies, ids = module.c${i}.statement_ids, rcp = module.c${i}.rcp_json }`).join(", ")} }`;
  const outputs = (await evaluateExpression(path.join(root, "evaluate"), expression)) as Record<string, unknown>;
  fs.rmSync(root, { recursive: true, force: true });
  return cases.map((c, i) => {
    const o = outputs[`c${i}`] as { json: string; policies: string[]; ids: string[]; rcp: string | null } | undefined;
    if (!o || typeof o.json !== "string") throw new Error(`terraform returned no SCP for guardrail case "${c.name}"`);
    const policy = JSON.parse(o.json) as Policy;
    return {
      ...c,
      policy,
      policies: o.policies.map((p) => JSON.parse(p) as Policy),
      ...(o.rcp ? { rcp: JSON.parse(o.rcp) as Policy } : {}),
      size: o.json.length,
      statementIds: policy.Statement.map((st) => st.Sid),
    };
  });
}

// ---- The simulation ----

interface Placement {
  /** SCPs of the caller's account (attached side by side to its OU); none for the management account or a federated caller. */
  scps: object[];
  /** RCPs of the resource's account. */
  rcps: object[];
}

/** One request by one principal, under the guardrail's policies; throws on any simulator error or ignored key. */
async function simulateUnder(placement: Placement, principal: Principal, request: IamRequest): Promise<{ result: FeatureResult; deniedBy: string[] }> {
  const resourceAccount = accountOf(request.resource);
  const simulation: Simulation = {
    request: {
      principal: principal.arn,
      action: request.action,
      resource: { resource: request.resource, accountId: resourceAccount ?? ACCOUNT },
      contextVariables: {
        "aws:RequestedRegion": REGION,
        ...principalContext(principal),
        ...(resourceAccount ? { "aws:ResourceAccount": resourceAccount } : {}),
        ...(request.context ?? {}),
      },
    },
    identityPolicies: /:(role|user)\//.test(principal.arn) ? [{ name: "allow-everything", policy: ALLOW_EVERYTHING }] : [],
    serviceControlPolicies: placement.scps.length
      ? [
          { orgIdentifier: ROOT_ID, policies: [{ name: "FullAWSAccess", policy: FULL_AWS_ACCESS }] },
          { orgIdentifier: OU_ID, policies: [{ name: "FullAWSAccess", policy: FULL_AWS_ACCESS }, ...placement.scps.map((policy, i) => ({ name: `cloudshell-guardrail-${i + 1}`, policy }))] },
        ]
      : [],
    resourceControlPolicies: placement.rcps.length ? [{ orgIdentifier: OU_ID, policies: placement.rcps.map((policy, i) => ({ name: `cloudshell-guardrail-rcp-${i + 1}`, policy })) }] : [],
    ...(request.resourcePolicy ? { resourcePolicy: request.resourcePolicy } : {}),
  };
  return runStrictWithReasons(simulation, `${describeRequest(request)} by ${principal.arn}`);
}

/** One request by one principal under SCPs attached to its OU (the simplest placement). */
export async function simulateUnderScp(scps: object[], principal: Principal, request: IamRequest): Promise<FeatureResult> {
  return (await simulateUnder({ scps, rcps: [] }, principal, request)).result;
}

/** Every request of a group must get the same answer; a group that splits is an error, named. */
async function simulateGroup(placement: Placement, principal: Principal, label: string, requests: IamRequest[]): Promise<{ result: FeatureResult; deniedBy: string[] }> {
  const results = await Promise.all(requests.map((r) => simulateUnder(placement, principal, r)));
  const distinct = [...new Set(results.map((r) => r.result))];
  if (distinct.length !== 1) {
    throw new Error(`"${label}" splits for ${principal.arn}: ${requests.map((r, i) => `${r.action} ${results[i].result}`).join(", ")}`);
  }
  return { result: distinct[0], deniedBy: [...new Set(results.flatMap((r) => r.deniedBy))].sort() };
}

/** The SCPs without the named statements: a control, showing the named statements are what stops a request. */
function withoutStatements(policies: Policy[], sids: string[]): Policy[] {
  return policies.map((p) => ({ ...p, Statement: p.Statement.filter((st) => !sids.includes(st.Sid)) })).filter((p) => p.Statement.length > 0);
}

export interface GuardrailSimulation extends GuardrailFile {
  generatedBy: string;
  catalogVersion: string;
  simulatorVersion: string;
  identityPolicy: string;
  organization: string;
}

async function choiceResults(c: EvaluatedCase): Promise<Record<string, Record<string, FeatureResult>>> {
  const results: Record<string, Record<string, FeatureResult>> = {};
  for (const name of c.principals) {
    results[name] = {};
    for (const column of COLUMNS) results[name][column.label] = (await simulateGroup({ scps: c.policies, rcps: [] }, PRINCIPALS[name], column.label, column.requests)).result;
  }
  return results;
}

/** Every attempt by every principal; the insider once more without the statements that stopped it. */
async function attackResults(c: EvaluatedCase): Promise<GuardrailFile["attacks"]["rows"]> {
  const rows: GuardrailFile["attacks"]["rows"] = [];
  for (const attack of ATTACKS) {
    const placement = { scps: c.policies, rcps: [] };
    const results: Record<string, FeatureResult> = {};
    let stoppedBy: string[] = [];
    for (const name of ATTACK_PRINCIPALS) {
      const r = await simulateGroup(placement, PRINCIPALS[name], attack.label, attack.requests);
      results[name] = r.result;
      if (name === ORDINARY) stoppedBy = r.deniedBy;
    }
    const control = (await simulateGroup({ scps: withoutStatements(c.policies, stoppedBy), rcps: [] }, PRINCIPALS[ORDINARY], attack.label, attack.requests)).result;
    rows.push({ group: attack.group, label: attack.label, requests: attack.requests.map(describeRequest), results, stoppedBy, control });
  }
  return rows;
}

/** The flows across accounts; a denied one with a control without the statements that denied it. */
async function flowResults(c: EvaluatedCase): Promise<GuardrailFile["flows"]> {
  const flows: GuardrailFile["flows"] = [];
  for (const f of FLOWS) {
    if (f.under === "rcp" && !c.rcp) throw new Error(`the flow "${f.label}" needs the resource control policy, which the case "${c.name}" does not make`);
    const placement = { scps: f.under === "scp" ? c.policies : [], rcps: f.under === "rcp" && c.rcp ? [c.rcp] : [] };
    const r = await simulateUnder(placement, f.principal, f.request);
    const without = { scps: withoutStatements(placement.scps, r.deniedBy), rcps: withoutStatements(placement.rcps, r.deniedBy) };
    const control = r.deniedBy.length ? (await simulateUnder(without, f.principal, f.request)).result : undefined;
    flows.push({ label: f.label, principal: f.principal.arn, under: f.under, request: describeRequest(f.request), result: r.result, stoppedBy: r.deniedBy, ...(control ? { control } : {}) });
  }
  return flows;
}

export async function buildGuardrailSimulation(evaluated: EvaluatedCase[]): Promise<GuardrailSimulation> {
  const cases: GuardrailFile["cases"] = [];
  for (const c of evaluated) {
    const sizes = c.policies.map((p) => JSON.stringify(p).length);
    cases.push({ name: c.name, inputs: c.inputs, size: c.size, scp_sizes: sizes, statement_ids: c.statementIds, ...(c.rcp ? { rcp_size: JSON.stringify(c.rcp).length } : {}), policy: c.policy, results: await choiceResults(c) });
  }
  const every = evaluated.find((c) => c.name === EVERY_PROTECTION.name)!;
  return {
    generatedBy:
      "npm run synth (src/evidence/sources.ts): Terraform evaluates modules/cloudshell-guardrail for each case (src/evidence/simulate-scp.ts), " +
      "@cloud-copilot/iam-simulate simulates each request under its policies (src/evidence/guardrail-attacks.ts: the attempts and the flows). Do not edit.",
    catalogVersion: catalogVersion(),
    simulatorVersion: simulatorVersion(),
    identityPolicy: "Allow * on * for every role (the principal may do anything the guardrail lets through); a federated caller has none",
    organization: `root ${ROOT_ID}: FullAWSAccess; OU ${OU_ID}: FullAWSAccess and the guardrail's SCPs (and its RCP in the flows that say so); the member account ${ACCOUNT} is in the OU`,
    columns: COLUMN_LABELS,
    columnRequests: Object.fromEntries(COLUMNS.map((c) => [c.label, c.requests.map(describeRequest)])),
    principals: PRINCIPALS,
    cases,
    attacks: { case: every.name, principals: [...ATTACK_PRINCIPALS], rows: await attackResults(every) },
    flows: await flowResults(every),
  };
}

/** evidence/guardrail-simulation.json: every case evaluated by Terraform from `tree`, then simulated. */
export const compute = async (tree: Map<string, string>): Promise<GuardrailSimulation> => buildGuardrailSimulation(await evaluateGuardrail(tree));

// ---- A permissions boundary (examples/permissions-boundary) ----

/** One request by the ordinary principal with an identity policy and a permissions boundary. */
export async function simulateWithBoundary(identity: object, boundary: object, request: IamRequest): Promise<FeatureResult> {
  return runStrict(
    {
      request: {
        principal: PRINCIPALS[ORDINARY].arn,
        action: request.action,
        resource: { resource: request.resource, accountId: ACCOUNT },
        contextVariables: request.context ?? {},
      },
      identityPolicies: [{ name: "identity", policy: identity }],
      permissionBoundaryPolicies: [{ name: "boundary", policy: boundary }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    describeRequest(request),
  );
}
