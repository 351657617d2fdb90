import { figureOfWord, NUMBER_WORD_PATTERN, wordOfFigure } from '../document/number-words.js';
import { abbreviationsOf } from '../document/report-abbreviations.js';
import type { PassageStore } from '../store/passage-store.js';
import { isStopword, queryTerms, textWords } from './fts-query.js';
import { isDictionaryWord } from './query-expansion.js';
import { CAPITALISED_RUN, initialsOf, isPhrase, questionNames } from './term-match.js';

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
export const nameInitials = (question: string, terms: readonly string[]) =>
  initialsAmong(questionNames(question, terms));

/** The initials of each of the question's `names` (see nameInitials). */
function initialsAmong(names: readonly string[]): Map<string, string[]> {
  const initials = new Map<string, string[]>();
  // "B and R International" is written with its letters, never as "BARI".
  const withoutAnd = (name: string) => isPhrase(name) && !name.split(' ').includes('and');
  for (const name of names.filter(withoutAnd)) {
    const word = initialsOf(name).toLowerCase();
    const first = name.split(' ')[0]!;
    if (!isStopword(word)) initials.set(first, [...(initials.get(first) ?? []), word]);
  }
  return initials;
}

/**
 * Each title the question names ("we are the world", see questionNames), searched as a phrase beside the
 * last of its words that is a query term: its other words are stop words, which search never reads alone,
 * and its one common word ("world") finds every story. Pure.
 */
export const titleForms = (question: string, terms: readonly string[]) =>
  titlesAmong(questionNames(question, terms), terms);

/** The titles among the question's `names`, each searched beside its last query term (see titleForms). */
function titlesAmong(names: readonly string[], terms: readonly string[]): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const title of names) {
    const words = title.split(' ');
    const last = words.findLast((word) => terms.includes(word));
    if (last !== undefined && words.some((word) => word !== 'and' && !terms.includes(word)))
      addForms(forms, last, [title]);
  }
  return forms;
}

