import { abbreviationsOf } from '../document/report-abbreviations.js';
import type { PassageStore } from '../store/passage-store.js';
import { isStopword } from './fts-query.js';
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
