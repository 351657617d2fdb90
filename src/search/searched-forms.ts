import { abbreviationsOf } from '../document/report-abbreviations.js';
import type { PassageStore } from '../store/passage-store.js';
import { isStopword, queryTerms } from './fts-query.js';
import { initialsOf, isPhrase, questionNames } from './term-match.js';

/**
 * How much rarer than its word an abbreviation may be and still be searched beside it. BM25 weighs a match
 * by the rarity of the word matched, so a match on an abbreviation the archive seldom uses outweighs one
 * on the word itself: on the development archive (109,171 passages) "yr" is in 102 passages and "year" in
 * 16,542, and searching "yr" beside "year" put five results notes saying "yr" above Wrather Corp's
 * "Year ... Revs 108.5 mln" for "What were Wrather Corp's revenues for the full year?" (refused). "mths"
 * (1,000 passages against 4,851) is searched: without it "Nine mths ... Sales 2.45 billion" was not among
 * the first eight for "What were Price Co's sales for the first nine months?"; with it, first.
 */
export const MAX_ABBREVIATION_RARITY = 10;

/**
 * The abbreviations of the question's terms that search reads beside them ("revenues" -> "revs", see
 * report-abbreviations), by term: those the index holds and at most MAX_ABBREVIATION_RARITY times rarer
 * than their word (by the store's capped counts). An index without results tables gets none.
 */
async function searchedAbbreviations(
  store: Pick<PassageStore, 'documentFrequencies'>,
  terms: readonly string[],
): Promise<Map<string, string[]>> {
  const asked = terms.filter((term) => abbreviationsOf(term).length > 0);
  if (asked.length === 0) return new Map();
  const counts = await store.documentFrequencies([
    ...new Set(asked.flatMap((term) => [term, ...abbreviationsOf(term)])),
  ]);
  const count = (word: string) => counts.get(word) ?? 0;
  return new Map(
    asked.map((term) => [
      term,
      abbreviationsOf(term).filter(
        (abbreviation) =>
          count(abbreviation) > 0 && count(abbreviation) * MAX_ABBREVIATION_RARITY >= count(term),
      ),
    ]),
  );
}

/**
 * The initials of each name of several words the question asks about ("general electric" -> "ge"), by
 * the name's first word, unless they are a stop word ("us" for "United States"). A story names a company
 * once and by its initials after: "The success of Universal Studio's film 'Ray' ... has helped boost
 * earnings" is in a paragraph that says "GE", under "GE sees 'excellent' world economy", and without the
 * initials it was not among the first 40 passages for "Which film helped General Electric's earnings?"
 * (a 1987 General Electric story filled the first three). The article's context names the company in
 * full once the story does (see articleContext), but counts half.
 */
export function nameInitials(question: string, terms: readonly string[]): Map<string, string[]> {
  const initials = new Map<string, string[]>();
  for (const name of questionNames(question, terms).filter(isPhrase)) {
    const word = initialsOf(name).toLowerCase();
    const first = name.split(' ')[0]!;
    if (!isStopword(word)) initials.set(first, [...(initials.get(first) ?? []), word]);
  }
  return initials;
}

/**
 * The other forms of the question's terms that search reads beside them (see buildMatchExpression), by
 * term: wire abbreviations worth searching and the initials of the names it asks about.
 */
export async function searchedForms(
  store: Pick<PassageStore, 'documentFrequencies'>,
  question: string,
  terms: readonly string[],
): Promise<Map<string, string[]>> {
  const forms = await searchedAbbreviations(store, terms);
  for (const [term, initials] of nameInitials(question, terms))
    forms.set(term, [...(forms.get(term) ?? []), ...initials]);
  return forms;
}

/** The shortest word a word run together is split into ("wal" of "walmart"). */
const MIN_PART = 2;

/**
 * The question with each word no passage holds written as the archive writes it, apart ("walmart" as
 * "wal mart" for "Wal-Mart", "Walmart" as "Wal Mart"): its split into two words that passages hold as a
 * phrase, the most held one. Search, its ranking and the evidence check all read a question's words, and
 * a word the index lacks is one no passage can hold: "why are parents suing walmart?" was refused, its
 * story about Wal-Mart first once split. It reads the counts of the question's words (cached, and read
 * for its term weights anyway) and, for a word the index lacks, one phrase count a split: 1 to 10 ms on
 * the development archive. Of the development set and the fresh batch (`npm run --silent eval -- --only
 * dev,fresh`) only "what walmart said" is read otherwise, and it is a
 * speaker question (see resolveSpeaker): no figure changed.
 */
export async function withWordsSplit(
  store: Pick<PassageStore, 'documentFrequencies'>,
  question: string,
): Promise<string> {
  const terms = queryTerms(question);
  const held = await store.documentFrequencies(terms);
  const unknown = terms.filter(
    (term) => !held.get(term) && /^\p{L}+$/u.test(term) && term.length >= 2 * MIN_PART,
  );
  if (unknown.length === 0) return question;
  const splits = new Map(
    unknown.map((term) => [
      term,
      Array.from({ length: term.length - 2 * MIN_PART + 1 }, (_, i) => MIN_PART + i),
    ]),
  );
  const phrase = (term: string, at: number) => `${term.slice(0, at)} ${term.slice(at)}`;
  const counts = await store.documentFrequencies(
    [...splits].flatMap(([term, places]) => places.map((at) => phrase(term, at))),
  );
  let split = question;
  for (const [term, places] of splits) {
    const count = (at: number) => counts.get(phrase(term, at)) ?? 0;
    const best = places.reduce((a, b) => (count(b) > count(a) ? b : a));
    if (count(best) === 0) continue;
    // The word as written: a capital starts both parts of a name ("Walmart" -> "Wal Mart").
    split = split.replace(new RegExp(`(?<![\\p{L}\\p{N}])${term}(?![\\p{L}\\p{N}])`, 'giu'), (word) =>
      /^\p{Lu}/u.test(word)
        ? `${word.slice(0, best)} ${word[best]!.toUpperCase()}${word.slice(best + 1)}`
        : `${word.slice(0, best)} ${word.slice(best)}`,
    );
  }
  return split;
}
