// npm run plan [-- --allow-skip]: a real `terraform plan` of every example, offline, through the
// same runner as the tests and snapshots (tools/terraform.ts). Where hashicorp/aws cannot be
// found it says so, naming the fix, and fails, unless --allow-skip or ALLOW_PROVIDER_SKIP=1.
import { exampleNames, generated } from "../tools/generated";
import { planExample } from "../tools/plan-snapshots";
import { describeSource, ProviderUnavailable, skipAllowed } from "../tools/terraform";

const allowSkip = process.argv.includes("--allow-skip") || skipAllowed();

async function main(): Promise<number> {
  console.log(`Provider source: ${describeSource()}`);
  const rows: [string, "planned" | "SKIPPED" | "FAILED", string][] = [];
  for (const name of exampleNames()) {
    try {
      const s = await planExample(generated().files, name);
      const creates = s.resource_changes.filter((r) => r.actions.includes("create")).length;
      rows.push([name, "planned", `${creates} to create${s.provider ? `, ${s.provider}` : ", no provider"}`]);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (e instanceof ProviderUnavailable) {
        if (!rows.some(([, r]) => r !== "planned")) console.log(`\n${allowSkip ? "SKIPPED" : "FAILED"}: ${message}`);
        rows.push([name, allowSkip ? "SKIPPED" : "FAILED", "the hashicorp/aws provider is unavailable (see above)"]);
      } else rows.push([name, "FAILED", message]);
    }
  }
  console.log("\n| Example | Result | |\n|---|---|---|");
  for (const [name, result, why] of rows) console.log(`| examples/${name} | ${result} | ${why} |`);
  const count = (r: string) => rows.filter(([, x]) => x === r).length;
  console.log(`\n${count("planned")} planned, ${count("FAILED")} failed, ${count("SKIPPED")} skipped`);
  return count("FAILED") ? 1 : 0;
}

main().then((code) => process.exit(code));
