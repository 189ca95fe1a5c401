// npm run snapshots: rewrites plans/*.md, the plan snapshots reviewers read in pull requests.
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFINITIONS } from "../src/definitions";
import { render, synthesize } from "../src/generator/generate";
import { planSnapshots, SNAPSHOT_DIR } from "../test/support/plan-snapshot";
import { tempDir } from "../test/support/terraform";

const root = path.join(__dirname, "..");
const units = synthesize(DEFINITIONS, tempDir("cdktf-snap-"));
const snapshots = planSnapshots(DEFINITIONS, units, render(DEFINITIONS, units));
fs.rmSync(path.join(root, SNAPSHOT_DIR), { recursive: true, force: true });
fs.mkdirSync(path.join(root, SNAPSHOT_DIR));
for (const [rel, content] of snapshots) fs.writeFileSync(path.join(root, rel), content);
console.log(`wrote ${snapshots.size} plan snapshot(s) into ${SNAPSHOT_DIR}/`);
