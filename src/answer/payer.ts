import { escapePattern } from '../escape-pattern.js';
import { givesSumWith } from './sum-sentence.js';
import { isStopword } from '../search/fts-query.js';
import { isCompanyWord } from '../search/term-match.js';

/** Who a question asking a price says paid it, and whether a story gives a sum as theirs. Pure. */

/**
 * "How much did Donald Trump pay ...", "What price did India pay ...", "How much is Lifetime paying ...":
 * the payer is the name between the auxiliary and the verb. Only a name written first ("the Hong Kong
 * investor", "the KKR buyout vehicle" describe the payer in other words than the story's).
 */
const PRICE_ASKED =
  /\b(?:how\s+much(?:\s+money)?|what\s+price)\s+(?:did|does|do|is|are|was|were|will|would|has|have|had)\s+/iu;
/**
 * Capitalised words in a row ("Four Seasons and VMS"), then the verb, stressed or not ("end up paying"):
 * read where PRICE_ASKED ends.
 */
const NAME_PAYING =
  /(\p{Lu}[\p{L}\p{N}'’.&-]*(?:\s+(?:and\s+|of\s+)?\p{Lu}[\p{L}\p{N}'’.&-]*){0,4})\s+(?:(?:end\s+up|finally|actually|eventually)\s+)?(?:pay|pays|paid|paying)\b/uy;

/** The words of the payer a price question names ("Donald", "Trump"), or none. */
export function payerAsked(question: string): string[] {
  const asked = PRICE_ASKED.exec(question);
  if (!asked) return [];
  NAME_PAYING.lastIndex = asked.index + asked[0].length;
  const phrase = NAME_PAYING.exec(question)?.[1];
  if (phrase === undefined) return [];
  return phrase
    .split(/\s+/u)
    .map((word) => word.replace(/['’]s?$/u, ''))
    .filter((word) => /^\p{Lu}/u.test(word) && word.length > 1 && namesPayer(word));
}

/**
 * Whether a capitalised word of the payer's name tells the payer apart: not a stopword capitalised as a
 * name's first word ("The Body Shop") nor a word ending a company's name ("Inc", "Group"), which any
 * story's sentence with a sum holds ("The company paid ...", "... Group said"). No question of dev, fresh or
 * the twentieth and twenty-first batches moved: kept as a correction.
 */
const namesPayer = (word: string) => {
  const lower = word.toLowerCase();
  return !isStopword(lower) && !isCompanyWord(lower);
};

/**
 * A test of whether a story (its text: the headline and subjects, then a paragraph a line) gives a sum as
 * paid by one of `payer`'s words: its headline names one of them (the story is about the payer's deal), or
 * a sentence giving a sum does. A story on UAL's takeover, where "Donald Trump ... holds a stake in UAL" and
 * "UAL pilots said they would be willing to pay 4.5 billion dlrs", gives no sum of Trump's.
 */
export function givesPayersSum(payer: readonly string[]): (story: string) => boolean {
  // As written, or in a wire's capitals in the headline: read in any case, the words of "Four Seasons" and
  // "Bank of New York" matched "The four partners paid 20 mln dlrs" and "A new bank offer".
  const wordsOf = (words: readonly string[]) =>
    new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapePattern).join('|')})(?![\\p{L}\\p{N}])`, 'u');
  const named = wordsOf(payer);
  const headlined = wordsOf([...payer, ...payer.map((word) => word.toUpperCase())]);
  return (story) => {
    const [context = '', ...paragraphs] = story.split('\n');
    // The context is the headline with the story's subjects after it in brackets.
    if (headlined.test(context.replace(/\s+\([^()]*\)$/u, ''))) return true;
    return givesSumWith(paragraphs, named);
  };
}
