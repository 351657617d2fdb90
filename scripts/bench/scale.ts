/**
 * Vector search at scale: exact sqlite-vec KNN against the sign-bit coarse pass with exact rescoring
 * (PassageStore.nearest), on indexes of real news passages grown to the target size, plus the same
 * vectors and queries in LanceDB and Orama (peers.ts).
 *
 * Run through `npm run bench -- --scale 1m [--no-peers]` (or any size, e.g. `--scale 100k`).
 *
 * Built indexes are cached under BENCH_CACHE (outside the repository), keyed by model, passage count and
 * the corpus sample they grew from.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import type { BenchConfig, CoreConfig } from '../../src/config.js';
import { loadEmbedder, type Embedder } from '../../src/embed/embedder.js';
import type { PassageDraft } from '../../src/document/drafts.js';
import { dot } from '../../src/search/hybrid-search.js';
import type { ArticleRow } from '../../src/store/index-copy.js';
import { applyIndexChanges, type ArticleToStore } from '../../src/store/index-writer.js';
import { SqlitePassageStore, type RankedId } from '../../src/store/passage-store.js';
import { listProbes, rescoredCandidates } from '../../src/store/sign-codes.js';
import { quantizeSigns, readMeta, SCHEMA_VERSION } from '../../src/store/schema.js';
import { listSizeLimit } from '../../src/store/vector-lists.js';
import { loadSquad } from '../eval/datasets.js';
import { createFolder } from '../../src/store/create-folder.js';
import { BENCH_CACHE, benchIndex, sampleName } from './corpora.js';
import { gaussian, projection } from './projection.js';
import { exactNearest, readVectors, runPeers, type ChangedIndex, type PeerFigures } from './peers.js';
import { runPgScale, type PgScaleFigures } from './pg-scale.js';
import { readIntoPageCache } from './page-cache.js';
import { median, percentile } from './stats.js';

export interface ScaleFigures {
  passages: number;
  /** The vectors' dimension: the model's, or carried to another by a random projection (`projection`). */
  dimension: number;
  /** Real passages (BBC + Reuters, chunked and embedded); the rest are perturbed copies of them. */
  real_passages: number;
  /** Expected cosine similarity between a perturbed copy and its source (see `noiseScale`). */
  copy_similarity: number;
  queries: number;
  /** Building the index at this size (0 when it came from the cache). */
  build_seconds: number;
  exact_p50_ms: number;
  exact_p95_ms: number;
  quantized_p50_ms: number;
  quantized_p95_ms: number;
  /**
   * The quantized path's CPU time a query (user + system): on a machine shared with other work it stays
   * near what a quiet machine's wall clock shows, where the wall clock includes waiting for a core.
   */
  quantized_cpu_p50_ms: number;
  quantized_cpu_p95_ms: number;
  quantized_recall_at_10: number;
  quantized_recall_at_50: number;
  /** Lists scanned by the quantized path (vector-lists.ts), of how many (0: the index has none). */
  probes: number;
  lists: number;
  /** The passages in the largest list. */
  largest_list: number;
  /** The quantized path scanning other numbers of lists, on the same queries (recall against exact). */
  probe_sweep: { probes: number; recall_at_10: number; p50_ms: number; p95_ms: number; cpu_p50_ms: number }[];
  /** The sign codes of every passage scanned (the lists ignored): the quantized path before the lists. */
  scan_p50_ms: number;
  scan_p95_ms: number;
  after_change: ChangeFigures;
  /** sqlite-vec's own KNN over the bit column with the same candidate depth, then the same rescoring. */
  vec0_hamming_p50_ms: number;
  /** First measured size at which the quantized path is faster than exact search (p50). */
  break_even_passages: number;
  break_even: { passages: number; exact_p50_ms: number; quantized_p50_ms: number }[];
  db_size_mb: number;
  rss_mb: number;
  /** The machine's load average over the last minute when the measurement started (os.loadavg). */
  load_average: number;
  /** Null when run with `peers: false`. */
  peers: PeerFigures | null;
  /** The same vectors in the Postgres store (HNSW); null unless run with `--store postgres`. */
  postgres: PgScaleFigures | null;
}

/** The depth hybrid search reads from the vector list (hybrid-search.ts DEFAULT_CANDIDATES). */
const K = 50;
const QUESTIONS = 200;
const HEADLINES = 200;
const BREAK_EVEN_SIZES = [2_000, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 1_000_000];
const WRITE_BATCH = 2_000;

