import { GROUP_FILE, PERSON_FILE, sharedWordNet, type Synset } from './wordnet.js';

// prettier-ignore
/**
 * WordNet's lexicographer files of things no one is (https://wordnet.princeton.edu/documentation/lexnames5wn):
 * act, attribute, cognition, communication, event, feeling, motive, phenomenon, possession, process,
 * quantity, relation, state, time.
 */
const ABSTRACT_FILES = new Set([4, 7, 9, 10, 11, 12, 16, 19, 21, 22, 23, 24, 26, 28]);

/**
 * Whether a lower-case noun names something abstract and never a person or a group: "memory", "speech",
 * "statement", "interview", "finance", "letter", "match". Its most frequent sense is abstract and none
 * that WordNet's sense-tagged texts attest is a person's or a group's ("sport" may be a person; "centre",
 * first a place, is a rugby player's position too). A rare sense no text attests does not make a role:
 * "letter" as a varsity letterman, "vote" as a body of voters, "match" as a person's equal. A word
 * WordNet does not know ("fly-half", "midfielder") is not known to be abstract.
 */
export function isAbstractNoun(word: string): boolean {
  const senses = nounSenses(word);
  return (
    senses.length > 0 &&
    ABSTRACT_FILES.has(senses[0]!.lexicographerFile) &&
    !namesSomeoneIn(nounSenses(word, { attested: true }))
  );
}

/**
 * Whether a word has a noun sense for a person or a group: "giant", "firm", "undersecretary", which
 * compromise may tag adjectives before a name ("Computer giant IBM"), but not "new", "held" or "existing".
 */
export const namesSomeone = (word: string) => namesSomeoneIn(nounSenses(word));

/** Whether WordNet has the word as a noun at all. */
export const isKnownNoun = (word: string) => nounSenses(word).length > 0;

/** Whether a word's most frequent noun sense is a person: "spokesman", "official", not "goal", "opinion". */
export const isPersonNoun = (word: string) => nounSenses(word)[0]?.lexicographerFile === PERSON_FILE;

const nounSenses = (word: string, { attested = false } = {}) =>
  sharedWordNet().synsets(word.replaceAll('-', '_'), 'n', { attested });

const namesSomeoneIn = (senses: readonly Synset[]) =>
  senses.some(
    ({ lexicographerFile }) => lexicographerFile === PERSON_FILE || lexicographerFile === GROUP_FILE,
  );

/**
 * Whether a word names a kind of person and nothing else WordNet's sense-tagged texts show: "Tory",
 * "Conservative", "Republican" (a party's members), not a body ("Labour", "Treasury") nor one person's
 * name ("Reagan", "Ford": WordNet's instances are never sense-tagged).
 */
export function namesKindOfPerson(word: string): boolean {
  const senses = sharedWordNet().synsets(word.toLowerCase(), 'n', { attested: true });
  return senses.length > 0 && senses.every(({ lexicographerFile }) => lexicographerFile === PERSON_FILE);
}

/**
 * Whether a capitalised word before a noun describes what kind it is rather than naming it: an adjective
 * ("Dutch", "Soviet", "West") or a kind of person ("Tory"). "The Dutch group said" is a group the story
 * named before, not one called "Dutch group".
 */
export const describesKind = (word: string) =>
  sharedWordNet().synsets(word.toLowerCase(), 'a').length > 0 || namesKindOfPerson(word);
