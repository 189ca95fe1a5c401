// Checks that need hashicorp/aws. Jest's global setup finds out once whether the pinned provider can
// be had (src/evidence/terraform.ts, pluginDir) and tells every worker. Where it cannot, these checks fail
// with the runner's message, which names the fix; ALLOW_PROVIDER_SKIP=1 has jest report them as
// skipped instead, never as passed.
import { pluginDir, ProviderUnavailable, skipAllowed } from "../../src/evidence/terraform";

/** Set by the global setup: why the provider cannot be had, or "" when it can. */
export const PROVIDER_PROBLEM_ENV = "CLOUDSHELL_PROVIDER_PROBLEM";

/** Why hashicorp/aws cannot be had here, or undefined when it can: looked for now. */
export function findProviderProblem(): string | undefined {
  try {
    pluginDir();
    return undefined;
  } catch (e) {
    if (e instanceof ProviderUnavailable) return e.message;
    throw e;
  }
}

/** The global setup's finding, or else one made now (in a process jest's global setup did not start). */
export const providerProblem = (env: NodeJS.ProcessEnv = process.env): string | undefined =>
  env[PROVIDER_PROBLEM_ENV] !== undefined ? env[PROVIDER_PROBLEM_ENV] || undefined : findProviderProblem();

type Describe = ((name: string, fn: () => void) => void) & { skip: (name: string, fn: () => void) => void };

/**
 * `describe` for checks that need hashicorp/aws, its hooks included. Where the provider cannot be
 * had and ALLOW_PROVIDER_SKIP=1 allows it, the block is `describe.skip`: jest counts its tests as
 * skipped, and the title says why. Otherwise it runs, and without the provider every test of it
 * fails with the runner's message (ProviderUnavailable, which names the fix).
 */
export function describeWithProvider(name: string, fn: () => void, env: NodeJS.ProcessEnv = process.env, jestDescribe: Describe = describe): void {
  const problem = providerProblem(env);
  if (problem && skipAllowed(env)) {
    const why = problem.split(". Fix:")[0];
    console.warn(`SKIPPED (ALLOW_PROVIDER_SKIP=1): ${name}. ${why}`);
    jestDescribe.skip(`${name} [skipped, ALLOW_PROVIDER_SKIP=1: ${why}]`, fn);
  } else {
    jestDescribe(name, fn);
  }
}
