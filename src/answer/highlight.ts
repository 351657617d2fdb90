import { sentenceSpans, type Span } from '../document/sentence-split.js';

/** Close enough to a stemmer for matching question words: "sanctions" finds "sanction", "warned" finds "warn". */
const stem = (word: string) => word.slice(0, 5);

const stemsOf = (text: string) => new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(stem));

function sharedTerms(text: string, queryTerms: readonly string[]): number {
  const stems = stemsOf(text);
  return new Set(queryTerms.map(stem).filter((term) => stems.has(term))).size;
}

/**
 * The sentence of a passage that shares the most question words, as offsets into the passage; the first
 * sentence when none shares any, and the whole passage when it has no sentence boundaries.
 */
export function bestSentence(text: string, queryTerms: readonly string[]): Span {
  const sentences = sentenceSpans(text);
  let best: Span = sentences[0] ?? { start: 0, end: text.length };
  let bestScore = 0;
  for (const span of sentences) {
    const score = sharedTerms(text.slice(span.start, span.end), queryTerms);
    if (score > bestScore) [best, bestScore] = [span, score];
  }
  return best;
}

/**
 * Share of the question's terms that a text contains, each term weighted (by its rarity in the index, so
 * that "February" counts for more than "Russian"): the lexical half of the evidence check.
 */
export function termCoverage(
  text: string,
  queryTerms: readonly string[],
  weightOf: (term: string) => number = () => 1,
): number {
  const stems = stemsOf(text);
  let total = 0;
  let covered = 0;
  for (const term of new Set(queryTerms)) {
    const weight = weightOf(term);
    total += weight;
    if (stems.has(stem(term))) covered += weight;
  }
  return total === 0 ? 0 : covered / total;
}