interface BaseArticle {
  store: Omit<ArticleToStore, 'vectors'>;
  vectors: Float32Array[];
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function modelDir(config: CoreConfig, articles: number | undefined, model: string): string {
  return path.join(BENCH_CACHE, sampleName('scale', articles), model.replace(/[^\w.-]+/g, '_'));
}

/** Of the current schema, and written since the store has vector lists (every write creates their table). */
function isCurrentIndex(dbPath: string): boolean {
  if (!fs.existsSync(dbPath)) return false;
  const db = new Database(dbPath, { readonly: true });
  try {
    const lists = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'vector_lists'").pluck();
    return readMeta(db)?.schemaVersion === SCHEMA_VERSION && lists.get() === 1;
  } finally {
    db.close();
  }
}

function readBase(dbPath: string): BaseArticle[] {
  const db = new Database(dbPath, { readonly: true });
  sqliteVec.load(db);
  try {
    const vectors = new Map<number, Float32Array>();
    for (const [id, blob] of db
      .prepare('SELECT passage_id, embedding FROM passage_vectors')
      .raw()
      .iterate() as Iterable<[number, Buffer]>)
      vectors.set(
        id,
        new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength)),
      );
    const passagesOf = db.prepare(
      'SELECT id, ordinal, paragraph, start, end, kind, text FROM passages WHERE article_id = ? ORDER BY ordinal',
    );
    const articles = db
      .prepare(
        'SELECT id, key, file, title, source, url, published, author, context, body, content_hash AS hash FROM articles ORDER BY id',
      )
      .all() as (Omit<ArticleRow, 'content_hash' | 'indexed_at'> & { hash: string })[];
    return articles.map(({ id, body, hash, context, ...article }) => {
      const passages = passagesOf.all(id) as (PassageDraft & { id: number })[];
      return {
        // Offsets index into the stored body, which one paragraph holding that body reproduces exactly.
        store: {
          article: { ...article, paragraphs: [{ text: body, kind: 'body' }] },
          hash,
          context,
          passages: passages.map(({ id: _id, ...passage }) => passage),
          quotes: [],
        },
        vectors: passages.map((passage) => vectors.get(passage.id)!),
      };
    });
  } finally {
    db.close();
  }
}

/**
 * The noise for the perturbed copies. Each dimension gets Gaussian noise proportional to that dimension's
 * spread in the real vectors (a model's dimensions are far from equally used, and isotropic noise would
 * push copies off the region real passages occupy), scaled so that a copy's expected cosine similarity
 * to its source equals the median similarity of a real passage to its nearest real neighbour (exact
 * duplicates left out): a copy is as close to its source as real passages are to their closest other
 * passage, e.g. the same story told by another outlet, so neighbour distances keep the real distribution.
 */
function noiseScale(all: readonly Float32Array[]): { spread: Float32Array; similarity: number } {
  const dimension = all[0]!.length;
  const mean = new Float64Array(dimension);
  const square = new Float64Array(dimension);
  for (const vector of all)
    for (let d = 0; d < dimension; d++) {
      mean[d]! += vector[d]!;
      square[d]! += vector[d]! ** 2;
    }
  const variance = Array.from(mean, (sum, d) =>
    Math.max(0, square[d]! / all.length - (sum / all.length) ** 2),
  );
  const total = variance.reduce((a, b) => a + b, 0);

  const step = Math.max(1, Math.floor(all.length / 200));
  const nearest: number[] = [];
  for (let i = 0; i < all.length; i += step) {
    let best = -1;
    for (let j = 0; j < all.length; j++) {
      const similarity = dot(all[i]!, all[j]!);
      if (j !== i && similarity < 0.9999 && similarity > best) best = similarity;
    }
    nearest.push(best);
  }
  const similarity = median(nearest);
  // |v + n|² ≈ 1 + τ²·Σvar for unit v and small noise, so cos(v, v + n) ≈ 1 / √(1 + τ²·Σvar).
  const tau = Math.sqrt((1 / similarity ** 2 - 1) / total);
  return { spread: Float32Array.from(variance, (v) => tau * Math.sqrt(v)), similarity };
}

function perturb(source: Float32Array, spread: Float32Array, noise: () => number): Float32Array {
  const copy = new Float32Array(source.length);
  let norm = 0;
  for (let d = 0; d < source.length; d++) {
    copy[d] = source[d]! + spread[d]! * noise();
    norm += copy[d]! ** 2;
  }
  norm = Math.sqrt(norm);
  for (let d = 0; d < source.length; d++) copy[d]! /= norm;
  return copy;
}

