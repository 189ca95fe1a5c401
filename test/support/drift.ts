// What a drift failure says: each stale file's first differing hunk, and the tests that judge such a
// change (they recompute what the file means: a simulation, a plan, the matches, and fail when that
// is not what they expect). Regenerating is the last step, not the first: `npm run synth` makes the
// drift check pass whatever the change means, so the message names what to run before it.
import * as fs from "node:fs";
import * as path from "node:path";
import { MANIFEST, staleFiles } from "../../src/generator/files";
import { ROOT } from "../../tools/generated";

const CONTEXT = 3;
/** Lines of a hunk's removed and added parts shown before "... n more". */
const SHOWN = 12;
/** How many lines past the first difference the two texts are searched for lines in common again. */
const SEARCH = 400;

const same = (a: string[], i: number, b: string[], j: number, n: number) => {
  for (let k = 0; k < n; k++) if (a[i + k] !== b[j + k]) return false;
  return true;
};

/** Where the two texts have `CONTEXT` lines in common again, or both end, after the first difference at `start`. */
function resync(a: string[], b: string[], start: number): [number, number] {
  for (let d = 1; d <= SEARCH; d++) {
    for (let da = 0; da <= d; da++) {
      const [i, j] = [start + da, start + d - da];
      if (i > a.length || j > b.length) continue;
      const n = Math.min(CONTEXT, a.length - i, b.length - j);
      const ends = i + n === a.length && j + n === b.length;
      if ((n === CONTEXT || ends) && same(a, i, b, j, n)) return [i, j];
    }
  }
  return [a.length, b.length];
}

/** The first hunk in which `after` differs from `before`, in unified-diff form; "" when they are equal. */
export function firstHunk(before: string, after: string): string {
  if (before === after) return "";
  const [a, b] = [before.split("\n"), after.split("\n")];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  const [endA, endB] = resync(a, b, start);
  const from = Math.max(0, start - CONTEXT);
  const shown = (lines: string[], sign: string) =>
    lines.length > SHOWN ? [...lines.slice(0, SHOWN).map((l) => sign + l), `${sign}... ${lines.length - SHOWN} more line(s)`] : lines.map((l) => sign + l);
  const leading = a.slice(from, start).map((l) => ` ${l}`);
  const trailing = a.slice(endA, Math.min(a.length, endA + CONTEXT)).map((l) => ` ${l}`);
  const lengthA = endA - from + trailing.length;
  const lengthB = endB - from + trailing.length;
  return [`@@ -${from + 1},${lengthA} +${from + 1},${lengthB} @@`, ...leading, ...shown(a.slice(start, endA), "-"), ...shown(b.slice(start, endB), "+"), ...trailing].join("\n");
}

const SHIPPED_TESTS = "test/modules/shipped-tests.terraform.test.ts";
const MISTAKES_TEST = "test/modules/mistakes.terraform.test.ts";
const PLANS_TEST = "test/examples/plans.terraform.test.ts";

/** The test files under a folder of test/, sorted. */
function testFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".test.ts")).map((f) => path.posix.join(dir, f)).sort();
}

/** The Terraform-tier tests whose text names an evidence file (`evidence/<name>`, without its extension): those that recompute it. */
const testsNaming = (evidence: string) => testFiles("test").filter((f) => f.endsWith(".terraform.test.ts") && fs.readFileSync(path.join(ROOT, f), "utf8").includes(evidence));

/**
 * The tests that judge a change to the generated file `rel`, most specific first. test/ mirrors
 * src/: a module's own tests are in test/modules/<name>/, an example's in test/examples/; the
 * repository's own files (.gitattributes, CODEOWNERS) are read back by test/generator/repository-files.test.ts.
 */
export function judgesOf(rel: string): string[] {
  const [top, name] = rel.split("/");
  const found =
    top === "modules" ? [...testFiles(`test/modules/${name}`), SHIPPED_TESTS, MISTAKES_TEST]
    : top === "wrappers" ? [PLANS_TEST, MISTAKES_TEST]
    : top === "examples" ? [...testFiles("test/examples").filter((f) => path.basename(f).startsWith(`${name}.`)), PLANS_TEST]
    : top === "evidence" && name === "plans" ? [PLANS_TEST]
    : top === "evidence" ? testsNaming(rel.replace(/\.(json|md)$/, ""))
    : rel === MANIFEST ? ["test/generator/files.test.ts"]
    : ["test/generator/repository-files.test.ts"];
  return [...new Set(found)];
}

/** What a test file says it checks: the first sentence of its header comment. */
function purpose(file: string): string {
  const lines = fs.readFileSync(path.join(ROOT, file), "utf8").split("\n");
  const header = lines.slice(0, Math.max(0, lines.findIndex((l) => !l.startsWith("//")))).map((l) => l.replace(/^\/\/\s*/, "")).join(" ");
  const sentence = /^.*?\.(?=\s|$)/.exec(header)?.[0] ?? header;
  return sentence.length > 200 ? `${sentence.slice(0, sentence.lastIndexOf(" ", 200))} ...` : sentence;
}

/** A stale file's part of a message: its first hunk and, unless told otherwise, its judges. */
export function staleEntry(rel: string, committed: string | undefined, fresh: string | undefined, options = { judges: true }): string {
  const change = committed === undefined ? "(not committed: a new file)" : fresh === undefined ? "(no longer generated: synth removes it)" : firstHunk(committed, fresh);
  const judges = options.judges ? judgesOf(rel).map((f) => `  judged by ${f}${purpose(f) ? `: ${purpose(f)}` : ""}`) : [];
  return [rel, change.split("\n").map((l) => `  ${l}`).join("\n"), ...judges].join("\n");
}

/**
 * The drift check's message, or undefined when the tree at `root` is what the generator writes:
 * every stale file with its first differing hunk and the tests that judge it.
 */
export function driftReport(root: string, files: Map<string, string>): string | undefined {
  const stale = staleFiles(root, files);
  if (!stale.length) return undefined;
  const read = (rel: string) => (fs.existsSync(path.join(root, rel)) ? fs.readFileSync(path.join(root, rel), "utf8") : undefined);
  return [
    `${stale.length} generated file(s) differ from what the generator writes from src/ now (committed lines -, generated lines +).`,
    "Do not regenerate to make this pass before each change is meant: run the tests that judge it first",
    "(`npx jest <file>`; they compute what the new files mean). Then `npm run synth`, `npm test`, and commit src/ and the files together.",
    "",
    ...stale.map((rel) => staleEntry(rel, read(rel), files.get(rel))),
  ].join("\n");
}
