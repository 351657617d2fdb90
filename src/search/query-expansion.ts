import { createRequire } from 'node:module';
import { ftsString } from '../store/schema.js';
import { isStopword, queryTerms, textWords } from './fts-query.js';
import { contentTerms, questionNames } from './term-match.js';
import { capitalsHolding, countryFormsOf, countryOf } from './place-names.js';
import { stemmedTerms } from '../document/stemmed-terms.js';
import { sharedWordNet, wordOf, type PartOfSpeech, type WordNet } from '../document/wordnet.js';

/**
 * Words related to a question's words, for search to weigh below the question's own: news questions
 * paraphrase ("Moscow's troops have died" for "Russian soldiers have been killed"), and the stand-in
 * model's vectors are too weak to bridge that. Read from WordNet (synonyms of a word's most frequent
 * senses, and the capital a government seat stands for) and from the `world-countries` data (capital ->
 * country, demonym).
 */
export interface Lexicon {
  /**
   * Words related to one question word or collocation ("put off"; lower-case, words or phrases), never the
   * word itself. A name ("Oracle", "Moscow") is related only to what it stands for.
   */
  related(term: string, isName?: boolean): readonly string[];
  /**
   * The collocation ("put off", "hunger strike") that words standing in a row in a question are a form of
   * ("putting off", "hunger-striking"), in its base form, or null when the lexicon has none.
   */
  collocation(words: readonly string[]): string | null;
  /**
   * Whether a collocation (in its base form, as `collocation` gives it) is a noun: "civil servant", not
   * "put off".
   */
  isNoun(collocation: string): boolean;
}

/**
 * How many of a word's senses count, most frequent first: rarer senses are mostly noise ("meat" as
 * "gist").
 */
const SENSES = 2;
const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ['n', 'v', 'a'];
/**
 * Where a word's tagged senses are looked for (see WordNetLexicon's wordRelated): "so" is tagged as an
 * adverb only.
 */
const ALL_PARTS_OF_SPEECH: readonly PartOfSpeech[] = [...PARTS_OF_SPEECH, 'r'];

/** A word as the full-text index holds it (Porter's stem): a related word that stems alike adds nothing. */
const indexed = (word: string) => stemmedTerms(word).join(' ');

/**
 * Shorter words are abbreviations or fragments ("s" of "Putin's"), whose WordNet senses are noise; a short
 * name is read for the country it stands for ("UK", see placeRelated).
 */
const MIN_EXPANDED_LENGTH = 3;

/** wink-lemmatizer's base forms (it ships no types), from WordNet's exception lists and suffix rules. */
interface Lemmatizer {
  noun(word: string): string;
  verb(word: string): string;
  adjective(word: string): string;
}
let lemmatizer: Lemmatizer | null = null;
/** Loaded on the first question, not at start-up: its word lists cost about 0.3 CPU-seconds to read. */
const lemmatize = () => (lemmatizer ??= createRequire(import.meta.url)('wink-lemmatizer') as Lemmatizer);

/** A stem ending in one vowel and one consonant doubles it before "-ing" or "-ed" ("rid" -> "ridding"). */
const DOUBLING_STEM = /(?:^|[^aeiou])[aeiou][b-df-hj-np-tvz]$/u;

/**
 * A verb form's base form. wink-lemmatizer strips "-ing" or "-ed" and keeps the stem when WordNet holds it as
 * a verb, before trying the stem with its "e": "riding" became "rid" (searched as "free", "disembarrass"),
 * "hoping" "hop", "rated" "rat", "staring" "star". Such a stem would have doubled its last consonant
 * ("ridding", "hopped"), so a form that did not double is the "-e" verb's when WordNet holds that one
 * (measured with the compound-noun rule, see withCollocations). A word the lemmatizer left whole is no such
 * form: "red" is not the verb "rede".
 */
function verbLemma(word: string, wordnet: WordNet = sharedWordNet()): string {
  const stem = lemmatize().verb(word);
  const eVerb = `${stem}e`;
  return /(?:ing|ed)$/u.test(word) &&
    stem.length < word.length &&
    word.startsWith(stem) &&
    word[stem.length] !== stem.at(-1) &&
    DOUBLING_STEM.test(stem) &&
    wordnet.synsets(eVerb, 'v').length > 0
    ? eVerb
    : stem;
}