/**
 * An index of exactly `passages` passages, written by the store's own writer: the real articles first,
 * then numbered variants of them (same text, perturbed vectors), the last one cut to size.
 */
function buildScaled(
  dbPath: string,
  base: readonly BaseArticle[],
  model: { model: string; dimension: number },
  passages: number,
  spread: Float32Array,
): void {
  const partial = `${dbPath}.partial`;
  createFolder(path.dirname(partial));
  fs.rmSync(partial, { force: true });
  const db = new Database(partial);
  sqliteVec.load(db);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const noise = gaussian(passages);
  let written = 0;
  let batch: ArticleToStore[] = [];
  let first = true;
  const flush = () => {
    applyIndexChanges(db, { rebuild: first ? model : null, remove: [], upsert: batch });
    first = false;
    batch = [];
  };
  for (let variant = 0; written < passages; variant++) {
    for (const { store, vectors } of base) {
      if (written >= passages) break;
      const take = Math.min(store.passages.length, passages - written);
      batch.push({
        ...store,
        article:
          variant === 0
            ? store.article
            : {
                ...store.article,
                key: `${store.article.key}~${variant}`,
                title: `${store.article.title} (${variant})`,
              },
        passages: store.passages.slice(0, take),
        vectors: vectors
          .slice(0, take)
          .map((vector) => (variant === 0 ? vector : perturb(vector, spread, noise))),
        quotes: [],
      });
      written += take;
      if (batch.length >= WRITE_BATCH) flush();
    }
  }
  flush();
  db.close();
  fs.renameSync(partial, dbPath);
}

/**
 * A cached index built before lists split as they grow (vector-lists.ts) gets what the writer's next
 * write would give it, so that the bench measures the lists the store makes at this size. Split once: a
 * list k-means cannot separate may stay above the limit, and the split is not tried again on the same
 * vectors and lists (`<index>.split.json`), so every later run measures the same index.
 */
function splitOutgrownLists(dbPath: string, log: (line: string) => void): void {
  const db = new Database(dbPath);
  sqliteVec.load(db);
  const record = `${dbPath}.split.json`;
  try {
    const passages = db.prepare('SELECT count(*) FROM passages').pluck().get() as number;
    const { lists, largest } = listSizes(db);
    const state = JSON.stringify({ vectors: vectorsFingerprint(db), lists });
    if (
      largest <= listSizeLimit(passages) ||
      (fs.existsSync(record) && fs.readFileSync(record, 'utf8') === state)
    )
      return;
    log(`splitting the lists of ${passages} passages (the largest holds ${largest})...`);
    const { ms } = time(() => applyIndexChanges(db, { rebuild: null, remove: [], upsert: [] }));
    const after = listSizes(db);
    log(`  ${after.lists} lists in ${(ms / 1000).toFixed(0)} s, the largest ${after.largest}`);
    fs.writeFileSync(record, JSON.stringify({ vectors: vectorsFingerprint(db), lists: after.lists }));
  } finally {
    db.close();
  }
}

function time<T>(run: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = run();
  return { ms: performance.now() - started, result };
}

async function timeAsync<T>(run: () => Promise<T>): Promise<{ ms: number; cpuMs: number; result: T }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await run();
  const { user, system } = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (user + system) / 1000, result };
}

function recallAt(n: number, truth: readonly RankedId[], found: readonly RankedId[]): number {
  const wanted = new Set(truth.slice(0, n).map((hit) => hit.id));
  return found.slice(0, n).filter((hit) => wanted.has(hit.id)).length / Math.max(1, wanted.size);
}

interface ModeTimes {
  /** Exact search, timed on every EXACT_TIMED_EVERY-th query. */
  exact: number[];
  quantized: number[];
  quantizedCpu: number[];
  /** The sign codes of every passage scanned, the lists ignored: the path before the lists. */
  scan: number[];
  quantizedLists: RankedId[][];
}

/** At 1M passages exact search takes most of a second a query: it is timed on every 8th (50 of 400). */
const EXACT_TIMED_EVERY = 8;

/** What identifies an index's vectors: lists and list splits never change it. */
function vectorsFingerprint(db: Database.Database): string {
  const { count, sum } = db
    .prepare('SELECT count(*) AS count, sum(passage_id) AS sum FROM passage_embeddings')
    .get() as { count: number; sum: number | null };
  return `${count}-${sum ?? 0}`;
}

