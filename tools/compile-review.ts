// npm run review:compile: the cloudshell-review command as the JavaScript its package ships, in
// dist/: src/review/cli.ts and every file it imports (src/review/, src/facts/), each transpiled on its
// own with the project's compiler options (tsc --noEmit type-checks them in npm test). dist/ is
// committed, so that `npx github:<owner>/<repo>#<tag>` runs the command without installing anything:
// the package has no dependencies and no install or prepare script (README, "Plan review").
// test/review/bin.test.ts fails when the committed files are not these.
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

const ROOT = path.join(__dirname, "..");
export const ENTRY = "src/review/cli.ts";
export const OUT = "dist";

const header = (source: string) => `// Generated from ${source} by npm run review:compile; do not edit.\n`;

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile).config as { compilerOptions: object };
  const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, ROOT);
  return { ...options, noEmit: false, sourceMap: false, declaration: false, incremental: false };
}

/** The files the entry imports, transitively (relative imports only: the command imports no package). */
function sources(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (rel: string) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const text = fs.readFileSync(path.join(ROOT, rel), "utf8");
    for (const m of text.matchAll(/^(?:import|export)\b[^;]*?from\s+"([^"]+)"/gm)) {
      const spec = m[1];
      if (spec.startsWith("node:")) continue;
      if (!spec.startsWith(".")) throw new Error(`${rel} imports ${spec}: the review command imports only node: modules and files of its own`);
      visit(path.posix.join(path.posix.dirname(rel), `${spec}.ts`));
    }
  };
  visit(entry);
  return [...seen].sort();
}

let compiled: Map<string, string> | undefined;

/** dist/<path>.js -> content, for every file of the command (computed once per process). */
export function compiledReview(): Map<string, string> {
  if (compiled) return compiled;
  const options = compilerOptions();
  const out = new Map<string, string>();
  for (const rel of sources(ENTRY)) {
    const text = fs.readFileSync(path.join(ROOT, rel), "utf8");
    let js = ts.transpileModule(text, { compilerOptions: options, fileName: rel }).outputText;
    // The shebang stays the first line; the header follows it.
    js = js.startsWith("#!") ? js.replace(/^(#![^\n]*\n)/, `$1${header(rel)}`) : `${header(rel)}${js}`;
    out.set(path.posix.join(OUT, rel.replace(/^src\//, "").replace(/\.ts$/, ".js")), js);
  }
  compiled = out;
  return out;
}

/** The files under the command's folders of dist/ (dist/review, dist/facts). */
export function committedReview(folders = [...new Set([...compiledReview().keys()].map((f) => path.posix.dirname(f)))]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    const abs = path.join(ROOT, rel);
    if (!fs.existsSync(abs)) return;
    for (const name of fs.readdirSync(abs).sort()) {
      const child = path.posix.join(rel, name);
      if (fs.statSync(path.join(ROOT, child)).isDirectory()) walk(child);
      else out.set(child, fs.readFileSync(path.join(ROOT, child), "utf8"));
    }
  };
  for (const folder of folders) walk(folder);
  return out;
}

if (require.main === module) {
  const fresh = compiledReview();
  for (const rel of committedReview([...new Set([...fresh.keys()].map((f) => path.posix.dirname(f)))]).keys()) if (!fresh.has(rel)) fs.rmSync(path.join(ROOT, rel));
  for (const [rel, js] of fresh) {
    fs.mkdirSync(path.dirname(path.join(ROOT, rel)), { recursive: true });
    fs.writeFileSync(path.join(ROOT, rel), js);
  }
  console.log(`wrote ${fresh.size} file(s) into ${OUT}/`);
}
