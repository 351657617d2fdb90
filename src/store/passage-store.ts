import type Database from 'better-sqlite3';
import { DEFAULT_VECTOR_QUANTIZE_ABOVE } from '../config.js';
import { openIndexForRead } from './open-database.js';
import { quantizeSigns, type IndexMeta } from './schema.js';

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

export const DOCUMENT_FREQUENCY_CAP = 5000;

/**
 * The coarse pass keeps this many candidates per passage asked for (and at least QUANTIZED_MIN_CANDIDATES)
 * for exact rescoring: with the stand-in model, recall@10 against exact search was 0.91 with 500
 * candidates by hamming distance alone and 0.98 with the shortlist re-ranked (XQuAD questions, 100k
 * passages; scripts/bench/scale.ts).
 */
export const QUANTIZED_CANDIDATES_PER_RESULT = 10;
export const QUANTIZED_MIN_CANDIDATES = 500;
/** How many times more candidates the hamming step keeps than the candidates rescored exactly. */
export const QUANTIZED_SHORTLIST_FACTOR = 10;

export interface PassageStoreOptions {
  /** Above this many passages `nearest` scans sign bits first, then rescores the best candidates exactly. */
  quantizeAbove?: number;
}

const popcount = (x: number): number => {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
};

/**
 * Every passage's sign bits (schema.ts: embedding_bits) in one typed array. sqlite-vec's own KNN over the
 * bit column selects its top k at a cost that grows with k: 500 candidates deep, it took nearly as long as
 * the exact search (78 against 84 ms at 100k passages), where this scan, whose cost does not depend on
 * the depth, took 12 ms with the rescoring (scripts/bench/scale.ts).
 */
class SignCodes {
  private readonly distances: Uint16Array;
  private readonly histogram: Uint32Array;

  private constructor(
    private readonly ids: Float64Array,
    private readonly words: Uint32Array,
    readonly stride: number,
  ) {
    this.distances = new Uint16Array(ids.length);
    this.histogram = new Uint32Array(stride * 32 + 1);
  }

  /**
   * Reads the bit column's chunks straight from vec0's shadow tables (sqlite-vec 0.1's documented layout:
   * `<table>_chunks` holds each chunk's validity bitmap and rowids, `<table>_vector_chunksNN` the packed
   * vectors of the NN-th vector column): milliseconds at 1M rows, where a scan through vec0 takes seconds.
   * Returns null when the layout is not the one expected or does not account for every passage, so that
   * a future sqlite-vec costs speed, never correctness.
   */
  static read(db: Database.Database, dimension: number, passages: number): SignCodes | null {
    const bytes = Math.ceil(dimension / 8);
    const stride = Math.ceil(bytes / 4);
    let chunks: { validity: Buffer; rowids: Buffer; vectors: Buffer }[];
    try {
      chunks = db
        .prepare(
          `SELECT c.validity, c.rowids, v.vectors FROM passage_vectors_chunks c
           JOIN passage_vectors_vector_chunks01 v ON v.rowid = c.chunk_id ORDER BY c.chunk_id`,
        )
        .all() as typeof chunks;
    } catch {
      return null;
    }
    const ids = new Float64Array(passages);
    const words = new Uint32Array(passages * stride);
    const wordBytes = new Uint8Array(words.buffer);
    let next = 0;
    for (const { validity, rowids, vectors } of chunks) {
      const slots = rowids.length / 8;
      if (!Number.isInteger(slots) || vectors.length !== slots * bytes || validity.length * 8 < slots)
        return null;
      for (let slot = 0; slot < slots; slot++) {
        if (!(validity[slot >> 3]! & (1 << (slot & 7)))) continue;
        if (next === passages) return null;
        ids[next] = Number(rowids.readBigInt64LE(slot * 8));
        wordBytes.set(vectors.subarray(slot * bytes, (slot + 1) * bytes), next * stride * 4);
        next++;
      }
    }
    return next === passages ? new SignCodes(ids, words, stride) : null;
  }

