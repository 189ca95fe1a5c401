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

/** One generated directory: a module under modules/ or an example under examples/. */
export interface Definition {
  name: string;
  kind: "module" | "example";
  /** Where to edit instead: the TypeScript file that defines it. */
  source: string;
  title: string;
  requirements: Requirements;
  build(unit: Unit): void;
  /** Handlebars partial under templates/readme/ with the README's prose. */
  readme: string;
  /** Extra context for the README partial (tables no anchor module has). */
  readmeContext?: () => Record<string, unknown>;
  /** Other generated files, relative to the directory (terraform test files). */
  extraFiles?: () => Record<string, string>;
}

export const directoryOf = (d: Definition) => `${d.kind === "module" ? "modules" : "examples"}/${d.name}`;
