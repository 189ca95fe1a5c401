// The evidence `npm run synth` computes from the Terraform files it has just rendered in memory,
// before it renders the READMEs that show it: Terraform evaluates the generated modules (a plan of
// the provider-free document module; `terraform console` of the guardrail, which reads only the
// provider's schema; mocked applies of the network and monitoring modules), and the simulator or the pattern
// matcher decides every case. The plan snapshots need a configured
// provider and are the one more command `npm run snapshots`, on the same in-memory tree.
import { Evidence } from "../src/generator/definition";
import { GUARDRAIL_FILE } from "../src/generator/guardrail-table";
import { MATRIX_FILE } from "../src/generator/matrix-table";
import { perimeterEvidence, perimeterFileContent, perimeterPolicies, PERIMETER_FILE, runPerimeterFile } from "./endpoint-perimeter";
import { evaluatePatterns, MONITORING_FILE, monitoringFileContent, monitoringMatches } from "./monitoring-matches";
import { evaluateScenarios } from "./evaluate-scenarios";
import { evaluateTrailPatterns, TRAIL_MONITORING_FILE, trailMonitoringFileContent, trailMonitoringMatches } from "./trail-monitoring-matches";
import { SCENARIOS } from "./scenarios";
import { buildMatrix, matrixFileContent } from "./simulate";
import { buildGuardrailSimulation, evaluateGuardrail, guardrailFileContent } from "./simulate-scp";

/** One evidence file: its path and how it is computed from the generated Terraform files. */
interface EvidenceSource {
  file: string;
  compute(tree: Map<string, string>): Promise<string>;
}

export const EVIDENCE_SOURCES: EvidenceSource[] = [
  { file: MATRIX_FILE, compute: async (tree) => matrixFileContent(await buildMatrix(await evaluateScenarios(tree, SCENARIOS))) },
  { file: GUARDRAIL_FILE, compute: async (tree) => guardrailFileContent(await buildGuardrailSimulation(await evaluateGuardrail(tree))) },
  { file: PERIMETER_FILE, compute: async (tree) => perimeterFileContent(await perimeterEvidence(perimeterPolicies(await runPerimeterFile(tree)))) },
  { file: MONITORING_FILE, compute: async (tree) => monitoringFileContent(monitoringMatches(await evaluatePatterns(tree))) },
  { file: TRAIL_MONITORING_FILE, compute: async (tree) => trailMonitoringFileContent(trailMonitoringMatches(await evaluateTrailPatterns(tree))) },
];

/** Every evidence file, computed side by side from the Terraform files of one generation. */
export async function computeEvidence(tree: Map<string, string>): Promise<Map<string, string>> {
  const contents = await Promise.all(EVIDENCE_SOURCES.map((s) => s.compute(tree)));
  return new Map(EVIDENCE_SOURCES.map((s, i) => [s.file, contents[i]]));
}

/** The evidence as the README definitions read it: parsed JSON by path. */
export function evidenceReader(files: Map<string, string>): Evidence {
  return {
    read<T>(file: string): T {
      const text = files.get(file);
      if (text === undefined) throw new Error(`no evidence ${file} was computed: add it to EVIDENCE_SOURCES in tools/evidence.ts`);
      return JSON.parse(text) as T;
    },
  };
}
