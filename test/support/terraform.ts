// Runs the real Terraform CLI in temporary directories. Only configurations that need no
// provider plugin can run here: hashicorp/aws cannot be downloaded on this machine.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const CLI_CONFIG = path.join(os.tmpdir(), "terraform-empty.tfrc");
fs.writeFileSync(CLI_CONFIG, "");

export interface TerraformResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function terraform(cwd: string, args: string[]): TerraformResult {
  const r = spawnSync("terraform", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: CLI_CONFIG, TF_IN_AUTOMATION: "1", NO_COLOR: "1" },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function mustTerraform(cwd: string, args: string[]): string {
  const r = terraform(cwd, args);
  if (r.status !== 0) throw new Error(`terraform ${args.join(" ")} failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** `terraform init` + `plan`; the message with Terraform's box drawing and line breaks folded. */
export function planOutcome(dir: string): { status: number; output: string } {
  mustTerraform(dir, ["init", "-input=false", "-no-color"]);
  const r = terraform(dir, ["plan", "-input=false", "-no-color"]);
  return { status: r.status, output: (r.stdout + r.stderr).replace(/[│\s]+/g, " ") };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Copies a directory (without .terraform) so Terraform never writes into the repository. */
export function copyDir(from: string, to: string): string {
  fs.cpSync(from, to, { recursive: true, filter: (src) => !src.includes(`${path.sep}.terraform`) });
  return to;
}

/** Plans a provider-free root configuration and returns its output values. */
export function evaluateOutputs(dir: string): Record<string, unknown> {
  mustTerraform(dir, ["init", "-input=false", "-no-color"]);
  mustTerraform(dir, ["plan", "-input=false", "-no-color", "-out=tfplan"]);
  const plan = JSON.parse(mustTerraform(dir, ["show", "-json", "tfplan"]));
  const outputs = plan.planned_values?.outputs ?? {};
  return Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, (v as { value: unknown }).value]));
}
