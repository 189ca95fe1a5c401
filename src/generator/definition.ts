import * as path from "node:path";
import { Unit } from "../cdktf/seam";

export interface ProviderRequirement {
  name: string;
  source: string;
  version: string;
  /** Why this lower bound: the newest feature the module uses. */
  reason: string;
}

export interface Requirements {
  terraform: string;
  terraformReason: string;
  providers: ProviderRequirement[];
}

/**
 * The evidence computed from this generation's Terraform files before the READMEs are rendered
 * (src/evidence/sources.ts, run by `npm run synth`): each file's parsed JSON by its path, such as
 * "evidence/permission-matrix.json". The generator never reads it back from disk.
 */
export interface Evidence {
  read<T>(file: string): T;
}

/** One generated directory: a module under modules/, an example under examples/, or a module's wrapper under wrappers/. */
export interface Definition {
  name: string;
  kind: "module" | "example" | "wrapper";
  /** Where to edit instead: the definition's folder, src/modules/<name> or src/examples/<name> (sourceOf(__dirname)); for a wrapper, its module's folder. */
  source: string;
  title: string;
  requirements: Requirements;
  build(unit: Unit): void;
  /** The README's prose (Handlebars), when it is not README.hbs beside the definition. */
  readme?: string;
  /** Extra context for the README partial (tables no anchor module has), from the evidence computed for this generation. */
  readmeContext?: (evidence: Evidence) => Record<string, unknown>;
  /** Other generated files, relative to the directory (terraform test files). */
  extraFiles?: () => Record<string, string>;
}

export const directoryOf = (d: Definition) => `${d.kind}s/${d.name}`;

/** A file's path relative to the repository, as generated headers name it. */
export const sourceOf = (filename: string) => path.relative(path.join(__dirname, "..", ".."), filename).split(path.sep).join("/");

/** The README's prose: README.hbs in the definition's folder (src/modules/<name>/, src/examples/<name>/). */
export const readmeTemplateOf = (d: Definition) => d.readme ?? path.posix.join(d.source, "README.hbs");
