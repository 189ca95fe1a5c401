import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "cdktf.out/", "dist/", "modules/", "examples/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // The package root loads every AWS resource class (~3.5 s, ~550 MB per process).
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@cdktf/provider-aws", message: "Import by deep path: @cdktf/provider-aws/lib/<resource>." }],
          patterns: [{ regex: "^@cdktf/provider-aws/lib$", message: "Import by deep path: @cdktf/provider-aws/lib/<resource>." }],
        },
      ],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { globals: { module: "writable", require: "readonly", __dirname: "readonly", process: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
