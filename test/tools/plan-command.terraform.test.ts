// npm run plan where hashicorp/aws cannot be found: it must say so, naming the fix, and fail,
// unless the skip is allowed by name. Run in this process (scripts/plan.ts only passes the switch
// and the exit code on). Where the provider is found, test/examples/plans.terraform.test.ts plans
// every example through the same runner.
import { exampleNames } from "../../tools/generated";
import { planCommand } from "../../tools/plan-command";
import { skipAllowed, tempDir } from "../../src/evidence/terraform";

/** planCommand with TF_PLUGIN_DIR pointing at `dir`: its exit code and what it printed. */
async function planWith(dir: string, allowSkip: boolean): Promise<{ code: number; out: string }> {
  const saved = process.env.TF_PLUGIN_DIR;
  process.env.TF_PLUGIN_DIR = dir;
  const lines: string[] = [];
  try {
    return { code: await planCommand(allowSkip, (l) => lines.push(l)), out: lines.join("\n") };
  } finally {
    if (saved === undefined) delete process.env.TF_PLUGIN_DIR;
    else process.env.TF_PLUGIN_DIR = saved;
  }
}

describe("npm run plan with no hashicorp/aws in reach", () => {
  const empty = tempDir("no-plugins-");

  test("fails, saying the provider is unavailable and naming the fix", async () => {
    const r = await planWith(empty, skipAllowed({}));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`FAILED: hashicorp/aws 5.100.0 is unavailable: the plugin directory ${empty} (TF_PLUGIN_DIR) has no registry.terraform.io/hashicorp/aws/5.100.0`);
    expect(r.out).toContain("Fix: set TF_PLUGIN_DIR to a filesystem mirror");
    expect(r.out).toMatch(/\| examples\/scp-guardrail \| planned \| 0 to create, no provider \|/);
    expect(r.out).toMatch(/\| examples\/isolated \| FAILED \| the hashicorp\/aws provider is unavailable/);
  });

  test("skips, saying so, only when ALLOW_PROVIDER_SKIP=1", async () => {
    expect([skipAllowed({}), skipAllowed({ ALLOW_PROVIDER_SKIP: "0" }), skipAllowed({ ALLOW_PROVIDER_SKIP: "1" })]).toEqual([false, false, true]);
    const r = await planWith(empty, skipAllowed({ ALLOW_PROVIDER_SKIP: "1" }));
    expect(r.code).toBe(0);
    expect(r.out).toContain("SKIPPED: hashicorp/aws 5.100.0 is unavailable");
    expect(r.out).toMatch(new RegExp(`^1 planned, 0 failed, ${exampleNames().length - 1} skipped$`, "m"));
  });
});