/**
 * The exact top K of each query, cached beside the index for the same vectors and queries: every run,
 * probe count and peer is measured against it, and at 1M it takes minutes.
 */
function exactTruth(dbPath: string, queries: readonly Float32Array[]): RankedId[][] {
  const db = new Database(dbPath, { readonly: true });
  const hash = createHash('sha256').update(vectorsFingerprint(db));
  db.close();
  for (const query of queries) hash.update(new Uint8Array(query.buffer, query.byteOffset, query.byteLength));
  const cacheFile = `${dbPath}.exact-${hash.digest('hex').slice(0, 12)}.json`;
  if (fs.existsSync(cacheFile)) return JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as RankedId[][];
  // Every vector in memory (1 GB at 1M), dropped before the search's memory is measured.
  const truth = exactNearest(queries, readVectors(dbPath), K);
  fs.writeFileSync(cacheFile, JSON.stringify(truth));
  return truth;
}

async function timeModes(
  dbPath: string,
  model: string,
  queries: readonly Float32Array[],
): Promise<ModeTimes> {
  readIntoPageCache(dbPath);
  const exact = SqlitePassageStore.open(dbPath, model, { quantizeAbove: Number.POSITIVE_INFINITY });
  const quantized = SqlitePassageStore.open(dbPath, model, { quantizeAbove: 0 });
  const scan = SqlitePassageStore.open(dbPath, model, {
    quantizeAbove: 0,
    probes: Number.POSITIVE_INFINITY,
  });
  try {
    // The first query of each loads what it caches (sign codes, SQLite pages): not what a question costs.
    for (const store of [exact, quantized, scan]) await store.nearest(queries[0]!, K);
    const times: ModeTimes = { exact: [], quantized: [], quantizedCpu: [], scan: [], quantizedLists: [] };
    for (const [i, query] of queries.entries()) {
      if (i % EXACT_TIMED_EVERY === 0) times.exact.push((await timeAsync(() => exact.nearest(query, K))).ms);
      const q = await timeAsync(() => quantized.nearest(query, K));
      times.scan.push((await timeAsync(() => scan.nearest(query, K))).ms);
      times.quantized.push(q.ms);
      times.quantizedCpu.push(q.cpuMs);
      times.quantizedLists.push(q.result);
    }
    return times;
  } finally {
    for (const store of [exact, quantized, scan]) await store.close();
  }
}

const recallOf = (n: number, truth: readonly RankedId[][], found: readonly RankedId[][]) =>
  truth.reduce((sum, exact, i) => sum + recallAt(n, exact, found[i]!), 0) / truth.length;

function listSizes(db: Database.Database): { lists: number; largest: number } {
  return {
    lists: db.prepare('SELECT count(*) FROM vector_lists').pluck().get() as number,
    largest:
      (db
        .prepare('SELECT max(n) FROM (SELECT count(*) AS n FROM passage_lists GROUP BY list)')
        .pluck()
        .get() as number | null) ?? 0,
  };
}

/** Probe counts around the default (listProbes), as multiples of it: how recall and time trade here. */
const PROBE_SWEEP = [0.25, 0.5, 0.75, 1, 1.5, 2];

async function probeSweep(
  dbPath: string,
  model: string,
  queries: readonly Float32Array[],
  truth: readonly (readonly number[])[],
  lists: number,
): Promise<ScaleFigures['probe_sweep']> {
  const sweep: ScaleFigures['probe_sweep'] = [];
  const counts = [...new Set(PROBE_SWEEP.map((times) => Math.ceil(times * listProbes(lists))))];
  for (const probes of lists === 0 ? [] : counts) {
    const store = SqlitePassageStore.open(dbPath, model, { quantizeAbove: 0, probes });
    try {
      await store.nearest(queries[0]!, K);
      const times: number[] = [];
      const cpu: number[] = [];
      let found = 0;
      for (const [i, query] of queries.entries()) {
        const { ms, cpuMs, result } = await timeAsync(() => store.nearest(query, K));
        times.push(ms);
        cpu.push(cpuMs);
        const wanted = new Set(truth[i]!.slice(0, 10));
        found += result.slice(0, 10).filter((hit) => wanted.has(hit.id)).length / wanted.size;
      }
      sweep.push({
        probes,
        recall_at_10: round(found / queries.length, 4),
        p50_ms: round(percentile(times, 50)),
        p95_ms: round(percentile(times, 95)),
        cpu_p50_ms: round(percentile(cpu, 50)),
      });
    } finally {
      await store.close();
    }
  }
  return sweep;
}

