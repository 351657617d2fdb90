import type Database from 'better-sqlite3';

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
    const scores = this.similarities(vector);
    return Array.from(scores.keys())
      .sort((a, b) => scores[b]! - scores[a]!)
      .slice(0, probes);
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

/**
 * Splits every list holding more than `limit` passages into lists of about half the limit, by k-means
 * over its own passages (the first part keeps the list's number, the others get new ones), and splits a
 * part again while it is still above the limit. Only those passages are read and moved: a write that
 * inserts n passages splits about n / limit lists, so growth never retrains the whole index. A list whose
 * passages k-means cannot separate (copies of one vector) stays whole. So one call leaves every list within
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
    const parts = trainCentroids(vectors, Math.ceil(ids.length / Math.ceil(limit / 2)), TRAINING_ROUNDS);
    const part = vectors.map((vector) => parts.nearest(vector));
    // The parts that hold passages, the first of them keeping the list's number.
    const numbers = new Map<number, number>();
    for (const p of part) if (!numbers.has(p)) numbers.set(p, numbers.size === 0 ? list : next++);
    if (numbers.size === 1) continue;
    const split = new Map(
      [...numbers.values()].map((number) => [number, { ids: [] as number[], vectors: [] as Float32Array[] }]),
    );
    for (const [p, number] of numbers)
      setCentroid.run(number, parts.vectors.subarray(p * parts.dimension, (p + 1) * parts.dimension));
    part.forEach((p, i) => {
      const number = numbers.get(p)!;
      split.get(number)!.ids.push(ids[i]!);
      split.get(number)!.vectors.push(vectors[i]!);
      if (number !== list) move.run(number, ids[i]!);
    });
    for (const [number, members] of split)
      if (members.ids.length > limit) pending.push({ list: number, ...members });
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
