// Scratch directories (src/evidence/terraform.ts, tempDir) never outlive their run: under a test run's
// directory, which the global teardown removes, or else under the process's own, removed on exit.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "../../tools/generated";
import { SCRATCH_ROOT_ENV, tempDir, warningsOf } from "../../src/evidence/terraform";

describe("scratch directories", () => {
  test("in a test run, they are made under the run's directory", () => {
    const root = process.env[SCRATCH_ROOT_ENV];
    expect(root).toBeTruthy();
    expect(path.dirname(tempDir("probe-"))).toBe(root);
  });

  test("outside a test run, a process's own are removed when it exits (and existed until then)", () => {
    const env = { ...process.env };
    delete env[SCRATCH_ROOT_ENV];
    const script = 'const d = require("./src/evidence/terraform").tempDir("probe-"); console.log(d, require("fs").existsSync(d));';
    const r = spawnSync("node", ["-r", "ts-node/register/transpile-only", "-e", script], { cwd: ROOT, env, encoding: "utf8" });
    expect(r.status).toBe(0);
    const [dir, existed] = r.stdout.trim().split(" ");
    expect(existed).toBe("true");
    expect(dir.startsWith(process.env[SCRATCH_ROOT_ENV]!)).toBe(false);
    expect(fs.existsSync(dir)).toBe(false);
    expect(fs.existsSync(path.dirname(dir))).toBe(false);
  });
});

describe("a plan's warnings", () => {
  test("are read from Terraform's output, boxed or not (the plans test fails on any)", () => {
    const output = [
      "Plan: 1 to add, 0 to change, 0 to destroy.",
      "╷",
      "│ Warning: Argument is deprecated",
      "│ ",
      "│   with aws_eip.nat,",
      "│   on main.tf line 3, in resource \"aws_eip\" \"nat\":",
      "│    3:   vpc = true",
      "╵",
      "Warning: Deprecated attribute",
      "╷",
      "│ Warning: Check block assertion failed",
      "│ ",
      '│   on ../modules/cloudshell-vpc-network/cost.tf line 80, in check "prices":',
      "│   80:     condition     = length(local.missing_prices) == 0",
      "╵",
    ].join("\n");
    expect(warningsOf(output)).toEqual(["Argument is deprecated", "Deprecated attribute", 'Check block assertion failed (check "prices")']);
    expect(warningsOf("Plan: 1 to add, 0 to change, 0 to destroy.\n")).toEqual([]);
  });
});
