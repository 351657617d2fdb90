import path from 'node:path';
import Database from 'better-sqlite3';
import { createFolder } from './create-folder.js';
import { IndexError } from './open-database.js';

/** What a user was shown: enough to judge a vote later without the message itself. */
export interface ShownAnswer {
  question: string;
  found: boolean;
  /** The citations in the order shown: which article and paragraph each numbered quote came from. */
  passages: { n: number; articleId: string; paragraph: number }[];
}

export type Vote = 'up' | 'down';

export type VoteOutcome = 'recorded' | 'replaced' | 'unknown-answer';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY,
    question TEXT NOT NULL,
    found INTEGER NOT NULL,
    passages TEXT NOT NULL,
    shown_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
  );
  CREATE TABLE IF NOT EXISTS votes (
    answer_id INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
    voted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    PRIMARY KEY (answer_id, user_id)
  );`;

export interface FeedbackOn {
  answer: ShownAnswer;
  votes: { userId: string; vote: Vote }[];
}

/** Votes on answers: one vote per user per answer; voting again replaces it. */
export interface FeedbackStore {
  /** Remembers an answer about to be shown; its id goes into the vote buttons. */
  recordAnswer(answer: ShownAnswer): Promise<number>;
  vote(answerId: number, userId: string, vote: Vote): Promise<VoteOutcome>;
  /** An answer as it was shown, with its votes: what reviewing the feedback starts from. */
  feedbackOn(answerId: number): Promise<FeedbackOn | undefined>;
  close(): Promise<void>;
}

/**
 * The votes in a SQLite file of their own: the index can be rebuilt or deleted at will, the feedback is
 * kept.
 */
export class SqliteFeedbackStore implements FeedbackStore {
  private readonly statements;

  private constructor(private readonly db: Database.Database) {
    this.statements = {
      insertAnswer: db.prepare('INSERT INTO answers (question, found, passages) VALUES (?, ?, ?)'),
      answer: db.prepare('SELECT question, found, passages FROM answers WHERE id = ?'),
      answerExists: db.prepare('SELECT 1 FROM answers WHERE id = ?').pluck(),
      currentVote: db.prepare('SELECT vote FROM votes WHERE answer_id = ? AND user_id = ?').pluck(),
      upsertVote: db.prepare(`
        INSERT INTO votes (answer_id, user_id, vote) VALUES (?, ?, ?)
        ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`),
      votes: db.prepare('SELECT user_id AS userId, vote FROM votes WHERE answer_id = ? ORDER BY user_id'),
    };
  }

  static open(dbPath: string): SqliteFeedbackStore {
    try {
      createFolder(path.dirname(path.resolve(dbPath)));
      const db = new Database(dbPath);
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      db.exec(SCHEMA);
      return new SqliteFeedbackStore(db);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new IndexError(
        `Cannot open the feedback database ${dbPath} (${reason}). Check that its folder is writable, or set FEEDBACK_DB_PATH to another file.`,
      );
    }
  }

  async recordAnswer(answer: ShownAnswer): Promise<number> {
    const { lastInsertRowid } = this.statements.insertAnswer.run(
      answer.question,
      answer.found ? 1 : 0,
      JSON.stringify(answer.passages),
    );
    return Number(lastInsertRowid);
  }

  async vote(answerId: number, userId: string, vote: Vote): Promise<VoteOutcome> {
    return this.db.transaction((): VoteOutcome => {
      if (!this.statements.answerExists.get(answerId)) return 'unknown-answer';
      const previous = this.statements.currentVote.get(answerId, userId);
      this.statements.upsertVote.run(answerId, userId, vote);
      return previous === undefined ? 'recorded' : 'replaced';
    })();
  }

  async feedbackOn(answerId: number): Promise<FeedbackOn | undefined> {
    const row = this.statements.answer.get(answerId) as
      { question: string; found: number; passages: string } | undefined;
    if (!row) return undefined;
    return {
      answer: { question: row.question, found: row.found === 1, passages: JSON.parse(row.passages) },
      votes: this.statements.votes.all(answerId) as { userId: string; vote: Vote }[],
    };
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