/** The base forms a question word may have: "died" -> "die", "airfields" -> "airfield". */
function lemmas(term: string, wordnet: WordNet = sharedWordNet()): string[] {
  const { noun, adjective } = lemmatize();
  return [...new Set([term, noun(term), verbLemma(term, wordnet), adjective(term)])];
}

/** Whether a word is a form of a WordNet verb ("computerise", "used", "cutting"; not "year" or "runway"). */
export const isVerbForm = (word: string): boolean => sharedWordNet().synsets(verbLemma(word), 'v').length > 0;

/**
 * Whether a word is an inflected form of a WordNet verb that is no noun's form ("went", "sold"; not "go",
 * "cuts", "suits").
 */
export const isVerbOnlyInflection = (word: string): boolean =>
  lemmatize().verb(word) !== word && isVerbForm(word) && !isNounForm(word);

/** Whether a word is a form of a WordNet noun ("order", "labour", "plants"; not "computerise"). */
export const isNounForm = (word: string): boolean =>
  sharedWordNet().synsets(lemmatize().noun(word), 'n').length > 0;

/** The fewest letters of each part of a word run together from two (see compoundHead). */
const MIN_MODIFIER = 3;
const MIN_HEAD = 4;

/**
 * The head of a noun written as one word from two, in the form the word writes it ("lights" of "headlights",
 * "paper" of "newspaper"), when WordNet makes the word a kind of its head (a headlight is a light: one of
 * its senses' hypernyms is "light"); null for any other word ("understand" is no kind of "stand"). Pure.
 */
export function compoundHead(term: string): string | null {
  const wordnet = sharedWordNet();
  const lemma = lemmatize().noun(term);
  for (const synset of wordnet.synsets(lemma, 'n')) {
    const kinds = synset.pointers
      .filter((pointer) => pointer.symbol === '@')
      .flatMap((pointer) => wordnet.synset(pointer.offset, pointer.pos).words.map(wordOf));
    for (let at = MIN_MODIFIER; at <= lemma.length - MIN_HEAD; at++)
      if (kinds.includes(lemma.slice(at)) && term.startsWith(lemma.slice(0, at))) return term.slice(at);
  }
  return null;
}

/** isDictionaryWord's answers: a misspelt word's one-edit neighbours are asked again with each question. */
const dictionaryWords = new Map<string, boolean>();

/**
 * Whether WordNet writes a word in lower case in one of its base forms ("numbers" as "number"): a word of
 * the language, not a stem ("alon", which the index counts as "alone") nor a name ("Leon").
 */
export function isDictionaryWord(word: string): boolean {
  let known = dictionaryWords.get(word);
  if (known === undefined) {
    known = lemmas(word).some((lemma) =>
      PARTS_OF_SPEECH.some((pos) =>
        sharedWordNet()
          .synsets(lemma, pos)
          .some((synset) => synset.words.includes(lemma)),
      ),
    );
    dictionaryWords.set(word, known);
  }
  return known;
}

/** WordNet writes an idiom's possessive as "one's" ("drag_one's_feet"); a question names whose. */
const POSSESSIVES = new Set(['his', 'her', 'its', 'their', 'my', 'your', 'our']);

/**
 * The WordNet lemmas words in a row may be a form of: a phrasal verb inflects its first word ("putting
 * off" -> put_off, "dragging their feet" -> drag_one's_feet), a compound noun its last ("hunger strikes"
 * -> hunger_strike).
 */
function collocationLemmas(words: readonly string[], wordnet: WordNet): string[] {
  const { noun } = lemmatize();
  const verb = (word: string) => verbLemma(word, wordnet);
  const first = words[0]!;
  const last = words.at(-1)!;
  const middle = words.slice(1, -1).map((word) => (POSSESSIVES.has(word) ? "one's" : word));
  return [
    ...new Set([
      [first, ...middle, last].join('_'),
      [verb(first), ...middle, last].join('_'),
      [first, ...middle, noun(last)].join('_'),
      [first, ...middle, verb(last)].join('_'),
    ]),
  ];
}