/** An amount's word as a question may write it: "billion", "bn" (BBC's "£2bn"), "bln"; "million", "m", "mln". */
const AMOUNT = String.raw`billion|bn|bln|million|mln|m`;
/**
 * A figure and the amount after it: a number word or figure standing alone (not the "5" of "2.5"), then
 * "billion" or "million" in any of their forms, apart or joined ("2bn", "£30m"; "m" only joined after a
 * currency sign: "100m" is a sprint).
 */
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\p{N}]|\p{N}[.,])([$£€]?)(\d+(?:\.\d+)?|${NUMBER_WORD_PATTERN})(\s*)(${AMOUNT})(?![\p{L}\p{N}])`,
  'giu',
);

/**
 * The other forms of the sums a question names, by the term FTS5 reads last in each ("5bn" of "2.5bn"):
 * "2 billion" as "two billion" and BBC's "2bn" (one word to FTS5), "£30m" and "2.5bn" as Reuters' "30 mln"
 * and "2.5 billion" (a phrase to FTS5). The fifth batch's "Liedtke's view on settling with Texaco for
 * around 2 billion?" is answered by "If anyone thinks this could be settled in the two billion dlrs range
 * ...", which was seventh among his statements; searched as "two" as well, first (`npm run --silent eval --
 * --only dev,fresh` with the fifth batch: its speaker-surname hit@3 0.667 -> 0.833; the sums with a point
 * moved no question). Only before an amount: a bare figure is part of every other table's sums, and
 * "nine" searched as "9" too put a Price Co note above its table ("Nine mths ... NOTE: Twelve- and 40-week
 * periods.") for "How many weeks do Price Co's quarterly and nine-month figures cover?" (the development
 * set's headline-context hit@1 0.667 -> 0.583); "ten-year" searched as "10 year" too moved nothing. Pure.
 */
export function figureForms(question: string): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const [, currency, number, space, amount] of question.toLowerCase().matchAll(FIGURE)) {
    if (amount === 'm' && (space || !currency)) continue;
    const digits = /^[\d.]+$/u.test(number!) ? number! : figureOfWord(number!);
    if (digits === undefined) continue;
    const spelt = [digits, wordOfFigure(digits)].filter((form): form is string => form !== undefined);
    const unit = /^b/u.test(amount!) ? 'billion' : 'million';
    if (space) {
      const joined = `${digits}${unit === 'billion' ? 'bn' : 'm'}`;
      addForms(forms, textWords(number!).at(-1)!, [...spelt.filter((form) => form !== number), joined]);
    } else {
      // "2bn": one word, whose other forms are the figure and the amount apart.
      const wire = `${digits} ${unit === 'billion' ? 'bln' : 'mln'}`;
      addForms(forms, textWords(number! + amount!).at(-1)!, [
        ...spelt.map((form) => `${form} ${unit}`),
        wire,
      ]);
    }
  }
  return forms;
}

/** `more` added to `forms`, by term. */
function addForms(forms: Map<string, string[]>, term: string, more: readonly string[]): void {
  if (more.length > 0) forms.set(term, [...new Set([...(forms.get(term) ?? []), ...more])]);
}

/**
 * The other forms of the question's terms that search reads beside them (see buildMatchExpression), by
 * term: wire abbreviations worth searching, the initials of the names it asks about, its titles (see
 * titleForms) and the other forms of its figures (see figureForms).
 */
export async function searchedForms(
  store: Pick<PassageStore, 'documentFrequencies'>,
  question: string,
  terms: readonly string[],
): Promise<Map<string, string[]>> {
  const forms = await searchedAbbreviations(store, terms);
  const names = questionNames(question, terms);
  for (const [term, more] of [
    ...initialsAmong(names),
    ...titlesAmong(names, terms),
    ...figureForms(question),
  ])
    addForms(forms, term, more);
  return forms;
}

/** The shortest word a word run together is split into ("wal" of "walmart"). */
const MIN_PART = 2;

/**
 * The shortest word read as a misspelling: a shorter one is one letter from too many words ("jbo" from
 * "job", "joy", "jab", "bob" ...) to say which was meant.
 */
const MIN_MISSPELT = 4;

/**
 * Chat spellings of words, read as the words: "wat did the eaton vance economist say ..." was refused,
 * searched for "wat", which 9 passages of the development archive hold (Thai temples), and answered as
 * "what did ..."; "hi, what does the world bank think abt pakistan's budget? thx" (the seventh batch) was
 * refused, searched for "abt" (9 passages hold it: its highest-weighted term) and not read as asking what
 * the World Bank thinks; read as "about", it is (fresh chatty refused 0.081 -> 0.054 with `npm run
 * --silent eval -- --only dev,fresh`, nothing else moved; the bank's presidents' statements are shown, its
 * story's "the bank said" is not). Each spelling is a word the index may hold ("abt", "bc", "ur"), so it
 * is read as the word whatever the index holds, but only in lower case or as the question's first word:
 * "HW" and "BC" mid-question are abbreviations, "U" a name. "r" and "cos": the ninth batch's "hey how many
 * ships r stuck at chittagong cos of the strike?" was refused with its answer ("Fourteen ships are
 * stranded") second, read as counting "stuck" (see countedThing); with "are" it counts ships and is
 * answered (`npm run --silent eval -- --only dev,fresh` with the ninth batch: its chatty hit@3 0.600 ->
 * 0.800, refused 0.400 -> 0.200; dev and fresh unchanged, unanswerable refused 0.970 and 0.892). "y",
 * "wen", "ppl", "b4" and "govt": the 101 answerable questions of dev.jsonl and fresh.jsonl holding "are",
 * "why", "when", "people", "before" or "government", asked with these spellings instead, scored hit@3 0.683
 * (refused 0.248) and now score what they score asked plainly, 0.851 (refused 0.030) (`npm run --silent
 * eval -- --only dates --questions <file>`); `--only dev,fresh` and the ninth batch unchanged.
 */
const CHAT_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['wat', 'what'],
  ['wut', 'what'],
  ['wht', 'what'],
  ['hw', 'how'],
  ['abt', 'about'],
  ['u', 'you'],
  ['r', 'are'],
  ['y', 'why'],
  ['wen', 'when'],
  ['ppl', 'people'],
  ['b4', 'before'],
  ['govt', 'government'],
  ['ur', 'your'],
  ['pls', 'please'],
  ['plz', 'please'],
  ['tho', 'though'],
  ['bc', 'because'],
  ['cuz', 'because'],
  ['coz', 'because'],
  ['cos', 'because'],
  ['gonna', 'going to'],
  ['wanna', 'want to'],
  // A word written without its apostrophe is read as written with it: searched as itself, "dont" weighed
  // 10.3 in the archive (few passages write it so) where "don't" weighs what its parts do, and "whats" 4.0
  // ("hey whats the exercise price on the morgan stanley warrants ...? thx", the nineteenth batch). The 65
  // answerable questions of dev.jsonl and fresh.jsonl holding such a word with its apostrophe ("what's",
  // "couldn't"), asked without it, scored hit@3 0.723 (refused 0.154) and now score what they score asked
  // with it, 0.954 (refused 0) (`npm run --silent eval -- --only dates --questions <file>`); `--only
  // dev,fresh` with the eighteenth and nineteenth batches unchanged.
  ['whats', "what's"],
  ['hows', "how's"],
  ['wheres', "where's"],
  ['whos', "who's"],
  ['dont', "don't"],
  ['doesnt', "doesn't"],
  ['didnt', "didn't"],
  ['isnt', "isn't"],
  ['wasnt', "wasn't"],
  ['arent', "aren't"],
  ['werent', "weren't"],
  ['hasnt', "hasn't"],
  ['havent', "haven't"],
  ['hadnt', "hadn't"],
  ['wouldnt', "wouldn't"],
  ['couldnt', "couldn't"],
  ['shouldnt', "shouldn't"],
  // A nation's nickname, which wire copy never writes: "hey what's the world bank's aussie dollar zero
  // coupon priced at??" (the tenth batch) was refused, searched for "aussie" (its highest-weighted term,
  // in a few BBC sports stories) and not for the "Australian dlrs" of its answer, which then named no
  // place asked (`npm run --silent eval -- --only dev,fresh`: fresh chatty hit@3 0.923 -> 0.942, refused
  // 0.058 -> 0.038; the development set unchanged). Capitalised too, mid-question ("the Aussie dollar"),
  // as no name is so written.
  ['aussie', 'australian'],
  ['aussies', 'australians'],
]);

