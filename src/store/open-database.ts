import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { createFolder } from './create-folder.js';
import { readMeta, SCHEMA_VERSION, type IndexMeta, type IndexModel } from './schema.js';

/** Something is wrong with the index file or its environment; the message names the cause and the fix. */
export class IndexError extends Error {
  override name = 'IndexError';
}

const REINDEX = 'npm run ingest -- --full';

/** Messages from SQLite and the dynamic loader can span lines; the user gets one. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const reasonOf = (error: unknown) => oneLine(error instanceof Error ? error.message : String(error));

/**
 * The sqlite-vec library: the one npm installed for this platform, unless SQLITE_VEC_PATH names another
 * (a build for a platform the npm package does not cover, or a newer release).
 */
function vectorExtensionPath(configured: string | undefined): { path: string; fromEnv: boolean } {
  return configured
    ? { path: configured, fromEnv: true }
    : { path: sqliteVec.getLoadablePath(), fromEnv: false };
}

function loadVectorExtension(db: Database.Database, sqliteVecPath: string | undefined): void {
  let extension: { path: string; fromEnv: boolean } | null = null;
  try {
    extension = vectorExtensionPath(sqliteVecPath);
    // SQLite retries a missing file with ".so" appended and reports only that name: say it plainly instead.
    if (!fs.existsSync(extension.path)) throw new Error(`there is no file at ${extension.path}`);
    db.loadExtension(extension.path);
    const { version } = db.prepare('SELECT vec_version() AS version').get() as { version: string };
    if (!version) throw new Error('vec_version() returned nothing');
  } catch (error) {
    db.close();
    const reason = reasonOf(error);
    throw new IndexError(
      extension?.fromEnv
        ? `The sqlite-vec extension could not be loaded from SQLITE_VEC_PATH (${reason}). Set SQLITE_VEC_PATH to the sqlite-vec library file (vec0.so, vec0.dylib or vec0.dll), or leave it empty to use the one npm installs.`
        : `The sqlite-vec extension could not be loaded (${reason}). Reinstall dependencies with "npm ci" on this machine so the sqlite-vec library for ${process.platform}-${process.arch} is present, or set SQLITE_VEC_PATH to a sqlite-vec library file.`,
    );
  }
}

const isCorruption = (code: string) => code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';

function damagedIndex(dbPath: string, reason: string): IndexError {
  return new IndexError(
    `The index file ${dbPath} is damaged or is not a SQLite database (${reason}). Delete it, with ${dbPath}-wal and ${dbPath}-shm if they exist, and run "npm run ingest" to rebuild it.`,
  );
}

/**
 * Damage can sit in pages that opening the file never reads and show only when a query reaches them: this
 * turns SQLite's report of it into the same message as at open. Any other error is returned unchanged.
 */
export function asIndexError(dbPath: string, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && isCorruption(code) ? damagedIndex(dbPath, reasonOf(error)) : error;
}

function describeOpenFailure(dbPath: string, error: unknown): IndexError {
  const code = (error as { code?: string }).code ?? '';
  const reason = reasonOf(error);
  if (isCorruption(code)) return damagedIndex(dbPath, reason);
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
    return new IndexError(
      `Cannot open the index file ${dbPath} (${reason}). Check that its folder exists and is writable, or set DB_PATH to a writable location.`,
    );
  }
  return new IndexError(`Cannot open the index file ${dbPath}: ${reason}`);
}

function openDatabase(
  dbPath: string,
  options: Database.Options,
  sqliteVecPath: string | undefined,
): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(dbPath, options);
    db.pragma('busy_timeout = 5000');
    if (!options.fileMustExist) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Reading the schema forces SQLite to look at the file header, so damage there shows up here, not mid-query.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    throw describeOpenFailure(dbPath, error);
  }
  loadVectorExtension(db, sqliteVecPath);
  return db;
}

function readIndexMeta(db: Database.Database, dbPath: string): IndexMeta | null {
  try {
    return readMeta(db);
  } catch (error) {
    db.close();
    throw asIndexError(dbPath, error);
  }
}

function describeFolderError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'part of the path is a file, not a folder';
  // ENOENT from creating a file in a folder that exists: a virtual file system such as /proc.
  if (code === 'ENOENT') return 'files cannot be created there';
  return `files cannot be created there: ${reasonOf(error)}`;
}

/**
 * SQLite creates its -wal and -shm files beside the index, so the folder must accept new files. Creating
 * one is the only reliable test: access(2) says yes to root even where nothing can be created.
 */
function checkDirectoryWritable(dbPath: string): void {
  const directory = path.dirname(path.resolve(dbPath));
  try {
    createFolder(directory);
    if (!fs.statSync(directory).isDirectory())
      throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    const probe = path.join(directory, `.briefing-write-test-${process.pid}`);
    fs.closeSync(fs.openSync(probe, 'wx'));
    fs.unlinkSync(probe);
  } catch (error) {
    throw new IndexError(
      `The data folder ${directory} is not writable (${describeFolderError(error)}). Fix its permissions or set DB_PATH to a file in a writable folder.`,
    );
  }
}

/**
 * Reads every page (measured: 0.25 s for a 42 MB index, 0.6 s for 400 MB), so it runs only before a
 * re-index writes, not when nothing changed nor whenever the index is opened to answer questions: there a
 * damaged page is reported when a query reaches it (see `asIndexError`).
 */
export function assertUndamaged(db: Database.Database, dbPath: string): void {
  let problem: unknown;
  try {
    problem = db.pragma('quick_check(1)', { simple: true });
  } catch (error) {
    throw asIndexError(dbPath, error);
  }
  if (problem !== 'ok') {
    const finding = oneLine(String(problem).replace('*** in database main ***', ''));
    throw damagedIndex(dbPath, `SQLite's check found: ${finding}`);
  }
}

export function modelMismatchMessage(meta: IndexModel, wanted: IndexModel | string): string {
  const wantedName = typeof wanted === 'string' ? wanted : `${wanted.model} (${wanted.dimension} dimensions)`;
  return `The index was built with the embedding model ${meta.model} (${meta.dimension} dimensions), but EMBEDDING_MODEL is ${wantedName}. Re-index with ${REINDEX}, or set EMBEDDING_MODEL back to ${meta.model}.`;
}

/** Opens (creating if needed) the index for the re-index script. The schema is created by the writer. */
export function openIndexForWrite(
  dbPath: string,
  sqliteVecPath?: string,
): { db: Database.Database; meta: IndexMeta | null } {
  checkDirectoryWritable(dbPath);
  const db = openDatabase(dbPath, {}, sqliteVecPath);
  return { db, meta: readIndexMeta(db, dbPath) };
}

/** Opens an existing index for answering questions, checking it was built by this version with this model. */
export function openIndexForRead(
  dbPath: string,
  model: string,
  sqliteVecPath?: string,
): { db: Database.Database; meta: IndexMeta } {
  if (!fs.existsSync(dbPath)) {
    throw new IndexError(`There is no index at ${dbPath} yet. Build it with "npm run ingest".`);
  }
  // Not opened read-only: a read-only connection cannot recreate the WAL index after the writer removes it.
  const db = openDatabase(dbPath, { fileMustExist: true }, sqliteVecPath);
  const meta = readIndexMeta(db, dbPath);
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
