// What publishing needs: the licence the package declares, the release configuration, the
// coordinates every README uses (one setting), and version reasons of each directory's own.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { AWS_RESOURCE_FEATURES } from "../src/facts/provider-versions";
import { COORDINATES, coordinatesOf } from "../src/generator/coordinates";
import { Definition } from "../src/generator/definition";
import { requirementsOf } from "../src/generator/versions";
import { AWS_PROVIDER, TERRAFORM } from "../src/modules/requirements";
import { parse } from "./support/hcl2json";
import { WRAPPER_EXAMPLES } from "../src/modules/wrapper-examples";
import { generated, ROOT } from "../tools/generated";
import { tempDir } from "../tools/terraform";

const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), "utf8");
const files = () => generated().files;

describe("licence and releases", () => {
  test("LICENSE is the full Apache License 2.0 text that package.json declares", () => {
    expect(JSON.parse(read("package.json")).license).toBe("Apache-2.0");
    const text = read("LICENSE");
    expect(text.trimStart().startsWith("Apache License\n                           Version 2.0, January 2004")).toBe(true);
    for (const section of ["1. Definitions.", "4. Redistribution.", "9. Accepting Warranty or Additional Liability.", "END OF TERMS AND CONDITIONS", "APPENDIX: How to apply the Apache License to your work."]) {
      expect(text).toContain(section);
    }
  });

  test("semantic-release prepends to CHANGELOG.md under the title it is configured with", () => {
    const config = JSON.parse(read(".releaserc.json"));
    const plugins = Object.fromEntries(config.plugins.map((p: [string, object] | string) => (Array.isArray(p) ? p : [p, {}])));
    expect(config.branches).toEqual(["main"]);
    expect(Object.keys(plugins)).toEqual(["@semantic-release/commit-analyzer", "@semantic-release/release-notes-generator", "@semantic-release/github", "@semantic-release/changelog", "@semantic-release/git"]);
    expect(plugins["@semantic-release/commit-analyzer"].preset).toBe("conventionalcommits");
    expect(plugins["@semantic-release/git"].assets).toEqual([plugins["@semantic-release/changelog"].changelogFile]);
    // The plugin strips this exact title before prepending; another first line would be kept and repeated.
    expect(read("CHANGELOG.md").startsWith(`${plugins["@semantic-release/changelog"].changelogTitle}\n\n`)).toBe(true);
    const release = read(".github/workflows/release.yml");
    for (const plugin of ["@semantic-release/changelog@", "@semantic-release/git@", "conventional-changelog-conventionalcommits@"]) expect(release).toContain(plugin);
    expect(read(".github/workflows/pr-title.yml")).toContain("amannn/action-semantic-pull-request@");
  });
});