/** The chat spellings read as their word capitalised anywhere in the question (see CHAT_SPELLINGS). */
const NICKNAMES = new Set(['aussie', 'aussies']);

/**
 * Chat sign-offs and fillers, which stand for no word of the question: searched, each is a word few or no
 * passages hold, so it weighs most of the question's terms ("lol" 11.2, "thx" 10.7 in the development
 * archive) and drags the evidence of the passage that answers down. Dropped in lower case wherever they
 * stand; one the index holds ("imo" for the IMO, "ty", "btw") only at the question's start or end, where it
 * is a sign-off, since mid-question it may be a name written in lower case ("what did the imo say ...").
 * With the chat spellings above, 60 answerable questions of fresh.jsonl rewritten as chat ("abt", "u", "bc";
 * "btw", "tbh", "lol" before them, "lol", "thx", "ty", "rn", "imo" after) went from hit@3 0.683 (refused
 * 0.217) to 0.883 (refused 0.067), what the same 60 score asked plainly (`npm run --silent eval -- --only
 * dates --questions <file>`); `--only dev,fresh` moved only as said above.
 */
const CHAT_FILLERS = new Set([
  'thx',
  'thnx',
  // British thanks and "thanks in advance": the nineteenth batch's "hey how much late help did the BoE give
  // the money market on june 1? ta" searched "ta" (7.99, above any word of the question).
  'ta',
  'tia',
  'ty',
  'lol',
  'lmao',
  'tbh',
  'imo',
  'imho',
  'btw',
  'idk',
  'rn',
  'omg',
  'fyi',
]);

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every word one edit from a word of letters: a letter left out, swapped with the next, changed or added. */
export function oneEditAway(word: string): string[] {
  const edits = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const [before, after] = [word.slice(0, i), word.slice(i)];
    if (after) edits.add(before + after.slice(1));
    if (after.length > 1) edits.add(before + after[1]! + after[0]! + after.slice(2));
    for (const letter of LETTERS) {
      if (after && letter !== after[0]) edits.add(before + letter + after.slice(1));
      edits.add(before + letter + after);
    }
  }
  edits.delete(word);
  return [...edits];
}

