import { tagSentence } from './tag-sentence.js';

/** A word of one sentence as compromise tagged it; punctuation lives in `pre` and `post`. */
export interface Token {
  text: string;
  lower: string;
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
  /** The sentence's first word, whose capital letter says nothing about it being a name. */
  initial: boolean;
}

export type EntityKind = 'person' | 'organisation';

/** What the noun phrase next to a speech cue says about who spoke. */
export type Mention =
  | { type: 'name'; name: string; role: string | null; kind: EntityKind }
  | { type: 'pronoun' }
  /** "the ministry", "the foreign minister": someone named earlier, recognised by these words. */
  | { type: 'definite'; words: string[] }
  /**
   * "an island spokeswoman", "another official", "one analyst", "officials": someone the story does not
   * name, so never a person named before it; `person` when it is one person, whom "he" or "she" may mean.
   */
  | { type: 'unnamed'; person: boolean };

export function tokenize(sentence: string): Token[] {
  return tagSentence(sentence)
    .filter((term) => term.text !== '') // contractions leave empty implicit terms
    .map((term, index) => ({
      text: term.text,
      lower: term.text.toLowerCase(),
      pre: term.pre,
      post: term.post,
      tags: term.tags ?? new Set<string>(),
      initial: index === 0,
    }));
}

// prettier-ignore
/** Nouns that describe a person's position; the capitalised words after them are the name. */
const ROLE_NOUNS = new Set([
  'minister', 'president', 'premier', 'chancellor', 'secretary', 'spokesperson', 'spokesman', 'spokeswoman',
  'spokesmen', 'official', 'officer', 'leader', 'ambassador', 'envoy', 'diplomat', 'general', 'commander',
  'chief', 'head', 'director', 'adviser', 'advisor', 'aide', 'negotiator', 'counterpart', 'governor', 'mayor',
  'senator', 'lawmaker', 'mp', 'congressman', 'congresswoman', 'prosecutor', 'judge', 'chairman',
  'chairwoman',
  'chair', 'ceo', 'executive', 'king', 'queen', 'prince', 'pope', 'analyst', 'expert', 'professor', 'colonel',
  'admiral', 'marshal', 'captain', 'lieutenant', 'deputy', 'delegate', 'commissioner', 'economist',
]);

/** Words before a nameless description that introduce someone the story has not named. */
const INDEFINITE = new Set(['a', 'an', 'another', 'one']);

// prettier-ignore
/**
 * Nouns for texts, not people: after "a World Bank statement said", "he told Reuters" is still the
 * minister quoted before it (Reuters, Morocco's aid).
 */
const TEXT_NOUNS = new Set([
  'statement', 'report', 'study', 'survey', 'letter', 'document', 'release', 'communique', 'announcement',
  'newspaper', 'paper', 'article', 'editorial', 'poll', 'filing', 'memo', 'notice', 'bulletin', 'ruling',
  'prospectus', 'review', 'analysis', 'proposal', 'agreement', 'decision', 'circular', 'text', 'draft',
]);

/** Titles that are part of how a name is written but describe no role. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);

// prettier-ignore
/** Words that make a proper name an institution rather than a person. */
const INSTITUTION_WORDS = new Set([
  'ministry', 'department', 'office', 'government', 'kremlin', 'council', 'commission', 'agency', 'embassy',
  'parliament', 'army', 'navy', 'military', 'police', 'court', 'committee', 'bank', 'party', 'union',
  'command',
  'forces', 'pentagon', 'house', 'service', 'administration', 'cabinet', 'assembly', 'authority', 'company',
  'corporation', 'group', 'organisation', 'organization', 'alliance', 'institute', 'university', 'press',
]);

// prettier-ignore
/** Lower-case words that can sit inside a proper name: "Ministry of Defence", "Ursula von der Leyen". */
const NAME_CONNECTORS = new Set([
  'of', 'de', 'del', 'da', 'di', 'du', 'von', 'van', 'der', 'al', 'bin', 'la', 'le',
]);

