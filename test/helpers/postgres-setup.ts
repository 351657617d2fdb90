/**
 * Runs in every test worker before its tests. DATABASE_URL (exported by .ci/run when it starts the
 * throwaway server) is for the store suites that ask for Postgres on purpose, through `postgresUrl`: every
 * other test, and every script a test spawns, keeps the SQLite index its setup names.
 */
if (process.env.DATABASE_URL) {
  process.env.BRIEFING_TEST_DATABASE_URL = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
}
