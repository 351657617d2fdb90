import type Database from 'better-sqlite3';
import { TopScores } from './top-scores.js';

/**
 * An inverted file over the vectors: centroids trained once by k-means on a sample, and each passage's
 * nearest centroid (its list) stored with it. A large index's coarse pass then scans the sign codes of the
 * few lists nearest the question instead of every passage (sign-codes.ts). The writer assigns each new
 * passage as it inserts it (one dot product per centroid), so adding or removing articles never retrains
 * nor reassigns anything; a passage without a list (written before the lists existed) is always scanned.
 */

/** Lists are trained on the first write that leaves more passages than this in the index. */
export const VECTOR_LISTS_ABOVE = 20_000;
/**
 * The lists trained at first (about 80 passages a list at VECTOR_LISTS_ABOVE); training on the default
 * sample takes a few seconds (8,192 vectors × 256 centroids × 8 rounds), once. As the index grows, lists
 * split (splitLargeLists).
 */
const LISTS = 256;
/**
 * See listSizeLimit: lists of at most 2√N passages, split into parts of about √N, so about √N lists
 * (1,000 at 1M passages). Measured at 120,872 real passages on 300 held-out questions and headlines
 * (recall@10 against exact search): the 256 trained lists (472 passages on average, the largest 3,341)
 * split by this rule into 398 lists of at most 713 gave 0.955 scanning 32 of them (8% of the lists) and
 * 0.964 with the default 40, at 5.0 and 5.5 CPU-ms a query; split far finer (1,471 lists of at most 150)
 * they needed 64 lists (4.4%) for 0.950, the unsplit 256 gave 0.946 with 16 (6.3%) and 0.963 with 24.
 */
const LIST_SIZE_PER_ROOT = 2;
/** Below about 40,000 passages (√N × 2 < 400) lists do not split: too few passages to matter. */
const MIN_LIST_SIZE_LIMIT = 400;
const TRAINING_SAMPLE = 8_192;
const TRAINING_ROUNDS = 8;
/**
 * An index that gets lists when it already holds many more passages than VECTOR_LISTS_ABOVE (one made
 * before the lists existed) assigns its passages this many per write (or as many as the write inserts, if
 * more), so that a small write does not block for long: about 3 s for 50,000 at 256 dimensions.
 */
const ASSIGN_PER_WRITE = 50_000;