/** `text` with each whole word `word` (any case) written as `written(word as found)`. */
const rewritten = (text: string, word: string, written: (found: string) => string) =>
  text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'giu'), written);

/** A word as the question wrote it, written as `to`: a capital stays a capital. */
const inCaseOf = (found: string, to: string) =>
  /^\p{Lu}/u.test(found) ? `${to[0]!.toUpperCase()}${to.slice(1)}` : to;

/** The question with its chat spellings of words (see CHAT_SPELLINGS) written out. */
export function withChatSpellings(question: string): string {
  const first = /[\p{L}\p{N}]+/u.exec(question)?.index ?? 0;
  // A word begins with a letter and may hold digits ("b4"). Not a letter of an abbreviation or a word
  // joined by a hyphen: "u.s." and "u-turn" are no "you".
  return question.replace(
    /(?<![\p{L}\p{N}]|\p{L}[.-])\p{L}[\p{L}\p{N}]*(?![\p{L}\p{N}]|[.-]\p{L})/gu,
    (word, at: number, text: string) => {
      const meant = CHAT_SPELLINGS.get(word.toLowerCase());
      // First, a capital before another is a name's first word: "Wen Jiabao", "Y Combinator"; never a word
      // left without its apostrophe ("Whats Arnold Safer been saying?").
      const firstOfName =
        !meant?.includes("'") && /^\p{Lu}/u.test(word) && /^\s+\p{Lu}/u.test(text.slice(at + word.length));
      const lower = word.toLowerCase();
      return meant && ((at === first && !firstOfName) || word === lower || NICKNAMES.has(lower))
        ? inCaseOf(word, meant)
        : word;
    },
  );
}

/**
 * "What kind of punishment did the Arsenal boss get ...?" asks what punishment: "kind" is no word of the
 * answer ("was fined"), yet searched it weighs as much as "punishment". Chat writes it "kinda" or "sorta",
 * which few passages hold and so weigh most of all. The 8 answerable questions of fresh.jsonl opening "What
 * <noun> did ...", asked "what kind of <noun> did ..." or "what kinda <noun> did ...", scored hit@3 0.625
 * (refused 0.125) against 1.000 asked plainly, and now score 1.000 (`npm run --silent eval -- --only dates
 * --questions <file>`); `--only dev,fresh` and the eleventh and twelfth batches unchanged.
 */
const KIND_OF = /(?<![\p{L}\p{N}])(what|which)\s+(?:(?:kinds?|sorts?|types?)\s+of|kinda|sorta)\s+/giu;

/** The question with "what kind of X" asked as "what X" (see KIND_OF). */
export const withoutKindOf = (question: string): string => question.replace(KIND_OF, '$1 ');

/** A lower-case word of letters, where it stands in the text. */
const LOWER_WORD = /(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])/gu;

