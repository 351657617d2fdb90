import type Database from 'better-sqlite3';
import { DEFAULT_VECTOR_QUANTIZE_ABOVE } from '../config.js';
import { hasBounds, type DateRange } from '../document/date-range.js';
import { openIndexForRead, type ReadOptions } from './open-database.js';
import { DIGEST_KEY, parseDigest, type IndexDigest } from './index-digest.js';
import {
  CALIBRATION_KEY,
  CALIBRATION_STALE_KEY,
  ftsString,
  storedCalibrationFrom,
  type IndexMeta,
  type StoredCalibration,
} from './schema.js';
import { bestRows, orPhrases, PhraseScoreCache, type PhraseScores } from './phrase-scores.js';
import { rescoredCandidates, SignCodes } from './sign-codes.js';

export interface PassageRecord {
  id: number;
  articleId: number;
  articleKey: string;
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
  paragraph: number;
  ordinal: number;
  start: number;
  end: number;
  kind: 'body' | 'caption';
  text: string;
  /** The article's headline and subjects, searched with the passage (see articleContext). */
  context: string;
}

export interface RankedId {
  id: number;
  /** BM25 (lower is better, as FTS5 reports it) or cosine distance (0 is identical). */
  score: number;
}

export interface SpeakerRecord {
  name: string;
  surname: string;
  roles: string[];
  quotes: number;
}

export interface QuoteRecord {
  passageId: number;
  speaker: string;
  /** Offsets into the article body, like the passage's own. */
  start: number;
  end: number;
}

export interface ArticleRecord {
  id: number;
  key: string;
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
  passages: number;
}

/** An article's first body passage, with how many passages the article has: what calibration asks from. */
export interface OpeningRecord {
  articleId: number;
  title: string;
  passageId: number;
  text: string;
  passages: number;
}

/** What the index holds for a period: how many articles it dates in it, and the bounds of the whole archive. */
export interface PeriodSummary {
  /** Dated articles within the period. */
  articles: number;
  /** Articles without a date, which a period always leaves out. */
  undated: number;
  /** The oldest and newest publication days of the dated articles (null when none is dated). */
  oldest: string | null;
  newest: string | null;
}

export const DOCUMENT_FREQUENCY_CAP = 5000;
/** Words whose counts one index version keeps (a few MB). */
const FREQUENCIES_KEPT = 100_000;
/**
 * Rows of phrase scores one index version keeps (12 bytes each: 24 MB), the least recently used dropped
 * first. The 320 bench questions at 120,872 passages read about 1.5 million, for about 750 phrases; "s"
 * (of "U.S.") alone is 38,283 rows.
 */
const PHRASE_ROWS_KEPT = 2_000_000;

/**
 * BM25 over a given set of passages (a speaker's statements): the same scores as the whole index's, any
 * depth. The unary plus keeps the id list out of FTS5's query plan: given `rowid IN (...)` as a
 * constraint, SQLite runs the whole match once per id (0.25 ms each at 120k passages); as a filter on one
 * pass over the match, BM25 is computed for the passages in the list alone. The same rows in the same
 * order; measured at 120,916 passages (CPU-ms per query): a speaker with 2,390 statements and 8 related
 * words 632 -> 3.4, 143 statements and "when" OR "s" OR "said" 646 -> 16.5, one rare word 8.3 -> 0.7.
 */
export const FTS_WITHIN_SQL =
  'SELECT rowid AS id, bm25(passages_fts, 1, ?) AS score FROM passages_fts WHERE passages_fts MATCH ? AND +rowid IN (SELECT value FROM json_each(?)) ORDER BY score';

/** A period's ends for SQL (both stores): an open end is a day no article comes before (or after). */
export const dayBounds = (range: DateRange) => [range.since ?? '0000-01-01', range.until ?? '9999-12-31'];
/** An article's publication day (its date-time's first ten characters) within the period; NULL is never. */
export const WITHIN_PERIOD = 'substr(a.published, 1, 10) BETWEEN ? AND ?';

