// npm run monitoring-matches: matches the monitoring example's planned rule patterns (the committed
// plan snapshot; `npm run snapshots` first) against the sample CloudTrail records and writes
// evidence/monitoring-matches.json (committed; the module README's table is rendered from it by
// `npm run synth`).
import * as fs from "node:fs";
import { run } from "../tools/evidence-file";
import { MONITORING_FILE, monitoringFileContent, monitoringMatches } from "../tools/monitoring-matches";

async function main(): Promise<void> {
  const content = monitoringFileContent(monitoringMatches());
  const before = fs.existsSync(MONITORING_FILE) ? fs.readFileSync(MONITORING_FILE, "utf8") : undefined;
  fs.writeFileSync(MONITORING_FILE, content);
  console.log(`${MONITORING_FILE}: ${before === content ? "unchanged" : "updated; run `npm run synth` to update the README"}`);
}

run(main);
