/**
 * Close enough to a stemmer for matching question words: "sanctions" finds "sanction", "warned" finds "warn".
 * Porter's stemmer (as FTS5 indexes) was measured here and lost more than it gained: reported-speech one
 * question up on the development set, but one off-topic question answered, XQuAD hybrid R@1 0.945 -> 0.943
 * and SQuAD 0.839 -> 0.833 (`npm run --silent eval -- --only dev / xquad-en / squad2-half`).
 */
export const stem = (word: string) => word.slice(0, 5);

export const stemsOf = (text: string) =>
  new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(stem));

/** The question's terms that a text contains (by stem). */
export function termsIn(text: string, queryTerms: readonly string[]): Set<string> {
  const stems = stemsOf(text);
  return new Set(queryTerms.filter((term) => stems.has(stem(term))));
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
  const found = termsIn(text, queryTerms);
  let total = 0;
  let covered = 0;
  for (const term of new Set(queryTerms)) {
    const weight = weightOf(term);
    total += weight;
    if (found.has(term)) covered += weight;
  }
  return total === 0 ? 0 : covered / total;
}

/**
 * Words of a question that no answer repeats: question words, auxiliaries, and the one-letter fragments
 * the tokenizer leaves of "Putin's" and "I'm". Counted, they made a passage look half-covered by "why",
 * "does" and "s" alone. "Happen" frames a question ("what would happen if ...") as "what" does, and the
 * answer says what happens in its own words: not counted, one more reported-speech question answered on
 * the development set (`npm run --silent eval -- --only dev`: refused 0.077 -> 0), none lost.
 */
const NOT_CONTENT = new Set(
  'what which who whom whose when where why how does do did is are was were will would could can should has have had happen happens happened'.split(
    ' ',
  ),
);

export const contentTerms = (terms: readonly string[]) =>
  terms.filter((term) => term.length > 1 && !NOT_CONTENT.has(term));

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
 * The names a question asks about: its capitalised words after the first ("Oracle", "India", "UN"),
 * as query terms (lower-cased). A question's first word is capitalised for grammar, not as a name.
 */
export function questionNames(question: string, queryTerms: readonly string[]): string[] {
  const capitalised = [...question.matchAll(/(?<=\S\s+)\p{Lu}[\p{L}\p{N}]*/gu)].map((m) =>
    m[0].toLowerCase(),
  );
  return [...new Set(capitalised)].filter((name) => queryTerms.includes(name));
}
