// A registry page shows a module's or example's README without the repository around it, so a
// relative link there leads nowhere. Every relative link of a generated README becomes an absolute
// one into the repository (package.json's coordinates) at the release tag the READMEs pin, and a
// link to a file or directory that does not exist stops the generator.
import * as path from "node:path";
import { DefinitionError } from "../errors";

/** What a repository path is: a file, a directory, or nothing. */
export type PathKind = "file" | "directory" | undefined;

/** Markdown inline links: [text](target) and [text](target "title"). */
const LINK = /\]\(([^)\s]+)((?:\s+"[^"]*")?)\)/g;
const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i;

/**
 * The README at `readme` (a repository path) with every relative link made absolute:
 * https://github.com/<repository>/blob|tree/<ref>/<path>, blob for a file, tree for a directory.
 */
export function absoluteLinks(markdown: string, readme: string, kindOf: (repositoryPath: string) => PathKind, coordinates: { repository: string; ref: string }): string {
  const dir = path.posix.dirname(readme);
  return markdown.replace(LINK, (whole, target: string, title: string) => {
    if (ABSOLUTE.test(target)) return whole;
    const [file, anchor] = target.split(/(?=#)/);
    const resolved = path.posix.normalize(path.posix.join(dir, file)).replace(/\/$/, "");
    if (resolved.startsWith("..")) throw new DefinitionError(readme, `links to ${target}, outside the repository`);
    const kind = kindOf(resolved);
    if (!kind) throw new DefinitionError(readme, `links to ${target} (${resolved}), which does not exist: correct the link in its README.hbs`);
    return `](https://github.com/${coordinates.repository}/${kind === "file" ? "blob" : "tree"}/${coordinates.ref}/${resolved}${anchor ?? ""}${title})`;
  });
}
