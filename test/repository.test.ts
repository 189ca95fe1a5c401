// The committed files, read as a reader of the repository reads them: nothing points outside it.
// A citation is an AWS URL or a file here, never a path on someone's machine or a "fact sheet"
// nobody else has; every `npm run <script>` named is a script package.json has.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "../tools/generated";

/** Every file git tracks (committed or staged), with its text; binary files are left out. */
function trackedTexts(): [string, string][] {
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  return files.flatMap((f): [string, string][] => {
    const abs = path.join(ROOT, f);
    if (!fs.existsSync(abs)) return [];
    const buffer = fs.readFileSync(abs);
    return buffer.includes(0) ? [] : [[f, buffer.toString("utf8")]];
  });
}

/** Top-level directories of a machine's file system: a path under one is outside any checkout. */
const SYSTEM_ROOTS = "work|home|Users|root|tmp|opt|srv|mnt|var|etc|usr|private|Volumes|nix|proc|sys|dev|bin|sbin|lib|run|media|snap|workspace|github";
const ABSOLUTE_PATH = new RegExp(`(?<![\\w.:/~\\\\-])/(?:${SYSTEM_ROOTS})/[\\w.$-]+(?:/[\\w.$-]+)*`, "g");

/** Absolute paths the repository names on purpose, each with why it is no citation. */
const ALLOWED_PATHS: Record<string, string> = {
  "/usr/bin/env": "the shebang of the shell scripts",
  "/dev/null": "discarded output and the empty CLI configuration of .ci/run",
  "/opt/tf-plugins": "the default provider mirror (DEFAULT_PLUGIN_DIR in src/evidence/terraform.ts), a setting that TF_PLUGIN_DIR overrides",
  "/usr/bin/x": "an event's FilePath in test/evidence/event-pattern.test.ts, data for a wildcard pattern",
  "/usr/lib/x": "the same test's control value",
};

export function absolutePaths(text: string): string[] {
  return [...text.matchAll(ABSOLUTE_PATH)].map((m) => m[0]).filter((p) => !(p in ALLOWED_PATHS));
}

/** The scripts `npm run` is told to run: "npm run synth", "npm run -s review", "npm run test:unit". */
export function npmScriptsNamed(text: string): string[] {
  return [...text.matchAll(/\bnpm run(?: +(?:-s|--silent))? +([a-z][\w-]*(?::[\w-]+)*)/g)].map((m) => m[1]);
}

const FACT_SHEET = /fact[ -]sheet/i;

/** Paths into this repository's code that a text names in backticks (patterns and placeholders left out). */
const namedCodePaths = (text: string): string[] =>
  [...text.matchAll(/`((?:src|test|tools|scripts)\/[\w./-]*)`/g)].map((m) => m[1]);
/** Paths the documents name that are not there, on purpose, each with why. */
const GONE_ON_PURPOSE: Record<string, string> = {
  "src/policy/": "where the permission matrix was before evidence/: CONTRIBUTING.md says the review reads it there for an old ref",
};

describe("nothing points outside the repository", () => {
  const files = trackedTexts();
  const scripts = Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>);

  test("the checks find what they look for (control)", () => {
    // Put together here, so that this file does not name them itself.
    const outside = ["", "work", "shared", "reference", "cloudshell.md"].join("/");
    const run = "npm " + "run";
    const sample = `see ${outside}, section 6 (fact sheet 4.2); run \`${run} matrix\` then ${run} -s review and ${run} test:unit:`;
    expect(absolutePaths(sample)).toEqual([outside]);
    expect(npmScriptsNamed(sample)).toEqual(["matrix", "review", "test:unit"]);
    expect(FACT_SHEET.test(sample)).toBe(true);
    expect(namedCodePaths("matched by `tools/filter-pattern.ts`, see `src/modules/*/inputs.ts` and `src/evidence/`")).toEqual(["tools/filter-pattern.ts", "src/evidence/"]);
    expect(absolutePaths("https://github.com/o/terraform-aws-x//modules/y and src/facts/prices.ts, #!/usr/bin/env bash")).toEqual([]);
  });

  test("no tracked file names an absolute path on a machine", () => {
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap(([f, text]) => absolutePaths(text).map((p) => `${f}: ${p}`));
    expect(found).toEqual([]);
  });

  test("every `npm run <script>` a tracked file names is a script of package.json", () => {
    const found = files.filter(([f]) => !f.startsWith("node_modules/") && f !== "package-lock.json").flatMap(([f, text]) => npmScriptsNamed(text).filter((s) => !scripts.includes(s)).map((s) => `${f}: npm run ${s}`));
    expect(found).toEqual([]);
  });

  test("every file of this repository a Markdown document names in backticks exists (a moved file is renamed there too)", () => {
    const named = files.filter(([f]) => f.endsWith(".md")).flatMap(([f, text]) => namedCodePaths(text).map((p) => [f, p] as const));
    expect(named.length).toBeGreaterThan(50);
    expect(named.filter(([, p]) => !GONE_ON_PURPOSE[p] && !fs.existsSync(path.join(ROOT, p))).map(([f, p]) => `${f}: ${p}`)).toEqual([]);
  });

  test("no tracked file cites a fact sheet: claims cite an AWS URL, a file here or a test", () => {
    const self = path.relative(ROOT, __filename);
    expect(files.filter(([f, text]) => f !== self && FACT_SHEET.test(text)).map(([f]) => f)).toEqual([]);
  });
});