/** sqlite-vec's KNN over the bit column at the same candidate depth as the store's coarse pass. */
function timeVec0Hamming(dbPath: string, queries: readonly Float32Array[], candidates: number): number[] {
  const db = new Database(dbPath, { readonly: true });
  sqliteVec.load(db);
  try {
    const coarse = db
      .prepare('SELECT passage_id FROM passage_vectors WHERE embedding_bits MATCH vec_bit(?) AND k = ?')
      .pluck();
    const rescore = db.prepare(`
      SELECT e.passage_id AS id, vec_distance_cosine(e.embedding, ?) AS score
      FROM json_each(?) ids JOIN passage_embeddings e ON e.passage_id = ids.value ORDER BY score LIMIT ?`);
    return queries.map(
      (query) =>
        time(() => rescore.all(query, JSON.stringify(coarse.all(quantizeSigns(query), candidates)), K)).ms,
    );
  } finally {
    db.close();
  }
}

/** What search gives after a tenth of the passages changed as ingest changes them (see `changeTenth`). */
export interface ChangeFigures {
  passages_removed: number;
  passages_added: number;
  /** The one write (transaction) that removed and added them: what blocks other writers. */
  write_seconds: number;
  quantized_p50_ms: number;
  quantized_p95_ms: number;
  quantized_cpu_p50_ms: number;
  quantized_cpu_p95_ms: number;
  quantized_recall_at_10: number;
}

/** The changed copy of an index (`changeTenth`), kept beside it: the write takes minutes at 1M. */
interface ChangedCopy {
  /** The source's vectors and list count when the copy was made: a different source makes it again. */
  source: string;
  source_lists: number;
  passages_removed: number;
  passages_added: number;
  write_seconds: number;
}

/**
 * On a copy of the index, one write by the store's writer removes every 20th article and adds new
 * perturbed copies holding as many passages (a tenth of the passages changed; new passages get their
 * list from the centroids trained before, nothing is retrained), then search is measured again. The copy
 * is kept for the next run (`<index>.changed`, with what its write took).
 */
async function changeTenth(
  dbPath: string,
  base: readonly BaseArticle[],
  model: { model: string },
  spread: Float32Array,
  queries: readonly Float32Array[],
  truth: readonly RankedId[][],
  log: (line: string) => void,
): Promise<{ figures: ChangeFigures; changed: ChangedIndex }> {
  const copy = `${dbPath}.changed`;
  const source = new Database(dbPath, { readonly: true });
  const sourceKey = { source: vectorsFingerprint(source), source_lists: listSizes(source).lists };
  source.close();
  const recordFile = `${copy}.json`;
  let record = fs.existsSync(recordFile)
    ? (JSON.parse(fs.readFileSync(recordFile, 'utf8')) as ChangedCopy)
    : null;
  if (!record || record.source !== sourceKey.source || record.source_lists !== sourceKey.source_lists) {
    fs.rmSync(recordFile, { force: true });
    fs.copyFileSync(dbPath, copy);
    const db = new Database(copy);
    sqliteVec.load(db);
    try {
      const remove = db.prepare('SELECT key FROM articles WHERE id % 20 = 0').pluck().all() as string[];
      const removed = db
        .prepare('SELECT count(*) FROM passages p JOIN articles a ON a.id = p.article_id WHERE a.id % 20 = 0')
        .pluck()
        .get() as number;
      const noise = gaussian(removed);
      const upsert: ArticleToStore[] = [];
      for (let added = 0, i = 0; added < removed; i++) {
        const { store, vectors } = base[(i * 7) % base.length]!;
        upsert.push({
          ...store,
          article: { ...store.article, key: `${store.article.key}~changed${i}` },
          vectors: vectors.map((vector) => perturb(vector, spread, noise)),
        });
        added += store.passages.length;
      }
      const write = time(() => applyIndexChanges(db, { rebuild: null, remove, upsert }));
      record = {
        ...sourceKey,
        passages_removed: write.result.passagesRemoved,
        passages_added: write.result.passagesAdded,
        write_seconds: round(write.ms / 1000, 1),
      };
    } finally {
      db.close();
    }
    fs.writeFileSync(recordFile, JSON.stringify(record));
  } else log(`  the changed copy made earlier (${copy}; its write took ${record.write_seconds} s)`);
  const times = await timeModes(copy, model.model, queries);
  const { added, truth: changedTruth } = await truthAfterChange(copy, model.model, queries, truth);
  return {
    figures: {
      passages_removed: record.passages_removed,
      passages_added: record.passages_added,
      write_seconds: record.write_seconds,
      quantized_p50_ms: round(percentile(times.quantized, 50)),
      quantized_p95_ms: round(percentile(times.quantized, 95)),
      quantized_cpu_p50_ms: round(percentile(times.quantizedCpu, 50)),
      quantized_cpu_p95_ms: round(percentile(times.quantizedCpu, 95)),
      quantized_recall_at_10: round(recallOf(10, changedTruth, times.quantizedLists), 4),
    },
    changed: { dbPath: copy, added, truth: changedTruth.map((list) => list.map((hit) => hit.id)) },
  };
}

