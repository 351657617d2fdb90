import type pg from 'pg';
import { DEFAULT_VECTOR_QUANTIZE_ABOVE } from '../../config.js';
import { hasBounds, type DateRange } from '../../document/date-range.js';
import {
  dayBounds,
  DOCUMENT_FREQUENCY_CAP,
  type ArticleRecord,
  type OpeningRecord,
  type PassageRecord,
  type PassageStore,
  type PeriodSummary,
  type QuoteRecord,
  type RankedId,
  type SpeakerRecord,
} from '../passage-store.js';
import {
  CALIBRATION_KEY,
  CALIBRATION_STALE_KEY,
  ftsString,
  storedCalibrationFrom,
  type IndexMeta,
  type StoredCalibration,
} from '../schema.js';
import { DIGEST_KEY, parseDigest, type IndexDigest } from '../index-digest.js';
import { lexeme, toTermQuery, type TermQuery } from './fts-terms.js';
import {
  createPool,
  describeLocation,
  describePgError,
  isUnavailable,
  type PgLocation,
} from './pg-connect.js';
import { IndexError } from '../open-database.js';
import { hasPgPostings, parseVector, readableMeta, readPgMeta, vectorLiteral } from './pg-schema.js';

export interface PostgresStoreOptions {
  /** Above this many passages `nearest` uses the HNSW index; up to it, exact search (as on SQLite). */
  quantizeAbove?: number;
  /** HNSW's search breadth: recall against speed, measured by scripts/bench/scale.ts. */
  efSearch?: number;
}

/** FTS5's BM25 constants (fts5_aux.c), so both stores rank alike. */
const K1 = 1.2;
const B = 0.75;

/**
 * HNSW's search breadth; a query asking deeper searches at least as deep. Measured on the development
 * archive (120,916 real passages, 200 headlines, 50 deep; scripts/bench/pg-hnsw.ts), recall@10 against
 * exact search was 0.957 at 50, 0.973 at 100, 0.979 at 200 and 0.986 at 400, with latencies the machine's
 * load (about 22 on 2 cores) hid the differences between (p50 63 to 90 ms). 200: recall falls as an index
 * grows at a fixed breadth, and this keeps room above 0.95 for larger ones.
 */
export const DEFAULT_EF_SEARCH = 200;

/** Connections per bot process: questions run a few queries each, mostly in parallel. */
const POOL_SIZE = 4;

const PASSAGE_COLUMNS = `
  p.id, p.article_id AS "articleId", a.key AS "articleKey", a.title, a.source, a.url, a.published,
  p.paragraph, p.ordinal, p.start, p."end", p.kind, p.text, a.context`;

/**
 * An article's publication day within the period $n..$n+1, as SQLite's store reads it (NULL is in none);
 * byte order, as SQLite compares text, whatever the database's collation.
 */
const withinPeriod = (first: number) =>
  `substr(a.published, 1, 10) COLLATE "C" BETWEEN $${first} AND $${first + 1}`;

/**
 * Exact search reads every vector: its distances are computed below an OFFSET 0 fence, so the planner
 * cannot serve the ordering from the HNSW index (a per-query `SET LOCAL enable_indexscan = off` cost a
 * transaction, three more round trips). Ties are broken by id, as nothing else orders them.
 */
const exactNearest = (from: string, where: string) => `
  SELECT id, score FROM (SELECT p.id, p.embedding <=> $1::vector AS score ${from} WHERE ${where} OFFSET 0) d
  ORDER BY score, id LIMIT $2`;

/**
 * The nearest passages: through HNSW when the index holds more than $3 passages, exactly otherwise. Each
 * branch is gated by a condition Postgres evaluates once, before it runs the branch, so only one of them
 * reads anything. HNSW's breadth is a setting of the pool's connections (`open`).
 */
const NEAREST = `
  (SELECT id, embedding <=> $1::vector AS score FROM passages
   WHERE (SELECT passages FROM corpus_stats) > $3::float8 ORDER BY embedding <=> $1::vector LIMIT $2)
  UNION ALL
  (${exactNearest('FROM passages p', '(SELECT passages FROM corpus_stats) <= $3::float8')})`;

