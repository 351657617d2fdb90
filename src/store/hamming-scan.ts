/**
 * Hamming distances between one query code and many stored codes, in WebAssembly SIMD (i8x16.popcnt,
 * 16 code bytes an instruction). The JavaScript loop it replaced counted bits 32 at a time with shifts
 * and masks: on 120,000 codes of 32 bytes (what 134 of the 1,097 lists hold at 1M passages) it took
 * 8.5 to 17.8 ms, this 0.9 to 3.0 ms (repeated micro-benchmarks on a machine at load 8 to 14), with
 * the same distances (test/hamming-scan.test.ts).
 *
 * The module is this function, assembled below (WebAssembly text format):
 *
 *   (func (export "hamming") (param $code i32) (param $count i32) (param $query i32) (param $blocks i32)
 *                            (param $out i32) (local $q i32) (local $left i32) (local $bits v128)
 *     (block $done (loop $codes
 *       (br_if $done (i32.eqz (local.get $count)))
 *       (local.set $bits (v128.const i64x2 0 0))
 *       (local.set $q (local.get $query)) (local.set $left (local.get $blocks))
 *       (loop $block  ;; bits set in each byte of code XOR query, summed byte-wise over the code's blocks
 *         (local.set $bits (i8x16.add (local.get $bits)
 *           (i8x16.popcnt (v128.xor (v128.load (local.get $code)) (v128.load (local.get $q))))))
 *         (local.set $code (i32.add (local.get $code) (i32.const 16)))
 *         (local.set $q (i32.add (local.get $q) (i32.const 16)))
 *         (br_if $block (local.tee $left (i32.sub (local.get $left) (i32.const 1)))))
 *       (local.set $bits (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (local.get $bits))))
 *       (i32.store16 (local.get $out) (i32.add (i32.add (i32x4.extract_lane 0 (local.get $bits))
 *         (i32x4.extract_lane 1 (local.get $bits))) (i32.add (i32x4.extract_lane 2 (local.get $bits))
 *         (i32x4.extract_lane 3 (local.get $bits)))))
 *       (local.set $out (i32.add (local.get $out) (i32.const 2)))
 *       (local.set $count (i32.sub (local.get $count) (i32.const 1)))
 *       (br $codes))))
 *
 * A byte lane counts at most 8 bits a block, so codes of up to 31 blocks (3,968 dimensions) fit its 255.
 */
export const MAX_BLOCKS = 31;
/** Bytes the scan reads at a time: codes are padded to a multiple of this. */
export const BLOCK_BYTES = 16;

const get = (index: number) => [0x20, index];
const set = (index: number) => [0x21, index];
const tee = (index: number) => [0x22, index];
const i32Const = (value: number) => [0x41, value];
const simd = (...bytes: number[]) => [0xfd, ...bytes];
const [I32_ADD, I32_SUB, I32_EQZ] = [0x6a, 0x6b, 0x45];
const [BLOCK, LOOP, END, BR, BR_IF, VOID] = [0x02, 0x03, 0x0b, 0x0c, 0x0d, 0x40];
const [CODE, COUNT, QUERY, BLOCKS, OUT, Q, LEFT, BITS] = [0, 1, 2, 3, 4, 5, 6, 7];
const V128_LOAD = simd(0x00, 0x00, 0x00);
const extractLane = (lane: number) => [...get(BITS), ...simd(0x1b, lane)];

const ZERO = simd(0x0c, ...new Array<number>(16).fill(0));
const [XOR, POPCOUNT, ADD_BYTES] = [simd(0x51), simd(0x62), simd(0x6e)];
const [WIDEN_BYTES, WIDEN_SHORTS] = [simd(0x7d), simd(0x7f)];
const STORE16 = [0x3b, 0x01, 0x00];

