import { GROUP_FILE, sharedWordNet, wordOf, type Synset } from '../document/wordnet.js';

/** WordNet's lexicographer file of things made (noun.artifact). */
const ARTIFACTS = 6;

/** A word of WordNet written with a capital: a proper name ("New_York_Stock_Exchange"), not a common noun. */
const PROPER = /\p{Lu}/u;
/** A word in capitals alone: initials ("NYSE", "FNMA"), which only an institution among things is named by. */
const INITIALS = /^\p{Lu}{2,}$/u;

/**
 * Whether a WordNet sense of a name is an organisation named so: a body ("Fannie Mae", "Labour") or a thing
 * made that its initials name as one ("the Big Board", the NYSE; never "Big Blue", a bomb). The name must be
 * one WordNet writes as a name (in capitals, or of several words: "big_board"), so that a company called
 * like a common word ("Shell", "Oracle") never takes that word's senses.
 */
function namesOrganisation(synset: Synset, lemma: string): boolean {
  const written = synset.words.find((word) => word.toLowerCase() === lemma);
  if (written === undefined || !synset.words.some((word) => PROPER.test(word))) return false;
  if (!PROPER.test(written) && !lemma.includes('_')) return false;
  return (
    synset.lexicographerFile === GROUP_FILE ||
    (synset.lexicographerFile === ARTIFACTS && synset.words.some((word) => INITIALS.test(word)))
  );
}

const otherNames = new Map<string, readonly string[]>();

/**
 * The other names WordNet gives an organisation a question names (lower-case, as questionNames gives it):
 * "big board" -> "new york stock exchange", "n. y. stock exchange", "nyse"; "fannie mae" -> "federal
 * national mortgage association", "fnma". A story writes one name of the body and a reader asks by
 * another: "When does Lewis Galoob expect to start trading on the Big Board?" was refused, its story
 * ("expects to be listed on the NYSE") taken for one that never names what the question asks about;
 * "What did Fannie Mae's senior VP say ...?" never found "FNMA's Senior Vice President". Read where a name
 * is held (termsHeld) and where a role's initials stand for the organisation asked (resolveSpeaker), not in
 * search: searching the other names too ("committee for state security" for the KGB) lost a development
 * question's answer ("How much did the former KGB officer settle his legal action for?", refused). `npm run
 * --silent eval -- --only dev,fresh --questions <the sixteenth batch>`: its headline-context hit@3 0.833 ->
 * 1.000 (refused 0.167 -> 0), speaker-org-role 0.667 -> 0.833; the development set and the fresh batches
 * unchanged in every kind, unanswerable refused unchanged (0.970, 0.911, 0.600). None for a name WordNet
 * does not know as an organisation's.
 */
export function otherNamesOf(name: string): readonly string[] {
  let names = otherNames.get(name);
  if (!names) {
    const lemma = name.trim().replaceAll(' ', '_');
    names = [
      ...new Set(
        sharedWordNet()
          .synsets(lemma, 'n')
          .filter((synset) => namesOrganisation(synset, lemma))
          .flatMap((synset) => synset.words)
          .map(wordOf)
          .filter((word) => word !== name),
      ),
    ];
    otherNames.set(name, names);
  }
  return names;
}
