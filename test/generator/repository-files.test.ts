// .gitattributes and CODEOWNERS, generated with the tree: what git and GitHub read from them.
import { execFileSync } from "node:child_process";
import { COORDINATES, coordinatesOf } from "../../src/generator/coordinates";
import { MANIFEST } from "../../src/generator/files";
import { CODEOWNERS, codeowners, GITATTRIBUTES, gitattributes } from "../../src/generator/repository-files";
import { generated, ROOT } from "../../tools/generated";

/** linguist-generated as git reads it from the .gitattributes in the working tree, by path. */
function linguistGenerated(paths: string[]): Map<string, string> {
  const out = execFileSync("git", ["check-attr", "linguist-generated", "--", ...paths], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 24 });
  return new Map(out.trim().split("\n").map((l) => /^(.*): linguist-generated: (.*)$/.exec(l)!.slice(1, 3) as [string, string]));
}

describe(".gitattributes: generated files collapse in pull-request diffs", () => {
  const listed = generated().files.get(MANIFEST)!.split("\n").filter((l) => l && !l.startsWith("#"));

  test("git marks every file of the manifest linguist-generated, the manifest too, but the evidence reviewers read", () => {
    expect(listed).toContain(GITATTRIBUTES);
    const attributes = linguistGenerated([MANIFEST, ...listed]);
    const evidence = (f: string) => f.startsWith("evidence/");
    expect([...attributes].filter(([f, v]) => v !== (evidence(f) ? "unspecified" : "true")).map(([f, v]) => `${f}: ${v}`)).toEqual([]);
    expect(listed.filter(evidence).length).toBeGreaterThan(0);
    expect(attributes.size).toBeGreaterThan(100);
  });

  test("control: files written by hand are not marked", () => {
    expect([...linguistGenerated(["README.md", "src/definitions.ts", "src/modules/cloudshell-policy/README.hbs", "evidence/plans/isolated.json"]).values()]).toEqual(["unspecified", "unspecified", "unspecified", "unspecified"]);
  });

  test("a generated path that .gitattributes would read as a pattern stops the generator", () => {
    expect(() => gitattributes(["modules/a b/main.tf"])).toThrow("modules/a b/main.tf: a generated path needs characters .gitattributes would read as a pattern");
    expect(gitattributes(["modules/a/main.tf"])).toContain("/modules/a/main.tf linguist-generated=true\n");
  });
});

describe("CODEOWNERS from the coordinates", () => {
  test("the maintainers of the owner package.json names review every change", () => {
    const text = generated().files.get(CODEOWNERS)!;
    const rules = text.split("\n").filter((l) => l && !l.startsWith("#"));
    expect(rules).toEqual([`* @${COORDINATES.repository.split("/")[0]}/maintainers`]);
    expect(codeowners(coordinatesOf("https://github.com/acme/terraform-aws-cloudshell.git"))).toContain("\n* @acme/maintainers\n");
  });
});
