/**
 * The vectors and queries of a scale index (scale.ts) in two embeddable peers: LanceDB (flat search, then
 * an IVF_PQ index) and Orama (its brute-force vector search). Latency per query, recall@10 against exact
 * sqlite-vec search, and our latency over theirs.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { create, insertMultiple, search } from '@orama/orama';
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { readIntoPageCache } from './page-cache.js';
import { percentile } from './stats.js';

// LanceDB requires apache-arrow's CommonJS build; tables made with the ESM build's classes fail its
// instanceof checks ("Table and inner RecordBatch schemas must be equivalent").
const { Field, FixedSizeList, Float32, Int32, makeData, RecordBatch, Schema, Struct, Table } = createRequire(
  import.meta.url,
)('apache-arrow') as typeof import('apache-arrow');

export interface PeerLatency {
  passages: number;
  build_seconds: number;
  p50_ms: number;
  p95_ms: number;
  recall_at_10: number;
  /** Our p50 (the path PassageStore.nearest takes at this size) over theirs: below 1, we are faster. */
  ratio_us_over_them: number;
}

/** LanceDB's IVF_PQ searched with `nprobes` of its partitions. */
export interface ProbeLatency {
  nprobes: number;
  p50_ms: number;
  p95_ms: number;
  recall_at_10: number;
}

export interface PeerFigures {
  lancedb_flat: PeerLatency;
  /** IVF_PQ, `IVF_PQ_PARTITIONS` lists, searched with LanceDB's default nprobes and exact refinement. */
  lancedb_ivf_pq: PeerLatency;
  /**
   * The same index at more probes than the default, doubling until recall@10 reaches RECALL_WANTED (or
   * MAX_NPROBES): LanceDB's speed at the recall ours is held to, not only at its default's.
   */
  lancedb_ivf_pq_probes: ProbeLatency[];
  /**
   * IVF_PQ after the tenth of the passages that the scale bench changed in its copy of the index, at the
   * default and the swept probe counts: the same passages deleted and appended, the index not rebuilt
   * (empty without a changed copy).
   */
  lancedb_ivf_pq_after_change: ProbeLatency[];
  /** Orama holds every vector as a JS array of numbers: measured on at most `ORAMA_MAX_PASSAGES`. */
  orama: PeerLatency;
}

export interface PeerInput {
  dbPath: string;
  queries: readonly Float32Array[];
  /** Exact top-k ids per query, from sqlite-vec. */
  truth: readonly (readonly number[])[];
  /** Our p50 per query at this index size, in ms. */
  ours_p50_ms: number;
  k: number;
  log: (line: string) => void;
  /** The index after a tenth of its passages changed (scale.ts changeTenth), and its exact top 10s. */
  changed?: ChangedIndex;
}

export interface ChangedIndex {
  dbPath: string;
  /** Passages the change added (they may reuse a removed passage's id). */
  added: readonly { id: number; vector: Float32Array }[];
  truth: readonly (readonly number[])[];
}

const IVF_PQ_PARTITIONS = (passages: number) => Math.max(16, Math.round(Math.sqrt(passages)));
const REFINE_FACTOR = 10;
/** LanceDB's default nprobes, where the probe sweep starts. */
const DEFAULT_NPROBES = 20;
const MAX_NPROBES = 160;
const RECALL_WANTED = 0.95;
/** Ids in one delete's `IN` list when the changed table is made. */
const DELETE_BATCH = 5_000;
/**
 * Orama keeps each document's vector as a number[] (8 bytes a value) besides its own Float32Array copy:
 * 1M 256-dimension vectors need over 3 GB of JS heap, past Node's default limit on this machine.
 */
const ORAMA_MAX_PASSAGES = 250_000;
const INSERT_BATCH = 50_000;

const round = (value: number) => Math.round(value * 100) / 100;

