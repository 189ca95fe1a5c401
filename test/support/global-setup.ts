// Jest's global setup: one shared hashicorp/aws process for every worker (tools/shared-provider.ts).
// Workers are started after this runs and inherit the variable. Where no provider can be found,
// nothing is shared and the provider-backed tests report why (test/support/provider.ts).
import { startSharedProvider } from "../../tools/shared-provider";
import { ProviderUnavailable, SHARED_PROVIDER_ENV } from "../../tools/terraform";

export default async function setup(): Promise<void> {
  if (process.env.TEST_TIER === "unit" || process.env.TF_SHARE_PROVIDER === "0") return;
  try {
    const { reattach, stop } = await startSharedProvider();
    process.env[SHARED_PROVIDER_ENV] = reattach;
    (globalThis as { stopSharedProvider?: () => void }).stopSharedProvider = stop;
  } catch (e) {
    if (!(e instanceof ProviderUnavailable)) throw e;
  }
}
