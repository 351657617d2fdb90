import { figureOfWord } from '../document/number-words.js';
import { isStopword } from './fts-query.js';
import {
  isNounForm,
  isVerbForm,
  isVerbOnlyInflection,
  wordnetLexicon,
  type Lexicon,
} from './query-expansion.js';
import { isPhrase, stem, textTokens } from './term-match.js';

/** "How many (of) ...": the words that may name what is counted, up to the verb or a preposition. */
const HOW_MANY = /\bhow\s+many\s+(?:of\s+)?((?:[\p{L}\p{N}'-]+\s*){1,4})/iu;
/**
 * Where the words of the thing counted end: an auxiliary ("how many flights did"), a preposition ("how many
 * cases of cancer"), a verb in the past ("how many flights used", "how many people died"), or a verb before
 * "to" ("how many steelworkers stand to be laid off", "how many jobs are set to go"). Read as counting
 * "stand", that eighth-batch question was refused with its answer first, taken for a story that never
 * names what it counts (see countedMissed in evidence). An irregular past ends it too ("how many jobs went
 * when Electrolux closed ..." counts jobs, not Electrolux). Measured with `npm run --silent eval -- --only
 * dev,fresh`: the eighth batch's paraphrase hit@3 0.833 -> 1.000,
 * nothing else moved on the three sets, unanswerable refused unchanged (0.970, 0.764, 0.600).
 */
const ENDS_THING = new Set(
  'did does do was were is are has have had will would could can should may might must be been of in at on for from to with by about after before during since than that who which'.split(
    ' ',
  ),
);
const PAST_VERB = /ed$/u;

/** A phrase's words, lower case, a possessive's "'s" dropped; a hyphenated word as its parts ("job-seekers"). */
const lowerWords = (phrase: string) =>
  (phrase.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).map((word) => word.replace(/'s?$/u, ''));

/** The words of the thing a "how many" question counts, up to the one that ends it ("new storage sites"). */
function countedWords(question: string): string[] {
  const counted = HOW_MANY.exec(question);
  if (!counted) return [];
  const words = lowerWords(counted[1]!);
  return words.slice(0, thingLength(words));
}

/** How many of a "how many" question's first words name the thing it counts. */
function thingLength(words: readonly string[]): number {
  const end = words.findIndex(
    (word, index) =>
      ENDS_THING.has(word) ||
      (index > 0 && (PAST_VERB.test(word) || words[index + 1] === 'to' || isVerbOnlyInflection(word))),
  );
  return end < 0 ? words.length : end;
}

/** A word that may name what is counted: no fragment, no stopword. */
const naming = (word: string | undefined) =>
  word === undefined || word.length < 2 || isStopword(word) ? null : word;

/**
 * The thing a "how many" question counts, by the last word that names it ("How many gold medals did
 * Britain win?" -> "medals", "How many flights used Heathrow's third runway ...?" -> "flights"), or null
 * for a question that counts nothing. A story that answers it names what it counts: a story on a runway's
 * plans holds every word of a question on its flights but "flights".
 */
export const countedThing = (question: string): string | null => naming(countedWords(question).at(-1));

/**
 * The word before the thing a "how many" question counts, which says what kind of thing it is ("storage"
 * of "How many new storage sites ...?", "gold" of "How many gold medals ...?"), or null when the thing is
 * one word.
 */
export const countedKind = (question: string): string | null => {
  const words = countedWords(question);
  return words.length < 2 ? null : naming(words.at(-2));
};

/** A figure as a text's words hold it: digits ("300", the "1" of "1,150") or a number word ("seven"). */
const isFigure = (word: string) => /^\p{N}/u.test(word) || figureOfWord(word) !== undefined;

/** How many words may stand between a figure and what it counts: "48 million credit cards". */
const COUNT_REACH = 3;

/**
 * A test of whether a text gives a figure of the thing a "how many" question counts (see countedThing), in
 * its own word or a synonym (the lexicon's, as the evidence check reads it): "about 300 lawsuits are
 * pending" counts what "How many Bendectin suits does Merrell Dow still have outstanding?" asks; "a
 * seven-year old boy" gives a figure of something else. Null for a question that counts nothing.
 */
export function countsAsked(
  question: string,
  lexicon: Lexicon = wordnetLexicon(),
): ((text: string) => boolean) | null {
  const thing = countedThing(question);
  if (thing === null) return null;
  return countsOneOf([thing, ...lexicon.related(thing).filter((word) => !isPhrase(word))]);
}

/** Words that may stand between a verb and the figure it takes: "computerise about 90", "cut up to 500". */
const BEFORE_FIGURE = new Set(
  'about some nearly almost around roughly approximately up to over more than at least only another a further an extra just'.split(
    ' ',
  ),
);

/**
 * A test of whether a text gives a figure as the object of one of the words a "how many" question asks
 * after the thing it counts ("computerise 90 local labour exchanges" for "How many job centres will
 * Nixdorf's order ... computerise?"): the figure is what is asked, whatever the story calls the thing. Only
 * verbs written in lower case (not a name, not a stopword): "How many flights used Heathrow's third runway in
 * its first year of operation?" is not answered by a story's "year 2015". A word WordNet also has as a noun
 * only when it ends the question, as the verb after an auxiliary's subject does: most nouns are verbs too,
 * and "labour 5 days" answered the Nixdorf question, "the plant 1,200 square feet" "How many workers will
 * the plant employ?". Null for a question that counts nothing or names no such verb.
 */
export function countsAsObject(question: string): ((text: string) => boolean) | null {
  const counted = HOW_MANY.exec(question);
  if (!counted || countedThing(question) === null) return null;
  // The question's words from the thing on, as written (see lowerWords), the thing's own skipped.
  const from = counted.index + counted[0].length - counted[1]!.length;
  const written = question.slice(from).match(/[\p{L}\p{N}']+/gu) ?? [];
  const rest = written.slice(thingLength(lowerWords(written.join(' '))));
  const last = lowerWords(rest.at(-1) ?? '').at(-1);
  const asked = rest
    .filter((word) => /^\p{Ll}/u.test(word))
    .flatMap(lowerWords)
    .filter(
      (word) =>
        naming(word) !== null &&
        !ENDS_THING.has(word) &&
        isVerbForm(word) &&
        (word === last || !isNounForm(word)),
    );
  const stems = new Set(asked.map(stem));
  if (stems.size === 0) return null;
  return (text) => {
    const tokens = textTokens(text);
    return tokens.some((word, at) => {
      if (!stems.has(stem(word))) return false;
      let next = at + 1;
      while (next < tokens.length && BEFORE_FIGURE.has(tokens[next]!)) next += 1;
      return next < tokens.length && isFigure(tokens[next]!);
    });
  };
}

/** A test of whether a text gives a figure of one of `words`, a few words on at most (see COUNT_REACH). */
export function countsOneOf(words: readonly string[]): (text: string) => boolean {
  const stems = new Set(words.map(stem));
  return (text) => {
    const tokens = textTokens(text);
    return tokens.some(
      (word, at) =>
        isFigure(word) && tokens.slice(at + 1, at + 1 + COUNT_REACH).some((next) => stems.has(stem(next))),
    );
  };
}

/** The jobs a "how many" question may count, by the thing it names ("How many jobs went ...?"). */
const JOBS_ASKED = new Set(['job', 'worker', 'staff', 'employee']);
/**
 * The words a story counts jobs by: "cutting about 5,000 jobs", "500 workers will be laid off", "1,200
 * redundancies", "300 people will lose their jobs", "hundreds of jobs".
 */
const JOB_WORDS =
  'jobs workers staff employees posts positions redundancies layoffs roles people personnel'.split(' ');

/**
 * A test of whether a text gives a count of jobs, for the thing a "how many" question counts (see
 * countedThing) when it is jobs, workers, staff or employees (see JOBS_ASKED); null for any other thing. Such
 * a thing is too common to be named only where it is counted (see countedMissed in evidence), and the story
 * of a plan with no count is about the same jobs: "How many jobs went when Electrolux closed its Spennymoor
 * cooker plant?" was answered by the story of its plan to move about 10 of its 27 plants, which counts
 * plants, shares and pounds (twentieth batch).
 */
export function jobsCounted(counted: string): ((text: string) => boolean) | null {
  return JOBS_ASKED.has(counted.replace(/s$/u, '')) ? countsJobs : null;
}

const countsJobWord = countsOneOf(JOB_WORDS);
const countsJobs = (text: string) => countsJobWord(text) || ROUGH_JOB_COUNT.test(text);

/** Jobs counted roughly: "hundreds of jobs", "thousands of car workers". */
const ROUGH_JOB_COUNT = new RegExp(
  String.raw`\b(?:dozens|scores|hundreds|thousands|millions)\s+of\s+(?:[\p{L}-]+\s+)?(?:${JOB_WORDS.join('|')})\b`,
  'iu',
);
