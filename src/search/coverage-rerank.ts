import type { PassageRecord } from '../store/passage-store.js';
import { contentTerms, termCoverage } from './term-match.js';
import { yearToldBack } from './year-told.js';

/**
 * How much the rarity-weighted share of the question's content words that a passage holds (read with its
 * article's context) adds to its fused score, on which the best BM25 match scores 1. Measured on the
 * development set (`npm run --silent eval -- --only dev`, stand-in model): 0 gave answerable hit@3 0.675,
 * 0.6 gave 0.669, 1 gave 0.686 (headline-context 0.250 -> 0.417, fact 0.647 -> 0.706); BM25 sums a few
 * repeated words, so the opening paragraph that names the story's subject three times outranked the
 * paragraph holding the question's other words, whose subject only the headline names.
 */
export const DEFAULT_COVERAGE_WEIGHT = 1;

/**
 * Adds `weight` times each hit's coverage of the question's content words to its score (in place), the
 * names it asks about (`names`, see namesAsked) held only as written (see termsHeld).
 */
export function rerankByCoverage<
  T extends {
    passage: Pick<PassageRecord, 'text' | 'context'> & Partial<Pick<PassageRecord, 'published'>>;
    score: number;
  },
>(
  hits: T[],
  terms: readonly string[],
  weightOf: (term: string) => number,
  weight: number,
  names: readonly string[] = [],
): void {
  const content = contentTerms(terms);
  if (content.length === 0 || weight === 0) return;
  for (const hit of hits) {
    // A dated story's "last year" holds the year before its own (see yearToldBack).
    const told = yearToldBack(hit.passage.text, hit.passage.published) ?? '';
    const text = `${hit.passage.context}\n${hit.passage.text}\n${told}`;
    hit.score += weight * termCoverage(text, content, weightOf, undefined, names);
  }
}
