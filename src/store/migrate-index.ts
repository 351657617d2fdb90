import type { IndexCopy, ReadProgress } from './index-copy.js';
import type { WriteProgress } from './index-writer.js';
import { IndexError, modelMismatchMessage } from './open-database.js';
import { indexLocation, openIndexWriting, type StoreConfig } from './open-store.js';
import { readPgIndex } from './postgres/read-pg-index.js';
import { readSqliteIndex } from './read-sqlite-index.js';
import { SCHEMA_VERSION, type IndexModel } from './schema.js';

export type MigrateConfig = StoreConfig & { INGEST_LOCK_TIMEOUT_SECONDS: number };

export interface MigrateProgress {
  onRead?: ReadProgress;
  /** Passages written so far, of `total`. */
  onWrite?: (passagesWritten: number, total: number) => void;
  onWaitForLock?: (seconds: number) => void;
}

export interface MigrateSummary {
  from: string;
  to: string;
  model: IndexModel;
  articles: number;
  passages: number;
  quotes: number;
  seconds: number;
}

/** The index of one store read whole: Postgres when the settings name a database, else the SQLite file. */
function readIndex(config: MigrateConfig, onProgress?: ReadProgress): Promise<IndexCopy> | IndexCopy {
  return config.DATABASE_URL
    ? readPgIndex({ url: config.DATABASE_URL, schema: config.PG_SCHEMA }, config.EMBEDDING_MODEL, onProgress)
    : readSqliteIndex(config.DB_PATH, config.EMBEDDING_MODEL, {
        sqliteVecPath: config.SQLITE_VEC_PATH,
        onProgress,
      });
}

/** Another model's index is not replaced by a copy, as ingest does not replace it without --full. */
function refuseOtherModel(location: string, found: IndexModel, wanted: IndexModel | string): never {
  throw new IndexError(
    `Nothing was copied: ${location} holds another model's index. ${modelMismatchMessage(found, wanted)} Or migrate into another schema (PG_SCHEMA) or file (DB_PATH).`,
    'other-model',
  );
}

/**
 * Copies the whole index of `from` into `to`, vectors included (nothing is embedded again), replacing the
 * index there in one transaction: if anything fails, `to` keeps its previous index. Both must be of the
 * model EMBEDDING_MODEL names: the source is read as the bot reads it, and an index of another model at
 * the target is refused, as ingest refuses it.
 */
export async function migrateIndex(
  from: MigrateConfig,
  to: MigrateConfig,
  progress: MigrateProgress = {},
): Promise<MigrateSummary> {
  const started = performance.now();
  const target = await openIndexWriting(to);
  try {
    const current = target.meta?.schemaVersion === SCHEMA_VERSION ? target.meta : null;
    if (current && current.model !== to.EMBEDDING_MODEL)
      refuseOtherModel(target.location, current, to.EMBEDDING_MODEL);
    await target.checkBeforeWrite();
    const copy = await readIndex(from, progress.onRead);
    if (current && current.dimension !== copy.model.dimension)
      refuseOtherModel(target.location, current, copy.model);
    const passages = copy.articles.reduce((sum, item) => sum + item.passages.length, 0);
    await target.lock({
      timeoutSeconds: to.INGEST_LOCK_TIMEOUT_SECONDS,
      onWait: progress.onWaitForLock,
    });
    const onWrite: WriteProgress = (written) => progress.onWrite?.(written, passages);
    await target.write(
      {
        rebuild: copy.model,
        remove: [],
        upsert: copy.articles,
        digest: copy.digest,
        // None recorded (an index from before the files table): the next ingest reads every file once.
        files: copy.files ?? [],
        calibration: copy.calibration,
      },
      onWrite,
    );
    return {
      from: indexLocation(from),
      to: target.location,
      model: copy.model,
      articles: copy.articles.length,
      passages,
      quotes: copy.articles.reduce((sum, item) => sum + item.quotes.length, 0),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await target.close();
  }
}