  /**
   * The `count` best candidates in two steps: the hamming distance between sign bits keeps a shortlist
   * (ties at its cut-off in storage order), then the shortlist is ranked by the dot product of the float
   * query with each ±1 code, which loses far less of the query than its own sign bits do.
   */
  nearest(query: Float32Array, count: number): number[] {
    const { ids, words, stride, distances, histogram } = this;
    const shortlist = count * QUANTIZED_SHORTLIST_FACTOR;
    const bytes = stride * 4;
    const queryWords = new Uint32Array(stride);
    quantizeSigns(query, new Uint8Array(queryWords.buffer));
    histogram.fill(0);
    for (let i = 0, offset = 0; i < ids.length; i++, offset += stride) {
      let distance = 0;
      for (let w = 0; w < stride; w++) distance += popcount(words[offset + w]! ^ queryWords[w]!);
      distances[i] = distance;
      histogram[distance]!++;
    }
    let cutoff = 0;
    let below = 0;
    while (cutoff < histogram.length - 1 && below + histogram[cutoff]! < shortlist)
      below += histogram[cutoff++]!;
    let ties = shortlist - below;

    // Per code byte, the query's dot product with each of the 256 sign patterns that byte can hold.
    const table = new Float32Array(bytes * 256);
    for (let b = 0; b < bytes; b++)
      for (let value = 0; value < 256; value++) {
        let sum = 0;
        for (let bit = 0; bit < 8; bit++) {
          const component = query[b * 8 + bit] ?? 0;
          sum += value & (1 << bit) ? component : -component;
        }
        table[b * 256 + value] = sum;
      }
    const codeBytes = new Uint8Array(words.buffer);
    const scored: { id: number; score: number }[] = [];
    for (let i = 0; i < ids.length; i++) {
      const distance = distances[i]!;
      if (distance > cutoff || (distance === cutoff && ties-- <= 0)) continue;
      let score = 0;
      for (let b = 0, offset = i * bytes; b < bytes; b++) score += table[b * 256 + codeBytes[offset + b]!]!;
      scored.push({ id: ids[i]!, score });
    }
    scored.sort((x, y) => y.score - x.score);
    return scored.slice(0, count).map((hit) => hit.id);
  }
}

const PASSAGE_COLUMNS = `
  p.id, p.article_id AS articleId, a.key AS articleKey, a.title, a.source, a.url, a.published,
  p.paragraph, p.ordinal, p.start, p.end, p.kind, p.text`;

/**
 * Read access to the index for search and answers. One connection with prepared statements, opened once:
 * in WAL mode each query sees the latest committed re-index, so a running bot needs no restart.
 */
export class PassageStore {
  readonly meta: IndexMeta;
  private readonly statements;
  private readonly quantizeAbove: number;
  /** Null codes: the index is small enough for exact search (or its layout is not readable). */
  private coarse: { version: number; codes: SignCodes | null } | null = null;

  constructor(
    private readonly db: Database.Database,
    meta: IndexMeta,
    { quantizeAbove = DEFAULT_VECTOR_QUANTIZE_ABOVE }: PassageStoreOptions = {},
  ) {
    this.meta = meta;
    this.quantizeAbove = quantizeAbove;
    this.statements = {
      fts: db.prepare(
        'SELECT rowid AS id, bm25(passages_fts) AS score FROM passages_fts WHERE passages_fts MATCH ? ORDER BY score LIMIT ?',
      ),
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
      quotesInPassages: db.prepare(`
        SELECT passage_id AS passageId, speaker, start, end FROM quotes
        WHERE passage_id IN (SELECT value FROM json_each(?)) ORDER BY start`),
      articles: db.prepare(`
        SELECT a.id, a.key, a.title, a.source, a.url, a.published, count(p.id) AS passages
        FROM articles a LEFT JOIN passages p ON p.article_id = a.id
        GROUP BY a.id ORDER BY a.published DESC, a.title`),
      passageCount: db.prepare('SELECT count(*) FROM passages').pluck(),
      // Capped: past a few thousand passages a word is common, and counting further only costs time.
      documentFrequency: db
        .prepare(
          `SELECT count(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT ${DOCUMENT_FREQUENCY_CAP})`,
        )
        .pluck(),
    };
  }