export interface PassageStoreOptions extends ReadOptions {
  /** Above this many passages `nearest` scans sign bits first, then rescores the best candidates exactly. */
  quantizeAbove?: number;
  /** How many lists that pass scans once the index has lists (vector-lists.ts); listProbes by default. */
  probes?: number;
}

const PASSAGE_COLUMNS = `
  p.id, p.article_id AS articleId, a.key AS articleKey, a.title, a.source, a.url, a.published,
  p.paragraph, p.ordinal, p.start, p.end, p.kind, p.text, a.context`;

/**
 * Read access to the index for search and answers: the one seam between them and the engine underneath
 * (SQLite here, Postgres in ./postgres). Asynchronous because Postgres is; SQLite answers at once.
 */
export interface PassageStore {
  readonly meta: IndexMeta;
  /**
   * Best BM25 matches for an FTS5 expression built by `buildMatchExpression`, never raw user text. A match
   * in the article's context counts `contextWeight` times a match in the passage's own words.
   */
  fullText(
    matchExpression: string,
    limit: number,
    contextWeight: number,
    range?: DateRange,
  ): Promise<RankedId[]>;
  /**
   * BM25 matches among the passages `ids` only, best first; a match in the article's context counts
   * `contextWeight` times a match in the passage's own words (once unless told).
   */
  fullTextWithin(
    matchExpression: string,
    ids: readonly number[],
    contextWeight?: number,
  ): Promise<RankedId[]>;
  /** Nearest passages by cosine distance, nearest first. */
  nearest(vector: Float32Array, k: number, range?: DateRange): Promise<RankedId[]>;
  /** The passages of articles published within a period (undated articles are in none). */
  passageIdsWithin(range: DateRange): Promise<number[]>;
  /** How many articles a period holds, how many are undated, and the archive's oldest and newest days. */
  period(range: DateRange): Promise<PeriodSummary>;
  /** Passages with their article, in the order of `ids`; ids that no longer exist are left out. */
  passages(ids: readonly number[]): Promise<PassageRecord[]>;
  vectors(ids: readonly number[]): Promise<Map<number, Float32Array>>;
  /** The passage that follows each of `ids` in its article (next paragraph or caption), keyed by the id it follows. */
  following(ids: readonly number[]): Promise<Map<number, PassageRecord>>;
  /** Every passage of these articles (by `PassageRecord.articleId`), each article's in reading order. */
  articlePassages(articleIds: readonly number[]): Promise<PassageRecord[]>;
  /**
   * The passages of these articles whose text holds one of `texts` as written (case and all), each
   * article's in reading order: of `articlePassages`, only those, filtered before a record is built.
   */
  articlePassagesHolding(articleIds: readonly number[], texts: readonly string[]): Promise<PassageRecord[]>;
  /**
   * Each of these articles whole, by id in ascending order: its context (headline), then every passage in
   * reading order, joined by line breaks: the text of what `articlePassages` reads, without a record built
   * for each passage. Reading 30 BBC stories (2,127 in batches of 30) cost 0.53 CPU-ms through
   * `articlePassages`, 0.23 this way.
   */
  storyTexts(articleIds: readonly number[]): Promise<Map<number, string>>;
  speakers(): Promise<SpeakerRecord[]>;
  /** Statements by these speakers, newest article first and in article order within each. */
  quotesBy(speakers: readonly string[]): Promise<QuoteRecord[]>;
  /**
   * Of `speakers`, those quoted in an article whose opening passage, or the passage quoting them, matches
   * an FTS5 expression (built by `buildMatchExpression`, never raw user text), with how many such
   * passages, most first.
   */
  speakersQuotedWith(
    matchExpression: string,
    speakers: readonly string[],
  ): Promise<{ name: string; passages: number }[]>;
  quotesIn(passageIds: readonly number[]): Promise<QuoteRecord[]>;
  articles(): Promise<ArticleRecord[]>;
  /** How many passages contain each term (as FTS5 stems it), counted up to DOCUMENT_FREQUENCY_CAP. */
  documentFrequencies(terms: readonly string[]): Promise<Map<string, number>>;
  /** Every article's headline and first body passage, in index order. */
  openings(): Promise<OpeningRecord[]>;
  /** The years the articles are dated in (articles without a date count for none). */
  publishedYears(): Promise<number[]>;
  /** Changes whenever a re-index commits: the cue to drop anything cached. */
  dataVersion(): Promise<number>;
  passageCount(): Promise<number>;
  /** The answer settings measured on this index (JSON, see src/answer/self-calibration.ts), if any. */
  storedCalibration(): Promise<StoredCalibration | null>;
  /** What the last re-index that changed articles added and updated, if it left a digest. */
  latestDigest(): Promise<IndexDigest | null>;
  close(): Promise<void>;
}

