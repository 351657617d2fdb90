import Database from 'better-sqlite3';
import { IndexError } from './open-database.js';

/**
 * The digests the bot has posted, by id, in the bot's own state file (FEEDBACK_DB_PATH) rather than the
 * index: the index belongs to ingest (the bot only reads it, and a full rebuild may delete it), while this
 * record must outlive both a bot restart and a rebuilt index.
 */
export class PostedDigests {
  private readonly statements;

  private constructor(private readonly db: Database.Database) {
    this.statements = {
      has: db.prepare('SELECT 1 FROM posted_digests WHERE id = ?').pluck(),
      record: db.prepare('INSERT OR IGNORE INTO posted_digests (id) VALUES (?)'),
    };
  }

  /** Opens the table in `dbPath` (the feedback store's file, which FeedbackStore.open has created). */
  static open(dbPath: string): PostedDigests {
    try {
      const db = new Database(dbPath);
      db.pragma('busy_timeout = 5000');
      db.exec(`CREATE TABLE IF NOT EXISTS posted_digests (
        id TEXT PRIMARY KEY,
        posted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      )`);
      return new PostedDigests(db);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new IndexError(
        `Cannot open ${dbPath} to record posted digests (${reason}). Check that its folder is writable, or set FEEDBACK_DB_PATH to another file.`,
      );
    }
  }

  has(id: string): boolean {
    return this.statements.has.get(id) !== undefined;
  }

  record(id: string): void {
    this.statements.record.run(id);
  }

  close(): void {
    this.db.close();
  }
}
