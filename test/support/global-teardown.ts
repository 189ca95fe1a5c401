// Stops the provider process the global setup started.
export default async function teardown(): Promise<void> {
  (globalThis as { stopSharedProvider?: () => void }).stopSharedProvider?.();
}
