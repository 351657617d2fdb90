import type { DateRange } from '../document/date-range.js';
import type { PassageStore, RankedId } from '../store/passage-store.js';
import { ftsString } from '../store/schema.js';
import { queryTerms } from './fts-query.js';
import { countryFormsOf } from './place-names.js';
import { questionNames } from './term-match.js';

/** How many passages holding the question's names are read, the densest in them first. */
const NAMED_DEPTH = 200;
/**
 * How many of those, best matched by the question's words, join its BM25 list. On the development set
 * 50 / 20, 200 / 10 and 1,000 / 50 (depth / passages) answered the same questions.
 */
const NAMED_PASSAGES = 10;

/**
 * The names a question asks about (see questionNames) that a story must name to be about it, as query terms
 * ("price co", "kgb"): all but countries, which a story names in many forms ("Russian soldiers" for Moscow's
 * troops) that the evidence check reads and these reads do not. An abbreviated thing that no passage
 * holds is none (see questionNames).
 */
export function namesAsked(question: string, written?: (word: string) => boolean): string[] {
  return namesOtherThanCountries(questionNames(question, queryTerms(question), written));
}

/** Of the names a question asks about (`names`, see questionNames), those namesAsked keeps: all but countries. */
export const namesOtherThanCountries = (names: readonly string[]): string[] =>
  names.filter((name) => countryFormsOf(name) === null);

/**
 * The passages that hold every name the question asks about (`names`, see questionNames; a country in any
 * of its forms, see namedIn), then those that hold
 * the rarest of them, each best matched by the question's words (`match`, BM25 on the index's own scale);
 * none when it asks about none. A name made of common words is found by its words, and a rare one is
 * outweighed by common words: BM25 weighs "price" and "co" as the common words they are, and for "How many
 * weeks do Price Co's quarterly and nine-month figures cover?" the first 50 matches were other companies'
 * notes on their "qtr and nine mth figures", none from a story naming Price Co; its story (headline "PRICE
 * CO 3RD QTR JUNE SEVEN NET", "NOTE: Twelve- and 40-week periods.") was 145th and 571st. "KGB" is in 3
 * passages, but for "How much did the former KGB officer settle his legal action for?" its story ranked
 * 114th and lower, below passages
 * holding "former", "officer", "settle", "legal" and "action". The evidence check refuses stories that
 * never name what the question names, so those passages could only be refused. Searched only when no story
 * of the first matches names them all (see hybrid-search): 14 of the 219 development and held-out questions,
 * 10 of them unanswerable. Two more full-text reads: 1.5 CPU-ms for "Gordon Brown", 2 to 5 for "KGB", 6 to
 * 11 for "General Electric", 25 for "Price Co" read first and 9 after (load 3 to 5).
 * A question naming several things is asked of the passages naming them all first, then of those naming
 * the rarest: "Why did McDonald's hand money to the Liberal Democrats?" is answered by one sentence of a
 * 1,085-character paragraph on party donations, which BM25 ranked 497th, and below the ten best of the
 * passages naming McDonald's alone. With it that paragraph ranks third (see AMOUNT_OF_MONEY in the evidence
 * check for the rest); `npm run --silent eval -- --only dev,fresh` moved no other question. One more
 * full-text read, of the names joined by AND, when the question names two or more: 4.9 instead of 3.1
 * CPU-ms for McDonald's and the Liberal Democrats, 2.2 instead of 1.3 for Gordon Brown and Tony Blair (the
 * development archive, 109,150 passages; mean of 20 runs).
 */
export async function namedPassages(
  store: Pick<PassageStore, 'fullText' | 'fullTextWithin'>,
  names: readonly string[],
  weightOf: (term: string) => number,
  match: string,
  contextWeight: number,
  range?: DateRange,
): Promise<RankedId[]> {
  if (names.length === 0) return [];
  const rarest = names.reduce((a, b) => (weightOf(b) > weightOf(a) ? b : a));
  const [holdingAll, holding] = await Promise.all([
    names.length > 1
      ? store.fullText(names.map(namedIn).join(' AND '), NAMED_DEPTH, contextWeight, range)
      : [],
    store.fullText(namedIn(rarest), NAMED_DEPTH, contextWeight, range),
  ]);
  const all = new Set(holdingAll.map((hit) => hit.id));
  const withAll = await store.fullTextWithin(match, [...all], contextWeight);
  // Those naming the rarest alone are read only when too few name them all.
  if (withAll.length >= NAMED_PASSAGES) return withAll.slice(0, NAMED_PASSAGES);
  const rarestOnly = holding.map((hit) => hit.id).filter((id) => !all.has(id));
  const withRarest = await store.fullTextWithin(match, rarestOnly, contextWeight);
  return [...withAll, ...withRarest].slice(0, NAMED_PASSAGES);
}

/**
 * A name as a full-text expression: a country by any of the words a story names it in ("Danish", "Rome";
 * see countryFormsOf), never by its codes, which full text reads in lower case ("us"); any other as written.
 * Searched so, a country is a name a story must hold here too (see hybrid-search): "How many Danes were out
 * of work in February?" was refused, none of its first stories naming Denmark, and "DANISH UNEMPLOYMENT
 * FALLS TO 7.8 PCT IN FEBRUARY" never read; now it is shown third. `npm run --silent eval -- --only
 * dev,fresh,held-out --questions <the twentieth and twenty-first batches>`: fresh headline-context refused
 * 0.057 -> 0.049 (hit@3 unchanged: the number of unemployed is in the paragraph after the one shown);
 * nothing else moved on dev, fresh, held-out, dates or the batches, unanswerable refused unchanged (0.970,
 * 0.944, 0.850).
 */
function namedIn(name: string): string {
  const country = countryFormsOf(name);
  return country ? `(${country.words.map(ftsString).join(' OR ')})` : ftsString(name);
}

/**
 * A BM25 list with the named passages it lacks, best first: one expression scored over one index, so
 * their scores are on one scale (FTS5's bm25(), lower is better).
 */
export function withNamed(bm25: readonly RankedId[], named: readonly RankedId[]): RankedId[] {
  const listed = new Set(bm25.map((hit) => hit.id));
  return [...bm25, ...named.filter((hit) => !listed.has(hit.id))].sort((a, b) => a.score - b.score);
}