/**
 * The index in a SQLite file. One connection with prepared statements, opened once:
 * in WAL mode each query sees the latest committed re-index, so a running bot needs no restart.
 */
export class SqlitePassageStore implements PassageStore {
  readonly meta: IndexMeta;
  private readonly statements;
  private readonly quantizeAbove: number;
  private readonly probes: number | undefined;
  /** Null codes: the index is small enough for exact search (or its layout is not readable). */
  private coarse: { version: number; codes: SignCodes | null } | null = null;
  private years: { version: number; years: number[] } | null = null;
  /**
   * The passage count and each term's capped count, asked by every question (term weights, a period's
   * nearest passages): kept per index version, as the years are. At 120,872 passages they were 4% of a
   * question's CPU (320 bench questions, proxy model), repeated for the same words question after question.
   */
  private counts: {
    version: number;
    passages: number;
    frequencies: Map<string, number>;
    phraseScores: PhraseScoreCache;
  } | null = null;

  constructor(
    private readonly db: Database.Database,
    meta: IndexMeta,
    { quantizeAbove = DEFAULT_VECTOR_QUANTIZE_ABOVE, probes }: PassageStoreOptions = {},
  ) {
    this.meta = meta;
    this.quantizeAbove = quantizeAbove;
    this.probes = probes;
    this.statements = {
      metaValue: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      // Prepared once: `db.pragma` prepares its statement on every call, and a question asks several times.
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
      fts: db.prepare(
        'SELECT rowid AS id, bm25(passages_fts, 1, ?) AS score FROM passages_fts WHERE passages_fts MATCH ? ORDER BY score LIMIT ?',
      ),
      // One phrase's share of bm25() in every row holding it (see phrase-scores.ts).
      phraseScores: db
        .prepare('SELECT rowid, bm25(passages_fts, 1, ?) FROM passages_fts WHERE passages_fts MATCH ?')
        .raw(),
      // The same BM25 over the passages of articles published within a period.
      ftsWithinPeriod: db.prepare(`
        SELECT passages_fts.rowid AS id, bm25(passages_fts, 1, ?) AS score
        FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid JOIN articles a ON a.id = p.article_id
        WHERE passages_fts MATCH ? AND ${WITHIN_PERIOD} ORDER BY score LIMIT ?`),
      passageIdsWithinPeriod: db
        .prepare(`SELECT p.id FROM passages p JOIN articles a ON a.id = p.article_id WHERE ${WITHIN_PERIOD}`)
        .pluck(),
      // Every column as the day's expression (an undated article's day is NULL, a dated one's never), so
      // that SQLite reads the articles_by_day index alone, not the articles with their bodies.
      period: db.prepare(`
        SELECT count(*) FILTER (WHERE ${WITHIN_PERIOD}) AS articles,
               count(*) FILTER (WHERE substr(a.published, 1, 10) IS NULL) AS undated,
               min(substr(a.published, 1, 10)) AS oldest, max(substr(a.published, 1, 10)) AS newest
        FROM articles a`),
      ftsWithin: db.prepare(FTS_WITHIN_SQL),
      knn: db.prepare(
        'SELECT passage_id AS id, distance AS score FROM passage_vectors WHERE embedding MATCH ? AND k = ? ORDER BY distance',
      ),
      // The same distance function as the KNN above, so rescored distances are identical to exact ones.
      rescore: db.prepare(`
        SELECT e.passage_id AS id, vec_distance_cosine(e.embedding, ?) AS score
        FROM json_each(?) ids JOIN passage_embeddings e ON e.passage_id = ids.value ORDER BY score LIMIT ?`),
      passages: db.prepare(
        `SELECT ${PASSAGE_COLUMNS} FROM json_each(?) ids JOIN passages p ON p.id = ids.value JOIN articles a ON a.id = p.article_id`,
      ),
      // The passage after each of the given ones in its article (the next paragraph or caption), if any.
      following: db.prepare(
        `SELECT ids.value AS after, ${PASSAGE_COLUMNS} FROM json_each(?) ids JOIN passages cur ON cur.id = ids.value
         JOIN passages p ON p.article_id = cur.article_id AND p.ordinal = cur.ordinal + 1
         JOIN articles a ON a.id = p.article_id`,
      ),
      articlePassages: db.prepare(
        `SELECT ${PASSAGE_COLUMNS} FROM json_each(?) ids JOIN passages p ON p.article_id = ids.value
         JOIN articles a ON a.id = p.article_id ORDER BY p.article_id, p.ordinal`,
      ),
      // instr is SQLite's case-sensitive substring search: the text as written, as `texts` asks.
      articlePassagesHolding: db.prepare(
        `SELECT ${PASSAGE_COLUMNS} FROM json_each(?) ids JOIN passages p ON p.article_id = ids.value
         JOIN articles a ON a.id = p.article_id
         WHERE EXISTS (SELECT 1 FROM json_each(?) held WHERE instr(p.text, held.value) > 0)
         ORDER BY p.article_id, p.ordinal`,
      ),
      storyTexts: db
        .prepare(
          `SELECT a.id, a.context || char(10) || group_concat(p.text, char(10) ORDER BY p.ordinal)
           FROM json_each(?) ids JOIN articles a ON a.id = ids.value JOIN passages p ON p.article_id = a.id
           GROUP BY a.id ORDER BY a.id`,
        )
        .raw(),
      vectors: db.prepare(
        'SELECT passage_id AS id, embedding FROM passage_embeddings WHERE passage_id IN (SELECT value FROM json_each(?))',
      ),
      speakers: db.prepare(`
        SELECT speaker AS name, surname, json_group_array(DISTINCT role) FILTER (WHERE role IS NOT NULL) AS roles,
               count(*) AS quotes
        FROM quotes GROUP BY speaker ORDER BY quotes DESC, speaker`),
      quotesBySpeaker: db.prepare(`
        SELECT q.passage_id AS passageId, q.speaker, q.start, q.end
        FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.speaker IN (SELECT value FROM json_each(?))
        ORDER BY a.published DESC, a.id, q.start`),
      // Which of these speakers are quoted in articles about something (an organisation, a country): named
      // in the article's opening passage or in the passage that quotes them.
      speakersQuotedWith: db.prepare(`
        SELECT q.speaker AS name, count(DISTINCT p.id) AS passages
        FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid
        JOIN quotes q ON q.article_id = p.article_id AND (p.ordinal = 0 OR q.passage_id = p.id)
        WHERE passages_fts MATCH ? AND q.speaker IN (SELECT value FROM json_each(?))
        GROUP BY q.speaker ORDER BY passages DESC, q.speaker`),
      quotesInPassages: db.prepare(`
        SELECT passage_id AS passageId, speaker, start, end FROM quotes
        WHERE passage_id IN (SELECT value FROM json_each(?)) ORDER BY start`),
      articles: db.prepare(`
        SELECT a.id, a.key, a.title, a.source, a.url, a.published, count(p.id) AS passages
        FROM articles a LEFT JOIN passages p ON p.article_id = a.id
        GROUP BY a.id ORDER BY a.published DESC, a.title`),
      passageCount: db.prepare('SELECT count(*) FROM passages').pluck(),
      openings: db.prepare(`
        SELECT a.id AS articleId, a.title, p.id AS passageId, p.text,
               (SELECT count(*) FROM passages WHERE article_id = a.id) AS passages
        FROM articles a JOIN passages p ON p.id = (
          SELECT id FROM passages WHERE article_id = a.id AND kind = 'body' ORDER BY ordinal LIMIT 1)
        ORDER BY a.id`),
      publishedYears: db
        .prepare(
          "SELECT DISTINCT CAST(substr(published, 1, 4) AS INTEGER) FROM articles WHERE published GLOB '[0-9][0-9][0-9][0-9]*'",
        )
        .pluck(),
      // Capped: past a few thousand passages a word is common, and counting further only costs time.
      documentFrequency: db
        .prepare(
          `SELECT count(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT ${DOCUMENT_FREQUENCY_CAP})`,
        )
        .pluck(),
    };
  }

