import type { RankedId } from '../store/passage-store.js';
import type { FusedHit } from './rrf.js';

/**
 * Fuses BM25 and vector hits by their scores rather than their ranks: BM25 scaled by the best BM25 score
 * of the question (so 1 is the best lexical match), plus `vectorWeight` times the cosine similarity.
 * Unlike rank fusion, a weak vector list cannot push a strong lexical match down, and the weight says how
 * much the model's judgement counts (measured per model by `npm run eval`).
 * A passage missing from the vector list gets the lowest similarity the list holds: k-NN returned everything
 * closer, so that is an upper bound, and never credits it more than a passage the model actually found.
 */
export function scoreFusion(
  bm25: readonly RankedId[],
  vector: readonly RankedId[],
  vectorWeight: number,
  /** BM25 hits of the question's related words (see query-expansion), added at `weight` of the question's own. */
  related?: { hits: readonly RankedId[]; weight: number },
): FusedHit[] {
  // FTS5's bm25() is negative, more negative for better matches.
  const best = Math.max(...bm25.map((hit) => -hit.score), Number.EPSILON);
  const similarity = new Map(vector.map((hit) => [hit.id, 1 - hit.score]));
  const floor = vector.length > 0 ? Math.min(...similarity.values()) : 0;
  const hits = new Map<number, FusedHit>();
  bm25.forEach((hit, index) => {
    if (!hits.has(hit.id))
      hits.set(hit.id, { id: hit.id, score: -hit.score / best, ranks: [index + 1, null] });
  });
  vector.forEach((hit, index) => {
    const fused = hits.get(hit.id) ?? { id: hit.id, score: 0, ranks: [null, null] };
    if (fused.ranks[1] === null) fused.ranks[1] = index + 1;
    hits.set(hit.id, fused);
  });
  if (related && related.weight > 0) {
    // On the question's own scale, so that a passage holding a synonym never outranks one holding the word;
    // when no passage holds any question word, the best related match is the scale.
    const scale = bm25.length > 0 ? best : Math.max(...related.hits.map((hit) => -hit.score), Number.EPSILON);
    for (const hit of related.hits) {
      const fused = hits.get(hit.id) ?? { id: hit.id, score: 0, ranks: [null, null] };
      fused.score += (related.weight * -hit.score) / scale;
      hits.set(hit.id, fused);
    }
  }
  for (const hit of hits.values()) hit.score += vectorWeight * (similarity.get(hit.id) ?? floor);
  return [...hits.values()].sort((a, b) => b.score - a.score);
}
