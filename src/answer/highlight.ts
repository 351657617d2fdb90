import { sentenceSpans, type Span } from '../document/sentence-split.js';
import { stem, termsIn } from '../search/term-match.js';

function sharedTerms(text: string, queryTerms: readonly string[]): number {
  return new Set([...termsIn(text, queryTerms)].map(stem)).size;
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
