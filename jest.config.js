/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": "ts-jest" },
  testTimeout: 120000,
  // One hashicorp/aws process shared by every worker's schema-only Terraform commands.
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
  setupFilesAfterEnv: ["<rootDir>/test/support/assertions.ts"],
  // Terraform runs in temporary directories; two workers match the machine's two cores.
  maxWorkers: 2,
};
