// CloudShell's console features as IAM requests, simulated offline with @cloud-copilot/iam-simulate
// against the policy Terraform computed. Evidence only: iam-simulate is AGPL-3.0, and ESLint rejects
// any import of it from src/ outside src/evidence/.
import * as fs from "node:fs";
import * as path from "node:path";
import { getDenialReasons, runSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import { catalogVersion } from "../facts/action-catalog";
import { EvaluatedScenario, evaluateScenarios } from "./evaluate-scenarios";
import { IDS, SCENARIOS } from "./scenarios";

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";
export const OTHER_REGION = "eu-west-1";
export const PRINCIPAL = `arn:aws:iam::${ACCOUNT}:role/cloudshell-user`;
export const ENVIRONMENT_ARN = `arn:aws:cloudshell:${REGION}:${ACCOUNT}:environment/abcdefgh-aaaa-bbbb-cccc-dddddddddddd`;
export const ENI_ARN = `arn:aws:ec2:${REGION}:${ACCOUNT}:network-interface/eni-0aaaaaaaaaaaaaaaa`;
const ec2Arn = (type: string, id: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:${type}/${id}`;

export type Context = Record<string, string | string[]>;

export interface IamRequest {
  action: string;
  resource: string;
  context?: Context;
  /** The resource's own policy, such as a role's trust policy. */
  resourcePolicy?: object;
}

export interface ConsoleFeature {
  /** Column label of the matrix. */
  label: string;
  /** Every request the console feature makes; the feature works only if all are allowed. */
  requests: IamRequest[];
}

export type FeatureResult = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

const onEnvironment = (...actions: string[]): IamRequest[] =>
  actions.map((action) => ({ action: `cloudshell:${action}`, resource: ENVIRONMENT_ARN }));

/** CloudShell calls EC2 for the user while it creates a VPC environment. */
const VIA_CLOUDSHELL: Context = { "aws:CalledVia": ["cloudshell.amazonaws.com"] };
const CLOUDSHELL_TAG = "ManagedByCloudShell";

/** CreateEnvironment of a VPC environment, with the IDs the console sends. */
const createVpcEnvironment = (vpc: string, subnet: string, securityGroups: string[]): IamRequest => ({
  action: "cloudshell:CreateEnvironment",
  resource: "*",
  context: { "cloudshell:VpcIds": [vpc], "cloudshell:SubnetIds": [subnet], "cloudshell:SecurityGroupIds": securityGroups },
});

/** CloudShell creating and tagging its network interface in the chosen subnet, as the user guide's VPC
 * permissions describe it (https://docs.aws.amazon.com/cloudshell/latest/userguide/aws-cloudshell-vpc-permissions-1.html). */
const createEni = (subnet: string, securityGroups: string[]): IamRequest[] => [
  { action: "ec2:CreateNetworkInterface", resource: ec2Arn("subnet", subnet), context: { ...VIA_CLOUDSHELL } },
  ...securityGroups.map((sg) => ({
    action: "ec2:CreateNetworkInterface",
    resource: ec2Arn("security-group", sg),
    context: { ...VIA_CLOUDSHELL },
  })),
  {
    action: "ec2:CreateNetworkInterface",
    resource: ENI_ARN,
    context: { ...VIA_CLOUDSHELL, "aws:TagKeys": [CLOUDSHELL_TAG], [`aws:RequestTag/${CLOUDSHELL_TAG}`]: "" },
  },
  {
    action: "ec2:CreateTags",
    resource: ENI_ARN,
    context: {
      ...VIA_CLOUDSHELL,
      "ec2:CreateAction": "CreateNetworkInterface",
      "aws:TagKeys": [CLOUDSHELL_TAG],
      [`aws:RequestTag/${CLOUDSHELL_TAG}`]: "",
    },
  },
  {
    action: "ec2:CreateNetworkInterfacePermission",
    resource: ENI_ARN,
    context: { ...VIA_CLOUDSHELL, [`aws:ResourceTag/${CLOUDSHELL_TAG}`]: "" },
  },
];

/** Everything the "+ > Create VPC environment" dialog and the first session need. */
const vpcEnvironment = (vpc: string, subnet: string, securityGroups: string[]): IamRequest[] => [
  // The dialog lists VPCs, subnets and security groups as the user.
  { action: "ec2:DescribeVpcs", resource: "*" },
  { action: "ec2:DescribeSubnets", resource: "*" },
  { action: "ec2:DescribeSecurityGroups", resource: "*" },
  createVpcEnvironment(vpc, subnet, securityGroups),
  { action: "ec2:DescribeDhcpOptions", resource: "*", context: { ...VIA_CLOUDSHELL } },
  { action: "ec2:DescribeNetworkInterfaces", resource: "*", context: { ...VIA_CLOUDSHELL } },
  ...createEni(subnet, securityGroups),
  ...onEnvironment("CreateSession", "GetEnvironmentStatus", "StartEnvironment"),
];

/** What a console user does, as the IAM requests it makes (not the IAM feature groups of src/facts/features.ts). */
export const CONSOLE_TASKS: ConsoleFeature[] = [
  {
    label: "Launch",
    requests: [
      { action: "cloudshell:CreateEnvironment", resource: "*" },
      ...onEnvironment("CreateSession", "GetEnvironmentStatus", "StartEnvironment"),
    ],
  },
  { label: "Upload file", requests: onEnvironment("GetFileUploadUrls") },
  { label: "Download file", requests: onEnvironment("GetFileDownloadUrls") },
  { label: "Restart", requests: onEnvironment("StopEnvironment", "StartEnvironment") },
  { label: "Delete home", requests: onEnvironment("DeleteEnvironment") },
  { label: "CLI credentials", requests: onEnvironment("PutCredentials") },
  { label: "List environments", requests: [{ action: "cloudshell:DescribeEnvironments", resource: "*" }] },
  { label: "Approve command", requests: onEnvironment("ApproveCommand") },
  {
    label: "VPC env: allowed VPC",
    requests: vpcEnvironment(IDS.allowedVpc, IDS.allowedSubnet, [IDS.allowedSecurityGroup]),
  },
  {
    label: "VPC env: other VPC",
    requests: vpcEnvironment(IDS.otherVpc, IDS.otherSubnet, [IDS.otherSecurityGroup]),
  },
  {
    label: "VPC env: other subnet",
    requests: vpcEnvironment(IDS.allowedVpc, IDS.otherSubnet, [IDS.allowedSecurityGroup]),
  },
  {
    label: "VPC env: other security group",
    requests: vpcEnvironment(IDS.allowedVpc, IDS.allowedSubnet, [IDS.allowedSecurityGroup, IDS.otherSecurityGroup]),
  },
  { label: "Public env", requests: [{ action: "cloudshell:CreateEnvironment", resource: "*" }] },
  { label: "Create ENI via CloudShell", requests: createEni(IDS.allowedSubnet, [IDS.allowedSecurityGroup]) },
  {
    label: "Delete ENI via CloudShell",
    requests: [
      {
        action: "ec2:DeleteNetworkInterface",
        resource: ENI_ARN,
        context: { ...VIA_CLOUDSHELL, [`aws:ResourceTag/${CLOUDSHELL_TAG}`]: "" },
      },
    ],
  },
  {
    label: "Create ENI directly",
    requests: [{ action: "ec2:CreateNetworkInterface", resource: ec2Arn("subnet", IDS.allowedSubnet) }],
  },
  // A request that lacks a key the policy restricts must not slip through (ForAnyValue never matches it).
  {
    label: "VPC env: no subnet key",
    requests: [{ action: "cloudshell:CreateEnvironment", resource: "*", context: { "cloudshell:VpcIds": [IDS.allowedVpc], "cloudshell:SecurityGroupIds": [IDS.allowedSecurityGroup] } }],
  },
  {
    label: "VPC env: no group key",
    requests: [{ action: "cloudshell:CreateEnvironment", resource: "*", context: { "cloudshell:VpcIds": [IDS.allowedVpc], "cloudshell:SubnetIds": [IDS.allowedSubnet] } }],
  },
  // Every other task is requested in REGION; this one launches CloudShell elsewhere.
  {
    label: "Launch in other Region",
    requests: [
      { action: "cloudshell:CreateEnvironment", resource: "*", context: { "aws:RequestedRegion": OTHER_REGION } },
      ...["CreateSession", "GetEnvironmentStatus", "StartEnvironment"].map((a) => ({
        action: `cloudshell:${a}`,
        resource: ENVIRONMENT_ARN.replace(`:${REGION}:`, `:${OTHER_REGION}:`),
        context: { "aws:RequestedRegion": OTHER_REGION },
      })),
    ],
  },
];

export const TASK_LABELS = CONSOLE_TASKS.map((f) => f.label);

/** One line per request, for the evidence files: `action on resource [key=value ...] [trusted by ...]`. */
export function describeRequest(r: IamRequest): string {
  const context = Object.entries(r.context ?? {}).map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.join(",")}]` : JSON.stringify(v)}`);
  const trusted = r.resourcePolicy ? [`(its policy: ${JSON.stringify(r.resourcePolicy)})`] : [];
  return [r.action, "on", r.resource, ...context, ...trusted].join(" ");
}

/** Runs one simulation in strict mode, with the Sids of the statements that denied it; throws on a simulator error or on a context key it would ignore. */
export async function runStrictWithReasons(simulation: Simulation, what: string): Promise<{ result: FeatureResult; deniedBy: string[] }> {
  const result = await runSimulation(simulation, { simulationMode: "Strict" });
  if (result.resultType === "error") throw new Error(`simulation of ${what} failed: ${JSON.stringify(result.errors, null, 2)}`);
  const results = result.resultType === "single" ? [result.result] : result.results;
  const ignored = results.flatMap((r) => r.ignoredContextKeys ?? []);
  if (ignored.length) throw new Error(`the simulator ignored ${ignored.join(", ")} in ${what}`);
  const deniedBy = results
    .flatMap((r) => (r.analysis ? getDenialReasons(r.analysis) : []))
    .filter((r) => r.denialType === "Explicit")
    .map((r) => (r as { statementId?: string }).statementId ?? "");
  return { result: result.overallResult as FeatureResult, deniedBy: [...new Set(deniedBy)].sort() };
}

/** Runs one simulation in strict mode; throws on a simulator error or on a context key it would ignore. */
export async function runStrict(simulation: Simulation, what: string): Promise<FeatureResult> {
  return (await runStrictWithReasons(simulation, what)).result;
}

/** Simulates one request against an identity policy, or several attached to the same principal. */
export async function simulateRequest(policy: object | object[], request: IamRequest, policyName = "policy"): Promise<FeatureResult> {
  const simulation: Simulation = {
    request: {
      principal: PRINCIPAL,
      action: request.action,
      resource: { resource: request.resource, accountId: ACCOUNT },
      contextVariables: { "aws:RequestedRegion": REGION, ...request.context },
    },
    identityPolicies: (Array.isArray(policy) ? policy : [policy]).map((p, i) => ({ name: Array.isArray(policy) ? `${policyName}-${i + 1}` : policyName, policy: p })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  };
  return runStrict(simulation, describeRequest(request));
}

/** A feature is Allowed only if every request is; an explicit Deny of any request wins over an implicit one. */
export async function simulateFeature(policy: object, feature: ConsoleFeature): Promise<FeatureResult> {
  const results = await Promise.all(feature.requests.map((r) => simulateRequest(policy, r)));
  if (results.includes("ExplicitlyDenied")) return "ExplicitlyDenied";
  if (results.includes("ImplicitlyDenied")) return "ImplicitlyDenied";
  return "Allowed";
}

/** The row of one policy: every task's result, in CONSOLE_TASKS order. */
export async function simulateFeatures(policy: object): Promise<Record<string, FeatureResult>> {
  const row: Record<string, FeatureResult> = {};
  for (const feature of CONSOLE_TASKS) row[feature.label] = await simulateFeature(policy, feature);
  return row;
}

// ---- The committed matrix file (evidence/permission-matrix.json) ----


/** The simulator's version, as the evidence files record it. */
export const simulatorVersion = (): string =>
  JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve("@cloud-copilot/iam-simulate")), "..", "..", "package.json"), "utf8")).version;

export interface MatrixScenario {
  name: string;
  inputs: Record<string, unknown>;
  allowed_actions: string[];
  denied_actions: string[];
  policy: object;
  results: Record<string, FeatureResult>;
}

export interface PermissionMatrix {
  generatedBy: string;
  catalogVersion: string;
  simulatorVersion: string;
  principal: string;
  features: string[];
  featureRequests: Record<string, string[]>;
  scenarios: MatrixScenario[];
}

/** Simulates every console feature against each scenario's policy; the key order is fixed. */
export async function buildMatrix(evaluated: EvaluatedScenario[]): Promise<PermissionMatrix> {
  const scenarios: MatrixScenario[] = [];
  for (const s of evaluated) {
    scenarios.push({
      name: s.name,
      inputs: s.inputs,
      allowed_actions: s.allowedActions,
      denied_actions: s.deniedActions,
      policy: s.policy,
      results: await simulateFeatures(s.policy),
    });
  }
  return {
    generatedBy:
      "npm run synth (src/evidence/sources.ts): Terraform evaluates modules/cloudshell-policy-document for each scenario " +
      "(src/evidence/scenarios.ts), @cloud-copilot/iam-simulate simulates each console feature (src/evidence/simulate.ts). Do not edit.",
    catalogVersion: catalogVersion(),
    simulatorVersion: simulatorVersion(),
    principal: PRINCIPAL,
    features: TASK_LABELS,
    featureRequests: Object.fromEntries(CONSOLE_TASKS.map((f) => [f.label, f.requests.map(describeRequest)])),
    scenarios,
  };
}

/** evidence/permission-matrix.json: every scenario evaluated by Terraform from `tree`, then simulated. */
export const compute = async (tree: Map<string, string>): Promise<PermissionMatrix> => buildMatrix(await evaluateScenarios(tree, SCENARIOS));
