import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { createFolder } from './create-folder.js';
import { walFilesOf } from './file-identity.js';
import {
  readContents,
  SCHEMA_VERSION,
  type IndexContents,
  type IndexMeta,
  type IndexModel,
} from './schema.js';

/**
 * What is wrong, for callers that answer differently by cause (the bot tells a member that the index is
 * being rebuilt, or damaged); the message is for the admin.
 */
export type IndexProblem =
  | 'missing'
  | 'not-built'
  | 'damaged'
  | 'foreign'
  | 'outdated'
  | 'other-model'
  | 'locked'
  | 'not-written'
  | 'setup'
  // The database server cannot be reached (PostgreSQL restarting): asking again in a moment works.
  | 'unavailable';

/** Something is wrong with the index file or its environment; the message names the cause and the fix. */
export class IndexError extends Error {
  override name = 'IndexError';

  constructor(
    message: string,
    readonly problem: IndexProblem = 'setup',
  ) {
    super(message);
  }
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

/**
 * SQLite retries a file it cannot load with the platform's suffix appended (".so") and reports only that
 * name, a file nobody gave. The given file exists (checked before), so ask the loader why it refused it.
 */
function extensionLoadFailure(file: string, error: unknown): string {
  const reason = reasonOf(error);
  if (!/\.(so|dylib|dll):/.test(reason) || !reason.includes(`${file}.`)) return reason;
  try {
    process.dlopen({ exports: {} }, file);
  } catch (loaderError) {
    return `${file} is not a loadable library: ${reasonOf(loaderError).replace(`${file}: `, '')}`;
  }
  return `${file} is not a loadable library`;
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
    const reason = extension ? extensionLoadFailure(extension.path, error) : reasonOf(error);
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
    'damaged',
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

/** Reading needs no write access to the file, but in WAL mode SQLite must create `-shm` beside it. */
function describeOpenFailure(dbPath: string, error: unknown, access: 'read' | 'write'): IndexError {
  const code = (error as { code?: string }).code ?? '';
  const reason = reasonOf(error);
  if (isCorruption(code)) return damagedIndex(dbPath, reason);
  if (access === 'read' && code === 'SQLITE_READONLY_DIRECTORY') {
    return new IndexError(
      `Cannot read the index file ${dbPath} (${reason}): SQLite must create ${dbPath}-shm beside it, and its folder is not writable for this user. The index is intact. Make the folder writable for this user, or set DB_PATH to a copy of the index in a writable folder.`,
    );
  }
  if (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') {
    return new IndexError(
      access === 'read'
        ? `Cannot open the index file ${dbPath} (${reason}). Check that this user may read it and create files in its folder, or set DB_PATH to another index.`
        : `Cannot open the index file ${dbPath} for writing (${reason}). Check that this user may write it and create files in its folder, or set DB_PATH to a writable location.`,
    );
  }
  return new IndexError(`Cannot open the index file ${dbPath}: ${reason}`);
}

function openDatabase(
  dbPath: string,
  options: Database.Options,
  sqliteVecPath: string | undefined,
): Database.Database {
  // SQLite says only "unable to open database file" for a folder, which reads like a missing one.
  if (fs.statSync(dbPath, { throwIfNoEntry: false })?.isDirectory()) {
    throw new IndexError(
      `DB_PATH ${dbPath} is a folder, not a file. Set DB_PATH to the index file, for example ${path.join(dbPath, 'briefing.db')}.`,
    );
  }
  let db: Database.Database;
  try {
    db = new Database(dbPath, options);
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // Reading the schema forces SQLite to look at the file header, so damage there shows up here, not mid-query.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    throw describeOpenFailure(dbPath, error, options.readonly ? 'read' : 'write');
  }
  loadVectorExtension(db, sqliteVecPath);
  return db;
}

function describeTables(tables: readonly string[]): string {
  const shown = tables.slice(0, 8).join(', ');
  return tables.length > 8 ? `${shown} and ${tables.length - 8} more` : shown;
}

/**
 * The recorded model and schema, or null for a file with no tables (no index yet). A file holding another
 * application's tables is refused, so that nothing of it is dropped or overwritten.
 */
export function readIndexMeta(db: Database.Database, dbPath: string): IndexMeta | null {
  let contents: IndexContents;
  try {
    contents = readContents(db);
  } catch (error) {
    db.close();
    throw asIndexError(dbPath, error);
  }
  if (contents.kind === 'foreign') {
    db.close();
    throw new IndexError(
      `${dbPath} is not a briefing-bot index but another application's SQLite file (tables: ${describeTables(contents.tables)}); briefing-bot leaves it untouched. Set DB_PATH to another file.`,
      'foreign',
    );
  }
  return contents.kind === 'index' ? contents.meta : null;
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

/**
 * A `-wal` or `-shm` beside a missing index belongs to a deleted one (which a running bot may still hold
 * open): a new file must not start from them, so they go before it is created.
 */
function removeLeftoversOfDeletedIndex(dbPath: string): void {
  if (fs.existsSync(dbPath)) return;
  for (const file of walFilesOf(dbPath)) fs.rmSync(file, { force: true });
}

/** Opens (creating if needed) the index for the re-index script. The schema is created by the writer. */
export function openIndexForWrite(
  dbPath: string,
  sqliteVecPath?: string,
): { db: Database.Database; meta: IndexMeta | null } {
  checkDirectoryWritable(dbPath);
  removeLeftoversOfDeletedIndex(dbPath);
  const db = openDatabase(dbPath, {}, sqliteVecPath);
  // Read before anything is written: another application's file is refused untouched, journal mode included.
  const meta = readIndexMeta(db, dbPath);
  try {
    db.pragma('journal_mode = WAL');
  } catch (error) {
    db.close();
    throw describeOpenFailure(dbPath, error, 'write');
  }
  return { db, meta };
}

export interface ReadOptions {
  /** Open the file read-only: for one-off readers such as `npm run ask` (see below for the bot). */
  readOnly?: boolean;
  /** SQLITE_VEC_PATH: a sqlite-vec library file instead of the npm package's. */
  sqliteVecPath?: string | undefined;
}

/** Opens an existing index for answering questions, checking it was built by this version with this model. */
export function openIndexForRead(
  dbPath: string,
  model: string,
  { readOnly = false, sqliteVecPath }: ReadOptions = {},
): { db: Database.Database; meta: IndexMeta } {
  if (!fs.existsSync(dbPath)) {
    throw new IndexError(`There is no index at ${dbPath} yet. Build it with "npm run ingest".`, 'missing');
  }
  // The bot's connection is not read-only: a read-only connection cannot recreate the WAL index after the
  // writer removes it, and a long-running reader meets that.
  const db = openDatabase(dbPath, { fileMustExist: true, readonly: readOnly }, sqliteVecPath);
  const meta = readIndexMeta(db, dbPath);
  if (!meta) {
    db.close();
    throw new IndexError(
      `There is no index in ${dbPath} yet (it is being built, or its first build was interrupted). Build it with "npm run ingest".`,
      'not-built',
    );
  }
  if (meta.schemaVersion !== SCHEMA_VERSION) {
    db.close();
    throw new IndexError(
      `The index at ${dbPath} was built by another version of briefing-bot (schema ${meta.schemaVersion}, this one reads ${SCHEMA_VERSION}). Rebuild it with ${REINDEX}.`,
      'outdated',
    );
  }
  if (meta.model !== model) {
    db.close();
    throw new IndexError(modelMismatchMessage(meta, model), 'other-model');
  }
  return { db, meta };
}

/**
 * A write that failed part-way (disk full, I/O error, file turned read-only) as one line: the transaction
 * is rolled back, so the index is as it was before the run. Other errors are returned unchanged.
 */
export function describeWriteFailure(dbPath: string, error: unknown, hadIndex: boolean): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (isCorruption(code)) return asIndexError(dbPath, error);
  const reason = reasonOf(error);
  const intact = hadIndex ? 'nothing was written and the previous index is intact' : 'no index was written';
  const again = 'run "npm run ingest" again';
  if (code === 'SQLITE_FULL') {
    return new IndexError(
      `The disk holding the index file ${dbPath} is full (${reason}): ${intact}. Free some space, then ${again}.`,
      'not-written',
    );
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new IndexError(
      `Writing the index file ${dbPath} failed (${reason}): ${intact}. Check the disk (free space, file size limits), then ${again}.`,
      'not-written',
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') {
    return new IndexError(
      `The index file ${dbPath} cannot be written (${reason}): ${intact}. Check that this user may write it and its folder, then ${again}.`,
      'not-written',
    );
  }
  if (code.startsWith('SQLITE_BUSY')) {
    return new IndexError(
      `Another process kept the index file ${dbPath} locked (${reason}): ${intact}. Wait for it to finish, then ${again}.`,
      'locked',
    );
  }
  return error;
}