  static open(dbPath: string, model: string, options?: PassageStoreOptions): SqlitePassageStore {
    const { db, meta } = openIndexForRead(dbPath, model, options);
    return new SqlitePassageStore(db, meta, options);
  }

  /**
   * Best BM25 matches for an FTS5 expression built by `buildMatchExpression`, never raw user text. A match
   * in the article's context counts `contextWeight` times a match in the passage's own words.
   */
  async fullText(
    matchExpression: string,
    limit: number,
    contextWeight: number,
    range?: DateRange,
  ): Promise<RankedId[]> {
    if (hasBounds(range))
      return this.statements.ftsWithinPeriod.all(
        contextWeight,
        matchExpression,
        ...dayBounds(range),
        limit,
      ) as RankedId[];
    const phrases = orPhrases(matchExpression);
    if (!phrases) return this.statements.fts.all(contextWeight, matchExpression, limit) as RankedId[];
    return bestRows(this.scoresOf(phrases, contextWeight), limit);
  }

  /**
   * Each phrase's bm25() shares, kept per index version: the same rows and scores as one FTS5 query over
   * the phrases joined by OR (phrase-scores.ts). The 320 bench questions' 323 full-text searches at
   * 120,872 passages (CPU-ms in all, load about 15): 4,889 as one FTS5 query each, 730 from kept shares,
   * 5,154 on the first pass that reads each phrase once. Reading a phrase costs more than scoring it
   * within one OR query (11,462 with nothing kept), so every phrase read is kept, rare ones too.
   */
  private scoresOf(phrases: readonly string[], contextWeight: number): PhraseScores[] {
    // One snapshot for the phrases read now, so that a re-index committing meanwhile cannot mix versions.
    return this.db.transaction(() => {
      const cache = this.currentCounts().phraseScores;
      return phrases.map((phrase) => {
        const key = `${contextWeight} ${phrase}`;
        let scores = cache.get(key);
        if (!scores) {
          const rows = this.statements.phraseScores.all(contextWeight, phrase) as [number, number][];
          scores = {
            ids: Int32Array.from(rows, (row) => row[0]),
            scores: Float64Array.from(rows, (row) => row[1]),
          };
          cache.set(key, scores);
        }
        return scores;
      });
    })();
  }

