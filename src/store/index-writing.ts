import type { FileStamp, IndexChanges, StoredArticle, WriteProgress, WriteResult } from './index-writer.js';
import type { IndexMeta } from './schema.js';

export interface WriteLockOptions {
  /** How long to wait for another writer (another ingest) before giving up. */
  timeoutSeconds: number;
  /** Called once, when the index turns out to be locked by another writer and this run starts to wait. */
  onWait?(timeoutSeconds: number): void;
}

/** What a re-index reads of the index before deciding what to change (also all a dry run does). */
export interface IndexInspection {
  /** Where the index is, for messages and the summary (a file, or a database URL without its password). */
  readonly location: string;
  /** The index as this run found it; null when there is none yet. */
  readonly meta: IndexMeta | null;
  /** Every indexed article by key, with the content hash the re-index compares against. */
  storedArticles(): Promise<Map<string, StoredArticle>>;
  /** The article files as the last ingest read them, by path: none for an index made before they were kept. */
  fileStamps(): Promise<Map<string, FileStamp>>;
  close(): Promise<void> | void;
}

/**
 * A re-index's hold on the index, SQLite's or Postgres's: the slow preparation reads, then `lock` waits
 * for any other writer, and `write` applies every change in one transaction and commits it. Closing
 * without writing rolls back; readers see the previous index until the commit.
 */
export interface IndexWriting extends IndexInspection {
  /** Refuses a damaged index before minutes of embedding rather than after. */
  checkBeforeWrite(): Promise<void>;
  lock(options: WriteLockOptions): Promise<void>;
  write(changes: IndexChanges, onProgress?: WriteProgress): Promise<WriteResult>;
}
