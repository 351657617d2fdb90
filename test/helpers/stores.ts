import pg from 'pg';

export type StoreKind = 'sqlite' | 'postgres';

/**
 * The throwaway server's URL for tests that run against Postgres. Unset outside CI: those tests are
 * skipped (said so by their names). Unset in CI (CI=true): they fail, never skipped silently there.
 */
export function postgresUrl(): string | undefined {
  const url = process.env.BRIEFING_TEST_DATABASE_URL;
  if (!url && process.env.CI === 'true') {
    throw new Error(
      'DATABASE_URL is not set in CI: .ci/run must start PostgreSQL (../shared/postgres/start-postgres.sh) before the tests.',
    );
  }
  return url;
}

let schemas = 0;

/** A schema of its own per test index, so test files and tests never share tables; dropped by `drop`. */
export function scratchSchema(label: string): { schema: string; drop(): Promise<void> } {
  const schema = `test_${label}_${process.pid}_${++schemas}`;
  return {
    schema,
    drop: async () => {
      const url = postgresUrl();
      if (!url) return;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