/**
 * The synonyms WordNet gives one base form of a common word in its first senses. Derivations ("woman" ->
 * "womanly", "womanize") were measured too (`npm run --silent eval -- --only dev`): no question more
 * answered, for twice the words to search. A compound's senses count untagged: WordNet's sense-tagged
 * texts hold few compounds ("power outage", "trade deficit", "hunger strike" none), so "power outage" was
 * never searched as "power failure" and, having no synonyms, was not even read as a collocation (see
 * withCollocations); a compound has few senses, each its own. Measured (`npm run --silent eval -- --only
 * dev,fresh`): development speaker-role hit@1 0.789 -> 0.842 (answerable hit@1 0.716 -> 0.722), every
 * hit@3, unanswerable refused and the second batch unchanged; XQuAD-en (`--only xquad-en`) R@1 0.949, R@5
 * 0.992 unchanged. A `rare` word's first sense alone counts, untagged (see WordNetLexicon's wordRelated).
 */
function wordnetRelated(wordnet: WordNet, lemma: string, rare: boolean): string[] {
  const compound = lemma.includes('_');
  return PARTS_OF_SPEECH.flatMap((pos) =>
    wordnet
      .synsets(lemma, pos, { attested: !compound && !rare })
      .slice(0, rare && !compound ? 1 : SENSES)
      .flatMap((synset) => synset.words.map(wordOf)),
  );
}

/**
 * What a name stands for: a capital, a government seat or a country's code names its country ("the
 * Kremlin" -> Moscow -> Russia, Russian; "UK" -> United Kingdom, British). A name's WordNet synonyms are
 * not used: "Oracle" the company is no prophet. The code was measured on the development set (`npm run
 * --silent eval -- --only dev`): "How many of Moscow's troops have died according to UK defence
 * intelligence?" answered by "The British Ministry of Defence said ... 250,000 Russian soldiers have been
 * killed" (paraphrase hit@3 0.500 -> 0.571), nothing else moved, unanswerable refused 0.970 unchanged.
 */
function placeRelated(name: string): string[] {
  const capitals = capitalsHolding(name);
  // A country or its people is also its other everyday forms (see countryFormsOf's nation), not its capital
  // ("Belgium" is "Belgian", "Danes" "Denmark" and "Danish", "American" "United States"): Lyng's words on
  // "Tokyo's limits on American meat imports" are found among his statements on the beef quota.
  // `npm run --silent eval -- --only dev,fresh --questions <the eighteenth batch>`: development
  // speaker-topic-paraphrase hit@3 0.923 -> 1.000 (answerable 0.976 -> 0.982), fresh speaker-role hit@1
  // 0.792 -> 0.782, every other figure of the three sets unchanged; `--only xquad-en` hybrid R@1 / R@5
  // 0.950 / 0.992 -> 0.951 / 0.993. Searched as the question's own words instead (beside the country in
  // the main query, or among a speaker's topic words as a capital's country is), they weighed as much as
  // the rarer words of the question: fresh hit@3 0.940 -> 0.935 and 0.937, twelve and five questions of
  // the three sets lost for two and none gained.
  return [...capitals, ...[...capitals, name].flatMap(countryOf), ...(countryFormsOf(name)?.nation ?? [])];
}

/** The lexicon of WordNet and world-countries, each word's related words cached once read. */
export class WordNetLexicon implements Lexicon {
  private readonly cache = new Map<string, readonly string[]>();

  constructor(private readonly wordnet: WordNet = sharedWordNet()) {}

  related(term: string, isName = false): readonly string[] {
    const key = `${isName ? 'name' : 'word'}:${term}`;
    let related = this.cache.get(key);
    if (!related) {
      const words = isName ? placeRelated(term) : this.wordRelated(term);
      // A related lemma of several words ("drag one's feet" for "stalling") is searched as a phrase, never as
      // loose words. Measured on the development set: speaker-topic-paraphrase 0.615 -> 0.692 (Lammy's
      // "continues to drag his feet" for "stalling tactics"), every other kind unchanged; an FTS5 phrase
      // query costs about 0.2 CPU-ms at 120,872 passages. The Postgres store scores a phrase as its words'
      // sum where FTS5 scores it as one term, so the two rank a related phrase's passages a little apart. A
      // lemma with a placeholder ("give someone the slip") is no phrase a story writes.
      related = [...new Set(words)].filter(
        (word) =>
          !/\bsome(?:one|body|thing)\b/u.test(word) &&
          indexed(word) !== indexed(term) &&
          !isStopword(word) &&
          /\p{L}{2}/u.test(word),
      );
      this.cache.set(key, related);
    }
    return related;
  }

