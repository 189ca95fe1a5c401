// npm run endpoint-perimeter: takes the network's endpoint policies from a mocked apply, simulates
// what each endpoint admits, and writes evidence/endpoint-perimeter.json (committed; the
// cloudshell-vpc-network README table is generated from it by `npm run synth`).
import { run, writeEvidence } from "../tools/evidence-file";
import { perimeterEvidence, perimeterFileContent, perimeterPolicies, PERIMETER_FILE, runPerimeterFile } from "../tools/endpoint-perimeter";

async function main(): Promise<void> {
  const started = Date.now();
  const policies = perimeterPolicies(await runPerimeterFile());
  const evaluatedAt = Date.now();
  const content = perimeterFileContent(await perimeterEvidence(policies));
  console.log(writeEvidence(PERIMETER_FILE, content, `${Object.keys(policies).length} endpoints`, { started, evaluatedAt }));
}

run(main);