describe("coordinates: one setting, package.json's repository", () => {
  test("the registry address follows the registry's naming rule; a malformed setting names the accepted form", () => {
    expect(coordinatesOf({ type: "git", url: "https://github.com/acme/terraform-aws-cloudshell.git" })).toMatchObject({
      git: "github.com/acme/terraform-aws-cloudshell",
      registry: "acme/cloudshell/aws",
    });
    expect(coordinatesOf("git+https://github.com/acme/terraform-aws-cloudshell").repository).toBe("acme/terraform-aws-cloudshell");
    expect(() => coordinatesOf({ url: "https://gitlab.com/acme/cloudshell.git" })).toThrow(/terraform-<provider>-<name>/);
  });

  test("every README and template uses only those coordinates and the documented release", () => {
    const readmes: [string, string][] = [
      ["README.md", read("README.md")],
      ...[...files()].filter(([f]) => f.endsWith("README.md")),
      ...(fs.readdirSync(path.join(ROOT, "src"), { recursive: true }) as string[]).filter((f) => f.endsWith(".hbs")).map((f): [string, string] => [`src/${f}`, read(`src/${f}`)]),
    ];
    const wrong: string[] = [];
    for (const [file, text] of readmes) {
      for (const m of text.matchAll(/github\.com\/([\w.-]+\/terraform-aws-cloudshell)/g)) if (m[1] !== COORDINATES.repository) wrong.push(`${file}: ${m[0]}`);
      for (const m of text.matchAll(/"([\w-]+\/cloudshell\/aws)\/\//g)) if (m[1] !== COORDINATES.registry) wrong.push(`${file}: ${m[0]}`);
      for (const m of text.matchAll(/[?&](?:ref|version)=v?(\d+\.\d+\.\d+)/g)) if (`v${m[1]}` !== COORDINATES.ref) wrong.push(`${file}: ${m[0]}`);
      for (const m of text.matchAll(/cloudshell\/aws\/\/[^\n]*\n?[^\n]*?version\s*=\s*"([^"]+)"|cloudshell\/aws\/\/[^`]*` with `version = "([^"]+)"/g)) {
        if ((m[1] ?? m[2]) !== COORDINATES.constraint) wrong.push(`${file}: ${m[0]}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(files().get("modules/cloudshell-policy/README.md")).toContain(`${COORDINATES.git}//modules/cloudshell-policy?ref=${COORDINATES.ref}`);
    expect(files().get("wrappers/cloudshell-policy/README.md")).toContain(`tfr:///${COORDINATES.registry}//wrappers/cloudshell-policy?version=${COORDINATES.ref.slice(1)}`);
  });
});

describe("README: Rolling out to many accounts", () => {
  test("the terragrunt.hcl shown is the wrapper's tested items, from the configured coordinates", async () => {
    const snippet = [...read("README.md").matchAll(/```hcl\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes("wrappers/cloudshell-policy"))!;
    const hcl = (await parse("terragrunt.hcl", snippet)) as { terraform: { source: string }[]; inputs: unknown };
    expect(hcl.terraform[0].source).toBe(`tfr:///${COORDINATES.registry}//wrappers/cloudshell-policy?version=${COORDINATES.ref.slice(1)}`);
    expect(hcl.inputs).toEqual(WRAPPER_EXAMPLES["cloudshell-policy"]);
  });
});

describe("versions: each directory states its own reasons", () => {
  const reasons = (rel: string) => (files().get(rel)!.match(/^\s*# .*$/gm) ?? []).join("\n");

  test("IAM-only modules do not repeat the network's reasons, and each names what it uses", () => {
    const network = ["aws_eip", "aws_vpc_security_group"];
    for (const m of ["cloudshell-policy", "cloudshell-guardrail", "cloudshell-policy-document"]) {
      for (const n of network) expect(`${m}: ${reasons(`modules/${m}/versions.tf`).includes(n)}`).toBe(`${m}: false`);
    }
    expect(reasons("modules/cloudshell-policy/versions.tf")).toContain("tags on aws_iam_policy (3.35.0)");
    expect(reasons("modules/cloudshell-guardrail/versions.tf")).toContain("the RESOURCE_CONTROL_POLICY type of aws_organizations_policy (5.77.0)");
    expect(reasons("modules/cloudshell-vpc-network/versions.tf")).toContain("aws_eip's domain argument (5.0.0)");
    expect(files().get("modules/cloudshell-policy-document/versions.tf")).not.toContain("required_providers");
    expect(reasons("examples/iam-policy/versions.tf")).toContain("cloudshell-policy, which it calls, has validation conditions");
  });

  test("every versions.tf gives a reason of its own for Terraform 1.9, never only the generic one", () => {
    const generic = [...files()].filter(([f, text]) => f.endsWith("/versions.tf") && text.includes(`# ${TERRAFORM.terraform}: ${TERRAFORM.terraformReason}`));
    expect(generic.map(([f]) => f)).toEqual([]);
  });

  test("control: a directory with no cross-variable validation and no feature gets only the generic reasons", () => {
    const bare = { name: "bare", kind: "module", source: "x", title: "x", requirements: { ...TERRAFORM, providers: [AWS_PROVIDER] }, build: () => undefined } as Definition;
    const req = requirementsOf([{ definition: bare, json: { variable: { a: { validation: [{ condition: "${var.a != null}" }] } }, resource: { aws_s3_bucket: {} } } }]).get("modules/bare")!;
    expect(req.terraformReason).toBe(TERRAFORM.terraformReason);
    expect(req.providers[0].reason).toBe(`The floor is 5.0 because nothing older is tested. ${AWS_PROVIDER.reason}`);
    const uses = requirementsOf([{ definition: bare, json: { resource: { aws_eip: {} } } }]).get("modules/bare")!;
    expect(uses.providers[0].reason).toContain(AWS_RESOURCE_FEATURES.aws_eip.what);
  });

  test("a directory that uses a feature newer than its declared floor is a generation error", () => {
    const old = { name: "old", kind: "module", source: "x", title: "x", requirements: { ...TERRAFORM, providers: [{ ...AWS_PROVIDER, version: ">= 4.0" }] }, build: () => undefined } as Definition;
    expect(() => requirementsOf([{ definition: old, json: { resource: { aws_eip: {} } } }])).toThrow("declares hashicorp/aws >= 4.0 but uses aws_eip's domain argument, which needs 5.0.0: raise its floor");
    expect(() => requirementsOf([{ definition: old, json: { resource: { aws_iam_policy: {} } } }])).not.toThrow();
  });

  test("CI plans each directory with the floor its own versions.tf declares", () => {
    expect(read(".github/workflows/pull-request.yml")).toMatch(/aws: \["floor", /);
    const pin = (dir: string, arg: string) => execFileSync("bash", [path.join(ROOT, ".ci", "provider-pin"), arg], { cwd: dir, encoding: "utf8" }).trim();
    expect(pin(path.join(ROOT, "modules", "cloudshell-policy"), "floor")).toBe("5.0.0");
    expect(pin(path.join(ROOT, "modules", "cloudshell-policy"), "~> 6.0")).toBe("~> 6.0");
    const dir = tempDir("pin-");
    fs.writeFileSync(path.join(dir, "versions.tf"), '    aws = {\n      source  = "hashicorp/aws"\n      version = ">= 5.27"\n    }\n');
    expect(pin(dir, "floor")).toBe("5.27.0");
    fs.rmSync(dir, { recursive: true });
  });
});
