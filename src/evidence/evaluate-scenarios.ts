// Evaluates every scenario with real Terraform in one run: one root configuration (JSON syntax)
// with a `module "s<i>"` block per scenario. Terraform is the only source of the policy JSON.
import * as fs from "node:fs";
import * as path from "node:path";
import { Scenario } from "./scenarios";
import { evaluateOutputs, scratchTree } from "./terraform";

/** Where the root configuration calls the document module from, in the scratch copy. */
const MODULE_SOURCE = "../modules/cloudshell-policy-document";

export interface PolicyStatement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version: string;
  Statement: PolicyStatement[];
}

export interface EvaluatedScenario extends Scenario {
  /** The `json` output, parsed. */
  policy: PolicyDocument;
  /** The `deny_json` output, parsed; null when the policy denies nothing. */
  denyPolicy: PolicyDocument | null;
  allowedActions: string[];
  deniedActions: string[];
}

const OUTPUTS = ["json", "deny_json", "allowed_actions", "denied_actions"] as const;

/** The root configuration, as a main.tf.json document. */
export function rootConfig(scenarios: Scenario[], moduleSource = MODULE_SOURCE): object {
  const module: Record<string, object> = {};
  const output: Record<string, object> = {};
  scenarios.forEach((s, i) => {
    module[`s${i}`] = { source: moduleSource, ...s.inputs };
    output[`s${i}`] = { value: Object.fromEntries(OUTPUTS.map((o) => [o, `\${module.s${i}.${o}}`])) };
  });
  return { module, output };
}

/** Runs terraform init + plan + show once for all scenarios, on the generated `tree`; returns them in the same order. */
export async function evaluateScenarios(tree: Map<string, string>, scenarios: Scenario[]): Promise<EvaluatedScenario[]> {
  const names = new Set(scenarios.map((s) => s.name));
  if (names.size !== scenarios.length) throw new Error("scenario names must be unique");
  const modules = [...tree].filter(([rel]) => rel.startsWith("modules/cloudshell-policy-document/") && rel.endsWith(".tf"));
  const root = scratchTree([...modules, ["evaluate/main.tf.json", JSON.stringify(rootConfig(scenarios), null, 2)]], "policy-matrix-");
  const outputs = await evaluateOutputs(path.join(root, "evaluate"));
  fs.rmSync(root, { recursive: true, force: true });
  return scenarios.map((s, i) => {
    const o = outputs[`s${i}`] as Record<(typeof OUTPUTS)[number], unknown> | undefined;
    if (!o || typeof o.json !== "string") throw new Error(`terraform returned no policy for scenario "${s.name}"`);
    return {
      ...s,
      policy: JSON.parse(o.json),
      denyPolicy: o.deny_json == null ? null : JSON.parse(o.deny_json as string),
      allowedActions: o.allowed_actions as string[],
      deniedActions: o.denied_actions as string[],
    };
  });
}
