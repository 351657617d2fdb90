import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { readMeta, SCHEMA_VERSION, type IndexMeta, type IndexModel } from './schema.js';

/** Something is wrong with the index file or its environment; the message names the cause and the fix. */
export class IndexError extends Error {
  override name = 'IndexError';
}

const REINDEX = 'npm run ingest -- --full';

function loadVectorExtension(db: Database.Database): void {
  try {
    sqliteVec.load(db);
    const { version } = db.prepare('SELECT vec_version() AS version').get() as { version: string };
    if (!version) throw new Error('vec_version() returned nothing');
  } catch (error) {
    db.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new IndexError(
      `The sqlite-vec extension could not be loaded (${reason}). Reinstall dependencies with "npm ci" on this machine so the sqlite-vec binary for ${process.platform}-${process.arch} is present.`,
    );
  }
}

function describeOpenFailure(dbPath: string, error: unknown): IndexError {
  const code = (error as { code?: string }).code ?? '';
  const reason = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new IndexError(
      `The index file ${dbPath} is damaged or is not a SQLite database (${reason}). Delete it and rebuild with ${REINDEX}.`,
    );
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
    return new IndexError(
      `Cannot open the index file ${dbPath} (${reason}). Check that its folder exists and is writable, or set DB_PATH to a writable location.`,
    );
  }
  return new IndexError(`Cannot open the index file ${dbPath}: ${reason}`);
}

function openDatabase(dbPath: string, options: Database.Options): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(dbPath, options);
    db.pragma('busy_timeout = 5000');
    if (!options.fileMustExist) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Reading the schema forces SQLite to look at the file header, so damage shows up here, not mid-query.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    throw describeOpenFailure(dbPath, error);
  }
  loadVectorExtension(db);
  return db;
}

function checkDirectoryWritable(dbPath: string): void {
  const directory = path.dirname(path.resolve(dbPath));
  try {
    fs.mkdirSync(directory, { recursive: true });
    fs.accessSync(directory, fs.constants.W_OK);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IndexError(
      `The data folder ${directory} is not writable (${reason}). Fix its permissions or set DB_PATH to a writable location.`,
    );
  }
}

export function modelMismatchMessage(meta: IndexModel, wanted: IndexModel | string): string {
  const wantedName = typeof wanted === 'string' ? wanted : `${wanted.model} (${wanted.dimension} dimensions)`;
  return `The index was built with the embedding model ${meta.model} (${meta.dimension} dimensions), but EMBEDDING_MODEL is ${wantedName}. Re-index with ${REINDEX}, or set EMBEDDING_MODEL back to ${meta.model}.`;
}

/** Opens (creating if needed) the index for the re-index script. The schema is created by the writer. */
export function openIndexForWrite(dbPath: string): { db: Database.Database; meta: IndexMeta | null } {
  checkDirectoryWritable(dbPath);
  const db = openDatabase(dbPath, {});
  return { db, meta: readMeta(db) };
}

/** Opens an existing index for answering questions, checking it was built by this version with this model. */
export function openIndexForRead(dbPath: string, model: string): { db: Database.Database; meta: IndexMeta } {
  if (!fs.existsSync(dbPath)) {
    throw new IndexError(`There is no index at ${dbPath} yet. Build it with "npm run ingest".`);
  }
  // Not opened read-only: a read-only connection cannot recreate the WAL index after the writer removes it.
  const db = openDatabase(dbPath, { fileMustExist: true });
  const meta = readMeta(db);
  if (!meta || meta.schemaVersion === 0) {
    db.close();
    throw new IndexError(`${dbPath} holds no briefing-bot index. Build it with "npm run ingest".`);
  }
  if (meta.schemaVersion !== SCHEMA_VERSION) {
    db.close();
    throw new IndexError(
      `The index at ${dbPath} was built by another version of briefing-bot (schema ${meta.schemaVersion}, this one reads ${SCHEMA_VERSION}). Rebuild it with ${REINDEX}.`,
    );
  }
  if (meta.model !== model) {
    db.close();
    throw new IndexError(modelMismatchMessage(meta, model));
  }
  return { db, meta };
}