/** The question without its chat sign-offs and fillers (see CHAT_FILLERS). */
export async function withoutChatFillers(
  store: Pick<PassageStore, 'documentFrequencies'>,
  question: string,
): Promise<string> {
  const fillers = [...question.matchAll(LOWER_WORD)].filter(([word]) => CHAT_FILLERS.has(word));
  if (fillers.length === 0) return question;
  const held = await store.documentFrequencies([...new Set(fillers.map(([word]) => word))]);
  const wordless = (text: string) => !/[\p{L}\p{N}]/u.test(text);
  let kept = question;
  // From the last, so that the places of the earlier ones hold.
  for (const { 0: word, index } of fillers.reverse()) {
    const [before, after] = [kept.slice(0, index), kept.slice(index + word.length)];
    if (held.get(word) && !wordless(before) && !wordless(after)) continue;
    kept = before + after;
  }
  return kept
    .replace(/\s+([,;:!?.])/gu, '$1')
    .replace(/^[\s,;:!.\-–—]+/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A name of letters joined by an ampersand: "S&P", "AT&T", "P & O", "m&s". */
const AMPERSAND_NAME = /(?<![\p{L}\p{N}&])(\p{L}{1,4})\s*&\s*(\p{L}{1,4})(?![\p{L}\p{N}&])/gu;

/** The name of letters as it is written with "and": "S&P" -> "S and P", "m&s" -> "M and S". */
const spelledWithAnd = (first: string, second: string) =>
  `${first.toUpperCase()} and ${second.toUpperCase()}`;

/**
 * The question with each name of letters joined by an ampersand written with "and" where passages write it
 * so: FTS5 reads "S&P" as "s" and "p", and a name read as "s" matches every possessive, while "S and P" is
 * one name (see term-match's joinedByAnd), as Reuters writes it ("S and P said", "AT and T", "P and O").
 * Where no passage writes it with "and" it stays as asked; a story writing "M&S" still holds "M and S"
 * (see term-match's wordsOf). Not the form most passages hold: "s p" is in 565 passages of the development
 * archive, "s and p" in 309, as the headlines' "S/P" counts in every paragraph's context and "Moody's P-1"
 * is "s p" too. The fifth batch's "anyone know why S&P isnt keen on chrysler buying AMC? thx" was refused
 * and is answered from its story ("S and P cited the acquisition of AMC as strongly negative", third);
 * `npm run --silent eval -- --only dev,fresh` with the fifth batch: its chatty hit@3 0.667 -> 0.833,
 * nothing else moved. One phrase count for each such name.
 */
async function withAmpersandNames(
  store: Pick<PassageStore, 'documentFrequencies'>,
  question: string,
): Promise<string> {
  const names = [...question.matchAll(AMPERSAND_NAME)];
  if (names.length === 0) return question;
  const counts = await store.documentFrequencies(
    names.map(([, first, second]) => spelledWithAnd(first!, second!).toLowerCase()),
  );
  return question.replace(AMPERSAND_NAME, (name, first: string, second: string) => {
    const spelled = spelledWithAnd(first, second);
    return counts.get(spelled.toLowerCase()) ? spelled : name;
  });
}

/**
 * The question as the archive writes it. Chat spellings of question words are written out (see
 * CHAT_SPELLINGS), so are "Q4" and "H1" (see withPeriodsWritten), a name of letters joined by an
 * ampersand is written with "and" where passages write it so (see withAmpersandNames), and each word no
 * passage holds is read as the archive writes it:
 * - run together, apart ("walmart" as "wal mart" for "Wal-Mart", "Walmart" as "Wal Mart"): its split into
 *   two words that passages hold as a phrase, the most held one. "why are parents suing walmart?" was
 *   refused, its story about Wal-Mart first once split.
 * - misspelt, as the word one edit away (see oneEditAway) that most passages hold among the words of the
 *   language (see isDictionaryWord: the index counts stems, and "alon" is counted as "alone"): "what did the
 *   eaton vance economist say about the jobs numbrs?" was refused, answered as "numbers". Not a word
 *   shorter than MIN_MISSPELT, nor one with a capital after the question's first word (a name the archive
 *   simply lacks, "Zelensky"), nor a word of the language: an archive of a few stories lacks most words
 *   ("I'd like to know what David Lammy has said, thank you" was read with "than you" on the sample
 *   articles). One edit only: two make about 50,000 words of a six-letter one to count.
 * Search, its ranking, the evidence check and the speaker reading all read a question's words, and a word
 * the index lacks is one no passage can hold. It reads the counts of the question's words (cached, and read
 * for its term weights anyway); for a word the index lacks, one phrase count a split and, unsplit, one
 * count a word one edit away (about 340 for six letters, in one store call): 5 to 11 CPU-ms for a
 * question with such a word, the first time it is asked ("jbos", "presdient", "bitcoin", "chatgpt"; the
 * counts are cached), 0.3 to 0.4 for one without, its words' counts (the development archive, 109,171
 * passages; the Postgres store counts all the words one edit away in one query). Of the
 * development set and the second batch (`npm run --silent eval -- --only dev,fresh`) two questions are
 * read otherwise: "what walmart said ..." (a speaker question, answered as before) and "wat did the eaton
 * vance economist say about the jobs numbrs?" (chatty hit@3 0.857 -> 0.929); no other figure moved.
 */
const ORDINALS = ['first', 'second', 'third', 'fourth'];

/**
 * The question with a business shorthand for part of a year written as news writes it: "Q4" as "fourth
 * quarter", "H1" as "first half". Read as a capitalised name no story holds, "anyone know how much Ask
 * Jeeves actually made in Q4?" was refused (see missesName in evidence), its answer under "The firm's
 * revenue nearly tripled in the fourth quarter of 2004". Second to fourth batches (`npm run --silent eval
 * -- --only dev,fresh`): chatty hit@3 0.950 -> 1.000, nothing else moved on either set.
 */
export function withPeriodsWritten(question: string): string {
  return question
    .replace(
      /(?<![\p{L}\p{N}])[Qq]([1-4])(?![\p{L}\p{N}])/gu,
      (_, n: string) => `${ORDINALS[Number(n) - 1]} quarter`,
    )
    .replace(
      /(?<![\p{L}\p{N}])H([12])(?![\p{L}\p{N}])/gu,
      (_, n: string) => `${ORDINALS[Number(n) - 1]} half`,
    );
}

export async function asTheArchiveWrites(
  store: Pick<PassageStore, 'documentFrequencies'>,
  asked: string,
): Promise<string> {
  const question = await withAmpersandNames(
    store,
    withPeriodsWritten(await withoutChatFillers(store, withoutKindOf(withChatSpellings(asked)))),
  );
  const terms = queryTerms(question);
  const held = await store.documentFrequencies(terms);
  const unknown = terms.filter((term) => !held.get(term) && /^\p{L}+$/u.test(term));
  if (unknown.length === 0) return question;
  const splits = new Map(
    unknown
      .filter((term) => term.length >= 2 * MIN_PART)
      .map((term) => [term, Array.from({ length: term.length - 2 * MIN_PART + 1 }, (_, i) => MIN_PART + i)]),
  );
  const phrase = (term: string, at: number) => `${term.slice(0, at)} ${term.slice(at)}`;
  const counts = await store.documentFrequencies(
    [...splits].flatMap(([term, places]) => places.map((at) => phrase(term, at))),
  );
  let written = question;
  const split = new Set<string>();
  for (const [term, places] of splits) {
    const count = (at: number) => counts.get(phrase(term, at)) ?? 0;
    const best = places.reduce((a, b) => (count(b) > count(a) ? b : a));
    if (count(best) === 0) continue;
    split.add(term);
    // The word as written: a capital starts both parts of a name ("Walmart" -> "Wal Mart").
    written = rewritten(written, term, (word) =>
      /^\p{Lu}/u.test(word)
        ? `${word.slice(0, best)} ${word[best]!.toUpperCase()}${word.slice(best + 1)}`
        : `${word.slice(0, best)} ${word.slice(best)}`,
    );
  }
  // A capital after the question's first word marks a name, which the archive may simply not hold.
  const names = new Set(textWords((question.match(CAPITALISED_RUN) ?? []).join(' ')));
  const misspelt = unknown.filter(
    (term) =>
      !split.has(term) &&
      term.length >= MIN_MISSPELT &&
      /^[a-z]+$/u.test(term) &&
      !names.has(term) &&
      !isDictionaryWord(term),
  );
  if (misspelt.length === 0) return written;
  const edits = new Map(misspelt.map((term) => [term, oneEditAway(term)]));
  const editCounts = await store.documentFrequencies([...new Set([...edits.values()].flat())]);
  const count = (word: string) => editCounts.get(word) ?? 0;
  for (const [term, candidates] of edits) {
    const meant = candidates
      .filter((word) => count(word) > 0)
      .sort((a, b) => count(b) - count(a))
      .find((word) => isStopword(word) || isDictionaryWord(word));
    if (meant) written = rewritten(written, term, (word) => inCaseOf(word, meant));
  }
  return written;
}
