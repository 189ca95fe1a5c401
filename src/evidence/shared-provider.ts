// One hashicorp/aws process for a whole test run. Every Terraform command otherwise starts the
// 700 MB provider itself (about 0.5 s of CPU each, four per `terraform test` run block): that
// start-up was most of the suite's time (CONTRIBUTING.md, "Benchmark"). The provider is
// started in Terraform's documented debug mode (`-debug` prints a TF_REATTACH_PROVIDERS value) and
// the runner hands that value to the commands that only ask it for schemas and validation:
// `terraform test` with mock_provider, `console`, `validate`, `show`. `init` keeps installing and
// checking the pinned version; `plan` and `apply` start their own provider, because a real plan
// configures it (Region, aliases) and one configured process cannot serve two configurations.
import { spawn } from "node:child_process";
import * as path from "node:path";
import { AWS_PROVIDER_VERSION, pluginDir, SHARED_PROVIDER_ENV, tempDir } from "./terraform";

const BINARY = ["registry.terraform.io", "hashicorp", "aws", AWS_PROVIDER_VERSION, "linux_amd64", `terraform-provider-aws_v${AWS_PROVIDER_VERSION}_x5`];

/**
 * Starts the provider and resolves with its TF_REATTACH_PROVIDERS value and a stop function. A
 * run that dies without stopping it leaves nothing behind for long: `timeout` ends it after
 * `maxSeconds`.
 */
export function startSharedProvider(maxSeconds = 1800): Promise<{ reattach: string; stop: () => void }> {
  const binary = path.join(pluginDir(), ...BINARY);
  return new Promise((resolve, reject) => {
    // Its socket goes in a scratch directory (TMPDIR), removed with the others when the run ends.
    const env = { ...process.env, GOGC: process.env.GOGC ?? "400", TMPDIR: tempDir("provider-") };
    const child = spawn("timeout", [String(maxSeconds), binary, "-debug"], { stdio: ["ignore", "pipe", "pipe"], env });
    let out = "";
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`hashicorp/aws ${AWS_PROVIDER_VERSION} printed no TF_REATTACH_PROVIDERS value within 60 s:\n${out}`));
    }, 60_000);
    const read = (b: Buffer) => {
      out += b.toString("utf8");
      const value = /TF_REATTACH_PROVIDERS='([^']+)'/.exec(out)?.[1];
      if (!value) return;
      clearTimeout(timer);
      child.stdout.removeAllListeners("data");
      child.stderr.removeAllListeners("data");
      // Keep draining its output so the provider never blocks on a full pipe.
      child.stdout.resume();
      child.stderr.resume();
      child.unref();
      (child.stdout as unknown as { unref?: () => void }).unref?.();
      (child.stderr as unknown as { unref?: () => void }).unref?.();
      resolve({ reattach: value, stop: () => child.kill("SIGTERM") });
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`hashicorp/aws ${AWS_PROVIDER_VERSION} exited (${code}) before it could be shared:\n${out}`));
    });
  });
}

/** Runs `work` with a shared provider: the one this process already has (jest's global setup), or one started for it and stopped after. */
export async function withSharedProvider<T>(work: () => Promise<T>): Promise<T> {
  if (process.env[SHARED_PROVIDER_ENV]) return work();
  const provider = await startSharedProvider();
  process.env[SHARED_PROVIDER_ENV] = provider.reattach;
  try {
    return await work();
  } finally {
    delete process.env[SHARED_PROVIDER_ENV];
    provider.stop();
  }
}
