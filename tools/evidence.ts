// The evidence `npm run synth` computes from the Terraform files it has just rendered in memory,
// before it renders the READMEs that show it: Terraform evaluates the generated modules (a plan of
// the provider-free document module; `terraform console` of the guardrail, which reads only the
// provider's schema; mocked applies of the network and monitoring modules), and the simulator or the pattern
// matcher decides every case. The plan snapshots need a configured
// provider and are the one more command `npm run snapshots`, on the same in-memory tree.
import * as fs from "node:fs";
import * as path from "node:path";
import { Evidence } from "../src/generator/definition";
import { MISTAKES_FILE } from "../src/generator/mistakes-table";
import { MISTAKES } from "../src/modules/mistakes";
import { mistakesFileContent, mistakesKey, planMistakes } from "./mistakes";
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
  /**
   * A hash of everything the file is computed from, which the file records as "key": while the
   * committed file's key is this generation's, synth keeps it and starts no Terraform for it.
   */
  key?(tree: Map<string, string>): string;
}

export const EVIDENCE_SOURCES: EvidenceSource[] = [
  { file: MATRIX_FILE, compute: async (tree) => matrixFileContent(await buildMatrix(await evaluateScenarios(tree, SCENARIOS))) },
  { file: GUARDRAIL_FILE, compute: async (tree) => guardrailFileContent(await buildGuardrailSimulation(await evaluateGuardrail(tree))) },
  { file: PERIMETER_FILE, compute: async (tree) => perimeterFileContent(await perimeterEvidence(perimeterPolicies(await runPerimeterFile(tree)))) },
  { file: MONITORING_FILE, compute: async (tree) => monitoringFileContent(monitoringMatches(await evaluatePatterns(tree))) },
  { file: TRAIL_MONITORING_FILE, compute: async (tree) => trailMonitoringFileContent(trailMonitoringMatches(await evaluateTrailPatterns(tree))) },
  {
    file: MISTAKES_FILE,
    key: (tree) => mistakesKey(tree, MISTAKES),
    compute: async (tree) => mistakesFileContent(mistakesKey(tree, MISTAKES), await planMistakes(tree, MISTAKES)),
  },
];

const ROOT = path.join(__dirname, "..");

/** The committed file, when its key is the one this generation would compute it under. */
function current(source: EvidenceSource, tree: Map<string, string>): string | undefined {
  const abs = path.join(ROOT, source.file);
  if (!source.key || !fs.existsSync(abs)) return undefined;
  const committed = fs.readFileSync(abs, "utf8");
  return (JSON.parse(committed) as { key?: string }).key === source.key(tree) ? committed : undefined;
}

/** Every evidence file, computed side by side from the Terraform files of one generation. */
export async function computeEvidence(tree: Map<string, string>): Promise<Map<string, string>> {
  const contents = await Promise.all(EVIDENCE_SOURCES.map((s) => current(s, tree) ?? s.compute(tree)));
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
