import type Database from 'better-sqlite3';
import { BLOCK_BYTES, HammingScan } from './hamming-scan.js';
import { quantizeSigns } from './schema.js';
import { TopScores } from './top-scores.js';
import { Centroids } from './vector-lists.js';

/**
 * The coarse pass keeps this many candidates per passage asked for (and at least QUANTIZED_MIN_CANDIDATES)
 * for exact rescoring: with the stand-in model, recall@10 against exact search was 0.91 with 500
 * candidates by hamming distance alone and 0.98 with the shortlist re-ranked (XQuAD questions, 100k
 * passages; scripts/bench/scale.ts). At a million passages (256 dimensions, the default probes, 200
 * questions and headlines the scale bench does not ask) the rescored candidates hold what recall is lost:
 * 0.954 with 500, 0.972 with 750, 0.976 with 1,000, at 4.0, 5.4 and 6.2 CPU-ms a query (p50); the bench's
 * own queries gave 0.950 with 500, and 0.949 after a tenth of the passages changed.
 */
const QUANTIZED_CANDIDATES_PER_RESULT = 10;
const QUANTIZED_MIN_CANDIDATES = 750;

/** How many candidates the coarse pass hands to exact rescoring when k passages are asked for. */
export const rescoredCandidates = (k: number): number =>
  Math.max(k * QUANTIZED_CANDIDATES_PER_RESULT, QUANTIZED_MIN_CANDIDATES);

/** How many times more candidates the hamming step keeps than the candidates rescored exactly. */
const QUANTIZED_SHORTLIST_FACTOR = 10;

/**
 * How many of the index's lists (vector-lists.ts) the coarse pass scans, nearest to the question first:
 * PROBES_PER_ROOT × √lists. Lists split as the index grows (about √N of them), so the share of the
 * passages scanned falls as the index grows while the probes follow the finer lists. Chosen on 300
 * questions and headlines the scale bench does not ask (150 XQuAD questions, 150 real headlines; recall@10
 * against exact search): at 1M passages in 1,162 lists, 0.941 with 67 lists (2√L, the rule before),
 * 0.956 with 134 (4√L), 0.958 with 171 (5√L) and 0.958 with 205 (6√L): recall stops rising at 5√L, where
 * the sign codes' ranking of the 500 candidates rescored, not the lists, loses the rest (0.933 with 300
 * candidates). At 120,872 passages in 402 lists: 0.931 with 20, 0.951 with 30, 0.964 with 40, 0.980 with
 * 80 and 0.986 with 100 (5√L), at 5.0, 5.2, 5.6, 5.7 and 6.2 CPU-ms a query. The WebAssembly scan
 * (hamming-scan.ts) makes the extra lists cheap: at 1M, 171 lists cost 11.0 CPU-ms a query (p50) where 134
 * cost 13.9 with the JavaScript scan, on the same loaded machine (load 12 to 20); interleaved on 1,182
 * lists, 2√L = 69 lists 8.9 / 14.2 CPU-ms (p50 / p95) at 0.943, 5√L = 172 lists 10.0 / 13.2 at 0.958.
 */
const PROBES_PER_ROOT = 5;
export const listProbes = (lists: number): number => Math.ceil(PROBES_PER_ROOT * Math.sqrt(lists));

/**
 * The codes grouped by list: list l's passages are rows offsets[l] to offsets[l + 1], and the passages
 * without a list (written before the lists were trained, not yet assigned) are the rows from offsets[L] on.
 */
interface ListLayout {
  centroids: Centroids;
  offsets: Uint32Array;
}

/** Each row's list, by its passage id; -1 for none. */
function listsOf(db: Database.Database, ids: Float64Array): Int32Array {
  const total = db.prepare('SELECT count(*) FROM passage_lists').pluck().get() as number;
  // Typed arrays rather than a million row objects: the lists are read again after every re-index.
  const listedIds = new Float64Array(total);
  const listed = new Int32Array(total);
  let next = 0;
  for (const [id, list] of db
    .prepare('SELECT passage_id, list FROM passage_lists ORDER BY passage_id')
    .raw()
    .iterate() as Iterable<[number, number]>) {
    if (next === total) break;
    listedIds[next] = id;
    listed[next++] = list;
  }
  const lists = new Int32Array(ids.length).fill(-1);
  for (let row = 0; row < ids.length; row++) {
    const id = ids[row]!;
    let low = 0;
    let high = next - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = listedIds[middle]!;
      if (found === id) {
        lists[row] = listed[middle]!;
        break;
      }
      if (found < id) low = middle + 1;
      else high = middle - 1;
    }
  }
  return lists;
}

/**
 * Per code byte, the query's dot product with each of the 256 sign patterns that byte can hold. Each
 * pattern is a smaller one with one more bit set, so the table takes one addition per entry.
 */
function signPatternTable(query: Float32Array, bytes: number): Float32Array {
  const table = new Float32Array(bytes * 256);
  for (let b = 0, t = 0; b < bytes; b++, t += 256) {
    let none = 0;
    for (let bit = 0; bit < 8; bit++) none -= query[b * 8 + bit] ?? 0;
    table[t] = none;
    for (let value = 1; value < 256; value++) {
      const lowest = value & -value;
      table[t + value] = table[t + (value ^ lowest)]! + 2 * (query[b * 8 + 31 - Math.clz32(lowest)] ?? 0);
    }
  }
  return table;
}

