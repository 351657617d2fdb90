import { describe, expect, it } from 'vitest';
import { BLOCK_BYTES, HammingScan, MAX_BLOCKS } from '../src/store/hamming-scan.js';

/** The WebAssembly scan against bits counted one at a time, on codes of the sizes the store uses. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state >>> 24;
  };
}

const bitsSet = (byte: number) => [0, 1, 2, 3, 4, 5, 6, 7].filter((bit) => byte & (1 << bit)).length;

describe('HammingScan', () => {
  // 1 block: 128 dimensions; 2: 256 (the stand-in model's); 3: 384 (the production model's); 31: the most.
  it.each([1, 2, 3, MAX_BLOCKS])('counts the differing bits of codes of %i blocks', (blocks) => {
    const count = 257;
    const scan = new HammingScan(count, blocks);
    const next = random(blocks);
    scan.codes.forEach((_, i) => (scan.codes[i] = next()));
    scan.query.forEach((_, i) => (scan.query[i] = next()));
    // The codes that differ from the query everywhere and nowhere: the extremes of the byte lanes' sums.
    scan.codes.set(
      scan.query.map((byte) => ~byte & 0xff),
      0,
    );
    scan.codes.set(scan.query, blocks * BLOCK_BYTES);
    scan.distances.fill(0xffff);
    scan.scan(0, 100);
    scan.scan(100, count);
    const size = blocks * BLOCK_BYTES;
    const expected = Array.from({ length: count }, (_, row) =>
      scan.query.reduce((sum, byte, b) => sum + bitsSet(byte ^ scan.codes[row * size + b]!), 0),
    );
    expect(Array.from(scan.distances)).toEqual(expected);
    expect(scan.distances[0]).toBe(size * 8);
    expect(scan.distances[1]).toBe(0);
  });

  it('writes only the distances of the rows asked for', () => {
    const scan = new HammingScan(10, 2);
    scan.codes.fill(0xff);
    scan.distances.fill(7);
    scan.scan(3, 5);
    expect(Array.from(scan.distances)).toEqual([7, 7, 7, 256, 256, 7, 7, 7, 7, 7]);
  });

  it('refuses codes whose bit counts its byte lanes cannot hold', () => {
    expect(() => new HammingScan(1, MAX_BLOCKS + 1)).toThrow(/cannot be scanned/);
  });
});