  /** BM25 matches among the passages `ids` only, best first. */
  async fullTextWithin(
    matchExpression: string,
    ids: readonly number[],
    contextWeight = 1,
  ): Promise<RankedId[]> {
    if (ids.length === 0) return [];
    return this.statements.ftsWithin.all(contextWeight, matchExpression, JSON.stringify(ids)) as RankedId[];
  }

  /**
   * Nearest passages by cosine distance. Exact on an index of up to `quantizeAbove` passages; above it,
   * the passages nearest by sign bits (within the `probes` nearest lists once the index has lists, see
   * vector-lists.ts) are rescored by cosine distance: the same distances as exact search, for a
   * recall@10 measured at 0.95 or more (scripts/bench/scale.ts). A period is always searched exactly.
   */
  async nearest(vector: Float32Array, k: number, range?: DateRange): Promise<RankedId[]> {
    if (k <= 0) return [];
    if (hasBounds(range)) return this.nearestWithin(vector, k, range);
    const codes = this.signCodes();
    if (!codes) return this.statements.knn.all(vector, k) as RankedId[];
    // In key order, candidates that share a B-tree page are read together: the rescoring's CPU time at
    // 120,872 passages fell from 3.2 to 2.8 ms a query (medians, two interleaved runs, loaded machine).
    const candidates = codes.nearest(vector, rescoredCandidates(k), this.probes).sort((a, b) => a - b);
    return this.statements.rescore.all(vector, JSON.stringify(candidates), k) as RankedId[];
  }

