// The wrappers' test calls: each wrapper with the two items of src/modules/wrapper-examples.ts,
// planned in the examples' plan (tools/plan-snapshots.ts) rather than a Terraform process of its own.
import { WRAPPER_EXAMPLES } from "../src/modules/wrapper-examples";
import { ExtraCall } from "./plan-snapshots";

/** The call of each generated wrapper that has example items, named "wrapper_<module>". */
export function wrapperCalls(files: Map<string, string>): ExtraCall[] {
  const modules = [...files.keys()].filter((f) => /^wrappers\/[^/]+\/main\.tf$/.test(f)).map((f) => f.split("/")[1]);
  return modules
    .filter((m) => WRAPPER_EXAMPLES[m])
    .map((m) => ({ name: wrapperCallName(m), directory: `wrappers/${m}`, inputs: { defaults: WRAPPER_EXAMPLES[m].defaults, items: WRAPPER_EXAMPLES[m].items } }));
}

export const wrapperCallName = (module: string) => `wrapper_${module.replace(/-/g, "_")}`;
