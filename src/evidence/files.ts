// The evidence files: where each is and what it holds. src/evidence/ computes them
// (src/evidence/sources.ts); the README tables read them (src/modules/<module>/*-table.ts,
// src/generator/mistakes-table.ts). This is the one file of src/evidence/ that the generator and the
// definitions may import: it holds no code, so neither Terraform nor the simulator comes with it.
// Every file starts with "key", a hash of what it was computed from (src/evidence/key.ts).

/** An IAM simulation's answer. */
export type Result = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

/** What every evidence file starts with: the key it was computed under (src/evidence/key.ts). */
export interface Keyed {
  key: string;
}

export const MATRIX_FILE = "evidence/permission-matrix.json";
export interface MatrixFile {
  features: string[];
  featureRequests: Record<string, string[]>;
  scenarios: { name: string; inputs: Record<string, unknown>; results: Record<string, Result> }[];
}

export const GUARDRAIL_FILE = "evidence/guardrail-simulation.json";
export interface GuardrailFile {
  columns: string[];
  columnRequests: Record<string, string[]>;
  principals: Record<string, { arn: string; tags: Record<string, string> }>;
  cases: {
    name: string;
    inputs: Record<string, unknown>;
    size: number;
    scp_sizes: number[];
    rcp_size?: number;
    statement_ids: string[];
    policy: object;
    results: Record<string, Record<string, Result>>;
  }[];
  attacks: {
    /** The case the attempts are simulated under. */
    case: string;
    principals: string[];
    rows: {
      group: string;
      label: string;
      requests: string[];
      results: Record<string, Result>;
      /** The statements that denied the first principal (the insider). */
      stoppedBy: string[];
      /** The insider again, with the SCPs without those statements. */
      control: Result;
    }[];
  };
  flows: { label: string; principal: string; under: string; request: string; result: Result; stoppedBy: string[]; control?: Result }[];
}

export const PERIMETER_FILE = "evidence/endpoint-perimeter.json";
export interface PerimeterFile {
  columns: Record<string, string>;
  endpoints: { label: string; action: string; resource: string; results: Record<string, Result> }[];
  extra: { label: string; what: string; principal: string; action: string; resource: string; result: Result; control: Result }[];
}

export const MONITORING_FILE = "evidence/monitoring-matches.json";
export interface MonitoringFile {
  /** Where the patterns come from. */
  source: string;
  rules: { key: string; pattern: unknown }[];
  events: { name: string; note: string; event: unknown }[];
  fieldSources: Record<string, string>;
  /** results[event name][rule key]: whether the rule's pattern matches the event. */
  results: Record<string, Record<string, boolean>>;
}

export const TRAIL_MONITORING_FILE = "evidence/trail-monitoring-matches.json";
export interface TrailMonitoringFile {
  source: string;
  /** The rule keys, in the order of the filters. */
  rules: string[];
  /** Each metric filter's pattern, by filter key. */
  filters: Record<string, string>;
  subscription: { rules: string[]; pattern: string };
  /** The CloudTrail records as the log group holds them. */
  records: { name: string; note: string; record: unknown }[];
  /** results[record name][rule key or "subscription"]: whether a filter of the rule matches the record. */
  results: Record<string, Record<string, boolean>>;
}

/** The mistakes' evidence, and the Markdown rendered from it (src/generator/mistakes-table.ts). */
export const MISTAKES_FILE = "evidence/mistakes.json";
export const MISTAKES_DOC = "evidence/mistakes.md";
export interface MistakeRow {
  id: string;
  module: string;
  what: string;
  issue: string | null;
  /** The call's inputs as HCL, one line. */
  inputs: string;
  /** Where the plan said it: "inputs", a validation of one input (it stops the plan at once); "plan", anything found while planning. */
  phase: "inputs" | "plan";
  /** What the plan said: "error" or "warning"; null when it said nothing (the test fails then). */
  severity: "error" | "warning" | null;
  /** The plan's messages, folded onto one line each. */
  messages: string[];
  /** The same call done right, as HCL; it planned with no error and no warning. */
  control: string | null;
}
export interface MistakesFile {
  provider: string;
  fixtures: string;
  rows: MistakeRow[];
}