/** Recall after a change is measured at this depth: exact below it whenever this many survive. */
const CHANGED_TRUTH_DEPTH = 10;

/**
 * The exact top 10 of each query in the changed copy, without its exact search (minutes at 1M): the
 * passages of the source's exact top K that the copy still holds, merged with every added passage scored
 * by the same cosine distance. That is exact wherever at least 10 of the top K survive; a query where
 * fewer do is searched exactly. With the added passages, which the peers' changed tables take in.
 */
async function truthAfterChange(
  copy: string,
  model: string,
  queries: readonly Float32Array[],
  truth: readonly RankedId[][],
): Promise<{ added: ChangedIndex['added']; truth: RankedId[][] }> {
  const db = new Database(copy, { readonly: true });
  const added: { id: number; vector: Float32Array }[] = [];
  let survivors: Set<number>;
  try {
    for (const [id, blob] of db
      .prepare(
        `SELECT e.passage_id, e.embedding FROM articles a JOIN passages p ON p.article_id = a.id
         JOIN passage_embeddings e ON e.passage_id = p.id WHERE a.key LIKE '%~changed%'`,
      )
      .raw()
      .iterate() as Iterable<[number, Buffer]>)
      added.push({
        id,
        vector: new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength)),
      });
    const ids = [...new Set(truth.flatMap((list) => list.map((hit) => hit.id)))];
    survivors = new Set(
      db
        .prepare(
          'SELECT passage_id FROM passage_embeddings WHERE passage_id IN (SELECT value FROM json_each(?))',
        )
        .pluck()
        .all(JSON.stringify(ids)) as number[],
    );
  } finally {
    db.close();
  }
  const exact = SqlitePassageStore.open(copy, model, { quantizeAbove: Number.POSITIVE_INFINITY });
  try {
    const merged: RankedId[][] = [];
    for (const [i, query] of queries.entries()) {
      const kept = truth[i]!.filter((hit) => survivors.has(hit.id));
      if (kept.length < CHANGED_TRUTH_DEPTH) {
        merged.push(await exact.nearest(query, CHANGED_TRUTH_DEPTH));
        continue;
      }
      const norm = Math.hypot(...query);
      const scored = added.map(({ id, vector }) => ({ id, score: 1 - dot(query, vector) / norm }));
      merged.push([...kept, ...scored].sort((a, b) => a.score - b.score).slice(0, CHANGED_TRUTH_DEPTH));
    }
    return { added, truth: merged };
  } finally {
    await exact.close();
  }
}

/** Real questions (XQuAD) and real headlines (the indexed news), embedded once. */
async function queryVectors(
  config: BenchConfig,
  embedder: Embedder,
  base: readonly BaseArticle[],
  /** Where between two picks to start (0 to 1): 0.5 picks other questions and headlines than 0 does. */
  offset = 0,
): Promise<Float32Array[]> {
  const questions = loadSquad(config.BENCH_DIR, 'xquad', 'xquad-en/xquad.en.json').questions.map(
    (q) => q.question,
  );
  const pick = <T>(items: readonly T[], count: number) =>
    Array.from({ length: count }, (_, i) => items[Math.floor(((i + offset) * items.length) / count)]!);
  const headlines = pick(base, HEADLINES).map(({ store }) => store.article.title);
  return embedder.embed([...pick(questions, QUESTIONS), ...headlines]);
}

export interface ScaleOptions {
  config: BenchConfig;
  passages: number;
  log: (line: string) => void;
  /** Grow the index from the first this many articles of each corpus (all of them when undefined). */
  articles?: number;
  /** Carry the vectors to this dimension (`projection`); the model's own when undefined. */
  dimension?: number;
}

