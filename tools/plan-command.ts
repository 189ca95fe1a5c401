// `npm run plan` (scripts/plan.ts): a real `terraform plan` of every example as its own root,
// offline, through the same runner as the tests and snapshots (src/evidence/terraform.ts), with a table of
// results. Where hashicorp/aws cannot be found it says so, naming the fix, and fails, unless the
// skip is allowed by name (--allow-skip or ALLOW_PROVIDER_SKIP=1).
import { exampleNames, generated } from "./generated";
import { planExample } from "./plan-snapshots";
import { describeSource, ProviderUnavailable } from "../src/evidence/terraform";

/** Plans every example, printing as it goes; resolves with the exit code. */
export async function planCommand(allowSkip: boolean, print: (line: string) => void = console.log): Promise<number> {
  print(`Provider source: ${describeSource()}`);
  const rows: [string, "planned" | "SKIPPED" | "FAILED", string][] = [];
  for (const name of exampleNames()) {
    try {
      const s = await planExample(generated().files, name);
      const creates = s.resource_changes.filter((r) => r.actions.includes("create")).length;
      rows.push([name, "planned", `${creates} to create${s.provider ? `, ${s.provider}` : ", no provider"}`]);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (e instanceof ProviderUnavailable) {
        if (!rows.some(([, r]) => r !== "planned")) print(`\n${allowSkip ? "SKIPPED" : "FAILED"}: ${message}`);
        rows.push([name, allowSkip ? "SKIPPED" : "FAILED", "the hashicorp/aws provider is unavailable (see above)"]);
      } else rows.push([name, "FAILED", message]);
    }
  }
  print("\n| Example | Result | |\n|---|---|---|");
  for (const [name, result, why] of rows) print(`| examples/${name} | ${result} | ${why} |`);
  const count = (r: string) => rows.filter(([, x]) => x === r).length;
  print(`\n${count("planned")} planned, ${count("FAILED")} failed, ${count("SKIPPED")} skipped`);
  return count("FAILED") ? 1 : 0;
}
