// npm run snapshots: rewrites evidence/plans/ (a real plan of every example, JSON and Markdown).
import * as fs from "node:fs";
import * as path from "node:path";
import { exampleNames, generated, ROOT } from "../tools/generated";
import { PLANS_DIR, planSnapshots } from "../tools/plan-snapshots";
import { run } from "./run-script";

run(async () => {
  const snapshots = await planSnapshots(generated().files, exampleNames());
  fs.rmSync(path.join(ROOT, PLANS_DIR), { recursive: true, force: true });
  fs.mkdirSync(path.join(ROOT, PLANS_DIR), { recursive: true });
  for (const [rel, content] of snapshots) fs.writeFileSync(path.join(ROOT, rel), content);
  console.log(`wrote ${snapshots.size} file(s) into ${PLANS_DIR}/`);
});
