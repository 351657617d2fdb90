/**
 * BM25 over phrases joined by OR, summed in JavaScript from each phrase's own scores. FTS5's bm25() of a
 * row is a sum over the query's phrases, in their order, of a share that depends on that phrase alone
 * (its idf, its weighted count in the row, the row's length): the share is what bm25() gives for the
 * phrase searched by itself. Summed in the same order, the shares give FTS5's score to the last bit, and
 * the common question words' shares ("u", "s", "pct", "year") can be kept between questions instead of
 * FTS5 scoring each of their rows again. At 120,872 passages FTS5 spends about 0.8 µs a matching row,
 * and a headline such as "U.S. machine tool orders fell 1.1 pct in Feb" matches 40,000 rows.
 */

/** One phrase's bm25() in every row holding it (negated, lower is better, as FTS5 reports it). */
export interface PhraseScores {
  ids: Int32Array;
  scores: Float64Array;
}

export interface RankedRow {
  id: number;
  score: number;
}

/** A quoted FTS5 string, inner quotes doubled (schema.ts's ftsString). */
const QUOTED = '"(?:[^"]|"")*"';
const OR_OF_PHRASES = new RegExp(`^${QUOTED}(?: OR ${QUOTED})*$`, 'u');
const PHRASE = new RegExp(QUOTED, 'gu');

/**
 * The phrases of an expression that is quoted strings joined by OR (how questions and their related
 * words are searched), in order and repeated as written; null for any other expression (AND, NOT,
 * parentheses), which FTS5 must decide itself.
 */
export function orPhrases(matchExpression: string): string[] | null {
  if (!OR_OF_PHRASES.test(matchExpression)) return null;
  return [...matchExpression.matchAll(PHRASE)].map(([phrase]) => phrase);
}

/**
 * The `limit` best rows by the sum of their phrase scores, as FTS5's `ORDER BY bm25(...) LIMIT n` returns
 * them: best first, equal scores in rowid order (SQLite's sorter keeps the order FTS5 returns rows in).
 * Each phrase's shares are added in the phrases' order, as bm25() adds them.
 */
export function bestRows(phrases: readonly PhraseScores[], limit: number): RankedRow[] {
  if (limit <= 0) return [];
  let maxId = -1;
  for (const { ids } of phrases) for (const id of ids) if (id > maxId) maxId = id;
  // Dense by rowid: a question's phrases touch up to tens of thousands of rows, and a Map costs several
  // times a typed array's add.
  const sums = new Float64Array(maxId + 1);
  const matched = new Uint8Array(maxId + 1);
  const rows: number[] = [];
  for (const { ids, scores } of phrases)
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (matched[id] === 0) {
        matched[id] = 1;
        rows.push(id);
      }
      sums[id]! -= scores[i]!;
    }
  const better = (a: number, b: number) => sums[b]! - sums[a]! || a - b;
  // Candidates at or above the worst of the best `limit` found so far; sorted and cut each time they
  // reach four times `limit`, so the selection stays linear in the rows matched.
  const best: number[] = [];
  let floor = -Infinity;
  for (const id of rows) {
    if (sums[id]! < floor) continue;
    best.push(id);
    if (best.length >= limit * 4) {
      best.sort(better);
      best.length = limit;
      floor = sums[best[limit - 1]!]!;
    }
  }
  best.sort(better);
  return best.slice(0, limit).map((id) => ({ id, score: -sums[id]! }));
}

/**
 * The phrase scores read lately, up to a number of rows in all (each row 12 bytes): the oldest read go
 * first. Valid for one version of the index (its counts and lengths change every score).
 */
export class PhraseScoreCache {
  private readonly kept = new Map<string, PhraseScores>();
  private rows = 0;

  constructor(private readonly maxRows: number) {}

  get(key: string): PhraseScores | undefined {
    const scores = this.kept.get(key);
    if (scores) {
      // Map keeps insertion order: re-inserting makes it the newest.
      this.kept.delete(key);
      this.kept.set(key, scores);
    }
    return scores;
  }

  set(key: string, scores: PhraseScores): void {
    if (scores.ids.length > this.maxRows || this.kept.has(key)) return;
    this.rows += scores.ids.length;
    this.kept.set(key, scores);
    for (const [oldest, { ids }] of this.kept) {
      if (this.rows <= this.maxRows) break;
      this.kept.delete(oldest);
      this.rows -= ids.length;
    }
  }
}
