import pg from 'pg';
import { IndexError } from '../open-database.js';
import { describeLocation, type PgLocation } from './pg-location.js';

/** The schema the index (and the feedback) live in, unless PG_SCHEMA names another. */
export const DEFAULT_PG_SCHEMA = 'briefing';

export { describeLocation, type PgLocation } from './pg-location.js';

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'ECONNRESET',
  'EPIPE',
]);
// admin_shutdown, crash_shutdown, cannot_connect_now: the server is restarting or going down.
const SERVER_GONE_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Whether the server could not be reached (or went away): worth trying again in a moment. */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || SERVER_GONE_CODES.has(code))) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection is closed|Client was closed|timeout exceeded when trying to connect/i.test(
    message,
  );
}

/**
 * Postgres's refusals as one line naming cause and fix; other errors are returned unchanged. The URL is
 * shown without its password.
 */
export function describePgError(location: PgLocation, error: unknown): unknown {
  if (error instanceof IndexError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const reason = oneLine(error instanceof Error ? error.message : String(error));
  const where = describeLocation(location);
  let user = 'the user';
  let database = 'the database';
  try {
    const parsed = new URL(location.url);
    user = `the user "${decodeURIComponent(parsed.username) || process.env.USER || ''}"`;
    database = `the database "${decodeURIComponent(parsed.pathname.slice(1)) || 'postgres'}"`;
  } catch {
    // An unparsable URL is reported by pg itself below.
  }
  if (isUnavailable(error)) {
    return new IndexError(
      `Cannot reach the PostgreSQL server at ${where} (${reason}). Start the server or fix DATABASE_URL, then try again.`,
      'unavailable',
    );
  }
  if (code === '28P01' || code === '28000') {
    return new IndexError(
      `PostgreSQL refused ${user} at ${where} (${reason}). Check the user name and password in DATABASE_URL.`,
    );
  }
  if (code === '3D000') {
    return new IndexError(
      `${database[0]!.toUpperCase()}${database.slice(1)} does not exist on the PostgreSQL server at ${where}. Create it (createdb) or fix the database name in DATABASE_URL.`,
    );
  }
  if (code === '58P01' || code === '0A000' || /extension "vector"/.test(reason)) {
    return new IndexError(
      `The PostgreSQL server at ${where} has no pgvector extension ("vector": ${reason}). Install pgvector for the server's PostgreSQL version (Debian and Ubuntu: the postgresql-NN-pgvector package; or run the pgvector/pgvector container image), then run again.`,
    );
  }
  if (code === '42501') {
    return new IndexError(
      `${user[0]!.toUpperCase()}${user.slice(1)} may not do this in ${where} (${reason}). Grant it the rights to create tables in the database (and have a superuser run CREATE EXTENSION vector once), or use another user in DATABASE_URL.`,
    );
  }
  return error;
}

/**
 * The usual setting for data held in memory or on SSD, where Postgres's default (4) is for spinning disks.
 * With 4, full text scanned the whole passages table once a question matched a fifth of it, evaluating the
 * match on every passage's terms; through the GIN index instead, a BBC headline (1,993 of 10,646 passages)
 * took 85 to 135 ms instead of 260 to 400 ms (the BM25 query in psql, load average about 19 on 2 cores).
 * Through the store (scripts/bench/pg-full-text.ts, 40 headlines, two runs each way, taken in turns):
 * p95 356 and 296 ms against 393 and 517 ms, medians alike (68 to 93 ms). Set once per connection: a
 * SET LOCAL per question cost more round trips than it saved. (Measured on the GIN-index query that the
 * postings replaced; it keeps index scans preferred for the postings' key and the passages' ids.)
 */
const RANDOM_PAGE_COST = 1.1;

/**
 * Tables found in the index's schema. JIT off: the BM25 query's estimates (a one-row table read as 1,700 rows
 * before its first ANALYZE) made Postgres compile it, 1.3 s of a 1.4 s query on a 263-passage index,
 * 10 ms without.
 */
const connectionOptions = (location: PgLocation, settings: ConnectionSettings = {}) =>
  [
    `-c search_path=${quoteIdentifier(location.schema)},public -c jit=off -c random_page_cost=${RANDOM_PAGE_COST}`,
    ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
  ].join(' ');

/** Settings of every connection of a pool, given when it connects: no statement of its own. */
export type ConnectionSettings = Record<string, string | number>;

/**
 * A pool of connections whose tables are found in `schema`. Idle connections dropped by a server restart
 * are replaced on the next query: the pool's own error event must be listened to, or the process exits.
 */
export function createPool(location: PgLocation, max = 4, settings: ConnectionSettings = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: location.url,
    max,
    connectionTimeoutMillis: 5000,
    // Names the index in pg_stat_activity, for an admin looking at who is connected.
    application_name: `briefing-bot:${location.schema}`,
    options: connectionOptions(location, settings),
  });
  pool.on('error', () => {
    // A connection the server closed while idle: the pool drops it and opens another when needed.
  });
  return pool;
}

/** A connection of its own, for a writer that holds a transaction and an advisory lock. */
export async function connectClient(location: PgLocation): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: location.url,
    connectionTimeoutMillis: 5000,
    options: connectionOptions(location),
  });
  client.on('error', () => {
    // Reported by the query that meets it.
  });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw describePgError(location, error);
  }
  return client;
}

export { quoteIdentifier };