  static open(dbPath: string, model: string, options?: PassageStoreOptions): PassageStore {
    const { db, meta } = openIndexForRead(dbPath, model);
    return new PassageStore(db, meta, options);
  }

  /** Best BM25 matches for an FTS5 expression built by `buildMatchExpression`, never raw user text. */
  fullText(matchExpression: string, limit: number): RankedId[] {
    return this.statements.fts.all(matchExpression, limit) as RankedId[];
  }

  /**
   * Nearest passages by cosine distance. Exact on an index of up to `quantizeAbove` passages; above it,
   * the passages nearest by sign bits are rescored by cosine distance: the same distances as exact
   * search, for a recall@10 measured at 0.95 or more (scripts/bench/scale.ts).
   */
  nearest(vector: Float32Array, k: number): RankedId[] {
    if (k <= 0) return [];
    const codes = this.signCodes();
    if (!codes) return this.statements.knn.all(vector, k) as RankedId[];
    const candidates = codes.nearest(
      vector,
      Math.max(k * QUANTIZED_CANDIDATES_PER_RESULT, QUANTIZED_MIN_CANDIDATES),
    );
    return this.statements.rescore.all(vector, JSON.stringify(candidates), k) as RankedId[];
  }

  /** Re-read only after a re-index commits; the count and the codes come from one snapshot. */
  private signCodes(): SignCodes | null {
    const version = this.dataVersion();
    if (this.coarse?.version !== version) {
      const read = this.db.transaction((): SignCodes | null => {
        const passages = this.passageCount();
        return passages > this.quantizeAbove ? SignCodes.read(this.db, this.meta.dimension, passages) : null;
      });
      this.coarse = { version, codes: read() };
    }
    return this.coarse.codes;
  }

  /** Passages with their article, in the order of `ids`; ids that no longer exist are left out. */
  passages(ids: readonly number[]): PassageRecord[] {
    if (ids.length === 0) return [];
    const rows = this.statements.passages.all(JSON.stringify(ids)) as PassageRecord[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  vectors(ids: readonly number[]): Map<number, Float32Array> {
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

  speakers(): SpeakerRecord[] {
    const rows = this.statements.speakers.all() as (Omit<SpeakerRecord, 'roles'> & { roles: string })[];
    return rows.map((row) => ({ ...row, roles: JSON.parse(row.roles) as string[] }));
  }

  /** Statements by these speakers, newest article first and in article order within each. */
  quotesBy(speakers: readonly string[]): QuoteRecord[] {
    return this.statements.quotesBySpeaker.all(JSON.stringify(speakers)) as QuoteRecord[];
  }

  quotesIn(passageIds: readonly number[]): QuoteRecord[] {
    return this.statements.quotesInPassages.all(JSON.stringify(passageIds)) as QuoteRecord[];
  }

  articles(): ArticleRecord[] {
    return this.statements.articles.all() as ArticleRecord[];
  }

  /** How many passages contain each term (as FTS5 stems it), counted up to DOCUMENT_FREQUENCY_CAP. */
  documentFrequencies(terms: readonly string[]): Map<string, number> {
    return new Map(
      terms.map((term) => [
        term,
        this.statements.documentFrequency.get(`"${term.replaceAll('"', '""')}"`) as number,
      ]),
    );
  }

  /** Changes whenever another connection (a re-index) commits: the cue to drop anything cached. */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  passageCount(): number {
    return this.statements.passageCount.get() as number;
  }

  close(): void {
    this.db.close();
  }
}
