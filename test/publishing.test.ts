// What publishing needs: the licence the package declares, the release configuration, the
// coordinates every README uses (one setting), and version reasons of each directory's own.
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { AWS_PROVIDER_FEATURES } from "../src/facts/provider-versions";
import { COORDINATES, coordinatesOf } from "../src/generator/coordinates";
import { Definition, Requirements } from "../src/generator/definition";
import { compareVersions, requirementsOf } from "../src/generator/versions";
import { absoluteLinks, PathKind } from "../src/generator/links";
import { DefinitionError } from "../src/errors";
import { AWS_PROVIDER, TERRAFORM } from "../src/modules/requirements";
import { parse } from "./support/hcl2json";
import { WRAPPER_EXAMPLES } from "../src/modules/wrapper-examples";
import { directories, generated, ROOT } from "../tools/generated";
import { tempDir } from "../src/evidence/terraform";

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

  test("every README, template and repository file uses only those coordinates and the documented release", () => {
    const tracked = execFileSync("git", ["ls-files", "*.md", "*.yml", "*.yaml", ".github/CODEOWNERS"], { cwd: ROOT, encoding: "utf8" }).trim().split("\n");
    const readmes: [string, string][] = [
      // CHANGELOG.md keeps history, such as the ref the READMEs once named.
      ...tracked.filter((f) => f !== "CHANGELOG.md" && fs.existsSync(path.join(ROOT, f))).map((f): [string, string] => [f, read(f)]),
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

describe("registry pages: a README works without the repository around it", () => {
  const kinds: Record<string, PathKind> = { "modules/a/main.tf": "file", "modules/a": "directory", "evidence/x.json": "file" };
  const link = (markdown: string) => absoluteLinks(markdown, "modules/b/README.md", (p) => kinds[p], { repository: "acme/terraform-aws-x", ref: "v2.0.0" });
  /** Links into this repository: [path, ref] of https://github.com/<repository>/blob|tree/<ref>/<path>. */
  const repositoryLinks = (text: string) =>
    [...text.matchAll(/\]\(https:\/\/github\.com\/([\w.-]+\/[\w.-]+)\/(?:blob|tree)\/([^/]+)\/([^)#\s]+)/g)].filter((m) => m[1] === COORDINATES.repository).map((m) => ({ ref: m[2], path: m[3] }));
  const relativeLinks = (text: string) => [...text.matchAll(/\]\(([^)\s]+)/g)].map((m) => m[1]).filter((t) => !/^(?:[a-z][a-z0-9+.-]*:|#)/i.test(t));

  test("a relative link becomes absolute at the release tag: blob for a file, tree for a directory, the anchor kept", () => {
    expect(link("[a](../a) and [main](../a/main.tf#L3) and [x](../../evidence/x.json \"the evidence\")")).toBe(
      "[a](https://github.com/acme/terraform-aws-x/tree/v2.0.0/modules/a) and [main](https://github.com/acme/terraform-aws-x/blob/v2.0.0/modules/a/main.tf#L3) and [x](https://github.com/acme/terraform-aws-x/blob/v2.0.0/evidence/x.json \"the evidence\")",
    );
    expect(link("[aws](https://docs.aws.amazon.com/x) [inputs](#inputs) [mail](mailto:a@b.c)")).toBe("[aws](https://docs.aws.amazon.com/x) [inputs](#inputs) [mail](mailto:a@b.c)");
  });

  test("a link to nothing, or out of the repository, stops the generator (control)", () => {
    expect(() => link("[gone](../gone)")).toThrow("modules/b/README.md: links to ../gone (modules/gone), which does not exist: correct the link in its README.hbs");
    expect(() => link("[up](../../../x)")).toThrow(DefinitionError);
  });

  test("no generated README has a relative link, and each link into the repository is at the documented release and leads somewhere", () => {
    const readmes = [...files()].filter(([f]) => f.endsWith("README.md"));
    expect(readmes.length).toBeGreaterThan(15);
    expect(readmes.flatMap(([f, text]) => relativeLinks(text).map((t) => `${f}: ${t}`))).toEqual([]);
    const links = readmes.flatMap(([f, text]) => repositoryLinks(text).map((l) => ({ ...l, from: f })));
    expect(links.length).toBeGreaterThan(20);
    expect(links.filter((l) => l.ref !== COORDINATES.ref)).toEqual([]);
    // At the tag where it exists here; before the first release, in the tree that it will tag.
    const tagged = spawnSync("git", ["rev-parse", "--verify", "--quiet", `refs/tags/${COORDINATES.ref}`], { cwd: ROOT }).status === 0;
    const exists = (p: string) =>
      tagged ? spawnSync("git", ["cat-file", "-e", `${COORDINATES.ref}:${p}`], { cwd: ROOT }).status === 0 : files().has(p) || [...files().keys()].some((f) => f.startsWith(`${p}/`)) || fs.existsSync(path.join(ROOT, p));
    expect(links.filter((l) => !exists(l.path)).map((l) => `${l.from} -> ${l.path}${tagged ? ` (not in ${COORDINATES.ref}: raise DOCUMENTED_RELEASE to the release that will hold it)` : ""}`)).toEqual([]);
  });

  test("every module README shows the registry source with a version, and the git source with a release tag", () => {
    for (const dir of directories("modules")) {
      const text = files().get(`${dir}/README.md`)!;
      const blocks = [...text.matchAll(/```hcl\n([\s\S]*?)```/g)].map((m) => m[1]);
      expect(`${dir}: ${blocks.some((b) => b.includes(`source  = "${COORDINATES.registry}//${dir}"\n  version = "${COORDINATES.constraint}"`))}`).toBe(`${dir}: true`);
      expect(`${dir}: ${blocks.some((b) => b.includes(`source = "${COORDINATES.git}//${dir}?ref=${COORDINATES.ref}"`))}`).toBe(`${dir}: true`);
      // No snippet takes this repository's modules from git without a tag, or from the registry without a version.
      for (const b of blocks) {
        for (const m of b.matchAll(/source\s*=\s*"([^"]+)"(?:\n\s*version\s*=\s*"([^"]+)")?/g)) {
          if (m[1].startsWith(`${COORDINATES.registry}//`)) expect(`${dir}: ${m[1]} ${m[2]}`).toBe(`${dir}: ${m[1]} ${COORDINATES.constraint}`);
          if (m[1].startsWith(`${COORDINATES.git}//`)) expect(m[1]).toMatch(new RegExp(`\\?ref=${COORDINATES.ref}$`));
        }
      }
    }
  });

  test("no page the registry shows names this repository's internal issue numbers (they mean nothing to a user)", () => {
    const ISSUE = /\(issues? \d+/;
    expect(ISSUE.test("A word for a true/false key (issue 23.6)")).toBe(true); // the control
    const pages = [...directories("modules"), ...directories("wrappers"), ...directories("examples")].map((dir) => `${dir}/README.md`);
    expect(pages.filter((page) => ISSUE.test(files().get(page)!))).toEqual([]);
    expect(ISSUE.test(read("README.md"))).toBe(false);
  });

  test("the root README, which the registry shows for the repository, has no relative link either", () => {
    const text = read("README.md");
    expect(relativeLinks(text)).toEqual([]);
    const links = repositoryLinks(text);
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((l) => l.ref !== COORDINATES.ref || !fs.existsSync(path.join(ROOT, l.path))).map((l) => `${l.ref}/${l.path}`)).toEqual([]);
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

  const definition = (name: string, kind: Definition["kind"], version?: string) =>
    ({ name, kind, source: "x", title: "x", requirements: { ...TERRAFORM, providers: version ? [{ ...AWS_PROVIDER, version }] : [] }, build: () => undefined }) as Definition;
  const awsOf = (req: Requirements) => req.providers.find((p) => p.source === "hashicorp/aws")!;
  const calling = (...names: string[]) => ({ module: Object.fromEntries(names.map((n) => [n, { source: `../../modules/${n}` }])) });

  test("control: a directory with no cross-variable validation and no feature gets only the generic reasons", () => {
    const bare = definition("bare", "module", AWS_PROVIDER.version);
    const req = requirementsOf([{ definition: bare, json: { variable: { a: { validation: [{ condition: "${var.a != null}" }] } }, resource: { aws_s3_bucket: { this: {} } } } }]).get("modules/bare")!;
    expect(req.terraformReason).toBe(TERRAFORM.terraformReason);
    expect(awsOf(req).reason).toBe(`The floor is 5.0 because nothing older is tested. ${AWS_PROVIDER.reason}`);
    // A feature keyed by argument counts only where an instance sets the argument.
    const eip = AWS_PROVIDER_FEATURES["aws_eip.domain"];
    expect(awsOf(requirementsOf([{ definition: bare, json: { resource: { aws_eip: { this: { domain: "vpc" } } } } }]).get("modules/bare")!).reason).toContain(eip.what);
    expect(awsOf(requirementsOf([{ definition: bare, json: { resource: { aws_eip: { this: {} } } } }]).get("modules/bare")!).reason).not.toContain(eip.what);
  });

  test("a feature newer than the declared floor raises the floor, and says so", () => {
    const old = definition("old", "module", ">= 4.0");
    const raised = awsOf(requirementsOf([{ definition: old, json: { resource: { aws_eip: { this: { domain: "vpc" } } } } }]).get("modules/old")!);
    expect(raised.version).toBe(">= 5.0");
    expect(raised.reason).toContain("The floor is 5.0, the newest of these.");
    expect(awsOf(requirementsOf([{ definition: old, json: { resource: { aws_iam_policy: { this: {} } } } }]).get("modules/old")!).version).toBe(">= 4.0");
  });

  test("a directory's floor is the highest of its own needs and those of every module it calls, directly or not", () => {
    const rules = { definition: definition("rules", "module", ">= 5.0"), json: { resource: { aws_cloudwatch_event_rule: { this: { state: "ENABLED" } } } } };
    const pinned = { definition: definition("pinned", "module", ">= 5.40"), json: {} };
    const inner = { definition: definition("inner", "module", ">= 5.0"), json: calling("rules") };
    const units = [
      rules,
      pinned,
      inner,
      { definition: definition("both", "example", ">= 5.0"), json: calling("rules", "pinned") },
      { definition: definition("nested", "example", ">= 5.0"), json: calling("inner") },
      { definition: definition("neither", "example", ">= 5.0"), json: {} },
    ];
    const req = requirementsOf(units);
    const floor = (dir: string) => awsOf(req.get(dir)!).version;
    expect(floor("modules/rules")).toBe(">= 5.27");
    expect(floor("modules/inner")).toBe(">= 5.27");
    expect(floor("examples/nested")).toBe(">= 5.27");
    expect(floor("examples/both")).toBe(">= 5.40");
    expect(awsOf(req.get("examples/both")!).reason).toContain("The floor is 5.40 because pinned, which it calls, requires it.");
    expect(floor("examples/neither")).toBe(">= 5.0"); // control: calls nothing newer
    expect(() => requirementsOf([rules, { definition: definition("bare", "example"), json: calling("rules") }])).toThrow("calls rules, which need hashicorp/aws, but declares no hashicorp/aws requirement");
  });

  test("every generated directory declares at least the floors of every module it calls", () => {
    const floors = new Map<string, { terraform: string; aws?: string }>();
    for (const [file, text] of files()) {
      if (!file.endsWith("/versions.tf")) continue;
      floors.set(path.posix.dirname(file), {
        terraform: /required_version = ">= ([\d.]+)"/.exec(text)![1],
        aws: /source +?= "hashicorp\/aws"\n +version += ">= ([\d.]+)"/.exec(text)?.[1],
      });
    }
    const below: string[] = [];
    for (const [file, text] of files()) {
      if (!file.endsWith(".tf")) continue;
      const dir = path.posix.dirname(file);
      for (const m of text.matchAll(/source += "(\.\.\/[^"]+)"/g)) {
        const callee = path.posix.normalize(path.posix.join(dir, m[1]));
        const [own, theirs] = [floors.get(dir)!, floors.get(callee)!];
        if (compareVersions(own.terraform, theirs.terraform) < 0) below.push(`${dir} Terraform ${own.terraform} < ${callee} ${theirs.terraform}`);
        if (theirs.aws && (!own.aws || compareVersions(own.aws, theirs.aws) < 0)) below.push(`${dir} hashicorp/aws ${own.aws} < ${callee} ${theirs.aws}`);
      }
    }
    expect(below).toEqual([]);
    expect(floors.get("examples/multi-region")!.aws).toBe("5.77"); // it calls cloudshell-monitoring (5.27) and cloudshell-guardrail (5.77)
    expect(floors.get("examples/monitoring")!.aws).toBe("5.27"); // it calls cloudshell-monitoring only
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
