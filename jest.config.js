/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": "ts-jest" },
  testTimeout: 120000,
  // Terraform runs in temporary directories; two workers match the machine's two cores.
  maxWorkers: 2,
};
