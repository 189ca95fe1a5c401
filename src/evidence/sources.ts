// The evidence files `npm run synth` writes, each with what it is computed from, and the one way
// they are kept: a file whose committed key (src/evidence/key.ts) is this generation's is kept as it
// is, with no Terraform and without loading its module; any other is computed again by its module's
// `compute`, from exactly the generated files its key covers. Only then does the one hashicorp/aws
// process that serves the evidence's Terraform commands start (they ask it for schemas only).
import * as fs from "node:fs";
import * as path from "node:path";
import { GUARDRAIL_FILE, Keyed, MATRIX_FILE, MISTAKES_FILE, MONITORING_FILE, PERIMETER_FILE, TRAIL_MONITORING_FILE } from "./files";
import { evidenceKey, filesRead, KeyInputs, ReadFile, ROOT } from "./key";

/** One evidence file: its path, the module that computes it and the generated files it evaluates. */
export interface EvidenceSource extends KeyInputs {
  file: string;
}

export const EVIDENCE_SOURCES: EvidenceSource[] = [
  // A plan of the provider-free document module per scenario (src/evidence/scenarios.ts), simulated.
  { file: MATRIX_FILE, module: "src/evidence/simulate.ts", reads: ["modules/cloudshell-policy-document"] },
  // `terraform console` of the guardrail per case, simulated with the attempts and flows.
  { file: GUARDRAIL_FILE, module: "src/evidence/simulate-scp.ts", reads: ["modules/cloudshell-guardrail"] },
  // The perimeter run of the network's own defaults test file (a mocked apply), simulated.
  { file: PERIMETER_FILE, module: "src/evidence/endpoint-perimeter.ts", reads: ["modules/cloudshell-vpc-network", "modules/cloudshell-vpc-network/tests/defaults.tftest.hcl"] },
  // Mocked applies of the monitoring modules with every rule on, matched against the sample records.
  { file: MONITORING_FILE, module: "src/evidence/monitoring-matches.ts", reads: ["modules/cloudshell-monitoring"] },
  { file: TRAIL_MONITORING_FILE, module: "src/evidence/trail-monitoring-matches.ts", reads: ["modules/cloudshell-trail-monitoring"] },
  // Every row of "Mistakes we catch" planned against every module and wrapper.
  { file: MISTAKES_FILE, module: "src/evidence/mistakes.ts", reads: ["modules", "wrappers"] },
];

/** What an evidence module exports: the file's content but its key, from the files the key covers. */
interface EvidenceModule {
  compute(files: Map<string, string>): Promise<object>;
}

/** The file's exact text: its key first, two-space JSON and a trailing newline. */
export const evidenceContent = (key: string, content: object): string => `${JSON.stringify({ key, ...content }, null, 2)}\n`;

/** The key `source` has in this generation (`tree`: the generated Terraform files). */
export const keyOf = (source: EvidenceSource, tree: Map<string, string>, read?: ReadFile): string => evidenceKey(source, tree, read);

/** The committed file's key, or undefined when there is no file or it has none. */
export function committedKey(file: string, root = ROOT): string | undefined {
  const abs = path.join(root, file);
  return fs.existsSync(abs) ? (JSON.parse(fs.readFileSync(abs, "utf8")) as Partial<Keyed>).key : undefined;
}

/** Computes `source`'s file from the generated tree: Terraform, and the simulator or a matcher. */
export async function computeFile(source: EvidenceSource, tree: Map<string, string>): Promise<string> {
  // Loaded here, so that a synth with current evidence loads neither the simulator nor the runner.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compute } = require(path.join(ROOT, source.module)) as EvidenceModule;
  return evidenceContent(keyOf(source, tree), await compute(filesRead(tree, source.reads)));
}

/**
 * Every evidence file for the generated Terraform files `tree`: the committed one where its key is
 * current, otherwise computed again (side by side, with one shared provider). `log` hears which.
 */
export async function currentEvidence(tree: Map<string, string>, log: (line: string) => void = () => {}): Promise<Map<string, string>> {
  const stale = EVIDENCE_SOURCES.filter((s) => committedKey(s.file) !== keyOf(s, tree));
  const files = new Map<string, string>();
  for (const s of EVIDENCE_SOURCES) if (!stale.includes(s)) files.set(s.file, fs.readFileSync(path.join(ROOT, s.file), "utf8"));
  if (stale.length) {
    log(`computing ${stale.map((s) => s.file).join(", ")} (what ${stale.length === 1 ? "it reads" : "they read"} changed): Terraform and hashicorp/aws`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { withSharedProvider } = require("./shared-provider") as typeof import("./shared-provider");
    const computed = await withSharedProvider(() => Promise.all(stale.map((s) => computeFile(s, tree))));
    stale.forEach((s, i) => files.set(s.file, computed[i]));
  }
  return new Map(EVIDENCE_SOURCES.map((s) => [s.file, files.get(s.file)!]));
}

/** The committed evidence files, as they are (`{}` for a missing one): what the unit tier renders the READMEs from. */
export const committedEvidence = (root = ROOT): Map<string, string> =>
  new Map(EVIDENCE_SOURCES.map((s) => [s.file, fs.existsSync(path.join(root, s.file)) ? fs.readFileSync(path.join(root, s.file), "utf8") : "{}"]));
