// Provider-backed checks are run, reported skipped, or failed; never passed without running.
import { describeWithProvider, PROVIDER_PROBLEM_ENV } from "./provider";

/** Which of describe and describe.skip a block was given to, under these variables. */
function chosen(env: NodeJS.ProcessEnv): string[] {
  const calls: string[] = [];
  const fake = Object.assign((name: string) => calls.push(`describe ${name}`), { skip: (name: string) => calls.push(`skip ${name}`) });
  describeWithProvider("the block", () => undefined, env, fake);
  return calls;
}

const MISSING = "hashicorp/aws 5.100.0 is unavailable: the plugin directory /nowhere has no registry.terraform.io/hashicorp/aws/5.100.0. Fix: set TF_PLUGIN_DIR";

describe("describeWithProvider", () => {
  test("the provider found: the block runs, with the switch or without", () => {
    expect(chosen({ [PROVIDER_PROBLEM_ENV]: "" })).toEqual(["describe the block"]);
    expect(chosen({ [PROVIDER_PROBLEM_ENV]: "", ALLOW_PROVIDER_SKIP: "1" })).toEqual(["describe the block"]);
  });

  test("the provider missing, without the switch: the block runs, so its tests fail with the runner's message", () => {
    expect(chosen({ [PROVIDER_PROBLEM_ENV]: MISSING })).toEqual(["describe the block"]);
    expect(chosen({ [PROVIDER_PROBLEM_ENV]: MISSING, ALLOW_PROVIDER_SKIP: "0" })).toEqual(["describe the block"]);
  });

  test("the provider missing, with ALLOW_PROVIDER_SKIP=1: describe.skip, and the title says why", () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      expect(chosen({ [PROVIDER_PROBLEM_ENV]: MISSING, ALLOW_PROVIDER_SKIP: "1" })).toEqual([
        "skip the block [skipped, ALLOW_PROVIDER_SKIP=1: hashicorp/aws 5.100.0 is unavailable: the plugin directory /nowhere has no registry.terraform.io/hashicorp/aws/5.100.0]",
      ]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("SKIPPED (ALLOW_PROVIDER_SKIP=1): the block."));
    } finally {
      warn.mockRestore();
    }
  });
});