/** The real passages, the queries and the cached indexes grown from them, at the dimension asked for. */
export async function prepareScale({ config, passages, log, articles, dimension }: ScaleOptions) {
  const embedder = await loadEmbedder(config);
  const project = projection(embedder.dimension, dimension ?? embedder.dimension);
  const model =
    dimension === undefined || dimension === embedder.dimension
      ? { model: embedder.model, dimension: embedder.dimension }
      : { model: `${embedder.model}@projected-${dimension}`, dimension };
  // The real passages are the bench's BBC + Reuters index, shared with the bot measurement.
  const baseDb = (await benchIndex('news', config, log, articles)).dbPath;
  const base = readBase(baseDb).map(({ store, vectors }) => ({ store, vectors: vectors.map(project) }));
  const realPassages = base.reduce((sum, { vectors }) => sum + vectors.length, 0);
  const { spread, similarity } = noiseScale(base.flatMap(({ vectors }) => vectors));
  log(
    `${realPassages} real passages at ${model.dimension} dimensions; copies at cosine similarity ${similarity.toFixed(3)} to their source`,
  );
  const queries = (await queryVectors(config, embedder, base)).map(project);

  let buildSeconds = 0;
  const indexOf = (size: number): string => {
    const dbPath = path.join(modelDir(config, articles, model.model), `passages-${size}.db`);
    if (!isCurrentIndex(dbPath)) {
      log(`building an index of ${size} passages...`);
      const { ms } = time(() => buildScaled(dbPath, base, model, size, spread));
      log(`  built in ${(ms / 1000).toFixed(0)} s`);
      if (size === passages) buildSeconds = ms / 1000;
    } else splitOutgrownLists(dbPath, log);
    return dbPath;
  };
  return {
    model,
    base,
    spread,
    similarity,
    realPassages,
    queries,
    /** Questions and headlines between the measured ones, for choosing settings without seeing those. */
    heldOutQueries: async () => (await queryVectors(config, embedder, base, 0.5)).map(project),
    indexOf,
    buildSeconds: () => buildSeconds,
  };
}

