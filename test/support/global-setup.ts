// Jest's global setup: one scratch directory for the whole run (src/evidence/terraform.ts, tempDir) and,
// in the Terraform tier, one shared hashicorp/aws process for every worker (src/evidence/shared-provider.ts).
// Workers are started after this runs and inherit both variables. Where no provider can be found,
// nothing is shared and the provider-backed tests report why (test/support/provider.ts).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startSharedProvider } from "../../src/evidence/shared-provider";
import { ProviderUnavailable, SCRATCH_ROOT_ENV, SHARED_PROVIDER_ENV } from "../../src/evidence/terraform";

export default async function setup(): Promise<void> {
  process.env[SCRATCH_ROOT_ENV] = fs.mkdtempSync(path.join(os.tmpdir(), "cloudshell-test-run-"));
  if (process.env.TEST_TIER === "unit" || process.env.TF_SHARE_PROVIDER === "0") return;
  try {
    const { reattach, stop } = await startSharedProvider();
    process.env[SHARED_PROVIDER_ENV] = reattach;
    (globalThis as { stopSharedProvider?: () => void }).stopSharedProvider = stop;
  } catch (e) {
    if (!(e instanceof ProviderUnavailable)) throw e;
  }
}
