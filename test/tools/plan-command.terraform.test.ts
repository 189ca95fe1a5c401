// npm run plan where hashicorp/aws cannot be found: it must say so, naming the fix, and fail,
// unless the skip is allowed by name. (Where the provider is found, test/examples/plans.terraform.test.ts plans
// every example through the same runner.)
import { spawnSync } from "node:child_process";
import { exampleNames, ROOT } from "../../tools/generated";
import { tempDir } from "../../tools/terraform";

const plan = (args: string[], env: Record<string, string>) =>
  spawnSync("node", ["-r", "ts-node/register/transpile-only", "scripts/plan.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: "/dev/null", ALLOW_PROVIDER_SKIP: "", ...env },
  });

describe("npm run plan with no hashicorp/aws in reach", () => {
  const empty = tempDir("no-plugins-");

  test("fails, saying the provider is unavailable and naming the fix", () => {
    const r = plan([], { TF_PLUGIN_DIR: empty });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`FAILED: hashicorp/aws 5.100.0 is unavailable: the plugin directory ${empty} (TF_PLUGIN_DIR) has no registry.terraform.io/hashicorp/aws/5.100.0`);
    expect(r.stdout).toContain("Fix: set TF_PLUGIN_DIR to a filesystem mirror");
    expect(r.stdout).toMatch(/\| examples\/scp-guardrail \| planned \| 0 to create, no provider \|/);
    expect(r.stdout).toMatch(/\| examples\/isolated \| FAILED \| the hashicorp\/aws provider is unavailable/);
  });

  test("skips, saying so, only when ALLOW_PROVIDER_SKIP=1", () => {
    const r = plan([], { TF_PLUGIN_DIR: empty, ALLOW_PROVIDER_SKIP: "1" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("SKIPPED: hashicorp/aws 5.100.0 is unavailable");
    expect(r.stdout).toMatch(new RegExp(`^1 planned, 0 failed, ${exampleNames().length - 1} skipped$`, "m"));
  });
});
