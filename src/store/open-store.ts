import type { CoreConfig } from '../config.js';
import { SqliteFeedbackStore, type FeedbackStore } from './feedback-store.js';
import { FollowedIndex, type StoreLease } from './followed-index.js';
import { inspectSqliteIndex, IndexWriteSession } from './index-write-session.js';
import type { IndexInspection, IndexWriting } from './index-writing.js';
import { openIndexForWrite } from './open-database.js';
import { SqlitePassageStore, type PassageStore, type PassageStoreOptions } from './passage-store.js';
import { describeLocation, type PgLocation } from './postgres/pg-location.js';
import type { PostgresPassageStore } from './postgres/postgres-passage-store.js';
import { writeCalibration } from './schema.js';

/**
 * The Postgres store's modules, loaded only when DATABASE_URL is set: the `pg` driver they bring costs a
 * SQLite bot about 60 ms of its start-up (120 CPU-ms measured on the loaded 2-core machine) for nothing.
 */
const postgres = {
  passageStore: () => import('./postgres/postgres-passage-store.js'),
  indexWriter: () => import('./postgres/postgres-index-writer.js'),
  feedbackStore: () => import('./postgres/postgres-feedback-store.js'),
  schema: () => import('./postgres/pg-schema.js'),
  connect: () => import('./postgres/pg-connect.js'),
};

/**
 * Which store runs is decided here and nowhere else: DATABASE_URL set means PostgreSQL with pgvector,
 * otherwise the SQLite file at DB_PATH. Everything above src/store/ sees only PassageStore and
 * IndexWriting.
 */
export type StoreConfig = Pick<
  CoreConfig,
  'DB_PATH' | 'DATABASE_URL' | 'PG_SCHEMA' | 'EMBEDDING_MODEL' | 'VECTOR_QUANTIZE_ABOVE' | 'SQLITE_VEC_PATH'
>;

const pgLocation = (config: StoreConfig): PgLocation | null =>
  config.DATABASE_URL ? { url: config.DATABASE_URL, schema: config.PG_SCHEMA } : null;

/** Where the index is, for messages: the file, or the database without its password. */
export function indexLocation(config: StoreConfig): string {
  const pg = pgLocation(config);
  return pg ? describeLocation(pg) : config.DB_PATH;
}

/** The index a long-running reader (the bot, `npm run ask`) answers from, lease by lease. */
export interface StoreIndex {
  lease(): StoreLease;
  read<T>(work: (store: PassageStore) => Promise<T>): Promise<T>;
  close(): void;
}

/** Postgres needs no following: every query reads the last committed index, whoever wrote it. */
class PostgresIndex implements StoreIndex {
  constructor(private readonly store: PostgresPassageStore) {}

  lease(): StoreLease {
    return { store: this.store, release: () => undefined };
  }

  read<T>(work: (store: PassageStore) => Promise<T>): Promise<T> {
    return work(this.store);
  }

  close(): void {
    void this.store.close();
  }
}

export async function openStoreIndex(
  config: StoreConfig,
  options: Pick<PassageStoreOptions, 'readOnly'> = {},
): Promise<StoreIndex> {
  const pg = pgLocation(config);
  if (pg) {
    const { PostgresPassageStore } = await postgres.passageStore();
    return new PostgresIndex(
      await PostgresPassageStore.open(pg, config.EMBEDDING_MODEL, {
        quantizeAbove: config.VECTOR_QUANTIZE_ABOVE,
      }),
    );
  }
  return FollowedIndex.open(config.DB_PATH, config.EMBEDDING_MODEL, {
    quantizeAbove: config.VECTOR_QUANTIZE_ABOVE,
    sqliteVecPath: config.SQLITE_VEC_PATH,
    readOnly: options.readOnly,
  });
}

/** One store opened once: for scripts that read a fixed index (eval, calibration, benchmarks). */
export async function openPassageStore(
  config: StoreConfig,
  options: Omit<PassageStoreOptions, 'sqliteVecPath'> = {},
): Promise<PassageStore> {
  const quantizeAbove = options.quantizeAbove ?? config.VECTOR_QUANTIZE_ABOVE;
  const pg = pgLocation(config);
  if (pg)
    return (await postgres.passageStore()).PostgresPassageStore.open(pg, config.EMBEDDING_MODEL, {
      quantizeAbove,
    });
  return SqlitePassageStore.open(config.DB_PATH, config.EMBEDDING_MODEL, {
    ...options,
    quantizeAbove,
    sqliteVecPath: config.SQLITE_VEC_PATH,
  });
}

/** The index opened for a re-index's write. */
export async function openIndexWriting(config: StoreConfig): Promise<IndexWriting> {
  const pg = pgLocation(config);
  if (pg) return (await postgres.indexWriter()).PostgresIndexWriting.open(pg);
  return IndexWriteSession.open(config.DB_PATH, config.SQLITE_VEC_PATH);
}

/** The index as a dry run reads it, writing nothing; null when there is none to read. */
export async function inspectIndex(config: StoreConfig): Promise<IndexInspection | null> {
  const pg = pgLocation(config);
  if (pg) return (await postgres.indexWriter()).PostgresIndexWriting.open(pg, { inspectOnly: true });
  return inspectSqliteIndex(config.DB_PATH, config.SQLITE_VEC_PATH);
}

/** Stores the settings measured on the index (self-calibration) beside it. */
export async function saveCalibration(config: StoreConfig, calibration: string): Promise<void> {
  const pg = pgLocation(config);
  if (pg) {
    const [{ createPool, describePgError }, { writePgCalibration }] = await Promise.all([
      postgres.connect(),
      postgres.schema(),
    ]);
    const pool = createPool(pg, 1);
    try {
      await writePgCalibration(pool, calibration);
    } catch (error) {
      throw describePgError(pg, error);
    } finally {
      await pool.end();
    }
    return;
  }
  const { db } = openIndexForWrite(config.DB_PATH, config.SQLITE_VEC_PATH);
  try {
    writeCalibration(db, calibration);
  } finally {
    db.close();
  }
}

/** The votes: in the Postgres schema beside the index, or in their own SQLite file (FEEDBACK_DB_PATH). */
export async function openFeedbackStore(
  config: Pick<StoreConfig, 'DATABASE_URL' | 'PG_SCHEMA'> & { FEEDBACK_DB_PATH: string },
): Promise<FeedbackStore> {
  if (!config.DATABASE_URL) return SqliteFeedbackStore.open(config.FEEDBACK_DB_PATH);
  const { PostgresFeedbackStore } = await postgres.feedbackStore();
  return PostgresFeedbackStore.open({ url: config.DATABASE_URL, schema: config.PG_SCHEMA });
}
