// Every test must make at least one assertion: a test whose checks were all left out (a guard that
// returns early, a loop over nothing) fails instead of passing. Work that cannot run here is
// reported as skipped by jest, never as passed (test/support/provider.ts).
beforeEach(() => expect.hasAssertions());
