// Policies that cap, simulated offline: the organization guardrail (modules/cloudshell-guardrail)
// as what it is, a service control policy beside FullAWSAccess over an identity policy that allows
// everything (whatever is denied, the SCP denied it); and a preset as a permissions boundary.
// Evidence tooling only (iam-simulate is AGPL-3.0).
import * as fs from "node:fs";
import * as path from "node:path";
import { type Simulation } from "@cloud-copilot/iam-simulate";
import { catalogVersion } from "../src/facts/action-catalog";
import { FULL_ACCESS_POLICY, PROTECTION_STATEMENTS } from "../src/facts/organizations";
import { GUARDRAIL_FILE, GuardrailFile } from "../src/generator/guardrail-table";
import { ACCOUNT, describeRequest, ENVIRONMENT_ARN, FeatureResult, IamRequest, OTHER_REGION, REGION, runStrict } from "./simulate";
import { IDS } from "./scenarios";
import { evaluateExpression, REQUIRES_AWS, scratchTree } from "./terraform";

export { GUARDRAIL_FILE };

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

export const EXEMPT_TAG = "dp:exclude";
export const PRINCIPALS: Record<string, Principal> = {
  developer: { arn: `arn:aws:iam::${ACCOUNT}:role/developer`, tags: {} },
  "break-glass role": { arn: `arn:aws:iam::${ACCOUNT}:role/break-glass-admin`, tags: {} },
  [`${EXEMPT_TAG}=true`]: { arn: `arn:aws:iam::${ACCOUNT}:role/platform`, tags: { [EXEMPT_TAG]: "true" } },
  [`${EXEMPT_TAG}=false`]: { arn: `arn:aws:iam::${ACCOUNT}:role/platform`, tags: { [EXEMPT_TAG]: "false" } },
};
export const ORDINARY = "developer";

/** aws:PrincipalArn and aws:PrincipalTag/* as IAM puts them in every request of the principal. */
const principalContext = (p: Principal) => ({
  "aws:PrincipalArn": p.arn,
  ...Object.fromEntries(Object.entries(p.tags).map(([k, v]) => [`aws:PrincipalTag/${k}`, v])),
});

// ---- What they ask for: one column per group of requests that must all get the same answer ----

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

// An insider's attempts to become exempt (principal developer): the exemptions below are
// "role/break-glass-*" and the tag dp:exclude = "true".
const iamRole = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const BREAK_GLASS_ROLE = iamRole("break-glass-admin");
/** aws:TagKeys and aws:RequestTag/<key> of a request that sets one tag. */
const settingTag = (key: string, value = "true") => ({ "aws:TagKeys": [key], [`aws:RequestTag/${key}`]: value });
const INSIDER_COLUMNS: { label: string; requests: IamRequest[] }[] = [
  { label: "Create a role matching a pattern", requests: [{ action: "iam:CreateRole", resource: iamRole("break-glass-mine") }] },
  { label: "Take over an exempt role's trust", requests: [{ action: "iam:UpdateAssumeRolePolicy", resource: BREAK_GLASS_ROLE }] },
  {
    label: "Attach a policy to an exempt role",
    requests: [{ action: "iam:AttachRolePolicy", resource: BREAK_GLASS_ROLE, context: { "iam:PolicyARN": "arn:aws:iam::aws:policy/AdministratorAccess" } }],
  },
  {
    label: "Take over a role tagged exempt",
    requests: [{ action: "iam:UpdateAssumeRolePolicy", resource: iamRole("platform"), context: { [`aws:ResourceTag/${"dp:exclude"}`]: "true" } }],
  },
  {
    // The key in another case too: IAM compares condition key names ignoring case.
    label: "Tag oneself exempt",
    requests: [
      { action: "iam:TagRole", resource: iamRole("developer"), context: settingTag("dp:exclude") },
      { action: "iam:TagRole", resource: iamRole("developer"), context: settingTag("DP:Exclude") },
      { action: "iam:TagUser", resource: `arn:aws:iam::${ACCOUNT}:user/developer`, context: settingTag("dp:exclude") },
    ],
  },
  { label: "Create a role with the tag", requests: [{ action: "iam:CreateRole", resource: iamRole("tagged-by-me"), context: settingTag("dp:exclude") }] },
  { label: "Session tag on AssumeRole", requests: [{ action: "sts:TagSession", resource: iamRole("any-role"), context: settingTag("dp:exclude") }] },
];

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
  ...INSIDER_COLUMNS,
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
  /** A control case: these statements are taken out of the module's SCPs before simulating. */
  without?: string[];
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
export const EXEMPTIONS = { exempt_principal_arns: ["arn:aws:iam::*:role/break-glass-*"], exempt_principal_tags: { [EXEMPT_TAG]: "true" } };
const ALL_PRINCIPALS = Object.keys(PRINCIPALS);
/** The Sids that protect the exemptions (one tag key: no number after the tagged statement's Sid). */
export const PROTECTION_SIDS = Object.values(PROTECTION_STATEMENTS).map((s) => s.Sid);

