import type { DateRange } from '../document/date-range.js';
import type { PassageStore, RankedId } from '../store/passage-store.js';
import { ftsString } from '../store/schema.js';
import { queryTerms } from './fts-query.js';
import { isPhrase, questionNames } from './term-match.js';

/** How many passages holding the question's names are read, the densest in them first. */
const NAMED_DEPTH = 200;
/**
 * How many of those, best matched by the question's words, join its BM25 list. On the development set
 * 50 / 20, 200 / 10 and 1,000 / 50 (depth / passages) answered the same questions.
 */
const NAMED_PASSAGES = 10;

/**
 * The passages that hold a name of several words the question asks about ("Price Co"), best matched by
 * the question's words (`match`, BM25 on the index's own scale), or none when it asks about no such name.
 * A name made of common words is found by its words: BM25 weighs "price" and "co" as the common words they
 * are, and for "How many weeks do Price Co's quarterly and nine-month figures cover?" the first 50 matches
 * were other companies' notes on their "qtr and nine mth figures", none from a story naming Price Co; its
 * story (headline "PRICE CO 3RD QTR JUNE SEVEN NET", "NOTE: Twelve- and 40-week periods.") was 145th and
 * 571st. The evidence check refuses stories that never name what the question names, so those notes could
 * only be refused. Searched only when no story of the first matches names it (see hybrid-search): 5 of
 * the 219 development and held-out questions, 4 of them unanswerable and none found; two more full-text
 * reads, 1.4 to 33 CPU-ms by the name's commonness ("Gordon Brown", "United States") under load 7.
 */
export async function namedPassages(
  store: Pick<PassageStore, 'fullText' | 'fullTextWithin'>,
  question: string,
  match: string,
  contextWeight: number,
  range?: DateRange,
): Promise<RankedId[]> {
  const names = questionNames(question, queryTerms(question)).filter(isPhrase);
  if (names.length === 0) return [];
  const holding = await store.fullText(names.map(ftsString).join(' OR '), NAMED_DEPTH, contextWeight, range);
  const within = await store.fullTextWithin(
    match,
    holding.map((hit) => hit.id),
    contextWeight,
  );
  return within.slice(0, NAMED_PASSAGES);
}

/**
 * A BM25 list with the named passages it lacks, best first: one expression scored over one index, so
 * their scores are on one scale (FTS5's bm25(), lower is better).
 */
export function withNamed(bm25: readonly RankedId[], named: readonly RankedId[]): RankedId[] {
  const listed = new Set(bm25.map((hit) => hit.id));
  return [...bm25, ...named.filter((hit) => !listed.has(hit.id))].sort((a, b) => a.score - b.score);
}
