// One direction, one write: definitions -> cdktf synth -> Terraform files in memory -> evidence
// (the committed file while its key is current, else computed from those files) -> READMEs
// rendered last -> the whole tree with its manifest. Nothing generated is read back from disk but
// the committed evidence. `npm run synth` writes the tree; the tests compare it.
import { Evidence } from "./generator/definition";
import { Built, evidenceDocuments, renderHcl, renderReadmes, tree } from "./generator/generate";
import { currentEvidence } from "./evidence/sources";

/** The evidence as the README definitions read it: parsed JSON by path. */
function evidenceReader(files: Map<string, string>): Evidence {
  return {
    read<T>(file: string): T {
      const text = files.get(file);
      if (text === undefined) throw new Error(`no evidence ${file} was computed: add it to EVIDENCE_SOURCES in src/evidence/sources.ts`);
      return JSON.parse(text) as T;
    },
  };
}

/** The whole tree from the Terraform files `hcl` and the evidence files: their Markdown and the READMEs rendered last. */
export function treeOf(built: Built[], hcl: Map<string, string>, evidence: Map<string, string>): Map<string, string> {
  const reader = evidenceReader(evidence);
  return tree(hcl, evidence, evidenceDocuments(reader), renderReadmes(built, hcl, reader));
}

/** What `npm run synth` writes: the evidence recomputed where its key changed (`log` hears which). */
export async function generateTree(built: Built[], log?: (line: string) => void): Promise<Map<string, string>> {
  const hcl = renderHcl(built);
  return treeOf(built, hcl, await currentEvidence(hcl, log));
}
