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

/** One generated directory: a module under modules/, an example under examples/, or a module's wrapper under wrappers/. */
export interface Definition {
  name: string;
  kind: "module" | "example" | "wrapper";
  /** Where to edit instead: the TypeScript file that defines it (sourceOf(__filename)). */
  source: string;
  title: string;
  requirements: Requirements;
  build(unit: Unit): void;
  /** Handlebars partial under templates/readme/ with the README's prose; the name when absent. */
  readme?: string;
  /** Extra context for the README partial (tables no anchor module has). */
  readmeContext?: () => Record<string, unknown>;
  /** Other generated files, relative to the directory (terraform test files). */
  extraFiles?: () => Record<string, string>;
}

/** The README's prose is the Handlebars partial templates/readme/<name>.hbs. */
export const directoryOf = (d: Definition) => `${d.kind}s/${d.name}`;

/** A file's path relative to the repository, as generated headers name it. */
export const sourceOf = (filename: string) => path.relative(path.join(__dirname, "..", ".."), filename).split(path.sep).join("/");