export function createListTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS vector_lists (list INTEGER PRIMARY KEY, centroid BLOB NOT NULL) STRICT;
    CREATE TABLE IF NOT EXISTS passage_lists (
      passage_id INTEGER PRIMARY KEY REFERENCES passages(id) ON DELETE CASCADE,
      list INTEGER NOT NULL
    ) STRICT;
  `);
}

const hasTable = (db: Database.Database, name: string) =>
  db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(name) === 1;

const asVector = (blob: Buffer) =>
  new Float32Array(blob.buffer, blob.byteOffset, blob.byteLength / Float32Array.BYTES_PER_ELEMENT);

/** The trained centroids, unit length, one after another. */
export class Centroids {
  constructor(
    readonly vectors: Float32Array,
    readonly dimension: number,
  ) {}

  get count(): number {
    return this.vectors.length / this.dimension;
  }

  /** The index's centroids, or null when it has none (a small index, or one from before the lists). */
  static read(db: Database.Database): Centroids | null {
    if (!hasTable(db, 'vector_lists')) return null;
    const blobs = db.prepare('SELECT centroid FROM vector_lists ORDER BY list').pluck().all() as Buffer[];
    const dimension = (blobs[0]?.byteLength ?? 0) / Float32Array.BYTES_PER_ELEMENT;
    if (dimension === 0 || blobs.some((blob) => blob.byteLength !== dimension * 4)) return null;
    const vectors = new Float32Array(blobs.length * dimension);
    blobs.forEach((blob, list) => vectors.set(asVector(blob), list * dimension));
    return new Centroids(vectors, dimension);
  }

  /** Each list's similarity to `vector` (the dot product: the centroids and vectors are unit length). */
  similarities(vector: Float32Array): Float32Array {
    const { vectors, dimension } = this;
    const scores = new Float32Array(this.count);
    for (let list = 0, offset = 0; list < scores.length; list++, offset += dimension) {
      let sum = 0;
      for (let d = 0; d < dimension; d++) sum += vectors[offset + d]! * vector[d]!;
      scores[list] = sum;
    }
    return scores;
  }

  nearest(vector: Float32Array): number {
    const scores = this.similarities(vector);
    let best = 0;
    for (let list = 1; list < scores.length; list++) if (scores[list]! > scores[best]!) best = list;
    return best;
  }

  /** The `probes` lists nearest to `vector`, nearest first. */
  nearestLists(vector: Float32Array, probes: number): number[] {
    // Kept in a heap, not sorted whole: sorting 8,053 lists took a fifth of a query's CPU at 1M passages.
    const nearest = new TopScores(Math.min(probes, this.count));
    this.similarities(vector).forEach((score, list) => nearest.offer(score, list));
    return nearest.rowsBestFirst();
  }
}

/** Spherical k-means: each centroid is the normalized mean of the vectors nearest to it. */
function trainCentroids(sample: readonly Float32Array[], lists: number, rounds: number): Centroids {
  const dimension = sample[0]!.length;
  const vectors = new Float32Array(lists * dimension);
  // Evenly spaced sample vectors as the starting centroids: deterministic, and spread over the index.
  for (let list = 0; list < lists; list++)
    vectors.set(sample[Math.floor((list * sample.length) / lists)]!, list * dimension);
  const centroids = new Centroids(vectors, dimension);
  const sums = new Float64Array(lists * dimension);
  for (let round = 0; round < rounds; round++) {
    sums.fill(0);
    for (const vector of sample) {
      const offset = centroids.nearest(vector) * dimension;
      for (let d = 0; d < dimension; d++) sums[offset + d]! += vector[d]!;
    }
    for (let list = 0, offset = 0; list < lists; list++, offset += dimension) {
      let norm = 0;
      for (let d = 0; d < dimension; d++) norm += sums[offset + d]! ** 2;
      // A list nothing was nearest to keeps its centroid.
      if (norm === 0) continue;
      norm = Math.sqrt(norm);
      for (let d = 0; d < dimension; d++) vectors[offset + d] = sums[offset + d]! / norm;
    }
  }
  return centroids;
}

export interface ListTraining {
  lists?: number;
  sample?: number;
  rounds?: number;
}

/**
 * Trains the centroids on every n-th stored vector and replaces the index's lists (inside the caller's
 * transaction). Passages are assigned by later writes, `ASSIGN_PER_WRITE` at a time (see assignUnlisted).
 */
export function trainVectorLists(
  db: Database.Database,
  { lists = LISTS, sample = TRAINING_SAMPLE, rounds = TRAINING_ROUNDS }: ListTraining = {},
): void {
  createListTables(db);
  const total = db.prepare('SELECT count(*) FROM passage_embeddings').pluck().get() as number;
  const step = Math.max(1, Math.floor(total / sample));
  const vectors: Float32Array[] = [];
  let row = 0;
  for (const blob of db
    .prepare('SELECT embedding FROM passage_embeddings ORDER BY passage_id')
    .pluck()
    .iterate() as Iterable<Buffer>)
    if (row++ % step === 0 && vectors.length < sample) vectors.push(asVector(blob).slice());
  if (vectors.length < lists) throw new Error(`${vectors.length} vectors cannot train ${lists} lists`);
  const centroids = trainCentroids(vectors, lists, rounds);
  db.exec('DELETE FROM passage_lists; DELETE FROM vector_lists');
  const insert = db.prepare('INSERT INTO vector_lists (list, centroid) VALUES (?, ?)');
  for (let list = 0; list < lists; list++)
    insert.run(
      list,
      centroids.vectors.subarray(list * centroids.dimension, (list + 1) * centroids.dimension),
    );
}

const countOf = (db: Database.Database, table: 'passage_embeddings' | 'passage_lists') =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/**
 * A list splits in two once it holds more than this many passages, so that the list count follows the
 * index's size: lists of about √N passages (N / √N = √N lists, the usual inverted-file rule, here
 * LIST_SIZE_PER_ROOT × √N at most), where a fixed count would leave a million passages in lists of
 * 4,000 each, most of them scanned for nothing.
 */
export const listSizeLimit = (passages: number): number =>
  Math.max(MIN_LIST_SIZE_LIMIT, Math.ceil(LIST_SIZE_PER_ROOT * Math.sqrt(passages)));

const dot = (a: Float32Array, b: Float32Array) => {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += a[d]! * b[d]!;
  return sum;
};

/** The normalized mean of some vectors: the centroid of a list that holds them. */
function centroidOf(vectors: readonly Float32Array[]): Float32Array {
  const sum = new Float32Array(vectors[0]!.length);
  for (const vector of vectors) for (let d = 0; d < sum.length; d++) sum[d]! += vector[d]!;
  const norm = Math.hypot(...sum) || 1;
  return sum.map((value) => value / norm);
}

/**
 * The direction along which a list's vectors spread most (their first principal component, by power
 * iteration), starting from the line between the vector farthest from their mean and the one farthest
 * from that; null when they do not spread at all (copies of one vector).
 */
function spreadDirection(vectors: readonly Float32Array[], mean: Float32Array): Float32Array | null {
  const farthestFrom = (from: Float32Array) => {
    let far = vectors[0]!;
    let least = Infinity;
    for (const vector of vectors) {
      const along = dot(vector, from);
      if (along < least) [far, least] = [vector, along];
    }
    return far;
  };
  const one = farthestFrom(mean);
  const other = farthestFrom(one);
  let direction = one.map((value, d) => value - other[d]!);
  for (let round = 0; round < TRAINING_ROUNDS; round++) {
    const next = new Float32Array(direction.length);
    for (const vector of vectors) {
      let along = 0;
      for (let d = 0; d < next.length; d++) along += (vector[d]! - mean[d]!) * direction[d]!;
      for (let d = 0; d < next.length; d++) next[d]! += along * (vector[d]! - mean[d]!);
    }
    const norm = Math.hypot(...next);
    if (norm === 0) return null;
    direction = next.map((value) => value / norm);
  }
  return direction;
}

/**
 * No part of a split holds less than this share of the list cut. On the synthetic topics of
 * test/vector-lists.test.ts (recall@10 probing a quarter of the lists): 0.1 gave 0.973 but lists of 40
 * passages under a limit of 200, 0.2 gave 0.975 (67 lists), 0.25 gave 0.965.
 */
const MIN_PART_SHARE = 0.2;

/**
 * A list's passages in two parts, cut along the direction they spread most where the two parts are
 * tightest (the exact two-means of their positions along it), but never leaving a part less than
 * MIN_PART_SHARE of the list; null when they cannot be told apart. Not k-means parts: k-means on a list
 * with one dense topic and a few outliers gives the outliers parts of their own, and the dense part, still
 * above the limit, peels off more such slivers at each split. On the scale bench's million passages at 384
 * dimensions (`npm run bench -- --scale 1m --dimension 384`) k-means splitting left 8,053 lists, 7,099 of
 * them under 100 passages (the limit 2,000), and a query spent 7 of its 12 CPU-ms ranking the centroids;
 * at 256 dimensions 627 of 1,570 lists were under 100. Not halves at the median either: cutting through a
 * topic, they lost recall on the synthetic topics (0.945, where k-means splitting gave 0.970 and these
 * cuts 0.975).
 */
function bisect(vectors: readonly Float32Array[]): [number[], number[]] | null {
  const mean = new Float32Array(vectors[0]!.length);
  for (const vector of vectors) for (let d = 0; d < mean.length; d++) mean[d]! += vector[d]! / vectors.length;
  const direction = spreadDirection(vectors, mean);
  if (!direction) return null;
  const along = vectors.map((vector) => dot(vector, direction));
  const order = Array.from(along.keys()).sort((a, b) => along[a]! - along[b]!);
  if (along[order[0]!] === along[order.at(-1)!]) return null;
  const count = order.length;
  const sums = new Float64Array(count + 1);
  const squares = new Float64Array(count + 1);
  order.forEach((i, rank) => {
    sums[rank + 1] = sums[rank]! + along[i]!;
    squares[rank + 1] = squares[rank]! + along[i]! ** 2;
  });
  const spreadOf = (from: number, to: number) =>
    squares[to]! - squares[from]! - (sums[to]! - sums[from]!) ** 2 / (to - from);
  let cut = Math.ceil(count / 2);
  for (let at = Math.ceil(count * MIN_PART_SHARE); at <= count - Math.ceil(count * MIN_PART_SHARE); at++)
    if (spreadOf(0, at) + spreadOf(at, count) < spreadOf(0, cut) + spreadOf(cut, count)) cut = at;
  return [order.slice(0, cut), order.slice(cut)];
}

/**
 * Splits every list holding more than `limit` passages in two (see bisect; the first half keeps the
 * list's number, the other gets a new one), and a part again while it holds more than half the limit, so a
 * split leaves lists of about √N (see listSizeLimit), none less than a tenth of the limit. Only those passages are read and moved: a write that
 * inserts n passages splits about n / limit lists, so growth never retrains the whole index. A list whose
 * passages cannot be told apart (copies of one vector) stays whole. So one call leaves every list within
 * the limit or inseparable, and the next finds nothing to do: splitting each list once left a dense part
 * above the limit, which every later write split again (the scale bench's cached 1M index gained lists at
 * each run, 1,182 -> 1,195, its largest list still 3,323 of at most 2,000). Returns how many lists were added.
 */
export function splitLargeLists(
  db: Database.Database,
  limit = listSizeLimit(countOf(db, 'passage_embeddings')),
): number {
  const large = new Set(
    db
      .prepare('SELECT list FROM passage_lists GROUP BY list HAVING count(*) > ?')
      .pluck()
      .all(limit) as number[],
  );
  if (large.size === 0) return 0;
  const members = new Map<number, number[]>([...large].map((list) => [list, []]));
  for (const [id, list] of db
    .prepare('SELECT passage_id, list FROM passage_lists')
    .raw()
    .iterate() as Iterable<[number, number]>)
    members.get(list)?.push(id);
  const vectorOf = db.prepare('SELECT embedding FROM passage_embeddings WHERE passage_id = ?').pluck();
  const setCentroid = db.prepare('INSERT OR REPLACE INTO vector_lists (list, centroid) VALUES (?, ?)');
  const move = db.prepare('UPDATE passage_lists SET list = ? WHERE passage_id = ?');
  const first = (db.prepare('SELECT max(list) FROM vector_lists').pluck().get() as number) + 1;
  let next = first;
  const pending: { list: number; ids: number[]; vectors: Float32Array[] }[] = [...members].map(
    ([list, ids]) => ({
      list,
      ids,
      vectors: ids.map((id) => asVector(vectorOf.get(id) as Buffer).slice()),
    }),
  );
  for (let task = pending.pop(); task; task = pending.pop()) {
    const { list, ids, vectors } = task;
    if (ids.length <= Math.ceil(limit / 2)) continue;
    const parts = bisect(vectors);
    if (!parts) continue;
    const number = next++;
    for (const [part, members] of [
      [list, parts[0]],
      [number, parts[1]],
    ] as const) {
      const task = { list: part, ids: members.map((i) => ids[i]!), vectors: members.map((i) => vectors[i]!) };
      setCentroid.run(part, centroidOf(task.vectors));
      if (part !== list) for (const id of task.ids) move.run(part, id);
      pending.push(task);
    }
  }
  return next - first;
}

/** Assigns up to `limit` passages that have no list yet (a list per passage: fewer lists means some). */
export function assignUnlisted(db: Database.Database, centroids: Centroids, limit = ASSIGN_PER_WRITE): void {
  if (countOf(db, 'passage_lists') === countOf(db, 'passage_embeddings')) return;
  const rows = db
    .prepare(
      `SELECT e.passage_id, e.embedding FROM passage_embeddings e
       WHERE NOT EXISTS (SELECT 1 FROM passage_lists l WHERE l.passage_id = e.passage_id) LIMIT ?`,
    )
    .raw()
    .all(limit) as [number, Buffer][];
  const insert = db.prepare('INSERT INTO passage_lists (passage_id, list) VALUES (?, ?)');
  for (const [id, blob] of rows) insert.run(id, centroids.nearest(asVector(blob)));
}

/**
 * What a write does for the lists, inside its transaction: with centroids, each inserted passage gets its
 * list (`assign`); without, the write that takes the index past VECTOR_LISTS_ABOVE trains them (`finish`).
 */
export class ListWriter {
  private centroids: Centroids | null;
  private readonly insert: Database.Statement | null;

  constructor(private readonly db: Database.Database) {
    createListTables(db);
    this.centroids = Centroids.read(db);
    this.insert = this.centroids
      ? db.prepare('INSERT INTO passage_lists (passage_id, list) VALUES (?, ?)')
      : null;
  }

  private inserted = 0;

  assign(passageId: number | bigint, vector: Float32Array): void {
    this.inserted++;
    if (this.centroids) this.insert!.run(passageId, this.centroids.nearest(vector));
  }

  finish(): void {
    if (!this.centroids) {
      if (countOf(this.db, 'passage_embeddings') <= VECTOR_LISTS_ABOVE) return;
      trainVectorLists(this.db);
      this.centroids = Centroids.read(this.db);
    }
    // A write of many passages (a first ingest, a full re-index) leaves none of them without a list.
    assignUnlisted(this.db, this.centroids!, Math.max(ASSIGN_PER_WRITE, this.inserted));
    splitLargeLists(this.db);
  }
}
