// Jest's global setup: one scratch directory for the whole run (src/evidence/terraform.ts, tempDir) and,
// in the Terraform tier, whether hashicorp/aws can be had (test/support/provider.ts reads the
// finding) and one shared hashicorp/aws process for every worker (src/evidence/shared-provider.ts).
// Workers are started after this runs and inherit these variables.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startSharedProvider } from "../../src/evidence/shared-provider";
import { SCRATCH_ROOT_ENV, SHARED_PROVIDER_ENV } from "../../src/evidence/terraform";
import { findProviderProblem, PROVIDER_PROBLEM_ENV } from "./provider";

export default async function setup(): Promise<void> {
  process.env[SCRATCH_ROOT_ENV] = fs.mkdtempSync(path.join(os.tmpdir(), "cloudshell-test-run-"));
  if (process.env.TEST_TIER === "unit") return;
  const problem = findProviderProblem();
  process.env[PROVIDER_PROBLEM_ENV] = problem ?? "";
  if (problem || process.env.TF_SHARE_PROVIDER === "0") return;
  const { reattach, stop } = await startSharedProvider();
  process.env[SHARED_PROVIDER_ENV] = reattach;
  (globalThis as { stopSharedProvider?: () => void }).stopSharedProvider = stop;
}