// prettier-ignore
/** Closed-class words end a noun phrase whatever their capitalisation. */
const PHRASE_BREAKING_TAGS = [
  'Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'QuestionWord', 'Value', 'Date', 'Adverb',
  'Negative', 'Expression',
];
const PERSON_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName'];
const PLACE_TAGS = ['Place', 'Country', 'City', 'Region', 'Organization'];

const POSSESSIVE = /['’]s?$/;

export const withoutPossessive = (word: string) => word.replace(POSSESSIVE, '');

const hasAny = (token: Token, tags: readonly string[]) => tags.some((tag) => token.tags.has(tag));
export const isCapitalised = (token: Token | undefined) => token !== undefined && /^\p{Lu}/u.test(token.text);
/** "NATO", "MoD": short, with at least two capitals. */
export const isAcronym = (text: string) => /^\p{Lu}\p{L}{0,5}$/u.test(text) && /\p{Lu}.*\p{Lu}/u.test(text);

function isRoleNoun(token: Token): boolean {
  const word = withoutPossessive(token.lower);
  return ROLE_NOUNS.has(word) || (word.endsWith('s') && ROLE_NOUNS.has(word.slice(0, -1)));
}

/** Punctuation between words (comma, bracket, spaced dash) separates phrases; a bare hyphen joins them. */
export function separated(left: Token, right: Token): boolean {
  return (left.post.trim() !== '' && left.post !== '-') || right.pre.trim() !== '';
}

/** "Earlier Tony Blair said", "Later, Brown said": a time word opening the sentence is not part of a name. */
const isOpeningTimeWord = (token: Token) =>
  token.initial &&
  (token.tags.has('Comparative') || token.tags.has('Superlative')) &&
  !hasAny(token, PERSON_TAGS);

function isNominal(token: Token): boolean {
  if (hasAny(token, PHRASE_BREAKING_TAGS) || isOpeningTimeWord(token)) return false;
  if (isCapitalised(token) && !token.initial) return true;
  return (token.tags.has('Noun') || token.tags.has('Adjective')) && !token.tags.has('Verb');
}

const isConnector = (token: Token | undefined) => token !== undefined && NAME_CONNECTORS.has(token.lower);

/** Whether the connector at `index` stands between capitalised words, past other connectors ("von der"). */
function bridgesNames(tokens: readonly Token[], index: number): boolean {
  let left = index - 1;
  while (isConnector(tokens[left])) left--;
  let right = index + 1;
  while (isConnector(tokens[right])) right++;
  return isCapitalised(tokens[left]) && isCapitalised(tokens[right]);
}

function inPhrase(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]!;
  return isConnector(token) ? bridgesNames(tokens, index) : isNominal(token);
}

/** The first index of the noun phrase that ends at `end`; `end + 1` when there is none. */
export function phraseEndingAt(tokens: readonly Token[], end: number): number {
  let start = end + 1;
  while (start > 0 && inPhrase(tokens, start - 1)) {
    if (start <= end && separated(tokens[start - 1]!, tokens[start]!)) break;
    start--;
  }
  return start;
}

/** The last index of the noun phrase that starts at `first`; `first - 1` when there is none. */
export function phraseStartingAt(tokens: readonly Token[], first: number): number {
  let end = first - 1;
  while (end + 1 < tokens.length && inPhrase(tokens, end + 1)) {
    if (end >= first && separated(tokens[end]!, tokens[end + 1]!)) break;
    end++;
  }
  return end;
}

/** A capitalised word that can be part of a name: sentence-initial plurals ("Officials said") are not. */
function isNameWord(token: Token, last: boolean): boolean {
  if (!isCapitalised(token) || isRoleNoun(token) || HONORIFICS.has(token.lower)) return false;
  if (!last && POSSESSIVE.test(token.text) && token.tags.has('Possessive')) return false;
  return !(token.initial && token.tags.has('Plural') && !token.tags.has('ProperNoun'));
}

