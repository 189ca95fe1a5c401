// Every generated Terraform file is unchanged by the real `terraform fmt`.
import * as fs from "node:fs";
import * as path from "node:path";
import { generated } from "../../tools/generated";
import { tempDir, terraform } from "../../src/evidence/terraform";

test("terraform fmt changes nothing", () => {
  const dir = tempDir("fmt-");
  for (const [file, content] of [...generated().files].filter(([f]) => /\.(tf|tftest\.hcl)$/.test(f))) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  const r = terraform(dir, ["fmt", "-check", "-recursive", "-list=true", "."]);
  expect(r.stdout.trim().split("\n").filter(Boolean)).toEqual([]);
  expect(r.status).toBe(0);
});
