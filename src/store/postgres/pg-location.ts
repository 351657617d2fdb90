/**
 * Where a Postgres index is, without the driver: a SQLite bot names its store through this module and
 * never loads `pg` (src/store/open-store.ts imports the Postgres modules only when DATABASE_URL is set).
 */
export interface PgLocation {
  /** DATABASE_URL: postgres://user:password@host:port/database */
  url: string;
  schema: string;
}

/** The URL without its password: what messages and summaries show. */
export function describeLocation({ url, schema }: PgLocation): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return `${parsed.toString()} (schema ${schema})`;
  } catch {
    return `DATABASE_URL (schema ${schema})`;
  }
}
