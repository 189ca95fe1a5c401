// @cdktf/hcl2json, for tests. It runs a Go program compiled to WebAssembly that never ends, and
// Go's runtime keeps scheduling timers of its own (wasm_exec.js, scheduleTimeoutEvent). Those kept
// a jest worker alive after its last test ("A worker process has failed to exit gracefully", with
// every test passed). Here its timers (their callback is the one that warns "scheduleTimeoutEvent:
// missed timeout event") are unref'd: they still fire while the tests run, but no longer hold the
// worker open. Import parse from here, not from the package.
const schedule = globalThis.setTimeout;
globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
  const timer = schedule(...args);
  if (String(args[0]).includes("scheduleTimeoutEvent")) timer.unref();
  return timer;
}) as typeof setTimeout;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const hcl2json = require("@cdktf/hcl2json") as typeof import("@cdktf/hcl2json");

/**
 * A file parsed once per process, whatever number of tests read it (parsing the generated tree is
 * most of a generation test's time); each caller gets its own copy to change.
 */
const parsed = new Map<string, ReturnType<typeof hcl2json.parse>>();
export async function parse(file: string, content: string): ReturnType<typeof hcl2json.parse> {
  const key = `${file}\0${content}`;
  if (!parsed.has(key)) parsed.set(key, hcl2json.parse(file, content));
  return JSON.parse(JSON.stringify(await parsed.get(key)!));
}
