import { z } from 'zod';
import { termCoverage } from '../search/term-match.js';

/**
 * When is a passage good enough to call the question answered? Either the model finds it close in
 * meaning, or it holds enough of the question's (rarity-weighted) words and is at least somewhat close.
 * Similarity scales differ between models, so the numbers are per model, measured by `npm run eval`.
 */
export const evidenceThresholdsSchema = z.object({
  minSimilarity: z.number().min(-1).max(1),
  minCoverage: z.number().min(0).max(1),
  minSimilarityWithCoverage: z.number().min(-1).max(1),
});
export type EvidenceThresholds = z.infer<typeof evidenceThresholdsSchema>;

/** How many of the best passages may carry the evidence: the answer is often second to a near miss. */
export const EVIDENCE_DEPTH = 3;

export interface Evidence {
  similarity: number;
  coverage: number;
}

export function isStrongEvidence(
  { similarity, coverage }: Evidence,
  thresholds: EvidenceThresholds,
): boolean {
  return (
    similarity >= thresholds.minSimilarity ||
    (coverage >= thresholds.minCoverage && similarity >= thresholds.minSimilarityWithCoverage)
  );
}

/** BM25's inverse document frequency, so a word in every passage weighs almost nothing. */
export function rarityWeights(
  frequencies: ReadonlyMap<string, number>,
  passages: number,
): (term: string) => number {
  return (term) => {
    const df = frequencies.get(term) ?? 0;
    return Math.log(1 + (passages - df + 0.5) / (df + 0.5));
  };
}

/**
 * The evidence of the best few hits, best first, for `isStrongEvidence` to judge. A passage's words are
 * read with its article's context, as search read them: "what did the bank buy?" is answered by a
 * paragraph that says only "it completed its acquisition" under a headline naming the bank.
 */
export function evidenceOf(
  hits: readonly { passage: { text: string; context: string }; similarity: number }[],
  queryTerms: readonly string[],
  weightOf: (term: string) => number,
): Evidence[] {
  return hits.slice(0, EVIDENCE_DEPTH).map(({ passage, similarity }) => ({
    similarity,
    coverage: termCoverage(`${passage.context}\n${passage.text}`, queryTerms, weightOf),
  }));
}
