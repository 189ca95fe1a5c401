// The calls of this project's modules and wrappers in a configuration, at any depth: from git
// (//modules/cloudshell-policy?ref=...), a registry (<owner>/cloudshell/aws//wrappers/...) or a
// local path. Their insides are this project's, not the caller's, and are not listed again.
import { ConfigExpression, ConfigModule, modulePath } from "./plan";

export interface Call {
  /** module.a.module.b, as the configuration nests it. */
  address: string;
  path: string[];
  /** cloudshell-policy, cloudshell-guardrail... */
  module: string;
  kind: "module" | "wrapper";
  source: string;
  version?: string;
  inputs: Record<string, ConfigExpression>;
}

const SOURCE = /(?:^|\/)(modules|wrappers)\/(cloudshell-[a-z0-9-]+)(?:$|[/?])/;

export function callsOf(config: ConfigModule | undefined, path: string[] = []): Call[] {
  const calls: Call[] = [];
  for (const [name, call] of Object.entries(config?.module_calls ?? {})) {
    const here = [...path, name];
    const m = SOURCE.exec(call.source ?? "");
    if (m) {
      calls.push({
        address: here.map((n) => `module.${n}`).join("."),
        path: here,
        module: m[2],
        kind: m[1] === "wrappers" ? "wrapper" : "module",
        source: call.source!,
        version: call.version_constraint,
        inputs: call.expressions ?? {},
      });
    } else {
      calls.push(...callsOf(call.module, here));
    }
  }
  return calls;
}

/** The call of this project's module a module instance is inside, if any. */
export function callHolding(calls: Call[], module: string): Call | undefined {
  const path = modulePath(module);
  return calls.find((c) => c.path.length <= path.length && c.path.every((n, i) => path[i] === n));
}