const NEAREST_WITHIN = exactNearest(
  'FROM passages p JOIN articles a ON a.id = p.article_id',
  withinPeriod(3),
);

/** Which passages a BM25 query ranks: a period, given passages, or all that match. */
interface Restriction {
  range?: DateRange;
  ids?: readonly number[];
}

/** Keeps a query's passages `m` to a period: the join it needs, its condition and the condition's bounds. */
function withinPeriodOf(range: DateRange, params: unknown[], conditions: string[]): string {
  conditions.push(withinPeriod(params.length + 1));
  params.push(...dayBounds(range));
  return 'JOIN articles a ON a.id = m.article_id';
}

/**
 * FTS5's bm25() in SQL over the postings: per phrase, idf from the stored document frequency (floored at
 * 1e-6 as FTS5 does), times the saturated weighted frequency (the context column counting `contextWeight`
 * times), summed over the matching passages' postings of the query's terms; negated, lower is better, as
 * FTS5 reports it. A phrase a passage lacks has no posting there and adds nothing. Expressions other than
 * single words joined by OR are decided by the passages' tsvectors among those postings.
 */
function bm25Query(
  query: TermQuery,
  contextWeight: number,
  limit: number | null,
  { range, ids }: Restriction,
): [string, unknown[]] {
  if (query.orPhrases) return orPhrasesQuery(query.orPhrases, contextWeight, limit, { range, ids });
  const params: unknown[] = [query.phrases, contextWeight, limit];
  const joins: string[] = [];
  const conditions: string[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (!query.anyWord || hasBounds(range)) joins.push('JOIN passages m ON m.id = po.passage_id');
  if (!query.anyWord) conditions.push(`m.terms @@ ${param(query.tsquery)}::tsquery`);
  if (hasBounds(range)) joins.push(withinPeriodOf(range, params, conditions));
  if (ids) conditions.push(`po.passage_id = ANY(${param(ids)}::int[])`);
  const sql = `
    WITH phrases AS MATERIALIZED (
      SELECT t.term,
        greatest(ln((s.passages - coalesce(ts.documents, 0) + 0.5::float8) / (coalesce(ts.documents, 0) + 0.5::float8)), 1e-6) AS idf,
        greatest(s.total_terms::float8 / greatest(s.passages, 1), 1) AS average
      FROM unnest($1::text[]) t(term) CROSS JOIN corpus_stats s LEFT JOIN term_stats ts ON ts.term = t.term
    )
    SELECT po.passage_id AS id,
      -sum(ph.idf * f.freq * ${K1 + 1} / (f.freq + ${K1} * (${1 - B} + ${B} * po.length::float8 / ph.average))) AS score
    FROM phrases ph JOIN postings po ON po.term = ph.term
    CROSS JOIN LATERAL (SELECT po.text_count + $2::float8 * po.context_count AS freq) f
    ${joins.join(' ')}
    ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
    GROUP BY po.passage_id ORDER BY score, po.passage_id LIMIT $3`;
  return [sql, params];
}

/**
 * BM25 of phrases joined by OR where a phrase has several words (a related expression, "drag his feet"), as
 * FTS5 scores it: such a phrase is one term, its count the places its words stand together in a column, its
 * idf from the passages holding it so (FTS5 reads phrases column by column, so a phrase across the text and
 * the context is none). The counts come from the tsvectors' positions; single words from the postings.
 */
function orPhrasesQuery(
  phrases: readonly string[][],
  contextWeight: number,
  limit: number | null,
  { range, ids }: Restriction,
): [string, unknown[]] {
  const params: unknown[] = [contextWeight, limit];
  const param = (value: unknown) => `$${params.push(value)}`;
  const positions = (column: string, word: string) =>
    `coalesce((SELECT u.positions FROM unnest(m.${column}) u WHERE u.lexeme = ${param(word)}), '{}')`;
  const phraseCount = (column: string, [first, ...next]: readonly string[]) =>
    `(SELECT count(*) FROM unnest(${positions(column, first!)}) p(at)
      WHERE ${next.map((word, i) => `at + ${i + 1} = ANY(${positions(column, word)})`).join(' AND ')})`;
  const counts = phrases.map((words, k) =>
    words.length === 1
      ? `SELECT ${k} AS k, passage_id AS id, text_count AS tc, context_count AS cc, length
         FROM postings WHERE term = ${param(words[0])}`
      : `SELECT ${k} AS k, m.id, ${phraseCount('text_terms', words)} AS tc,
           ${phraseCount('context_terms', words)} AS cc, m.term_count AS length
         FROM passages m
         WHERE m.id IN (SELECT passage_id FROM postings WHERE term = ${param(words[0])})
           AND m.terms @@ ${param(words.map(lexeme).join(' <-> '))}::tsquery`,
  );
  const conditions: string[] = [];
  const joins: string[] = [];
  if (hasBounds(range) || ids) joins.push('JOIN passages m ON m.id = f.id');
  if (hasBounds(range)) joins.push(withinPeriodOf(range, params, conditions));
  if (ids) conditions.push(`f.id = ANY(${param(ids)}::int[])`);
  const sql = `
    WITH s AS MATERIALIZED (
      SELECT passages::float8 AS n, greatest(total_terms::float8 / greatest(passages, 1), 1) AS average
      FROM corpus_stats
    ),
    found AS MATERIALIZED (
      SELECT k, id, tc + $1::float8 * cc AS freq, length FROM (${counts.join(' UNION ALL ')}) c WHERE tc + cc > 0
    ),
    idf AS (
      SELECT k, greatest(ln((s.n - count(*) + 0.5::float8) / (count(*) + 0.5::float8)), 1e-6) AS idf
      FROM found CROSS JOIN s GROUP BY k, s.n
    )
    SELECT f.id,
      -sum(i.idf * f.freq * ${K1 + 1} / (f.freq + ${K1} * (${1 - B} + ${B} * f.length::float8 / s.average))) AS score
    FROM found f JOIN idf i ON i.k = f.k CROSS JOIN s
    ${joins.join(' ')}
    ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
    GROUP BY f.id ORDER BY score, f.id LIMIT $2`;
  return [sql, params];
}

/**
 * The passages a tsquery matches, as a condition on `passages p`: among those holding one of its terms
 * (every match does), found by the postings' key, then decided by their tsvectors.
 */
const matchedPassages = (tsquery: string, terms: string) =>
  `p.id IN (SELECT passage_id FROM postings WHERE term = ANY(${terms}::text[])) AND p.terms @@ ${tsquery}::tsquery`;

/**
 * The index in a PostgreSQL database with pgvector: the same reads as the SQLite store, over a pool of
 * connections. Each query sees the last committed re-index; `dataVersion` reads the version row a
 * re-index bumps. A server restart costs the questions asked meanwhile an IndexError 'unavailable'; the
 * pool reconnects by itself after.
 */
export class PostgresPassageStore implements PassageStore {
  private readonly quantizeAbove: number;
  private years: { version: number; years: number[] } | null = null;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly location: PgLocation,
    readonly meta: IndexMeta,
    { quantizeAbove = DEFAULT_VECTOR_QUANTIZE_ABOVE }: PostgresStoreOptions,
  ) {
    this.quantizeAbove = quantizeAbove;
  }

  /** Opens the index, checking it was built by this version with this model, as SQLite's does. */
  static async open(
    location: PgLocation,
    model: string,
    options: PostgresStoreOptions = {},
  ): Promise<PostgresPassageStore> {
    const efSearch = options.efSearch ?? DEFAULT_EF_SEARCH;
    if (!Number.isInteger(efSearch) || efSearch < 1 || efSearch > 1000)
      throw new Error(`HNSW's ef_search must be a whole number from 1 to 1000, not ${efSearch}.`);
    // A query asking for more than ef_search passages gets them: the search goes on, still in order of
    // distance, until it has k (pgvector 0.8's iterative scans; it stops at 20,000 visited passages).
    const pool = createPool(location, POOL_SIZE, {
      'hnsw.ef_search': efSearch,
      'hnsw.iterative_scan': 'strict_order',
    });
    try {
      const meta = await readPgMeta(pool).catch((error: unknown) => {
        throw describePgError(location, error);
      });
      const readable = readableMeta(meta, location, model);
      if (!(await hasPgPostings(pool))) {
        throw new IndexError(
          `The index in ${describeLocation(location)} was written before full text kept its postings. Run "npm run ingest" once to add them (nothing is embedded again).`,
          'outdated',
        );
      }
      return new PostgresPassageStore(pool, location, readable, options);
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  /**
   * A read, tried again when the server dropped the connection it ran on: a restart ends every connection,
   * and the pool may hand out idle ones it has not yet heard are gone (each failure discards one, so one
   * more try than the pool holds reaches a fresh connection). Still unreachable: an IndexError
   * 'unavailable', which the bot answers with "try again".
   */
  private async retried<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (!isUnavailable(error) || attempt >= POOL_SIZE) throw describePgError(this.location, error);
      }
    }
  }

  private query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    return this.retried(async () => (await this.pool.query<R>(sql, params)).rows);
  }

  async fullText(
    matchExpression: string,
    limit: number,
    contextWeight: number,
    range: DateRange = {},
  ): Promise<RankedId[]> {
    const query = toTermQuery(matchExpression);
    if (!query) return [];
    return this.query<RankedId>(...bm25Query(query, contextWeight, limit, { range }));
  }

  async fullTextWithin(
    matchExpression: string,
    ids: readonly number[],
    contextWeight = 1,
  ): Promise<RankedId[]> {
    const query = toTermQuery(matchExpression);
    if (!query || ids.length === 0) return [];
    return this.query<RankedId>(...bm25Query(query, contextWeight, null, { ids }));
  }

  /**
   * Nearest passages by cosine distance, in one statement (one round trip). Within a period, always exact
   * among the period's passages: pgvector's HNSW filters after searching, so a period would get fewer than
   * k of its passages. Otherwise exact up to `quantizeAbove` passages, as on SQLite, and HNSW above.
   */
  async nearest(vector: Float32Array, k: number, range?: DateRange): Promise<RankedId[]> {
    if (k <= 0) return [];
    return hasBounds(range)
      ? this.query<RankedId>(NEAREST_WITHIN, [vectorLiteral(vector), k, ...dayBounds(range)])
      : this.query<RankedId>(NEAREST, [vectorLiteral(vector), k, this.quantizeAbove]);
  }

  async passageIdsWithin(range: DateRange): Promise<number[]> {
    const rows = await this.query<{ id: number }>(
      `SELECT p.id FROM passages p JOIN articles a ON a.id = p.article_id WHERE ${withinPeriod(1)} ORDER BY p.id`,
      dayBounds(range),
    );
    return rows.map((row) => row.id);
  }

  async period(range: DateRange): Promise<PeriodSummary> {
    const [row] = await this.query<PeriodSummary>(
      `SELECT count(*) FILTER (WHERE ${withinPeriod(1)})::int AS articles,
              count(*) FILTER (WHERE a.published IS NULL)::int AS undated,
              min(substr(a.published, 1, 10) COLLATE "C") AS oldest,
              max(substr(a.published, 1, 10) COLLATE "C") AS newest
       FROM articles a`,
      dayBounds(range),
    );
    return row ?? { articles: 0, undated: 0, oldest: null, newest: null };
  }

  async passages(ids: readonly number[]): Promise<PassageRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.query<PassageRecord>(
      `SELECT ${PASSAGE_COLUMNS} FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.id = ANY($1::int[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async following(ids: readonly number[]): Promise<Map<number, PassageRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.query<PassageRecord & { after: number }>(
      `SELECT cur.id AS after, ${PASSAGE_COLUMNS} FROM passages cur
       JOIN passages p ON p.article_id = cur.article_id AND p.ordinal = cur.ordinal + 1
       JOIN articles a ON a.id = p.article_id WHERE cur.id = ANY($1::int[])`,
      [ids],
    );
    return new Map(rows.map(({ after, ...passage }) => [after, passage]));
  }

  async articlePassages(articleIds: readonly number[]): Promise<PassageRecord[]> {
    if (articleIds.length === 0) return [];
    return this.query<PassageRecord>(
      `SELECT ${PASSAGE_COLUMNS} FROM passages p JOIN articles a ON a.id = p.article_id
       WHERE p.article_id = ANY($1::int[]) ORDER BY p.article_id, p.ordinal`,
      [articleIds],
    );
  }

  async articlePassagesHolding(
    articleIds: readonly number[],
    texts: readonly string[],
  ): Promise<PassageRecord[]> {
    if (articleIds.length === 0 || texts.length === 0) return [];
    // strpos is case-sensitive: the text as written, as `texts` asks.
    return this.query<PassageRecord>(
      `SELECT ${PASSAGE_COLUMNS} FROM passages p JOIN articles a ON a.id = p.article_id
       WHERE p.article_id = ANY($1::int[]) AND EXISTS (SELECT 1 FROM unnest($2::text[]) held WHERE strpos(p.text, held) > 0)
       ORDER BY p.article_id, p.ordinal`,
      [articleIds, texts],
    );
  }

  async storyTexts(articleIds: readonly number[]): Promise<Map<number, string>> {
    if (articleIds.length === 0) return new Map();
    const rows = await this.query<{ id: number; text: string }>(
      `SELECT a.id, a.context || chr(10) || string_agg(p.text, chr(10) ORDER BY p.ordinal) AS text
       FROM articles a JOIN passages p ON p.article_id = a.id
       WHERE a.id = ANY($1::int[]) GROUP BY a.id ORDER BY a.id`,
      [articleIds],
    );
    return new Map(rows.map((row) => [row.id, row.text]));
  }

  async vectors(ids: readonly number[]): Promise<Map<number, Float32Array>> {
    if (ids.length === 0) return new Map();
    const rows = await this.query<{ id: number; embedding: string }>(
      'SELECT id, embedding::text AS embedding FROM passages WHERE id = ANY($1::int[])',
      [ids],
    );
    return new Map(rows.map(({ id, embedding }) => [id, parseVector(embedding)]));
  }

  async speakers(): Promise<SpeakerRecord[]> {
    // Roles in the order they were first quoted, as SQLite lists them.
    return this.query<SpeakerRecord>(`
      SELECT speaker AS name, min(surname) AS surname,
             coalesce(array_agg(role ORDER BY first) FILTER (WHERE role IS NOT NULL), '{}') AS roles,
             sum(quotes)::int AS quotes
      FROM (SELECT speaker, min(surname) AS surname, role, min(id) AS first, count(*) AS quotes
            FROM quotes GROUP BY speaker, role) r
      GROUP BY speaker ORDER BY quotes DESC, speaker COLLATE "C"`);
  }

  async quotesBy(speakers: readonly string[]): Promise<QuoteRecord[]> {
    return this.query<QuoteRecord>(
      `SELECT q.passage_id AS "passageId", q.speaker, q.start, q."end"
       FROM quotes q JOIN articles a ON a.id = q.article_id
       WHERE q.speaker = ANY($1::text[])
       ORDER BY a.published DESC NULLS LAST, a.id, q.start`,
      [speakers],
    );
  }

  async speakersQuotedWith(
    matchExpression: string,
    speakers: readonly string[],
  ): Promise<{ name: string; passages: number }[]> {
    const query = toTermQuery(matchExpression);
    if (speakers.length === 0 || !query) return [];
    return this.query<{ name: string; passages: number }>(
      `SELECT q.speaker AS name, count(DISTINCT p.id)::int AS passages
       FROM passages p JOIN quotes q ON q.article_id = p.article_id AND (p.ordinal = 0 OR q.passage_id = p.id)
       WHERE ${matchedPassages('$1', '$3')} AND q.speaker = ANY($2::text[])
       GROUP BY q.speaker ORDER BY passages DESC, q.speaker COLLATE "C"`,
      [query.tsquery, speakers, query.phrases],
    );
  }

  async quotesIn(passageIds: readonly number[]): Promise<QuoteRecord[]> {
    return this.query<QuoteRecord>(
      `SELECT passage_id AS "passageId", speaker, start, "end" FROM quotes
       WHERE passage_id = ANY($1::int[]) ORDER BY start`,
      [passageIds],
    );
  }

  async articles(): Promise<ArticleRecord[]> {
    return this.query<ArticleRecord>(`
      SELECT a.id, a.key, a.title, a.source, a.url, a.published, count(p.id)::int AS passages
      FROM articles a LEFT JOIN passages p ON p.article_id = a.id
      GROUP BY a.id ORDER BY a.published DESC NULLS LAST, a.title COLLATE "C"`);
  }

  async documentFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    const queries = terms.map((term) => ({ term, query: toTermQuery(ftsString(term)) }));
    // One word (nearly always): the stored frequency, all such terms in one query; a phrase: counted.
    const words = queries.filter(({ query }) => query?.phrases.length === 1);
    const stored = await this.query<{ term: string; n: number }>(
      'SELECT term, documents AS n FROM term_stats WHERE term = ANY($1::text[])',
      [words.map(({ query }) => query!.phrases[0])],
    );
    const byLexeme = new Map(stored.map((row) => [row.term, row.n]));
    const counts = await Promise.all(
      queries.map(async ({ term, query }): Promise<[string, number]> => {
        if (!query) return [term, 0];
        if (query.phrases.length === 1)
          return [term, Math.min(byLexeme.get(query.phrases[0]!) ?? 0, DOCUMENT_FREQUENCY_CAP)];
        const [row] = await this.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM (SELECT 1 FROM passages p WHERE ${matchedPassages('$1', '$2')} LIMIT ${DOCUMENT_FREQUENCY_CAP}) m`,
          [query.tsquery, query.phrases],
        );
        return [term, row?.n ?? 0];
      }),
    );
    return new Map(counts);
  }

  async openings(): Promise<OpeningRecord[]> {
    return this.query<OpeningRecord>(`
      SELECT a.id AS "articleId", a.title, p.id AS "passageId", p.text,
             (SELECT count(*)::int FROM passages WHERE article_id = a.id) AS passages
      FROM articles a JOIN LATERAL (
        SELECT id, text FROM passages WHERE article_id = a.id AND kind = 'body' ORDER BY ordinal LIMIT 1
      ) p ON true
      ORDER BY a.id`);
  }

  async publishedYears(): Promise<number[]> {
    const { version } = await this.stats();
    if (this.years?.version !== version) {
      const rows = await this.query<{ year: number }>(
        "SELECT DISTINCT substr(published, 1, 4)::int AS year FROM articles WHERE published ~ '^[0-9]{4}'",
      );
      this.years = { version, years: rows.map((row) => row.year) };
    }
    return this.years.years;
  }

  private async stats(): Promise<{ passages: number; version: number }> {
    const [row] = await this.query<{ passages: number; version: number }>(
      'SELECT passages, version::int AS version FROM corpus_stats',
    );
    return row ?? { passages: 0, version: 0 };
  }

  async dataVersion(): Promise<number> {
    return (await this.stats()).version;
  }

  async passageCount(): Promise<number> {
    return (await this.stats()).passages;
  }

  async storedCalibration(): Promise<StoredCalibration | null> {
    return storedCalibrationFrom(
      await this.metaValue(CALIBRATION_KEY),
      await this.metaValue(CALIBRATION_STALE_KEY),
    );
  }

  async latestDigest(): Promise<IndexDigest | null> {
    return parseDigest(await this.metaValue(DIGEST_KEY));
  }

  private async metaValue(key: string): Promise<string | null> {
    const [row] = await this.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]);
    return row?.value ?? null;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
