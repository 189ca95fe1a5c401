// Set up before every test file (jest.config.js, setupFilesAfterEnv).
//
// Every test must make at least one assertion: a test whose checks were all left out (a guard that
// returns early, a loop over nothing) fails instead of passing. Work that cannot run here is
// reported as skipped by jest, never as passed (test/support/provider.ts).
beforeEach(() => expect.hasAssertions());

// expect(report).toReportNothing(): for checks whose failure is a report written to be read as it is
// (a drift's hunks, a stale evidence file's change), printed without quoting.
expect.extend({
  toReportNothing(report: string | undefined) {
    return { pass: !report, message: () => (report ? report : "expected a report, and there was none") };
  },
});

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toReportNothing(): R;
    }
  }
}

export {};