  /**
   * A word's related words (see wordnetRelated), from its untagged first sense when no form of it is in
   * WordNet's sense-tagged texts in any sense: those texts are too small to hold the rarer words, which are
   * the ones a question paraphrases by ("taxman" for the Internal Revenue Service, "greenbacks" for bank
   * notes, "classmate" for schoolmate), and a rare word has few senses. A word tagged in some part of speech
   * keeps its tagged senses alone ("so" is never the note "sol"). Untagged senses come in WordNet's own
   * order, not by frequency ("tyre" is first the city, "Sur"): two of them searched "tire" too for "How
   * will Firestone pay for shutting the three tyre plants?", whose answer other tyre stories then outranked
   * (fresh reported-speech 0.929 -> 0.918). With the first sense, `npm run --silent eval -- --only
   * dev,fresh`: fresh chatty hit@1 0.706 -> 0.718 (answerable hit@1 0.725 -> 0.726), every hit@3, refused
   * and unanswerable figure unchanged on both sets.
   */
  private wordRelated(term: string): string[] {
    const forms = term.includes(' ') ? [term.replaceAll(' ', '_')] : lemmas(term, this.wordnet);
    const rare = !forms.some((lemma) =>
      ALL_PARTS_OF_SPEECH.some((pos) => this.wordnet.synsets(lemma, pos, { attested: true }).length > 0),
    );
    return forms.flatMap((lemma) => wordnetRelated(this.wordnet, lemma, rare));
  }

  collocation(words: readonly string[]): string | null {
    const key = `collocation:${words.join(' ')}`;
    let lemma = this.cache.get(key);
    if (!lemma) {
      lemma = collocationLemmas(words, this.wordnet).filter((candidate) =>
        PARTS_OF_SPEECH.some((pos) => this.wordnet.synsets(candidate, pos).length > 0),
      );
      this.cache.set(key, lemma);
    }
    return lemma[0] === undefined ? null : wordOf(lemma[0]);
  }

  isNoun(collocation: string): boolean {
    return this.wordnet.synsets(collocation.replaceAll(' ', '_'), 'n').length > 0;
  }
}

let shared: WordNetLexicon | null = null;
/**
 * One lexicon per process, opened on the first question: its files are read lazily and its answers
 * cached.
 */
export const wordnetLexicon = (): Lexicon => (shared ??= new WordNetLexicon());

/** Past this many related words, a question's own words are drowned out (and FTS5 slows down). */
export const MAX_RELATED = 12;

/**
 * The related words of a question's terms, none of them a question term (by stem), each once, taken in
 * turn from each term so that one word with many synonyms cannot crowd the others out.
 */
export function expandTerms(
  terms: readonly string[],
  lexicon: Lexicon,
  /** The names the question asks about (see questionNames). */
  names: readonly string[] = [],
): string[] {
  const own = new Set(terms.map(indexed));
  const lists = terms
    .filter((term) => (term.length >= MIN_EXPANDED_LENGTH || names.includes(term)) && !/\d/u.test(term))
    .map((term) => lexicon.related(term, names.includes(term)).filter((word) => !own.has(indexed(word))));
  const expansion = new Set<string>();
  for (let depth = 0; lists.some((list) => depth < list.length); depth++)
    for (const list of lists) if (depth < list.length) expansion.add(list[depth]!);
  return [...expansion].slice(0, MAX_RELATED);
}

/** A related phrase as a story writes it: "drag one's feet" is "drag his feet", "drag their feet" ... */
const phraseForms = (phrase: string): string[] =>
  phrase.includes("one's")
    ? ['his', 'her', 'its', 'their'].map((whose) => phrase.replace("one's", whose))
    : [phrase];

/** The longest collocation first: "drag one's feet" before "drag". */
const COLLOCATION_WORDS = [3, 2] as const;