/**
 * Every passage's sign bits (schema.ts: embedding_bits) in one typed array. sqlite-vec's own KNN over the
 * bit column selects its top k at a cost that grows with k: 500 candidates deep, it took nearly as long as
 * the exact search (78 against 84 ms at 100k passages), where this scan, whose cost does not depend on
 * the depth, took 12 ms with the rescoring (scripts/bench/scale.ts). Once the index has lists
 * (vector-lists.ts) the codes are grouped by list and a query scans only the lists nearest to it.
 */
export class SignCodes {
  private readonly histogram: Uint32Array;

  private constructor(
    private readonly ids: Float64Array,
    private readonly codes: HammingScan,
    private readonly layout: ListLayout | null,
  ) {
    this.histogram = new Uint32Array(codes.blocks * BLOCK_BYTES * 8 + 1);
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
    const codes = new HammingScan(passages, Math.ceil(bytes / BLOCK_BYTES));
    const size = codes.blocks * BLOCK_BYTES;
    let next = 0;
    for (const { validity, rowids, vectors } of chunks) {
      const slots = rowids.length / 8;
      if (!Number.isInteger(slots) || vectors.length !== slots * bytes || validity.length * 8 < slots)
        return null;
      for (let slot = 0; slot < slots; slot++) {
        if (!(validity[slot >> 3]! & (1 << (slot & 7)))) continue;
        if (next === passages) return null;
        ids[next] = Number(rowids.readBigInt64LE(slot * 8));
        codes.codes.set(vectors.subarray(slot * bytes, (slot + 1) * bytes), next * size);
        next++;
      }
    }
    if (next !== passages) return null;
    const centroids = Centroids.read(db);
    if (!centroids || centroids.dimension !== dimension) return new SignCodes(ids, codes, null);
    return SignCodes.grouped(ids, codes, centroids, listsOf(db, ids));
  }

  /** The same codes reordered so that each list's rows are contiguous (a counting sort by list). */
  private static grouped(
    ids: Float64Array,
    codes: HammingScan,
    centroids: Centroids,
    lists: Int32Array,
  ): SignCodes {
    const unlisted = centroids.count;
    const offsets = new Uint32Array(unlisted + 2);
    for (const list of lists) offsets[(list < 0 ? unlisted : list) + 1]!++;
    for (let list = 1; list < offsets.length; list++) offsets[list]! += offsets[list - 1]!;
    const next = offsets.slice();
    const size = codes.blocks * BLOCK_BYTES;
    const groupedIds = new Float64Array(ids.length);
    const grouped = new HammingScan(ids.length, codes.blocks);
    for (let row = 0; row < ids.length; row++) {
      const list = lists[row]!;
      const to = next[list < 0 ? unlisted : list]!++;
      groupedIds[to] = ids[row]!;
      grouped.codes.set(codes.codes.subarray(row * size, (row + 1) * size), to * size);
    }
    return new SignCodes(groupedIds, grouped, { centroids, offsets: offsets.subarray(0, -1) });
  }

  /** The lists scanned by default (listProbes), 0 without lists. */
  get probes(): number {
    return this.layout ? listProbes(this.layout.centroids.count) : 0;
  }

  /** How many lists the index has (0: none, every code is scanned). */
  get lists(): number {
    return this.layout?.centroids.count ?? 0;
  }

  /** The row ranges the coarse pass reads: the nearest `probes` lists and the unlisted rows, or all rows. */
  private ranges(query: Float32Array, probes: number): [number, number][] {
    const { layout } = this;
    if (!layout) return [[0, this.ids.length]];
    const { centroids, offsets } = layout;
    const ranges = centroids
      .nearestLists(query, probes)
      .map((list): [number, number] => [offsets[list]!, offsets[list + 1]!]);
    ranges.push([offsets[centroids.count]!, this.ids.length]);
    return ranges;
  }

  /**
   * The `count` best candidates in two steps: the hamming distance between sign bits keeps a shortlist
   * (ties at its cut-off in storage order), then the shortlist is ranked by the dot product of the float
   * query with each ±1 code, which loses far less of the query than its own sign bits do. Only the
   * `probes` lists nearest to the query and the passages without a list are read.
   */
  nearest(query: Float32Array, count: number, probes = this.probes): number[] {
    const { ids, codes, histogram } = this;
    const { distances } = codes;
    const ranges = this.ranges(query, probes);
    const shortlist = count * QUANTIZED_SHORTLIST_FACTOR;
    const bytes = codes.blocks * BLOCK_BYTES;
    quantizeSigns(query, codes.query);
    histogram.fill(0);
    for (const [from, to] of ranges) {
      codes.scan(from, to);
      for (let i = from; i < to; i++) histogram[distances[i]!]!++;
    }
    let cutoff = 0;
    let below = 0;
    while (cutoff < histogram.length - 1 && below + histogram[cutoff]! < shortlist)
      below += histogram[cutoff++]!;
    let ties = shortlist - below;

    const table = signPatternTable(query, bytes);
    const codeBytes = codes.codes;
    const best = new TopScores(count);
    for (const [from, to] of ranges)
      for (let i = from; i < to; i++) {
        const distance = distances[i]!;
        if (distance > cutoff || (distance === cutoff && ties-- <= 0)) continue;
        let score = 0;
        for (let b = 0, offset = i * bytes, t = 0; b < bytes; b++, t += 256)
          score += table[t + codeBytes[offset + b]!]!;
        best.offer(score, i);
      }
    return best.rowsBestFirst().map((row) => ids[row]!);
  }
}
