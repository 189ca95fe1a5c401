// Stops the provider process the global setup started and removes the run's scratch directories.
import * as fs from "node:fs";
import { SCRATCH_ROOT_ENV } from "../../src/evidence/terraform";

export default async function teardown(): Promise<void> {
  (globalThis as { stopSharedProvider?: () => void }).stopSharedProvider?.();
  const root = process.env[SCRATCH_ROOT_ENV];
  if (root) fs.rmSync(root, { recursive: true, force: true });
}
