import js from "@eslint/js";
import tseslint from "typescript-eslint";

// The package root loads every AWS resource class (~3.5 s, ~550 MB per process).
const deepProviderImports = {
  paths: [{ name: "@cdktf/provider-aws", message: "Import by deep path: @cdktf/provider-aws/lib/<resource>." }],
  patterns: [{ regex: "^@cdktf/provider-aws/lib$", message: "Import by deep path: @cdktf/provider-aws/lib/<resource>." }],
};
// The simulator is AGPL-3.0: evidence tooling (tools/) and tests may use it; nothing shipped may.
const agpl = { name: "@cloud-copilot/iam-simulate", message: "AGPL-3.0: only tools/ and test/ may import the simulator; src/ is the generator and the definitions of what is shipped." };

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
  {
    // The generator and the definitions: shipped, so no simulator and nothing from the evidence tooling or tests.
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [...deepProviderImports.paths, agpl],
          patterns: [
            ...deepProviderImports.patterns,
            { regex: "^@cloud-copilot/iam-simulate(/|$)", message: agpl.message },
            { regex: "(^|/)(tools|test)(/|$)", message: "src/ must not import evidence tooling (tools/) or tests (test/)." },
          ],
        },
      ],
    },
  },
  {
    // The cloudshell-review command ships alone (dist/, npx from git): node's own modules, the facts
    // and its own files only; no package, and nothing of the generator (cdktf) or the evidence tooling.
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
  {
    // Evidence tooling is imported by tests and scripts, and never imports from test/.
    files: ["tools/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: deepProviderImports.paths, patterns: [...deepProviderImports.patterns, { regex: "(^|/)test(/|$)", message: "tools/ must not import from test/." }] },
      ],
    },
  },
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