/** Each choice alone, then every choice together, then with exemptions. */
export const GUARDRAIL_CASES: GuardrailCase[] = [
  ...Object.entries({ disable_cloudshell: true, ...EVERY_CHOICE }).map(([input, value]) => ({ name: input, inputs: { [input]: value }, principals: [ORDINARY] })),
  { name: "every choice", inputs: EVERY_CHOICE, principals: [ORDINARY] },
  { name: "every choice, exemptions", inputs: { ...EVERY_CHOICE, ...EXEMPTIONS }, principals: ALL_PRINCIPALS },
  // The control: the same SCP without the statements that protect the exemptions. The insider's
  // columns turn allowed, which shows they can fail.
  { name: "every choice, exemptions, without their protection (control)", inputs: { ...EVERY_CHOICE, ...EXEMPTIONS }, principals: [ORDINARY], without: PROTECTION_SIDS },
  { name: "disable_cloudshell + deny_attaching_full_access, exemptions", inputs: { disable_cloudshell: true, deny_attaching_full_access: true, ...EXEMPTIONS }, principals: ALL_PRINCIPALS },
  // Over 10,240 characters: the module splits the statements into two SCPs, simulated side by side.
  {
    name: "disable_cloudshell + deny_attaching_full_access, 31 exempt patterns (two SCPs)",
    inputs: {
      disable_cloudshell: true,
      deny_attaching_full_access: true,
      ...EXEMPTIONS,
      exempt_principal_arns: [...EXEMPTIONS.exempt_principal_arns, ...Array.from({ length: 30 }, (_, i) => `arn:aws:iam::*:role/administrator-${String(i).padStart(2, "0")}-*`)],
    },
    principals: ALL_PRINCIPALS,
  },
];

// ---- Terraform computes each case's SCP ----

type Policy = { Version: string; Statement: { Sid: string }[] };
export interface EvaluatedCase extends GuardrailCase {
  /** Every statement in one document (the module's json output). */
  policy: Policy;
  /** The SCPs as the module creates them (its policies output): simulated side by side. */
  policies: Policy[];
  size: number;
  statementIds: string[];
}

/** A control case's policies: the module's SCPs without the named statements. */
function withoutStatements(policies: Policy[], sids: string[] = []): Policy[] {
  return policies.map((p) => ({ ...p, Statement: p.Statement.filter((st) => !sids.includes(st.Sid)) })).filter((p) => p.Statement.length > 0);
}

/** One plan for every case: a root configuration beside the modules, one module block per case. */
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
  const expression = `{ ${cases.map((_, i) => `c${i} = { json = module.c${i}.json, policies = module.c${i}.policies, ids = module.c${i}.statement_ids }`).join(", ")} }`;
  const outputs = (await evaluateExpression(path.join(root, "evaluate"), expression)) as Record<string, unknown>;
  fs.rmSync(root, { recursive: true, force: true });
  return cases.map((c, i) => {
    const o = outputs[`c${i}`] as { json: string; policies: string[]; ids: string[] } | undefined;
    if (!o || typeof o.json !== "string") throw new Error(`terraform returned no SCP for guardrail case "${c.name}"`);
    const policies = withoutStatements(o.policies.map((p) => JSON.parse(p) as Policy), c.without);
    const policy = withoutStatements([JSON.parse(o.json) as Policy], c.without)[0];
    return { ...c, policy, policies, size: JSON.stringify(policy).length, statementIds: policy.Statement.map((st) => st.Sid) };
  });
}

