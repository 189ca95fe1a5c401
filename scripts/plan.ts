// npm run plan [-- --allow-skip]: `terraform init` + `terraform plan` on every example, with
// placeholder credentials and provider settings that make no AWS call. Where the hashicorp/aws
// provider cannot be installed (no registry), it says so and fails, unless --allow-skip or
// ALLOW_PROVIDER_SKIP=1 allows the skip.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const root = path.join(__dirname, "..");
const allowSkip = process.argv.includes("--allow-skip") || process.env.ALLOW_PROVIDER_SKIP === "1";

// Merged into the example's provider block: no credential check, no account lookup, no IMDS.
const OVERRIDE = `provider "aws" {
  access_key                  = "placeholder"
  secret_key                  = "placeholder"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
`;

function run(cwd: string, args: string[]) {
  return spawnSync("terraform", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, AWS_ACCESS_KEY_ID: "placeholder", AWS_SECRET_ACCESS_KEY: "placeholder", AWS_EC2_METADATA_DISABLED: "true" },
  });
}

const results: [string, "planned" | "SKIPPED" | "FAILED", string][] = [];
for (const name of fs.readdirSync(path.join(root, "examples")).sort()) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
  fs.cpSync(path.join(root, "modules"), path.join(scratch, "modules"), { recursive: true });
  const dir = path.join(scratch, "examples", name);
  fs.cpSync(path.join(root, "examples", name), dir, { recursive: true });
  const usesAws = fs.readdirSync(dir).some((f) => f.endsWith(".tf") && /^provider "aws"/m.test(fs.readFileSync(path.join(dir, f), "utf8")));
  if (usesAws) fs.writeFileSync(path.join(dir, "placeholder_override.tf"), OVERRIDE);

  console.log(`\n== examples/${name}`);
  const init = run(dir, ["init", "-input=false", "-no-color"]);
  if (init.status !== 0) {
    const unreachable = /registry\.terraform\.io|Failed to query available provider packages|could not connect|no such host/i.test(init.stdout + init.stderr);
    if (unreachable) {
      const why = "the hashicorp/aws provider is unavailable: the Terraform registry cannot be reached from this machine";
      console.log(`${allowSkip ? "SKIPPED" : "FAILED"}: ${why}.${allowSkip ? "" : " Run where the registry is reachable, or pass --allow-skip."}`);
      results.push([name, allowSkip ? "SKIPPED" : "FAILED", why]);
    } else {
      console.log(init.stdout + init.stderr);
      results.push([name, "FAILED", "terraform init failed"]);
    }
    continue;
  }
  const plan = run(dir, ["plan", "-input=false", "-no-color", "-lock=false"]);
  console.log(plan.stdout + plan.stderr);
  results.push([name, plan.status === 0 ? "planned" : "FAILED", plan.status === 0 ? "terraform plan succeeded" : "terraform plan failed"]);
}

console.log("\n| Example | Result | |\n|---|---|---|");
for (const [name, result, why] of results) console.log(`| examples/${name} | ${result} | ${why} |`);
const failed = results.filter(([, r]) => r === "FAILED").length;
console.log(`\n${results.filter(([, r]) => r === "planned").length} planned, ${failed} failed, ${results.filter(([, r]) => r === "SKIPPED").length} skipped`);
process.exit(failed ? 1 : 0);