/** Every passage's id and vector, the vectors one after another. */
export interface VectorSet {
  ids: Int32Array;
  vectors: Float32Array;
  dimension: number;
}

export function readVectors(dbPath: string): VectorSet {
  const db = new Database(dbPath, { readonly: true });
  sqliteVec.load(db);
  try {
    const count = db.prepare('SELECT count(*) FROM passages').pluck().get() as number;
    const dimension = Number(db.prepare("SELECT value FROM meta WHERE key = 'dimension'").pluck().get());
    const ids = new Int32Array(count);
    const vectors = new Float32Array(count * dimension);
    let row = 0;
    for (const [id, blob] of db
      .prepare('SELECT passage_id, embedding FROM passage_embeddings')
      .raw()
      .iterate() as Iterable<[number, Buffer]>) {
      ids[row] = id;
      vectors.set(new Float32Array(blob.buffer, blob.byteOffset, dimension), row * dimension);
      row++;
    }
    return { ids, vectors, dimension };
  } finally {
    db.close();
  }
}

function arrowBatch(ids: Int32Array, vectors: Float32Array, dimension: number) {
  const listType = new FixedSizeList(dimension, new Field('item', new Float32(), false));
  const idType = new Int32();
  const struct = makeData({
    type: new Struct([new Field('id', idType, false), new Field('vector', listType, false)]),
    length: ids.length,
    nullCount: 0,
    children: [
      makeData({ type: idType, length: ids.length, data: ids }),
      makeData({
        type: listType,
        length: ids.length,
        nullCount: 0,
        child: makeData({ type: new Float32(), length: vectors.length, data: vectors }),
      }),
    ],
  });
  return new Table(new RecordBatch(new Schema(struct.type.children), struct));
}

async function timeQueries(
  input: PeerInput,
  query: (vector: Float32Array) => Promise<number[]>,
): Promise<{ times: number[]; recall: number }> {
  await query(input.queries[0]!);
  const times: number[] = [];
  let recall = 0;
  for (const [i, vector] of input.queries.entries()) {
    const started = performance.now();
    const ids = await query(vector);
    times.push(performance.now() - started);
    const wanted = new Set(input.truth[i]!.slice(0, 10));
    recall += ids.slice(0, 10).filter((id) => wanted.has(id)).length / Math.max(1, wanted.size);
  }
  return { times, recall: recall / input.queries.length };
}

function latency(
  input: PeerInput,
  passages: number,
  buildSeconds: number,
  { times, recall }: { times: number[]; recall: number },
): PeerLatency {
  const p50 = percentile(times, 50);
  return {
    passages,
    build_seconds: Math.round(buildSeconds * 10) / 10,
    p50_ms: round(p50),
    p95_ms: round(percentile(times, 95)),
    recall_at_10: Math.round(recall * 10000) / 10000,
    ratio_us_over_them: round(input.ours_p50_ms / p50),
  };
}

/**
 * What a cached LanceDB table was built from, and what building it took: at 1M passages its IVF_PQ index
 * takes about half an hour here, so a later run of the same index reuses it (the vectors are identified by
 * their count, dimension and passage ids, which list splits and other writes of the lists never change).
 */
interface LanceCache {
  passages: number;
  dimension: number;
  first_id: number;
  last_id: number;
  id_sum: number;
  load_seconds: number;
  index_seconds: number;
}

function cacheKey({ ids, dimension }: Pick<VectorSet, 'ids' | 'dimension'>) {
  let idSum = 0;
  for (const id of ids) idSum += id;
  return { passages: ids.length, dimension, first_id: ids[0] ?? 0, last_id: ids.at(-1) ?? 0, id_sum: idSum };
}

