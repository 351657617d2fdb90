import type { PassageStore } from '../store/passage-store.js';
import { rarityWeights } from './term-match.js';

/**
 * A query term's rarity weight in one index, and whether the index holds a word at all (see rarityWeights;
 * absent from weights made up by hand).
 */
export type TermWeights = ((term: string) => number) & { written?: (word: string) => boolean };

/**
 * The rarity weight of each query term in this index: search reranks by it, the answer layer judges by it.
 * Two store reads per term (a capped count each) and the passage count: a caller that needs the weights
 * for the question it searches reads them once and hands them to search (`SearchOptions.termWeights`).
 */
export async function termWeights(
  store: Pick<PassageStore, 'documentFrequencies' | 'passageCount'>,
  terms: readonly string[],
): Promise<TermWeights> {
  // A name of several words (see withNamePhrases) weighs what its words do.
  const words = [...new Set(terms.flatMap((term) => term.split(' ')))];
  const [frequencies, passages] = await Promise.all([store.documentFrequencies(words), store.passageCount()]);
  return rarityWeights(frequencies, passages);
}
