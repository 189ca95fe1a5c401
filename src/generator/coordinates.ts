// Where users get the modules from, in every README: one setting, package.json's "repository"
// (npm's own field). A fork that publishes changes it there and runs `npm run synth`; the release
// workflow releases only from the repository it names.
import * as fs from "node:fs";
import * as path from "node:path";

/** The release the READMEs pin. Releases are git tags cut by .github/workflows/release.yml; a
 * major release changes this (every `?ref=` and `~>` in the READMEs follows). */
export const DOCUMENTED_RELEASE = "1.0.0";

export interface Coordinates {
  /** "example-org/terraform-aws-cloudshell" */
  repository: string;
  /** "github.com/example-org/terraform-aws-cloudshell", Terraform's git source shorthand. */
  git: string;
  /** "example-org/cloudshell/aws": the registry address, from the registry's naming rule
   * terraform-<PROVIDER>-<NAME> for the repository. */
  registry: string;
  /** "v1.0.0", for `?ref=`. */
  ref: string;
  /** "~> 1.0", for a registry `version`. */
  constraint: string;
}

const GITHUB = /^(?:git\+)?https:\/\/github\.com\/([A-Za-z0-9-]+)\/(terraform-([a-z0-9]+)-([A-Za-z0-9-]+?))(?:\.git)?$/;

/** Coordinates from a package.json "repository" value; an error names the accepted form. */
export function coordinatesOf(repository: unknown): Coordinates {
  const url = typeof repository === "string" ? repository : (repository as { url?: unknown } | undefined)?.url;
  const m = typeof url === "string" ? GITHUB.exec(url) : null;
  if (!m) {
    throw new Error(
      `package.json "repository" must be { "type": "git", "url": "https://github.com/<owner>/terraform-<provider>-<name>.git" } (the registry's naming rule); got ${JSON.stringify(repository)}`,
    );
  }
  const [, owner, repo, provider, name] = m;
  const [major, minor] = DOCUMENTED_RELEASE.split(".");
  return {
    repository: `${owner}/${repo}`,
    git: `github.com/${owner}/${repo}`,
    registry: `${owner}/${name}/${provider}`,
    ref: `v${DOCUMENTED_RELEASE}`,
    constraint: `~> ${major}.${minor}`,
  };
}

const PACKAGE_JSON = path.join(__dirname, "..", "..", "package.json");

/** This repository's coordinates, from package.json. */
export const COORDINATES: Coordinates = coordinatesOf(JSON.parse(fs.readFileSync(PACKAGE_JSON, "utf8")).repository);