/** The vectors in a LanceDB table with its IVF_PQ index, from `dir` when it holds the same vectors. */
async function lanceTable(
  dir: string,
  data: VectorSet,
  log: (line: string) => void,
): Promise<{ table: lancedb.Table; cache: LanceCache }> {
  const { ids, vectors, dimension } = data;
  const key = cacheKey(data);
  const keyFile = path.join(dir, 'built-from.json');
  if (fs.existsSync(keyFile)) {
    const cache = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as LanceCache;
    if (Object.entries(key).every(([name, value]) => cache[name as keyof LanceCache] === value)) {
      log(`  lancedb: the table and IVF_PQ index built earlier (${dir})`);
      return { table: await (await lancedb.connect(dir)).openTable('passages'), cache };
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const db = await lancedb.connect(dir);
  let started = performance.now();
  let table: lancedb.Table | undefined;
  for (let offset = 0; offset < ids.length; offset += INSERT_BATCH) {
    const end = Math.min(ids.length, offset + INSERT_BATCH);
    const batch = arrowBatch(
      ids.slice(offset, end),
      vectors.slice(offset * dimension, end * dimension),
      dimension,
    );
    if (table) await table.add(batch);
    else table = await db.createTable('passages', batch);
  }
  const loadSeconds = (performance.now() - started) / 1000;
  log(`  lancedb: ${ids.length} vectors loaded in ${loadSeconds.toFixed(0)} s, building its IVF_PQ index...`);
  started = performance.now();
  await table!.createIndex('vector', {
    config: lancedb.Index.ivfPq({
      numPartitions: IVF_PQ_PARTITIONS(ids.length),
      numSubVectors: Math.max(1, Math.floor(dimension / 8)),
      distanceType: 'cosine',
    }),
  });
  const cache = { ...key, load_seconds: loadSeconds, index_seconds: (performance.now() - started) / 1000 };
  fs.writeFileSync(keyFile, JSON.stringify(cache));
  return { table: table!, cache };
}

async function lance(input: PeerInput, data: VectorSet): Promise<Omit<PeerFigures, 'orama'>> {
  const { table, cache } = await lanceTable(`${input.dbPath}.lancedb`, data, input.log);
  readIntoPageCache(`${input.dbPath}.lancedb`);
  // The flat search reads every vector (seconds a query at 1M): a tenth of the queries beyond 100,000.
  const flatInput = data.ids.length > FLAT_ALL_QUERIES_UP_TO ? everyTenth(input) : input;
  const flat = await timeQueries(flatInput, async (vector) =>
    (
      await table
        .vectorSearch(vector)
        .distanceType('cosine')
        .bypassVectorIndex()
        .select(['id', '_distance'])
        .limit(input.k)
        .toArray()
    ).map((row: { id: number }) => row.id),
  );
  input.log(
    `  lancedb flat (${flatInput.queries.length} queries): p50 ${percentile(flat.times, 50).toFixed(2)} ms, recall@10 ${flat.recall.toFixed(3)}`,
  );
  const ivfPq =
    (nprobes: number, on: lancedb.Table = table) =>
    async (vector: Float32Array) =>
      (
        await on
          .vectorSearch(vector)
          .distanceType('cosine')
          .nprobes(nprobes)
          .refineFactor(REFINE_FACTOR)
          .select(['id', '_distance'])
          .limit(input.k)
          .toArray()
      ).map((row: { id: number }) => row.id);
  const indexed = await timeQueries(input, ivfPq(DEFAULT_NPROBES));
  input.log(
    `  lancedb IVF_PQ: built in ${cache.index_seconds.toFixed(0)} s, p50 ${percentile(indexed.times, 50).toFixed(2)} ms, recall@10 ${indexed.recall.toFixed(3)}`,
  );
  const probes: ProbeLatency[] = [];
  for (
    let nprobes = DEFAULT_NPROBES * 2, recall = indexed.recall;
    recall < RECALL_WANTED && nprobes <= MAX_NPROBES;
    nprobes *= 2
  ) {
    const measured = await timeQueries(input, ivfPq(nprobes));
    probes.push(probeLatency(nprobes, measured));
    recall = measured.recall;
    input.log(`  lancedb IVF_PQ at ${nprobes} probes: ${JSON.stringify(probes.at(-1))}`);
  }
  const afterChange: ProbeLatency[] = [];
  if (input.changed) {
    const changed = await changedLanceTable(input.dbPath, input.changed, data, input.log);
    readIntoPageCache(`${input.changed.dbPath}.lancedb`);
    const changedInput = { ...input, truth: input.changed.truth };
    for (const nprobes of [DEFAULT_NPROBES, ...probes.map((row) => row.nprobes)]) {
      afterChange.push(probeLatency(nprobes, await timeQueries(changedInput, ivfPq(nprobes, changed))));
      input.log(`  lancedb IVF_PQ after the change: ${JSON.stringify(afterChange.at(-1))}`);
    }
  }
  return {
    lancedb_flat: latency(input, data.ids.length, cache.load_seconds, flat),
    lancedb_ivf_pq: latency(input, data.ids.length, cache.load_seconds + cache.index_seconds, indexed),
    lancedb_ivf_pq_probes: probes,
    lancedb_ivf_pq_after_change: afterChange,
  };
}

const probeLatency = (
  nprobes: number,
  { times, recall }: { times: number[]; recall: number },
): ProbeLatency => ({
  nprobes,
  p50_ms: round(percentile(times, 50)),
  p95_ms: round(percentile(times, 95)),
  recall_at_10: Math.round(recall * 10000) / 10000,
});

/**
 * The indexed table with the scale bench's change applied (its changed copy's removed passages deleted,
 * its added ones appended), kept beside the changed copy as that copy is kept beside the index. The
 * index is not rebuilt: LanceDB searches appended rows by brute force beside the index until it is
 * optimized, as our writer assigns added passages to the lists trained before.
 */
async function changedLanceTable(
  dbPath: string,
  changed: ChangedIndex,
  source: VectorSet,
  log: (line: string) => void,
): Promise<lancedb.Table> {
  const dir = `${changed.dbPath}.lancedb`;
  const db = new Database(changed.dbPath, { readonly: true });
  const ids = Int32Array.from(
    db.prepare('SELECT passage_id FROM passage_embeddings').pluck().all() as number[],
  );
  db.close();
  const key = { ...cacheKey({ ids, dimension: source.dimension }), source: cacheKey(source) };
  const keyFile = path.join(dir, 'built-from.json');
  if (fs.existsSync(keyFile) && fs.readFileSync(keyFile, 'utf8') === JSON.stringify(key)) {
    log(`  lancedb: the changed table made earlier (${dir})`);
    return (await lancedb.connect(dir)).openTable('passages');
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(`${dbPath}.lancedb`, dir, { recursive: true });
  fs.rmSync(keyFile, { force: true });
  const table = await (await lancedb.connect(dir)).openTable('passages');
  const added = new Set(changed.added.map(({ id }) => id));
  const kept = new Set(ids);
  const removed = Array.from(source.ids).filter((id) => !kept.has(id) || added.has(id));
  for (let first = 0; first < removed.length; first += DELETE_BATCH)
    await table.delete(`id IN (${removed.slice(first, first + DELETE_BATCH).join(',')})`);
  const vectors = new Float32Array(changed.added.length * source.dimension);
  changed.added.forEach(({ vector }, row) => vectors.set(vector, row * source.dimension));
  await table.add(
    arrowBatch(
      Int32Array.from(changed.added, ({ id }) => id),
      vectors,
      source.dimension,
    ),
  );
  log(`  lancedb: ${removed.length} rows deleted and ${changed.added.length} added in a copy (${dir})`);
  fs.writeFileSync(keyFile, JSON.stringify(key));
  return table;
}

const FLAT_ALL_QUERIES_UP_TO = 100_000;

const everyTenth = (input: PeerInput): PeerInput => ({
  ...input,
  queries: input.queries.filter((_, i) => i % 10 === 0),
  truth: input.truth.filter((_, i) => i % 10 === 0),
});

/** Queries scored together against each vector read: memory traffic, not arithmetic, bounds the scan. */
const QUERY_BLOCK = 32;

/**
 * Exact top `k` by cosine distance among the first `passages` vectors (unit length, so 1 − the dot
 * product over the query's length), nearest first: the order and distances sqlite-vec's exact KNN gives. Each vector is read once for a block
 * of queries, not once per query (1 GB a pass at 1M passages).
 */
export function exactNearest(
  queries: readonly Float32Array[],
  { ids, vectors, dimension }: VectorSet,
  k: number,
  passages = ids.length,
): { id: number; score: number }[][] {
  const found: { id: number; score: number }[][] = [];
  for (let first = 0; first < queries.length; first += QUERY_BLOCK) {
    const block = queries.slice(first, first + QUERY_BLOCK);
    const best = block.map(() => [] as { id: number; score: number }[]);
    const floor = new Float64Array(block.length).fill(Number.NEGATIVE_INFINITY);
    for (let row = 0, o = 0; row < passages; row++, o += dimension)
      for (let q = 0; q < block.length; q++) {
        const query = block[q]!;
        let score = 0;
        for (let d = 0; d < dimension; d++) score += query[d]! * vectors[o + d]!;
        if (score <= floor[q]!) continue;
        const scored = best[q]!;
        scored.push({ id: ids[row]!, score });
        scored.sort((a, b) => b.score - a.score);
        if (scored.length > k) scored.length = k;
        if (scored.length === k) floor[q] = scored[k - 1]!.score;
      }
    block.forEach((query, q) => {
      const norm = Math.hypot(...query);
      found.push(best[q]!.map(({ id, score }) => ({ id, score: 1 - score / norm })));
    });
  }
  return found;
}

async function orama(input: PeerInput, data: VectorSet): Promise<PeerLatency> {
  const { ids, vectors, dimension } = data;
  const passages = Math.min(ids.length, ORAMA_MAX_PASSAGES);
  const started = performance.now();
  const db = create({ schema: { embedding: `vector[${dimension}]` } as const });
  for (let offset = 0; offset < passages; offset += INSERT_BATCH) {
    const end = Math.min(passages, offset + INSERT_BATCH);
    const docs = [];
    for (let row = offset; row < end; row++)
      docs.push({
        id: String(ids[row]),
        embedding: Array.from(vectors.subarray(row * dimension, (row + 1) * dimension)),
      });
    await insertMultiple(db, docs, INSERT_BATCH);
  }
  const buildSeconds = (performance.now() - started) / 1000;
  // Its brute force takes a third of a second a query at 250,000: a tenth of the queries there, as flat.
  const asked = passages > FLAT_ALL_QUERIES_UP_TO ? everyTenth(input) : input;
  const subsetInput =
    passages === ids.length
      ? asked
      : {
          ...asked,
          truth: exactNearest(asked.queries, data, 10, passages).map((hits) => hits.map((hit) => hit.id)),
        };
  const measured = await timeQueries(subsetInput, async (vector) => {
    const result = await search(db, {
      mode: 'vector',
      vector: { value: Array.from(vector), property: 'embedding' },
      similarity: 0,
      limit: input.k,
    });
    return result.hits.map((hit) => Number(hit.id));
  });
  input.log(
    `  orama (${passages} passages, ${subsetInput.queries.length} queries): p50 ${percentile(measured.times, 50).toFixed(2)} ms, recall@10 ${measured.recall.toFixed(3)}`,
  );
  return latency(input, passages, buildSeconds, measured);
}

export async function runPeers(input: PeerInput): Promise<PeerFigures> {
  const data = readVectors(input.dbPath);
  input.log(`peers on ${data.ids.length} vectors...`);
  const lanceFigures = await lance(input, data);
  return { ...lanceFigures, orama: await orama(input, data) };
}
