import { textWords } from './fts-query.js';

/**
 * The verbs a promise is written with: a question asks for one, the story writes another ("What did the
 * World Bank's president promise Indonesia ...?" answered by "World Bank president Barber Conable pledged
 * the Bank's support to help Indonesia adjust ..."). FTS5 stems each, so "pledge" also finds "pledged".
 * Searched as the word asked in a speaker's topic (`npm run --silent eval -- --only dev,fresh,held-out,dates`,
 * stand-in): fresh speaker-org-role hit@3 0.955 -> 0.964 (that question, 6th -> 2nd), nothing else moved;
 * the prime minister's "I promise to make Tokyo's markets as open ..." stays in the first three (3rd).
 */
const PROMISE_VERBS = ['promise', 'pledge', 'vow'];

/** Each promise verb's forms as a word: "pledged", "vows" (not "vote" or "pledget"). */
const FORMS =
  /^(?:(?<promise>promis)(?:e|es|ed|ing)|(?<pledge>pledg)(?:e|es|ed|ing)|(?<vow>vow)(?:s|ed|ing)?)$/u;

/**
 * The other verbs of a promise for each word of `text` that is one ("promised" -> "pledge", "vow"), keyed by
 * the word as FTS5 reads it: to be searched as that word (see buildMatchExpression). Pure.
 */
export function promiseForms(text: string): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const word of textWords(text)) {
    const groups = FORMS.exec(word)?.groups;
    const verb = PROMISE_VERBS.find((promise) => groups?.[promise]);
    if (verb)
      forms.set(
        word,
        PROMISE_VERBS.filter((other) => other !== verb),
      );
  }
  return forms;
}