// One line a statement of the text above.
const body = [
  [0x02, 0x02, 0x7f, 0x01, 0x7b], // locals: two i32, one v128
  [BLOCK, VOID, LOOP, VOID],
  [...get(COUNT), I32_EQZ, BR_IF, 1],
  [...ZERO, ...set(BITS)],
  [...get(QUERY), ...set(Q), ...get(BLOCKS), ...set(LEFT)],
  [LOOP, VOID],
  [...get(BITS), ...get(CODE), ...V128_LOAD, ...get(Q), ...V128_LOAD, ...XOR, ...POPCOUNT, ...ADD_BYTES],
  set(BITS),
  [...get(CODE), ...i32Const(16), I32_ADD, ...set(CODE)],
  [...get(Q), ...i32Const(16), I32_ADD, ...set(Q)],
  [...get(LEFT), ...i32Const(1), I32_SUB, ...tee(LEFT), BR_IF, 0],
  [END],
  [...get(OUT), ...get(BITS), ...WIDEN_BYTES, ...WIDEN_SHORTS, ...set(BITS)],
  [...extractLane(0), ...extractLane(1), I32_ADD, ...extractLane(2), ...extractLane(3), I32_ADD, I32_ADD],
  STORE16,
  [...get(OUT), ...i32Const(2), I32_ADD, ...set(OUT)],
  [...get(COUNT), ...i32Const(1), I32_SUB, ...set(COUNT)],
  [BR, 0],
  [END, END, END],
].flat();

/** The part of the WebAssembly API used here (the project's TypeScript libraries do not declare it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}
const { Module, Instance, Memory } = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

const section = (id: number, content: number[]) => [id, ...leb(content.length), ...content];
const name = (text: string) => [text.length, ...Buffer.from(text, 'ascii')];

function leb(value: number): number[] {
  const bytes: number[] = [];
  do {
    const low = value & 0x7f;
    value >>>= 7;
    bytes.push(value === 0 ? low : low | 0x80);
  } while (value !== 0);
  return bytes;
}

const MODULE = new Module(
  Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [0x01, 0x60, 0x05, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x00]), // (i32 × 5) → ()
    ...section(2, [0x01, ...name('env'), ...name('memory'), 0x02, 0x00, 0x01]), // memory, at least a page
    ...section(3, [0x01, 0x00]),
    ...section(7, [0x01, ...name('hamming'), 0x00, 0x00]),
    ...section(10, [0x01, ...leb(body.length), ...body]),
  ]),
);

const PAGE = 65_536;

/**
 * `count` codes of `blocks` × 16 bytes and one query code in WebAssembly memory, and the distance of each
 * code to the query. Views over the memory stay valid: it never grows.
 */
export class HammingScan {
  readonly codes: Uint8Array<ArrayBuffer>;
  readonly query: Uint8Array<ArrayBuffer>;
  readonly distances: Uint16Array<ArrayBuffer>;
  private readonly hamming: (code: number, count: number, query: number, blocks: number, out: number) => void;

  constructor(
    count: number,
    readonly blocks: number,
  ) {
    if (blocks < 1 || blocks > MAX_BLOCKS) throw new Error(`codes of ${blocks} blocks cannot be scanned`);
    const codeBytes = count * blocks * BLOCK_BYTES;
    const queryAt = codeBytes;
    const distancesAt = queryAt + blocks * BLOCK_BYTES;
    const memory = new Memory({ initial: Math.max(1, Math.ceil((distancesAt + count * 2) / PAGE)) });
    const instance = new Instance(MODULE, { env: { memory } });
    this.hamming = instance.exports.hamming as HammingScan['hamming'];
    this.codes = new Uint8Array(memory.buffer, 0, codeBytes);
    this.query = new Uint8Array(memory.buffer, queryAt, blocks * BLOCK_BYTES);
    this.distances = new Uint16Array(memory.buffer, distancesAt, count);
  }

  /** Sets distances[from] to distances[to - 1]: each code's differing bits from the query code. */
  scan(from: number, to: number): void {
    if (to <= from) return;
    const size = this.blocks * BLOCK_BYTES;
    this.hamming(
      from * size,
      to - from,
      this.query.byteOffset,
      this.blocks,
      this.distances.byteOffset + from * 2,
    );
  }
}
