/** Reciprocal rank fusion's damping constant; 60 is the value from Cormack et al. (2009) and works broadly. */
export const RRF_K = 60;

export interface FusedHit {
  id: number;
  score: number;
  /** 1-based rank in each input list, or null where the id was absent. */
  ranks: (number | null)[];
}

/**
 * Fuses ranked id lists (best first) by reciprocal rank fusion: score = Σ weight / (k + rank).
 * Ties keep the order of first appearance, so the result is deterministic.
 */
export function reciprocalRankFusion(
  lists: readonly (readonly number[])[],
  weights: readonly number[] = lists.map(() => 1),
  k = RRF_K,
): FusedHit[] {
  const hits = new Map<number, FusedHit>();
  lists.forEach((list, listIndex) => {
    list.forEach((id, position) => {
      let hit = hits.get(id);
      if (!hit) {
        hit = { id, score: 0, ranks: lists.map(() => null) };
        hits.set(id, hit);
      }
      if (hit.ranks[listIndex] !== null) return;
      hit.ranks[listIndex] = position + 1;
      hit.score += (weights[listIndex] ?? 1) / (k + position + 1);
    });
  });
  return [...hits.values()].sort((a, b) => b.score - a.score);
}
