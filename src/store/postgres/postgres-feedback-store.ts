import type pg from 'pg';
import type { FeedbackOn, FeedbackStore, ShownAnswer, Vote, VoteOutcome } from '../feedback-store.js';
import { createPool, describePgError, quoteIdentifier, type PgLocation } from './pg-connect.js';

/** Tables of their own beside the index's: a rebuild of the index never touches them. */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS feedback_answers (
    id serial PRIMARY KEY,
    question text NOT NULL,
    found boolean NOT NULL,
    passages jsonb NOT NULL,
    shown_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE IF NOT EXISTS feedback_votes (
    answer_id integer NOT NULL REFERENCES feedback_answers(id) ON DELETE CASCADE,
    user_id text NOT NULL,
    vote text NOT NULL CHECK (vote IN ('up', 'down')),
    voted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (answer_id, user_id)
  );`;

/** The votes in the index's Postgres schema, so every bot process sharing the database shares them. */
export class PostgresFeedbackStore implements FeedbackStore {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly location: PgLocation,
  ) {}

  static async open(location: PgLocation): Promise<PostgresFeedbackStore> {
    const pool = createPool(location, 2);
    try {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(location.schema)}`);
      await pool.query(SCHEMA);
    } catch (error) {
      await pool.end();
      throw describePgError(location, error);
    }
    return new PostgresFeedbackStore(pool, location);
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<R[]> {
    try {
      return (await this.pool.query<R>(sql, params)).rows;
    } catch (error) {
      throw describePgError(this.location, error);
    }
  }

  async recordAnswer(answer: ShownAnswer): Promise<number> {
    const [row] = await this.query<{ id: number }>(
      'INSERT INTO feedback_answers (question, found, passages) VALUES ($1, $2, $3) RETURNING id',
      [answer.question, answer.found, JSON.stringify(answer.passages)],
    );
    return row!.id;
  }

  /** One statement: whether the answer exists and whether this user had voted, read as it writes. */
  async vote(answerId: number, userId: string, vote: Vote): Promise<VoteOutcome> {
    const [row] = await this.query<{ outcome: VoteOutcome }>(
      `WITH previous AS (SELECT 1 FROM feedback_votes WHERE answer_id = $1 AND user_id = $2),
            written AS (
              INSERT INTO feedback_votes (answer_id, user_id, vote)
              SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM feedback_answers WHERE id = $1)
              ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, voted_at = now()
              RETURNING 1)
       SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM written) THEN 'unknown-answer'
                   WHEN EXISTS (SELECT 1 FROM previous) THEN 'replaced' ELSE 'recorded' END AS outcome`,
      [answerId, userId, vote],
    );
    return row!.outcome;
  }

  async feedbackOn(answerId: number): Promise<FeedbackOn | undefined> {
    const [answer] = await this.query<{
      question: string;
      found: boolean;
      passages: ShownAnswer['passages'];
    }>('SELECT question, found, passages FROM feedback_answers WHERE id = $1', [answerId]);
    if (!answer) return undefined;
    const votes = await this.query<{ userId: string; vote: Vote }>(
      'SELECT user_id AS "userId", vote FROM feedback_votes WHERE answer_id = $1 ORDER BY user_id COLLATE "C"',
      [answerId],
    );
    return { answer, votes };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
