// npm run plan where the hashicorp/aws provider cannot be installed: it must say so and fail,
// unless the skip is allowed explicitly. The provider-free example is planned for real.
import { spawnSync } from "node:child_process";
import { ROOT } from "./support/generated";

const plan = (args: string[], env: Record<string, string> = {}) =>
  spawnSync("node", ["-r", "ts-node/register/transpile-only", "scripts/plan.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: "/dev/null", ALLOW_PROVIDER_SKIP: "", ...env },
  });

describe("npm run plan without the provider registry", () => {
  test("fails, saying the provider is unavailable", () => {
    const r = plan([]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("FAILED: the hashicorp/aws provider is unavailable");
    expect(r.stdout).toMatch(/\| examples\/scp-guardrail \| planned \|/);
  });

  test.each([[["--allow-skip"], {}], [[], { ALLOW_PROVIDER_SKIP: "1" }]])("skips when allowed (%j %j)", (args, env) => {
    const r = plan(args as string[], env as Record<string, string>);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\| examples\/iam-policy \| SKIPPED \| the hashicorp\/aws provider is unavailable/);
    expect(r.stdout).toMatch(/^1 planned, 0 failed, \d+ skipped$/m);
  });
});