  /**
   * The nearest passages of articles published within a period, still `k` of them when the period has
   * that many. A period holding most of the index is read from a deeper unfiltered search; any other is
   * searched exactly among its own passages (vec0's KNN cannot filter on the article's date).
   */
  private async nearestWithin(vector: Float32Array, k: number, range: DateRange): Promise<RankedId[]> {
    const ids = await this.passageIdsWithin(range);
    if (ids.length === 0) return [];
    const total = await this.passageCount();
    if (ids.length * 2 >= total) {
      const inPeriod = new Set(ids);
      const deeper = await this.nearest(vector, Math.min(total, k * 4));
      const kept = deeper.filter((hit) => inPeriod.has(hit.id));
      if (kept.length >= k || deeper.length >= total) return kept.slice(0, k);
    }
    return this.statements.rescore.all(vector, JSON.stringify(ids), k) as RankedId[];
  }

  /** The passages of articles published within a period (undated articles are in none). */
  async passageIdsWithin(range: DateRange): Promise<number[]> {
    return this.statements.passageIdsWithinPeriod.all(...dayBounds(range)) as number[];
  }

  /** How many articles a period holds, how many are undated, and the archive's oldest and newest days. */
  async period(range: DateRange): Promise<PeriodSummary> {
    return this.statements.period.get(...dayBounds(range)) as PeriodSummary;
  }

  /** Re-read only after a re-index commits; the count and the codes come from one snapshot. */
  private signCodes(): SignCodes | null {
    const version = this.fileVersion();
    if (this.coarse?.version !== version) {
      const read = this.db.transaction((): SignCodes | null => {
        const passages = this.statements.passageCount.get() as number;
        return passages > this.quantizeAbove ? SignCodes.read(this.db, this.meta.dimension, passages) : null;
      });
      this.coarse = { version, codes: read() };
    }
    return this.coarse.codes;
  }

