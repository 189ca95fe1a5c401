// The generator removes only what it wrote: users' state, variables, init output and notes survive
// a regeneration and are not drift.
import * as fs from "node:fs";
import * as path from "node:path";
import { MANIFEST, staleFiles, withManifest, writeTree } from "../../src/generator/files";
import { tempDir } from "../../src/evidence/terraform";

const tree = (entries: Record<string, string>) => withManifest(new Map(Object.entries(entries)));
const GENERATED = { "examples/isolated/main.tf": "# generated\n", "examples/isolated/README.md": "# Isolated\n", "modules/m/old.tf": "# old\n" };
const USER_FILES: Record<string, string> = {
  "examples/isolated/terraform.tfstate": "{}",
  "examples/isolated/terraform.tfstate.backup": "{}",
  "examples/existing-vpc/terraform.tfvars": 'vpc_id = "vpc-1"\n',
  "examples/existing-vpc/prod.auto.tfvars.json": "{}",
  "modules/m/.terraform.lock.hcl": "# lock\n",
  "modules/m/.terraform/providers/x": "binary",
  "modules/m/NOTES.md": "mine\n",
};

function repository(): string {
  const root = tempDir("owned-");
  writeTree(root, tree(GENERATED));
  for (const [rel, content] of Object.entries(USER_FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}

describe("the generator owns only the files its manifest lists", () => {
  test("the manifest lists every generated file", () => {
    const root = repository();
    expect(fs.readFileSync(path.join(root, MANIFEST), "utf8").split("\n").filter((l) => !l.startsWith("#") && l)).toEqual(Object.keys(GENERATED).sort());
  });

  test("users' files next to generated ones are not drift", () => {
    expect(staleFiles(repository(), tree(GENERATED))).toEqual([]);
  });

  test("a regeneration removes the generated file it no longer writes, and nothing else", () => {
    const root = repository();
    const next = { ...GENERATED } as Record<string, string>;
    delete next["modules/m/old.tf"];
    next["examples/isolated/main.tf"] = "# changed\n";
    expect(writeTree(root, tree(next))).toEqual([MANIFEST, "examples/isolated/main.tf", "modules/m/old.tf"]);
    expect(fs.existsSync(path.join(root, "modules/m/old.tf"))).toBe(false);
    for (const [rel, content] of Object.entries(USER_FILES)) expect(`${rel}: ${fs.readFileSync(path.join(root, rel), "utf8")}`).toBe(`${rel}: ${content}`);
    expect(staleFiles(root, tree(next))).toEqual([]);
  });

  test("a changed or missing generated file is drift", () => {
    const root = repository();
    fs.writeFileSync(path.join(root, "examples/isolated/main.tf"), "# edited by hand\n");
    fs.rmSync(path.join(root, "examples/isolated/README.md"));
    expect(staleFiles(root, tree(GENERATED))).toEqual(["examples/isolated/README.md", "examples/isolated/main.tf"]);
  });

  test("a manifest that names a state or variables file still never removes it", () => {
    const root = repository();
    fs.appendFileSync(path.join(root, MANIFEST), "examples/isolated/terraform.tfstate\nexamples/existing-vpc/terraform.tfvars\nmodules/m/.terraform.lock.hcl\n");
    writeTree(root, tree(GENERATED));
    for (const rel of Object.keys(USER_FILES)) expect(`${rel} ${fs.existsSync(path.join(root, rel))}`).toBe(`${rel} true`);
  });

  test("without a manifest (a tree from before it existed) nothing is removed", () => {
    const root = repository();
    fs.rmSync(path.join(root, MANIFEST));
    writeTree(root, tree({ "examples/isolated/main.tf": "# generated\n" }));
    expect(fs.existsSync(path.join(root, "modules/m/old.tf"))).toBe(true);
  });

  test("the generator refuses to write a state, variables or lock file", () => {
    expect(() => tree({ "examples/x/terraform.tfvars": "" })).toThrow(/must not write examples\/x\/terraform.tfvars/);
    expect(() => tree({ "modules/m/.terraform.lock.hcl": "" })).toThrow(/must not write/);
  });
});
