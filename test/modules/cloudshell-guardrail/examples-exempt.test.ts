// What the examples teach: every guardrail call that exempts anyone also exempts the roles that
// deploy into member accounts (src/facts/exemptions.ts, DEPLOYMENT_ROLES). Without them,
// DenyActingAsExemptRoles keeps AWS Control Tower, AFT, StackSets and Organizations' role from
// managing the break-glass roles, and the protections stop their deployments (issue 22, section 2).
// Read from the generated examples, the wrapper's example items and the README's hcl blocks; no
// Terraform runs here.
import { DEPLOYMENT_ROLE_PATTERNS } from "../../../src/facts/exemptions";
import { WRAPPER_EXAMPLES } from "../../../src/modules/wrapper-examples";
import * as fs from "node:fs";
import * as path from "node:path";
import { directories, generated, ROOT } from "../../../tools/generated";
import { parse } from "../../support/hcl2json";

type Call = { where: string; arns: string[] };

/** Every call of the guardrail module in the generated examples, with the exempt ARNs it passes. */
async function exampleCalls(): Promise<Call[]> {
  const calls: Call[] = [];
  for (const dir of directories("examples")) {
    // Only the files that call the guardrail are parsed (parsing is most of this test's time).
    for (const [rel, content] of [...generated().files].filter(([f, text]) => f.startsWith(`${dir}/`) && f.endsWith(".tf") && text.includes("/cloudshell-guardrail\""))) {
      const json = (await parse(rel, content)) as { module?: Record<string, { source: string; exempt_principal_arns?: string[] }[]> };
      for (const [name, [call]] of Object.entries(json.module ?? {})) {
        if (call.source.endsWith("/cloudshell-guardrail")) calls.push({ where: `${dir} module.${name}`, arns: call.exempt_principal_arns ?? [] });
      }
    }
  }
  return calls;
}

/** Every guardrail call of the root README's and each module README's hcl blocks. */
async function readmeCalls(): Promise<Call[]> {
  const readmes: [string, string][] = [["README.md", fs.readFileSync(path.join(ROOT, "README.md"), "utf8")], ...[...generated().files].filter(([f]) => f.endsWith("README.md"))];
  const calls: Call[] = [];
  for (const [file, text] of readmes) {
    for (const [i, m] of [...text.matchAll(/```hcl\n([\s\S]*?)```/g)].entries()) {
      if (!m[1].includes("/cloudshell-guardrail")) continue;
      const json = (await parse(`${file}-${i}.tf`, m[1])) as { module?: Record<string, { source: string; exempt_principal_arns?: string[] }[]> };
      for (const [name, [call]] of Object.entries(json.module ?? {})) {
        if (/\/cloudshell-guardrail(\?|"|$)/.test(call.source)) calls.push({ where: `${file} module.${name}`, arns: Array.isArray(call.exempt_principal_arns) ? call.exempt_principal_arns : [] });
      }
    }
  }
  return calls;
}

const missing = (calls: Call[]) => calls.filter((c) => c.arns.length > 0).flatMap((c) => DEPLOYMENT_ROLE_PATTERNS.filter((p) => !c.arns.includes(p)).map((p) => `${c.where} leaves out ${p}`));

describe("the examples exempt the deployment roles wherever they exempt anyone", () => {
  test("every guardrail call of the examples", async () => {
    const calls = await exampleCalls();
    expect(calls.map((c) => c.where).sort()).toEqual(["examples/multi-region module.guardrail", "examples/organization-guardrail module.organization", "examples/organization-guardrail module.sandboxes"]);
    expect(missing(calls)).toEqual([]);
    // The control: a call that exempts only the break-glass roles is found.
    expect(missing([{ where: "x", arns: ["arn:aws:iam::*:role/break-glass-*"] }])).toHaveLength(DEPLOYMENT_ROLE_PATTERNS.length);
  });

  test("every guardrail call of the READMEs' examples that exempts anyone", async () => {
    const calls = await readmeCalls();
    expect(calls.some((c) => c.where.startsWith("README.md ") && c.arns.length > 0)).toBe(true);
    expect(missing(calls)).toEqual([]);
  });

  test("the wrapper's example items (its README and its planned test)", () => {
    const example = WRAPPER_EXAMPLES["cloudshell-guardrail"];
    const items = Object.entries(example.items).map(([key, item]) => ({ where: `wrapper item ${key}`, arns: ((item.exempt_principal_arns ?? example.defaults.exempt_principal_arns) as string[] | undefined) ?? [] }));
    expect(items.length).toBeGreaterThan(1);
    expect(missing(items)).toEqual([]);
  });
});
