// Bad inputs and the messages they get: a module's variables.tf alone (its validations refer only
// to variables) in a scratch directory, one `terraform test` file per case (a run that errors skips
// the rest of its file), all in one process. No provider is needed: dozens of cases take a second.
import * as fs from "node:fs";
import * as path from "node:path";
import { attr, block, Item, renderFile, Value } from "../src/hcl/writer";
import { tempDir, testModule } from "../src/evidence/terraform";

export interface InputCase {
  name: string;
  variables: Record<string, Value>;
}

export interface InputOutcome {
  name: string;
  /** Whether Terraform accepted the inputs. */
  accepted: boolean;
  /** Terraform's diagnostics for the run, folded onto one line each. */
  messages: string[];
}

const runName = (i: number) => `case_${i}`;

/** Plans each case against the module's variables.tf; every case is its own `run` block. */
export async function checkInputs(variablesTf: string, cases: InputCase[]): Promise<InputOutcome[]> {
  const dir = tempDir("input-checks-");
  fs.writeFileSync(path.join(dir, "variables.tf"), variablesTf);
  fs.mkdirSync(path.join(dir, "tests"));
  cases.forEach((c, i) => {
    const run: Item = block("run", [runName(i)], [attr("command", "${plan}"), block("variables", [], Object.entries(c.variables).map(([k, v]) => attr(k, v)))]);
    fs.writeFileSync(path.join(dir, "tests", `${runName(i)}.tftest.hcl`), renderFile([run]));
  });
  const report = await testModule(dir);
  return cases.map((c, i) => {
    const run = report.runs.find((r) => r.run === runName(i));
    if (!run) throw new Error(`terraform test reported nothing for case "${c.name}"`);
    return { name: c.name, accepted: run.status === "pass", messages: run.messages };
  });
}