function joinWords(tokens: readonly Token[]): string {
  return tokens
    .map((token, i) => token.text + (i === tokens.length - 1 ? '' : token.post === '-' ? '-' : ' '))
    .join('');
}

/** Where the name starts inside the phrase `start..end`: after the role words that precede it. */
function nameStartIn(tokens: readonly Token[], start: number, end: number): number {
  let nameStart = end + 1;
  for (let i = end; i >= start; i--) {
    if (isNameWord(tokens[i]!, i === end)) nameStart = i;
    else if (!isConnector(tokens[i])) break;
  }
  // In "Secretary of State Marco Rubio" the connector and the word after it still belong to the title.
  if (nameStart - 1 >= start && isConnector(tokens[nameStart - 1])) nameStart++;
  return nameStart;
}

function classify(name: readonly Token[], roleWords: readonly Token[]): EntityKind {
  const words = name.map((token) => token.lower);
  if (words.some((word) => INSTITUTION_WORDS.has(word)) || (name.length === 1 && isAcronym(name[0]!.text))) {
    return 'organisation';
  }
  if (name.some((token) => hasAny(token, PERSON_TAGS))) return 'person';
  const roleHead = roleWords.at(-1);
  if (roleHead && isRoleNoun(roleHead)) return 'person';
  if (name.some((token) => hasAny(token, PLACE_TAGS))) return 'organisation';
  // Foreign names compromise does not know ("Margus Tsahkna") still read as first name plus surname.
  return name.length > 1 ? 'person' : 'organisation';
}

/** Reads the phrase `start..end` as a speaker: a name and its role, a definite description, or nothing. */
export function readMention(tokens: readonly Token[], start: number, end: number): Mention | null {
  if (start > end) return null;
  const nameStart = nameStartIn(tokens, start, end);
  const name = tokens.slice(nameStart, end + 1);
  const roleWords = tokens.slice(start, nameStart).filter((token) => !HONORIFICS.has(token.lower));
  if (name.length > 0 && !name.every((token) => token.tags.has('Demonym'))) {
    const written = withoutPossessive(joinWords(name));
    const role = roleWords.length > 0 ? joinWords(roleWords) : null;
    return { type: 'name', name: written, role, kind: classify(name, roleWords) };
  }
  // "officials", "a senior NATO official": someone new. Only these determiners say so: a phrase after
  // another word may be a name read wrong ("Mr de Vabres") or no speaker ("the official No campaign").
  const head = tokens[end]!;
  const before = tokens[start - 1]?.lower;
  if (head.tags.has('Plural') && before !== 'the') {
    // A sentence's first word tagged plural may be a name ("Moos predicted", "Cyclops said"); a role is not.
    return head.initial && !isRoleNoun(head) ? null : { type: 'unnamed', person: false };
  }
  if (before !== undefined && INDEFINITE.has(before)) {
    return { type: 'unnamed', person: !TEXT_NOUNS.has(head.lower) };
  }
  // "the French" is generic and names no one.
  if (before !== 'the' || head.tags.has('Plural') || isCapitalised(head)) return null;
  return { type: 'definite', words: tokens.slice(start, end + 1).map((token) => token.lower) };
}

/**
 * A role set off by commas after a name: "Alan Greenspan, the Fed chairman, said" and "Annalena Baerbock,
 * Germany's foreign minister, said" give the role the name itself lacks. `first` is the word after the
 * name's comma; null unless a phrase ending in a role noun and a comma starts there.
 */
export function appositiveRole(tokens: readonly Token[], first: number): string | null {
  const from = ['the', 'a', 'an'].includes(tokens[first]?.lower ?? '') ? first + 1 : first;
  const last = phraseStartingAt(tokens, from);
  if (last < from || !tokens[last]!.post.includes(',') || !isRoleNoun(tokens[last]!)) return null;
  return joinWords(tokens.slice(from, last + 1));
}
