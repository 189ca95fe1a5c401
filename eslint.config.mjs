import js from "@eslint/js";
import tseslint from "typescript-eslint";

// The package root loads every AWS resource class (~3.5 s, ~550 MB per process).
const deepProviderImports = {
  paths: [{ name: "@cdktf/provider-aws", message: "Import by deep path: @cdktf/provider-aws/lib/<resource>." }],
  patterns: [{ regex: "^@cdktf/provider-aws/lib$", message: "Import by deep path: @cdktf/provider-aws/lib/<resource>." }],
};
// The simulator is AGPL-3.0: the evidence (src/evidence/), development tooling (tools/) and tests
// may use it; nothing shipped, and nothing the generator or the definitions run, may.
const agpl = { name: "@cloud-copilot/iam-simulate", message: "AGPL-3.0: only src/evidence/, tools/ and test/ may import the simulator; the generator and the definitions may not." };
const agplPattern = { regex: "^@cloud-copilot/iam-simulate(/|$)", message: agpl.message };
const noToolsOrTests = { regex: "(^|/)(tools|test)(/|$)", message: "src/ must not import development tooling (tools/) or tests (test/)." };
// The folders a layer must not import from, named by their path from the importing file.
const evidenceCode = { regex: "^(\\./|(\\.\\./)+)evidence/(?!files$)", message: "Outside src/evidence/, import only src/evidence/files.ts (the evidence files' paths and shapes): the evidence's code runs Terraform and the simulator." };
const definitionsFromGenerator = { regex: "^\\.\\./(modules|examples|definitions)(/|$)", message: "src/generator/ serves every definition and imports none: pass a module's data in (src/definitions.ts), or move single-module code into its folder." };
const seamImports = { regex: "^(?!node:|cdktf$|constructs$|\\./|\\.\\./hcl/|\\.\\./errors$)", message: "src/cdktf/ imports only cdktf, constructs, src/hcl/ and src/errors.ts: the generator and the definitions build on it." };
const evidenceImports = {
  regex: "^(?!node:|@cloud-copilot/iam-simulate$|\\./|\\.\\./(facts|hcl)/|\\.\\./modules/mistakes$)",
  message: "src/evidence/ judges the generated files: it imports node:, the simulator, src/facts/, src/hcl/ and the mistakes' rows, never a definition, its tests or its rules (or its key would change with them).",
};
const moduleInternalsFromTools = { regex: "(^|/)src/(modules/[^/]+|examples)/", message: "tools/ imports no module's or example's internals (definitions, terraform-tests, rules): read the generated files, or src/evidence/." };

/** no-restricted-imports with the deep-path rule and `more` patterns. */
const restrict = (paths, ...more) => ["error", { paths: [...deepProviderImports.paths, ...paths], patterns: [...deepProviderImports.patterns, ...more] }];

export default tseslint.config(
  { ignores: ["node_modules/", "cdktf.out/", "dist/", "modules/", "examples/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "no-restricted-imports": ["error", deepProviderImports],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  // The layers of src/, lowest first: src/hcl/, src/facts/, src/errors.ts; src/cdktf/ (the seam);
  // src/generator/; the definitions (src/modules/, src/examples/); src/evidence/ (the generated
  // files judged); src/definitions.ts and src/pipeline.ts, which put them together.
  { files: ["src/**/*.ts"], rules: { "no-restricted-imports": restrict([agpl], agplPattern, noToolsOrTests, evidenceCode) } },
  { files: ["src/generator/**/*.ts"], rules: { "no-restricted-imports": restrict([agpl], agplPattern, noToolsOrTests, evidenceCode, definitionsFromGenerator) } },
  { files: ["src/cdktf/**/*.ts"], rules: { "no-restricted-imports": restrict([agpl], agplPattern, seamImports) } },
  { files: ["src/evidence/**/*.ts"], rules: { "no-restricted-imports": restrict([], noToolsOrTests, evidenceImports) } },
  { files: ["src/pipeline.ts"], rules: { "no-restricted-imports": restrict([agpl], agplPattern, noToolsOrTests) } },
  {
    // The cloudshell-review command ships alone (dist/, npx from git): node's own modules, the facts
    // and its own files only; no package, and nothing of the generator (cdktf) or the evidence.
    files: ["src/review/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [agpl],
          patterns: [
            { regex: "^(?!node:|\\./|\\.\\./facts/)", message: "src/review/ imports only node: modules, its own files and ../facts/: the command ships without dependencies." },
          ],
        },
      ],
    },
  },
  // Development tooling: imported by tests and scripts, never by synth; it never imports test/ or a definition's internals.
  { files: ["tools/**/*.ts"], rules: { "no-restricted-imports": restrict([], { regex: "(^|/)test(/|$)", message: "tools/ must not import from test/." }, moduleInternalsFromTools) } },
  // What `npm run synth` runs is src/ alone: the app imports nothing from tools/.
  { files: ["scripts/synth.ts"], rules: { "no-restricted-imports": restrict([], { regex: "(^|/)tools(/|$)", message: "synth imports nothing from tools/ (development tooling): what it runs lives in src/." }) } },
  {
    // The Go runtime inside @cdktf/hcl2json holds a worker open unless its timers are unref'd there.
    files: ["test/**/*.ts"],
    ignores: ["test/support/hcl2json.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [...deepProviderImports.paths, { name: "@cdktf/hcl2json", message: "Import parse from test/support/hcl2json.ts, which keeps its Go runtime from holding jest's worker open." }], patterns: deepProviderImports.patterns },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { globals: { module: "writable", require: "readonly", __dirname: "readonly", process: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