export async function runScaleBench(
  options: ScaleOptions & {
    runs: number;
    /** LanceDB and Orama too (the default); at 1M they take longer than everything else together. */
    peers?: boolean;
    /** The smaller sizes too, to find where the quantized path overtakes exact search (the default). */
    breakEven?: boolean;
    /** Also copy the index into this Postgres database and measure its HNSW search. */
    postgresUrl?: string;
  },
): Promise<ScaleFigures> {
  const { config, passages, runs, log } = options;
  const { model, base, spread, similarity, realPassages, queries, heldOutQueries, indexOf, buildSeconds } =
    await prepareScale(options);

  const breakEven: ScaleFigures['break_even'] = [];
  const smaller = options.breakEven === false ? [] : BREAK_EVEN_SIZES.filter((size) => size < passages);
  for (const size of smaller) {
    const { exact, quantized } = await timeModes(indexOf(size), model.model, queries.slice(0, 100));
    breakEven.push({
      passages: size,
      exact_p50_ms: round(median(exact)),
      quantized_p50_ms: round(median(quantized)),
    });
    log(
      `  ${size} passages: exact p50 ${median(exact).toFixed(2)} ms, quantized p50 ${median(quantized).toFixed(2)} ms`,
    );
  }

  const dbPath = indexOf(passages);
  const loadAverage = os.loadavg()[0]!;
  const perRun: {
    exact: number[];
    quantized: number[];
    quantizedCpu: number[];
    scan: number[];
    recall10: number;
    recall50: number;
  }[] = [];
  const exactLists = exactTruth(dbPath, queries);
  const truth = exactLists.map((list) => list.map((hit) => hit.id));
  for (let run = 0; run < runs; run++) {
    const times = await timeModes(dbPath, model.model, queries);
    const recall = (n: number) => recallOf(n, exactLists, times.quantizedLists);
    perRun.push({
      exact: times.exact,
      quantized: times.quantized,
      quantizedCpu: times.quantizedCpu,
      scan: times.scan,
      recall10: recall(10),
      recall50: recall(K),
    });
    log(
      `run ${run + 1}/${runs} at ${passages} (load ${os.loadavg()[0]!.toFixed(1)}): exact p50 ${median(times.exact).toFixed(2)} ms, quantized p50 ${median(times.quantized).toFixed(2)} ms (CPU ${median(times.quantizedCpu).toFixed(2)} ms; every code scanned ${median(times.scan).toFixed(2)} ms), recall@10 ${recall(10).toFixed(3)}`,
    );
  }
  const across = (pick: (run: (typeof perRun)[number]) => number) => round(median(perRun.map(pick)));
  breakEven.push({
    passages,
    exact_p50_ms: across((run) => percentile(run.exact, 50)),
    quantized_p50_ms: across((run) => percentile(run.quantized, 50)),
  });
  const readonly = new Database(dbPath, { readonly: true });
  const { lists, largest } = listSizes(readonly);
  readonly.close();
  const sweep = await probeSweep(dbPath, model.model, queries, truth, lists);
  for (const row of sweep)
    log(
      `  ${row.probes} of ${lists} lists: recall@10 ${row.recall_at_10}, p50 ${row.p50_ms} ms, p95 ${row.p95_ms} ms (CPU p50 ${row.cpu_p50_ms} ms)`,
    );
  // As slow as exact search at 1M: timed on the same subset.
  const vec0Hamming = timeVec0Hamming(
    dbPath,
    queries.filter((_, i) => i % EXACT_TIMED_EVERY === 0),
    rescoredCandidates(K),
  );
  log('a tenth of the passages changed...');
  const { figures: afterChange, changed } = await changeTenth(
    dbPath,
    base,
    model,
    spread,
    queries,
    exactLists,
    log,
  );
  log(
    `  ${afterChange.passages_removed} removed, ${afterChange.passages_added} added in ${afterChange.write_seconds} s; quantized p50 ${afterChange.quantized_p50_ms} ms (CPU ${afterChange.quantized_cpu_p50_ms} ms), recall@10 ${afterChange.quantized_recall_at_10}`,
  );
  const rssMb = mb(process.memoryUsage().rss);
  const postgres = options.postgresUrl
    ? await runPgScale({
        url: options.postgresUrl,
        dbPath,
        model,
        passages,
        queries,
        truth,
        // A quarter of them (50 questions, 50 headlines): each costs an exact search on SQLite, 0.8 s at 1M.
        tuningQueries: (await heldOutQueries()).filter((_, i) => i % 4 === 0),
        k: K,
        log,
      })
    : null;
  const ours = breakEven.at(-1)!;
  // Every other query (half questions, half headlines): LanceDB's flat search takes seconds a query at 1M.
  const peerQueries = <T>(list: readonly T[]) => list.filter((_, i) => i % 2 === 0);
  const peers =
    options.peers === false
      ? null
      : await runPeers({
          dbPath,
          queries: peerQueries(queries),
          truth: peerQueries(truth),
          changed: { ...changed, truth: peerQueries(changed.truth) },
          ours_p50_ms: passages > config.VECTOR_QUANTIZE_ABOVE ? ours.quantized_p50_ms : ours.exact_p50_ms,
          k: K,
          log,
        });

  return {
    passages,
    dimension: model.dimension,
    real_passages: realPassages,
    copy_similarity: round(similarity, 3),
    queries: queries.length,
    build_seconds: round(buildSeconds(), 1),
    exact_p50_ms: across((run) => percentile(run.exact, 50)),
    exact_p95_ms: across((run) => percentile(run.exact, 95)),
    quantized_p50_ms: across((run) => percentile(run.quantized, 50)),
    quantized_p95_ms: across((run) => percentile(run.quantized, 95)),
    quantized_cpu_p50_ms: across((run) => percentile(run.quantizedCpu, 50)),
    quantized_cpu_p95_ms: across((run) => percentile(run.quantizedCpu, 95)),
    quantized_recall_at_10: round(median(perRun.map((run) => run.recall10)), 4),
    quantized_recall_at_50: round(median(perRun.map((run) => run.recall50)), 4),
    probes: lists === 0 ? 0 : listProbes(lists),
    lists,
    largest_list: largest,
    probe_sweep: sweep,
    scan_p50_ms: across((run) => percentile(run.scan, 50)),
    scan_p95_ms: across((run) => percentile(run.scan, 95)),
    after_change: afterChange,
    vec0_hamming_p50_ms: round(median(vec0Hamming)),
    break_even_passages:
      breakEven.find((row) => row.quantized_p50_ms < row.exact_p50_ms)?.passages ?? Number.POSITIVE_INFINITY,
    break_even: breakEven,
    db_size_mb: mb(fs.statSync(dbPath).size),
    rss_mb: rssMb,
    load_average: round(loadAverage, 1),
    peers,
    postgres,
  };
}
