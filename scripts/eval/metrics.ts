/** Rank (1-based) of the gold document in a ranked list of document ids, or null when absent. */
export function rankOf(ranked: readonly string[], gold: string): number | null {
  const index = ranked.indexOf(gold);
  return index < 0 ? null : index + 1;
}

export interface RetrievalScores {
  questions: number;
  recallAt1: number;
  recallAt3: number;
  recallAt5: number;
  recallAt10: number;
  mrr: number;
}

export function retrievalScores(ranks: readonly (number | null)[]): RetrievalScores {
  const share = (cutoff: number) =>
    ranks.filter((rank) => rank !== null && rank <= cutoff).length / ranks.length;
  return {
    questions: ranks.length,
    recallAt1: share(1),
    recallAt3: share(3),
    recallAt5: share(5),
    recallAt10: share(10),
    mrr: ranks.reduce<number>((sum, rank) => sum + (rank === null ? 0 : 1 / rank), 0) / ranks.length,
  };
}
