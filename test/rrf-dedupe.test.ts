import { describe, expect, it } from 'vitest';
import { containment, dropNearDuplicates } from '../src/search/dedupe.js';
import { reciprocalRankFusion, RRF_K } from '../src/search/rrf.js';

describe('reciprocalRankFusion', () => {
  it('ranks a passage found by both lists above one found by only one', () => {
    const fused = reciprocalRankFusion([
      [1, 2, 3],
      [3, 4, 1],
    ]);
    expect(fused.map((hit) => hit.id)).toEqual([1, 3, 2, 4]);
    expect(fused[0]!.ranks).toEqual([1, 3]);
    expect(fused[0]!.score).toBeCloseTo(1 / (RRF_K + 1) + 1 / (RRF_K + 3));
    expect(fused.find((hit) => hit.id === 4)!.ranks).toEqual([null, 2]);
  });

  it('keeps first-seen order on ties and handles empty lists', () => {
    expect(reciprocalRankFusion([[7], [8]]).map((hit) => hit.id)).toEqual([7, 8]);
    expect(reciprocalRankFusion([[], [5, 6]]).map((hit) => hit.id)).toEqual([5, 6]);
    expect(reciprocalRankFusion([[], []])).toEqual([]);
  });

  it('counts an id listed twice in one list once, at its best rank', () => {
    const [hit] = reciprocalRankFusion([[9, 9]]);
    expect(hit!.score).toBeCloseTo(1 / (RRF_K + 1));
  });
});

describe('dropNearDuplicates', () => {
  const body =
    'Britain said it was time to step up pressure on Russia to try to force it to negotiate in good faith.';
  const caption = `${body} British foreign minister David Lammy and French foreign minister Jean-Noel Barrot are pictured above`;

  it('keeps the best-ranked of two passages that repeat the same sentence', () => {
    const kept = dropNearDuplicates(
      [body, caption, 'Kyiv and Moscow have accused each other.'],
      (text) => text,
    );
    expect(kept).toEqual([body, 'Kyiv and Moscow have accused each other.']);
  });

  it('keeps passages that only share a few words', () => {
    const other =
      'Britain said sanctions on Russia would continue until a ceasefire is agreed in good faith.';
    expect(containment(body, other)).toBeLessThan(0.8);
    expect(dropNearDuplicates([body, other], (text) => text)).toHaveLength(2);
  });
});