  /** Passages with their article, in the order of `ids`; ids that no longer exist are left out. */
  async passages(ids: readonly number[]): Promise<PassageRecord[]> {
    if (ids.length === 0) return [];
    const rows = this.statements.passages.all(JSON.stringify(ids)) as PassageRecord[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The passage that follows each of `ids` in its article, keyed by the id it follows. */
  async following(ids: readonly number[]): Promise<Map<number, PassageRecord>> {
    if (ids.length === 0) return new Map();
    const rows = this.statements.following.all(JSON.stringify(ids)) as (PassageRecord & { after: number })[];
    return new Map(rows.map(({ after, ...passage }) => [after, passage]));
  }

  /** Every passage of these articles, each article's in reading order. */
  async articlePassages(articleIds: readonly number[]): Promise<PassageRecord[]> {
    if (articleIds.length === 0) return [];
    return this.statements.articlePassages.all(JSON.stringify(articleIds)) as PassageRecord[];
  }

  async articlePassagesHolding(
    articleIds: readonly number[],
    texts: readonly string[],
  ): Promise<PassageRecord[]> {
    if (articleIds.length === 0 || texts.length === 0) return [];
    return this.statements.articlePassagesHolding.all(
      JSON.stringify(articleIds),
      JSON.stringify(texts),
    ) as PassageRecord[];
  }

  async storyTexts(articleIds: readonly number[]): Promise<Map<number, string>> {
    if (articleIds.length === 0) return new Map();
    return new Map(this.statements.storyTexts.all(JSON.stringify(articleIds)) as [number, string][]);
  }

  async vectors(ids: readonly number[]): Promise<Map<number, Float32Array>> {
    const rows = this.statements.vectors.all(JSON.stringify(ids)) as { id: number; embedding: Buffer }[];
    return new Map(
      rows.map(({ id, embedding }) => [
        id,
        new Float32Array(
          embedding.buffer,
          embedding.byteOffset,
          embedding.byteLength / Float32Array.BYTES_PER_ELEMENT,
        ),
      ]),
    );
  }

  async speakers(): Promise<SpeakerRecord[]> {
    const rows = this.statements.speakers.all() as (Omit<SpeakerRecord, 'roles'> & { roles: string })[];
    return rows.map((row) => ({ ...row, roles: JSON.parse(row.roles) as string[] }));
  }

  /** Statements by these speakers, newest article first and in article order within each. */
  async quotesBy(speakers: readonly string[]): Promise<QuoteRecord[]> {
    return this.statements.quotesBySpeaker.all(JSON.stringify(speakers)) as QuoteRecord[];
  }

  /**
   * Of `speakers`, those quoted in an article whose opening passage, or the passage quoting them, matches
   * an FTS5 expression (built by `buildMatchExpression`, never raw user text), with how many such
   * passages, most first.
   */
  async speakersQuotedWith(
    matchExpression: string,
    speakers: readonly string[],
  ): Promise<{ name: string; passages: number }[]> {
    if (speakers.length === 0) return [];
    return this.statements.speakersQuotedWith.all(matchExpression, JSON.stringify(speakers)) as {
      name: string;
      passages: number;
    }[];
  }

  async quotesIn(passageIds: readonly number[]): Promise<QuoteRecord[]> {
    return this.statements.quotesInPassages.all(JSON.stringify(passageIds)) as QuoteRecord[];
  }

  async articles(): Promise<ArticleRecord[]> {
    return this.statements.articles.all() as ArticleRecord[];
  }

  /** How many passages contain each term (as FTS5 stems it), counted up to DOCUMENT_FREQUENCY_CAP. */
  async documentFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    const { frequencies } = this.currentCounts();
    // A long-running bot sees ever more words: past this, the cache starts again rather than growing.
    if (frequencies.size > FREQUENCIES_KEPT) frequencies.clear();
    return new Map(
      terms.map((term) => {
        let count = frequencies.get(term);
        if (count === undefined) {
          count = this.statements.documentFrequency.get(ftsString(term)) as number;
          frequencies.set(term, count);
        }
        return [term, count];
      }),
    );
  }

  /** Every article's headline and first body passage, in index order. */
  async openings(): Promise<OpeningRecord[]> {
    return this.statements.openings.all() as OpeningRecord[];
  }

  /** The years the articles are dated in (articles without a date count for none). */
  async publishedYears(): Promise<number[]> {
    // A scan of every article, asked by each question that names a year: read once per index version.
    const version = this.fileVersion();
    if (this.years?.version !== version)
      this.years = { version, years: this.statements.publishedYears.all() as number[] };
    return this.years.years;
  }

  /** Changes whenever another connection (a re-index) commits: the cue to drop anything cached. */
  async dataVersion(): Promise<number> {
    return this.fileVersion();
  }

  /** Changes whenever another connection (a re-index) commits. */
  private fileVersion(): number {
    return this.statements.dataVersion.get() as number;
  }

  async passageCount(): Promise<number> {
    return this.currentCounts().passages;
  }

  private currentCounts() {
    const version = this.fileVersion();
    if (this.counts?.version !== version)
      this.counts = {
        version,
        passages: this.statements.passageCount.get() as number,
        frequencies: new Map(),
        phraseScores: new PhraseScoreCache(PHRASE_ROWS_KEPT),
      };
    return this.counts;
  }

  /** What the last re-index that changed articles added and updated, if it left a digest. */
  async latestDigest(): Promise<IndexDigest | null> {
    return parseDigest((this.statements.metaValue.get(DIGEST_KEY) as string | undefined) ?? null);
  }

  /** The answer settings measured on this index (JSON, see src/answer/self-calibration.ts), if any. */
  async storedCalibration(): Promise<StoredCalibration | null> {
    const value = (key: string) => (this.statements.metaValue.get(key) as string | undefined) ?? null;
    return storedCalibrationFrom(value(CALIBRATION_KEY), value(CALIBRATION_STALE_KEY));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
