import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { fileIdentity, walFilesOf } from './file-identity.js';
import {
  applyIndexChanges,
  readFileStamps,
  readStoredArticles,
  type FileStamp,
  type IndexChanges,
  type StoredArticle,
  type WriteProgress,
  type WriteResult,
} from './index-writer.js';
import type { IndexInspection, IndexWriting, WriteLockOptions } from './index-writing.js';
import {
  assertUndamaged,
  describeWriteFailure,
  IndexError,
  openIndexForWrite,
  readIndexMeta,
} from './open-database.js';
import type { IndexMeta } from './schema.js';

export type { WriteLockOptions } from './index-writing.js';

/** Each attempt blocks the thread this long at most; between attempts the event loop runs (signals, output). */
const ATTEMPT_MS = 100;
const PAUSE_MS = 250;

const isBusy = (error: unknown) => String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY');

/** Takes SQLite's write lock (BEGIN IMMEDIATE): readers carry on, a second writer waits for it. */
async function takeWriteLock(db: Database.Database, dbPath: string, options: WriteLockOptions) {
  const deadline = performance.now() + options.timeoutSeconds * 1000;
  db.pragma(`busy_timeout = ${ATTEMPT_MS}`);
  for (let waiting = false; ;) {
    try {
      db.exec('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      if (!isBusy(error)) throw describeWriteFailure(dbPath, error, true);
    }
    if (performance.now() >= deadline) {
      throw new IndexError(
        `Another process (another "npm run ingest"?) has been writing the index file ${dbPath} for more than ${options.timeoutSeconds} s: this run wrote nothing, and the index is as that process leaves it. Wait for it to finish or stop it, then run "npm run ingest" again (INGEST_LOCK_TIMEOUT_SECONDS sets how long to wait).`,
        'locked',
      );
    }
    if (!waiting) options.onWait?.(options.timeoutSeconds);
    waiting = true;
    await sleep(PAUSE_MS);
  }
}

/** Sessions not closed yet, for `closeWriteSessions`. */
const openSessions = new Set<IndexWriteSession>();

/**
 * Closes every open session at once, as `close` would: for a process about to exit on a signal, so that a
 * first build stopped early leaves no empty index file behind. Safe from a signal handler, which runs
 * between two tasks of the event loop, never inside a database call.
 */
export function closeWriteSessions(): void {
  for (const session of openSessions) session.close();
}

/**
 * A re-index's connection to the index file. The write lock is taken only for the write itself (`lock`), so
 * that readers and a watcher outside see the slow preparation as reading; a second ingest reaching its write
 * while the first writes waits for it (up to a limit, saying so) and then writes its own work: none is lost.
 * Readers (the bot, `npm run ask`) are never blocked: in WAL mode they see the last commit.
 */
export class IndexWriteSession implements IndexWriting {
  private constructor(
    readonly db: Database.Database,
    readonly dbPath: string,
    /** The index as this run found it; null when the file holds none yet. */
    readonly meta: IndexMeta | null,
    private readonly identity: string | null,
    /** This run created the file: if it fails before writing an index, the empty file is removed. */
    private readonly created: boolean,
  ) {}

  get location(): string {
    return this.dbPath;
  }

  static open(dbPath: string, sqliteVecPath?: string): IndexWriteSession {
    const created = !fs.existsSync(dbPath);
    const { db, meta } = openIndexForWrite(dbPath, sqliteVecPath);
    const session = new IndexWriteSession(db, dbPath, meta, fileIdentity(dbPath), created);
    openSessions.add(session);
    return session;
  }

  /**
   * Takes the write lock, waiting for another writer. What this run prepared must still fit the index: if
   * the file was replaced or rebuilt (another model, another schema) meanwhile, it says to run again.
   */
  async lock(options: WriteLockOptions): Promise<void> {
    await takeWriteLock(this.db, this.dbPath, options);
    const now = fileIdentity(this.dbPath) === this.identity ? readIndexMeta(this.db, this.dbPath) : undefined;
    const same = (a: IndexMeta | null | undefined, b: IndexMeta | null) =>
      a !== undefined && JSON.stringify(a) === JSON.stringify(b);
    if (!same(now, this.meta)) {
      throw new IndexError(
        `The index file ${this.dbPath} was replaced or rebuilt by another process while this run prepared its changes: this run wrote nothing. Run "npm run ingest" again.`,
        'locked',
      );
    }
  }

  async storedArticles(): Promise<Map<string, StoredArticle>> {
    return this.meta ? readStoredArticles(this.db) : new Map();
  }

  async fileStamps(): Promise<Map<string, FileStamp>> {
    return this.meta ? readFileStamps(this.db) : new Map();
  }

  async checkBeforeWrite(): Promise<void> {
    assertUndamaged(this.db, this.dbPath);
  }

  /** Writes the changes and commits; a failure rolls everything back and is reported in one line. */
  async write(changes: IndexChanges, onProgress?: WriteProgress): Promise<WriteResult> {
    try {
      const result = applyIndexChanges(this.db, changes, onProgress);
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      throw describeWriteFailure(this.dbPath, error, this.meta !== null);
    }
  }

  /** Ends the session, rolling back what was not committed; an empty file this run created is removed. */
  close(): void {
    if (!openSessions.delete(this)) return;
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    if (this.created) this.removeIfEmpty();
    this.db.close();
  }

  /** Under the write lock (closing releases it), so a writer waiting for this one finds the file gone. */
  private removeIfEmpty(): void {
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch {
      return; // Another writer took the lock meanwhile: the file is in use.
    }
    try {
      const empty = this.db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() === 0;
      if (empty)
        for (const file of [this.dbPath, ...walFilesOf(this.dbPath)]) fs.rmSync(file, { force: true });
    } finally {
      this.db.exec('ROLLBACK');
    }
  }
}

/** A SQLite index read for a dry run, or null when there is no file (a dry run creates none). */
export function inspectSqliteIndex(dbPath: string, sqliteVecPath?: string): IndexInspection | null {
  if (!fs.existsSync(dbPath)) return null;
  const { db, meta } = openIndexForWrite(dbPath, sqliteVecPath);
  return {
    location: dbPath,
    meta,
    storedArticles: async () => (meta ? readStoredArticles(db) : new Map()),
    fileStamps: async () => (meta ? readFileStamps(db) : new Map()),
    close: () => {
      db.close();
    },
  };
}
