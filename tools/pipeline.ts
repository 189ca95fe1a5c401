// One direction, one write: definitions -> cdktf synth -> Terraform files in memory -> evidence
// computed from those files -> READMEs rendered last -> the whole tree with its manifest. Nothing
// is read back from the files on disk. `npm run synth` writes the tree; the tests compare it.
import { Built, evidenceDocuments, renderHcl, renderReadmes, tree } from "../src/generator/generate";
import { computeEvidence, evidenceReader } from "./evidence";

export async function generateTree(built: Built[]): Promise<Map<string, string>> {
  const hcl = renderHcl(built);
  const evidence = await computeEvidence(hcl);
  return tree(hcl, evidence, evidenceDocuments(evidenceReader(evidence)), renderReadmes(built, hcl, evidenceReader(evidence)));
}
