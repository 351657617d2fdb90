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
 * Fixed when trained. At 1M passages about 4,000 passages a list; training on the default sample takes
 * a few seconds (8,192 vectors × 256 centroids × 8 rounds), once.
 */
const LISTS = 256;
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
  }
}
