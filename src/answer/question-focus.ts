import { asksForQuantity } from '../search/answer-type.js';
import { isStopword } from '../search/fts-query.js';

/** "How many (of) ...": the words that may name what is counted, up to the verb or a preposition. */
const HOW_MANY = /\bhow\s+many\s+(?:of\s+)?((?:[\p{L}\p{N}'-]+\s*){1,4})/iu;
/** "What was the ... of / in ...": the words that name the attribute asked of what follows. */
const ATTRIBUTE =
  /\b(?:what|which)\s+(?:is|was|are|were)\s+the\s+((?:[\p{L}\p{N}'-]+\s+){1,3}?)(?:of|in|for|at|on|after|during|from|to)\b/iu;
/**
 * Where the words of the thing counted end: an auxiliary ("how many flights did"), a preposition ("how many
 * cases of cancer"), or a verb in the past ("how many flights used", "how many people died").
 */
const ENDS_THING = new Set(
  'did does do was were is are has have had will would could can should may might must be been of in at on for from to with by about after before during since than that who which'.split(
    ' ',
  ),
);
const PAST_VERB = /ed$/u;

/** A phrase's words, lower case, a possessive's "'s" dropped; a hyphenated word as its parts ("job-seekers"). */
const wordsOf = (phrase: string) =>
  (phrase.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).map((word) => word.replace(/'s?$/u, ''));

/**
 * The thing a question asks for by name, which a passage that answers it, or the story it is from, names as
 * well: the thing it counts ("How many flights used Heathrow's third runway ...?" -> "flights") or the
 * attribute it asks of something ("What was the turnout in Gibraltar's referendum?" -> "turnout"). Null
 * when it asks for neither, or for an attribute that is itself a figure ("What is the salary of ...?"):
 * a figure answers that without the word ("the £100,000-a-year job"). A question's other words are judged
 * by how many of them a passage holds; this one, what the question is about, by whether some story found
 * holds it at all: a story on a runway's plans holds every word of a question on its flights but "flights".
 */
export function questionFocus(question: string): string | null {
  const counted = HOW_MANY.exec(question);
  if (counted) {
    const thing: string[] = [];
    for (const word of wordsOf(counted[1]!)) {
      if (ENDS_THING.has(word) || (thing.length > 0 && PAST_VERB.test(word))) break;
      thing.push(word);
    }
    return headOf(thing);
  }
  const attribute = ATTRIBUTE.exec(question);
  const head = attribute ? headOf(wordsOf(attribute[1]!)) : null;
  return head === null || asksForQuantity(head) ? null : head;
}

/** The last word of a noun phrase names the thing ("gold medals", "first-quarter earnings"). */
const headOf = (words: readonly string[]) => {
  const head = words.at(-1);
  return head === undefined || head.length < 2 || isStopword(head) ? null : head;
};