/**
 * A question's content terms with each collocation it holds in the place of its words ("put off taking" ->
 * "put off", "taking"), read left to right, longest first. A collocation with synonyms of its own means
 * something its words apart do not: "put" as "place" or "raw" as "natural" only add noise. One without
 * ("civil disobedience") keeps its words' synonyms ("noncompliance"): read as a collocation, XQuAD-en lost
 * one question's first place. Its first words, though, often modify a compound noun in a sense of the
 * compound's own, not in their common one: "civil servants" had been searched as "polite", "first quarter" as
 * "number one", "central bank" as "cardinal", so a compound noun's head alone is expanded, and a noun
 * modifier loses its everyday sense too ("arms deal" is not searched as "weaponry"; with the "-e" verbs of
 * verbLemma, `npm run --silent eval -- --only dev,fresh`: fresh headline-context 0.862 -> 0.870, paraphrase
 * refused 0.180 -> 0.172, every other hit@3 and refused figure of both sets unchanged). Names are no
 * collocations (see placeRelated), and a collocation holds a content word ("as well" is no topic). Measured
 * on the development set (`npm run --silent eval -- --only dev`): speaker-topic-paraphrase 0.538 -> 0.615
 * ("raw material costs steer interest rate decisions" no longer searches "raw" as "natural", "material" as
 * "stuff", "interest" as "involvement" and "rate" as "rank"), every other kind, unanswerable refused (0.939)
 * and the held-out set (0.706) unchanged. Reading the collocations raised a question's expansion from 0.65 to
 * 0.98 CPU-ms for words not seen before, 0.10 to 0.19 cached (the 202 development questions).
 */
export function withCollocations(
  words: readonly string[],
  terms: readonly string[],
  lexicon: Lexicon,
  names: readonly string[] = [],
): string[] {
  const hasOwnSynonyms = (run: readonly string[]) => {
    const collocation = lexicon.collocation(run);
    return collocation !== null && lexicon.related(collocation).length > 0;
  };
  const runsAt = (at: number) =>
    COLLOCATION_WORDS.map((size) => words.slice(at, at + size)).filter(
      (run) =>
        run.length > 1 &&
        run.some((word) => terms.includes(word)) &&
        !run.some((word) => names.includes(word) || /\d/u.test(word)),
    );
  const modifiesCompoundNoun = (at: number) =>
    runsAt(at).some((run) => {
      const collocation = lexicon.collocation(run);
      return collocation !== null && lexicon.isNoun(collocation);
    });
  const result: string[] = [];
  const covered = new Set<string>();
  for (let at = 0; at < words.length; at++) {
    const span = runsAt(at).find(hasOwnSynonyms);
    if (!span) {
      if (terms.includes(words[at]!) && !covered.has(words[at]!) && !modifiesCompoundNoun(at))
        result.push(words[at]!);
      continue;
    }
    result.push(lexicon.collocation(span)!);
    for (const word of span) covered.add(word);
    at += span.length - 1;
  }
  // A term read twice, once in a collocation, keeps only the collocation's reading.
  return [...new Set(result.filter((term) => term.includes(' ') || !covered.has(term)))];
}

/**
 * Capitalised words joined by hyphens ("Owens-Illinois", "Rolls-Royce", "Iran-Iraq"), lower-cased: a name
 * whose later words questionNames does not read, as a run of capitalised words stops at a hyphen. Each of
 * its words is a name too: "Owens-Illinois" had been searched as "prairie state", "land of lincoln" and
 * "ill." (Illinois's other names in WordNet) for a question on the glass maker's buyout, and the later
 * country of "Iran-Iraq" is read as a country ("Iraqi"), not by WordNet's synonyms. A correction: every
 * figure of `npm run --silent eval -- --only dev`, `--only fresh`, `--only held-out`, `--only dates` and
 * the twentieth batch unchanged, hit@1 included (39 of 1,710 development, fresh and twentieth-batch
 * questions hold such a name).
 */
const hyphenatedNames = (question: string): string[] =>
  [...question.matchAll(/\p{Lu}[\p{L}\p{N}]*(?:-\p{Lu}[\p{L}\p{N}]*)+/gu)].map(([name]) =>
    name.toLowerCase(),
  );

/**
 * An FTS5 MATCH expression for the related words of a question's content words, searched apart from the
 * question's own words so that they count less (see score-fusion). Null when nothing is related.
 */
export function relatedMatchExpression(question: string, lexicon: Lexicon = wordnetLexicon()): string | null {
  const terms = queryTerms(question);
  // A name's every word is a name: "General" of "General Electric" has no synonyms.
  const names = [...questionNames(question, terms), ...hyphenatedNames(question)].flatMap((name) =>
    name.split(/[\s-]/u),
  );
  const expanded = withCollocations(textWords(question), contentTerms(terms), lexicon, names);
  const related = expandTerms(expanded, lexicon, names);
  return related.length === 0 ? null : related.flatMap(phraseForms).map(ftsString).join(' OR ');
}