describe("every tracked file follows .editorconfig", () => {
  /** The [*] section of .editorconfig, which applies to every file. */
  const rules = (() => {
    const text = fs.readFileSync(path.join(ROOT, ".editorconfig"), "utf8");
    const section = text.split(/^\[\*\]$/m)[1].split(/^\[/m)[0];
    return Object.fromEntries([...section.matchAll(/^(\w+) = (\S+)$/gm)].map((m) => [m[1], m[2]]));
  })();
  /** What breaks the rules in one file's text. */
  const breaks = (text: string): string[] => [
    ...(rules.charset === "utf-8" && text.includes("\uFFFD") ? ["not UTF-8"] : []),
    ...(rules.end_of_line === "lf" && text.includes("\r") ? ["CR line ends"] : []),
    ...(rules.insert_final_newline === "true" && text.length > 0 && !text.endsWith("\n") ? ["no final newline"] : []),
    ...(rules.trim_trailing_whitespace === "true" && /[ \t]+$/m.test(text) ? ["trailing whitespace"] : []),
    ...(rules.indent_style === "space" && /^\t/m.test(text) ? ["tab indentation"] : []),
  ];

  test("the rules are the ones this test applies", () => {
    expect(rules).toEqual({ charset: "utf-8", end_of_line: "lf", insert_final_newline: "true", trim_trailing_whitespace: "true", indent_style: "space", indent_size: "2" });
    expect(breaks("a \r\n\tb")).toEqual(["CR line ends", "no final newline", "trailing whitespace", "tab indentation"]); // control
  });

  test("no tracked file breaks them", () => {
    const found = trackedTexts().flatMap(([f, text]) => breaks(text).map((b) => `${f}: ${b}`));
    expect(found).toEqual([]);
  });
});

/** Source files, by extension, outside the generated tree (.generated-files) and dist/ (compiled). */
const SOURCE = /\.(ts|hbs|sh|mjs)$/;
export const MAX_SOURCE_LINES = 400;

/** The files of `files` longer than `max` lines, as "file: n lines". */
export const overLong = (files: [string, string][], max = MAX_SOURCE_LINES): string[] =>
  files.map(([f, text]): [string, number] => [f, text.split("\n").length - (text.endsWith("\n") ? 1 : 0)]).filter(([, n]) => n > max).map(([f, n]) => `${f}: ${n} lines`);

describe(`no source file is over ${MAX_SOURCE_LINES} lines`, () => {
  test("the count is of lines (control)", () => {
    const lines = (n: number) => "x\n".repeat(n);
    expect(overLong([["a.ts", lines(400)], ["b.ts", lines(401)], ["c.ts", `${lines(400)}y`]])).toEqual(["b.ts: 401 lines", "c.ts: 401 lines"]);
  });

  test("every tracked TypeScript, template and script file a person writes is short enough to read whole", () => {
    const generated = new Set(fs.readFileSync(path.join(ROOT, ".generated-files"), "utf8").split("\n"));
    const sources = trackedTexts().filter(([f]) => SOURCE.test(f) && !generated.has(f) && !f.startsWith("dist/"));
    expect(sources.length).toBeGreaterThan(100);
    expect(overLong(sources)).toEqual([]);
  });
});