// ---- The simulation ----

/** One request by one principal, under the SCPs (attached side by side to the OU); throws on any simulator error or ignored key. */
export async function simulateUnderScp(scps: object[], principal: Principal, request: IamRequest): Promise<FeatureResult> {
  const simulation: Simulation = {
    request: {
      principal: principal.arn,
      action: request.action,
      resource: { resource: request.resource, accountId: ACCOUNT },
      contextVariables: { "aws:RequestedRegion": REGION, ...principalContext(principal), ...(request.context ?? {}) },
    },
    identityPolicies: [{ name: "allow-everything", policy: ALLOW_EVERYTHING }],
    serviceControlPolicies: [
      { orgIdentifier: ROOT_ID, policies: [{ name: "FullAWSAccess", policy: FULL_AWS_ACCESS }] },
      { orgIdentifier: OU_ID, policies: [{ name: "FullAWSAccess", policy: FULL_AWS_ACCESS }, ...scps.map((policy, i) => ({ name: `cloudshell-guardrail-${i + 1}`, policy }))] },
    ],
    resourceControlPolicies: [],
  };
  return runStrict(simulation, `${describeRequest(request)} by ${principal.arn}`);
}

/** Every request of a column must get the same answer; a column that splits is an error, named. */
export async function simulateColumn(scps: object[], principal: Principal, column: (typeof COLUMNS)[number]): Promise<FeatureResult> {
  const results = await Promise.all(column.requests.map((r) => simulateUnderScp(scps, principal, r)));
  const distinct = [...new Set(results)];
  if (distinct.length !== 1) {
    throw new Error(`"${column.label}" splits for ${principal.arn}: ${column.requests.map((r, i) => `${r.action} ${results[i]}`).join(", ")}`);
  }
  return distinct[0];
}

export interface GuardrailSimulation {
  generatedBy: string;
  catalogVersion: string;
  simulatorVersion: string;
  identityPolicy: string;
  organization: string;
  columns: string[];
  columnRequests: Record<string, string[]>;
  principals: Record<string, Principal>;
  cases: (GuardrailFile["cases"][number] & { policy: object; results: Record<string, Record<string, FeatureResult>> })[];
}

const simulatorVersion = (): string =>
  JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve("@cloud-copilot/iam-simulate")), "..", "..", "package.json"), "utf8")).version;

export async function buildGuardrailSimulation(evaluated: EvaluatedCase[]): Promise<GuardrailSimulation> {
  const cases: GuardrailSimulation["cases"] = [];
  for (const c of evaluated) {
    const results: Record<string, Record<string, FeatureResult>> = {};
    for (const name of c.principals) {
      results[name] = {};
      for (const column of COLUMNS) results[name][column.label] = await simulateColumn(c.policies, PRINCIPALS[name], column);
    }
    const sizes = c.policies.map((p) => JSON.stringify(p).length);
    cases.push({ name: c.name, inputs: c.inputs, ...(c.without ? { without: c.without } : {}), size: c.size, scp_sizes: sizes, statement_ids: c.statementIds, policy: c.policy, results });
  }
  return {
    generatedBy:
      "npm run synth (tools/evidence.ts): Terraform evaluates modules/cloudshell-guardrail for each case " +
      "(tools/simulate-scp.ts), @cloud-copilot/iam-simulate simulates each request under the SCP. Do not edit.",
    catalogVersion: catalogVersion(),
    simulatorVersion: simulatorVersion(),
    identityPolicy: "Allow * on * (the principal may do anything the SCPs let through)",
    organization: `root ${ROOT_ID}: FullAWSAccess; OU ${OU_ID}: FullAWSAccess and the guardrail's SCPs; the account is in the OU`,
    columns: COLUMN_LABELS,
    columnRequests: Object.fromEntries(COLUMNS.map((c) => [c.label, c.requests.map(describeRequest)])),
    principals: PRINCIPALS,
    cases,
  };
}

export const guardrailFileContent = (s: GuardrailSimulation): string => `${JSON.stringify(s, null, 2)}\n`;

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
