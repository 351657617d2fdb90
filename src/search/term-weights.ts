import type { PassageStore } from '../store/passage-store.js';
import { rarityWeights } from './term-match.js';

/** The rarity weight of each query term in this index: search reranks by it, the answer layer judges by it. */
export async function termWeights(
  store: Pick<PassageStore, 'documentFrequencies' | 'passageCount'>,
  terms: readonly string[],
): Promise<ReturnType<typeof rarityWeights>> {
  const [frequencies, passages] = await Promise.all([store.documentFrequencies(terms), store.passageCount()]);
  return rarityWeights(frequencies, passages);
}
