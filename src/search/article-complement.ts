import type { PassageRecord, PassageStore } from '../store/passage-store.js';
import { asksForQuantity, holdsQuantity, holdsQuantityBeyond } from './answer-type.js';
import {
  CAPITALISED_RUN,
  contentTerms,
  questionNames,
  stemsOf,
  termsIn,
  termsWrittenIn,
} from './term-match.js';
import { isStopword } from './fts-query.js';
import { GROUP_FILE, PERSON_FILE, sharedWordNet } from '../document/wordnet.js';
import type { TermWeights } from './term-weights.js';
import { namesEvery } from './article-coverage.js';
import { countsAsked } from './counted-thing.js';
import { storyOf } from './story-cache.js';
import { asksForCountry, namesCountryBeyond } from './place-answer.js';

/**
 * What a figure adds to a paragraph holding some of the question's other words when the best passage gives
 * a figure already (see gainOver), as a share of the lightest of those words: enough to put it before a
 * paragraph holding the same words and no figure, never enough to outweigh a word (a tenth of all the words'
 * weight outweighed a common word among rare ones). A paragraph giving only a figure gains nothing: most
 * paragraphs of a results story give one. As a share of the lightest word, `npm run --silent eval -- --only
 * dev,fresh`: no figure moved.
 */
const FIGURE_AGAIN = 0.1;

/**
 * The paragraph of the best-matched story that gives what the question asks beyond what the story's
 * headline and its best passage already give. A story names its subject in the headline and the opening
 * paragraph, and later paragraphs go on without it: "Al Aynsley-Green ... will start the £100,000-a-year
 * job" answers "what is the salary of the children's commissioner for England?", but holds none of the
 * words by which search found the story, so the opening paragraph that restates the subject and a second
 * one that repeats it outrank it. Within a story the subject is given; what tells its paragraphs apart is
 * the rest of the question: its other words, and the kind of answer it asks for (a figure).
 * Measured on the development set (`npm run --silent eval -- --only dev`, stand-in model): answerable hit@3
 * 0.775 -> 0.787 (fact 0.765 -> 0.824, headline-context 0.667 -> 0.750), no question lost, unanswerable
 * refused unchanged (0.939); held-out set unchanged (0.706); XQuAD-en hybrid R@1 / R@5 unchanged (0.948 /
 * 0.992). Putting it second whatever it displaced gained the same two and lost one whose answer, in another
 * story, was third; letting only a passage that adds nothing give its place up gained none.
 */
export interface Complement {
  passage: PassageRecord;
  /**
   * Rarity-weighted share of the question's remaining words it holds, plus 1 for what the question asks for
   * (a figure, a count, a name, a country), and a share of FIGURE_AGAIN for a figure asked again (see
   * gainOver).
   */
  gain: number;
}

/**
 * A question asking who did something: its answer is a name, which a story's later paragraph gives in none
 * of the question's words. "Who gave the third Harry Potter film its colder, gloomier look?" finds a DVD
 * review's opening ("This third Harry Potter film brought a change of director") and its third paragraph
 * on the story, above the second ("Alfonso Cuaron brings in a bleak and cold feel"). Measured with `npm run
 * --silent eval -- --only dev,fresh`: fresh paraphrase hit@3 0.778 -> 0.815, nothing else moved. Read only
 * here, not as evidence of an answer: most stories name someone.
 */
const WHO_QUESTION = /^\s*who\b/iu;

/** The words after a question's opening "which" or "what" ("Which future Kremlin leader ..."). */
const WHICH_QUESTION = /^\s*(?:which|what)\s+([^?]*)/iu;
/** Words of the noun a "which" question asks for, at most: "which future Kremlin leader". */
const WHICH_NOUN_WORDS = 4;
/** Verbs that end a "which" question's noun and that the stop words leave out ("What does Etzioni think"). */
const AUXILIARY = /^(?:does|has|have|had|will|would|can|could|shall|should|may|might|must)$/u;

/**
 * Whether a word, or its singular, is first of all a person as a common noun ("leader", "chief", "player"),
 * or an organisation in one of its first two senses ("company", "firm"; a bank is first a river's). A name's
 * sense does not count: "banks" is first of all Sir Joseph Banks.
 */
function namesPersonOrGroup(word: string): boolean {
  const wordnet = sharedWordNet();
  return (word.endsWith('s') ? [word.slice(0, -1), word] : [word]).some((lemma) => {
    const senses = wordnet.synsets(lemma, 'n').filter((synset) => /^\p{Ll}/u.test(synset.words[0]!));
    return (
      senses[0]?.lexicographerFile === PERSON_FILE ||
      senses.slice(0, 2).some((synset) => synset.lexicographerFile === GROUP_FILE)
    );
  });
}

/**
 * Whether a question asks for a name: "who", or "which" / "what" before a noun of a person or an
 * organisation ("Which future Kremlin leader was a classmate of the hunger-striking defector?", "What
 * company ..."), read among its first words up to the first stop word. 17 questions of the development,
 * fresh and eighteenth sets read so besides those asking who; `npm run --silent eval -- --only dev,fresh`
 * with the eighteenth batch: no figure moved.
 */
export function asksForName(question: string): boolean {
  if (WHO_QUESTION.test(question)) return true;
  const [, rest] = question.match(WHICH_QUESTION) ?? [];
  if (!rest) return false;
  const words = (rest.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, WHICH_NOUN_WORDS);
  const stop = words.findIndex((word) => isStopword(word.toLowerCase()) || AUXILIARY.test(word));
  // A common noun, written in lower case: "Which film helped General Electric's earnings?" asks no general.
  return (stop === -1 ? words : words.slice(0, stop)).some(
    (word) => /^\p{Ll}/u.test(word) && namesPersonOrGroup(word),
  );
}

/**
 * Whether a text names someone or something of two words or more (a capitalised run: "Alfonso Cuaron")
 * that the question does not name.
 */
const namesOtherThan = (question: string) => {
  const asked = stemsOf(question);
  return (text: string) =>
    [...text.matchAll(CAPITALISED_RUN)].some(
      ([run]) => run.includes(' ') && [...stemsOf(run)].some((word) => !asked.has(word)),
    );
};

/**
 * What each passage adds to the best one (see Complement.gain): 0 for a passage that holds none of the
 * question's words that the best passage and the headline lack, and gives nothing the question asks for (a
 * figure, a count, a name, a country). A word is added only in a form of itself (see termsWrittenIn), not by
 * its first five letters: "What share of engineering employees are women, according to Hewitt?" took the
 * paragraph on the cost to "the employers" of a "shared goal" over the one saying "engineering, where only
 * 10% of employees are women".
 * Measured with `npm run --silent eval -- --only dev,fresh`: development fact hit@3 0.941 -> 1.000
 * (answerable 0.970 -> 0.976), nothing else moved on either set.
 */
export function gainOver(
  best: PassageRecord,
  question: string,
  terms: readonly string[],
  weightOf: (term: string) => number,
): (passage: PassageRecord) => number {
  const given = termsIn(`${best.context}\n${best.text}`, terms);
  const remaining = [...new Set(contentTerms(terms))].filter((term) => !given.has(term));
  const remainingWeight = remaining.reduce((sum, term) => sum + weightOf(term), 0);
  // A figure is what the question asks for only when the best passage does not give one already, other
  // than those the question names itself (see holdsQuantityBeyond).
  const wantsFigure = asksForQuantity(question) && !holdsQuantityBeyond(question, best.text);
  // And a figure of the thing a "how many" question counts, when the best passage's figures count something
  // else (see countsAsked): "How many Bendectin suits does Merrell Dow still have outstanding?" found the
  // verdict story's opening ("a seven-year old boy") and its paragraphs on the drug's history and "12 other
  // trials"; "about 300 lawsuits are pending" now takes the place of the one adding least. `npm run --silent
  // eval -- --only dev,fresh`: fresh paraphrase hit@3 0.750 -> 0.761, nothing else moved on either set,
  // unanswerable refused unchanged (0.970, 0.911).
  const counts = countsAsked(question);
  const wantsCount = counts !== null && !counts(best.text);
  // So is a name, for a question asking who, when the best passage names no one the question does not.
  const namesOther = namesOtherThan(question);
  const wantsName = asksForName(question) && !namesOther(best.text);
  // And a country, for a question asking where someone is from or which country, when the best passage
  // names none beyond the question's and its story's (see namesCountryBeyond): a match report's line
  // "Paddy O'Brien (New Zealand)" answers "Where was the referee of England's one-point defeat by France at
  // Twickenham from?", and holds none of its words. `npm run --silent eval -- --only dev,fresh`: fresh
  // caption hit@3 0.937 -> 0.946, nothing else moved.
  const namesCountry = namesCountryBeyond(question);
  const wantsCountry = asksForCountry(question) && !namesCountry(best);
  // A figure asked that the best passage gives already may be another figure of the story: "how much cash
  // is Williams offering per Norcros share" found the preference shares' price, and of the two paragraphs
  // holding "cash" the one giving a price ("The cash alternative would offer the equivalent of 400.2p a
  // share"), not the earlier "full cash alternative", is the answer. Measured together with
  // secondOfAnotherStory: fresh chatty hit@3 0.915 -> 0.932, nothing else moved.
  const figureAgain =
    asksForQuantity(question) && !wantsFigure && remainingWeight > 0
      ? (FIGURE_AGAIN * Math.min(...remaining.map(weightOf))) / remainingWeight
      : 0;
  return (passage) => {
    const held = [...termsWrittenIn(passage.text, remaining)];
    const words = remainingWeight > 0 ? held.reduce((sum, t) => sum + weightOf(t), 0) / remainingWeight : 0;
    return (
      words +
      ((wantsFigure && holdsQuantity(passage.text)) || (wantsCount && counts(passage.text)) ? 1 : 0) +
      (wantsName && namesOther(passage.text) ? 1 : 0) +
      (wantsCountry && namesCountry(passage) ? 1 : 0) +
      (figureAgain > 0 && words > 0 && holdsQuantity(passage.text) ? figureAgain : 0)
    );
  };
}

/**
 * The best passage's complement among the other passages of its article (in story order), or null when
 * none holds more of the question than the best passage and the headline do.
 */
export function articleComplement(
  best: PassageRecord,
  others: readonly PassageRecord[],
  gainOf: (passage: PassageRecord) => number,
): Complement | null {
  let found: Complement | null = null;
  for (const passage of others) {
    if (passage.id === best.id || passage.articleId !== best.articleId) continue;
    const gain = gainOf(passage);
    if (gain > 0 && (!found || gain > found.gain)) found = { passage, gain };
  }
  return found;
}

/** The first results a user reads, and the evidence judgement weighs. */
export const SHOWN = 3;

/**
 * The place among the first few that the best passage's complement (of `gain`) takes, or -1 for none: that
 * of the same story's shown passage that adds least (`sameStory`), if the complement adds more, or as much
 * from earlier in the story (news gives the main facts first). With no other passage of the story shown,
 * that of the first shown passage after the best that does not name what the question names (`named`):
 * another subject's, which the evidence check would not take, while the best story's subject is given; with
 * every one naming it, that of another story's second passage (see secondOfAnotherStory). "On
 * the preliminary numbers, how fast was South Africa's broad money supply growing in May?" showed the South
 * African story's lead (April's revised M-3 growth), Japan's May M-2 and Argentina's money supply; its
 * paragraph on May ("Preliminary figures for May show M-3 at 83.24 billion rand") now takes Argentina's
 * place. Measured with `npm run --silent eval -- --only dev,fresh --questions
 * /work/batch/fourteenth.jsonl`: fresh headline-context hit@3 0.827 -> 0.840, chatty 0.955 -> 0.970
 * (answerable 0.931 -> 0.934), fact hit@1 0.730 -> 0.716 (hit@3 unchanged), nothing else moved on the
 * three sets. Taking the third place whatever story held it gained the same two and lost three (fresh
 * fact, speaker-topic-paraphrase and chatty: answers in other stories); taking it only for a complement
 * holding a figure or name asked for (gain 1 or more) gained none and lost one.
 */
function placeOfComplement(
  shown: readonly { passage: PassageRecord }[],
  gain: number,
  ordinal: number,
  gainOf: (passage: PassageRecord) => number,
  named: (passage: PassageRecord) => boolean,
): number {
  const best = shown[0]!.passage;
  const sameStory = shown.slice(1).filter((hit) => hit.passage.articleId === best.articleId);
  if (sameStory.length === 0) {
    const unnamed = shown.findIndex((hit, index) => index > 0 && !named(hit.passage));
    return unnamed >= 0 ? unnamed : secondOfAnotherStory(shown);
  }
  const weakest = sameStory.reduce((low, hit) => (gainOf(hit.passage) < gainOf(low.passage) ? hit : low));
  const weakestGain = gainOf(weakest.passage);
  const better = gain > weakestGain || (gain === weakestGain && ordinal < weakest.passage.ordinal);
  return better ? shown.indexOf(weakest) : -1;
}

/**
 * The place of the second passage of another story than the best's among the first few, or -1: with every
 * story shown naming what the question names, a story shown twice gives up its lower place to the best
 * story's complement, and keeps the other. "What does AM International expect its operating profit to do
 * this year?" showed the April story's paragraph on last year's profit, then two paragraphs of February's
 * story; the April story's "its operating profits for the full year should be more than twice the fiscal
 * 1986 year" now takes the place of February's second. `npm run --silent eval -- --only dev,fresh`: fresh
 * chatty hit@3 0.915 -> 0.932 with FIGURE_AGAIN, nothing else moved on either set; held-out and dates
 * unchanged.
 */
function secondOfAnotherStory(shown: readonly { passage: PassageRecord }[]): number {
  return shown.findIndex(
    (hit, index) =>
      index > 1 &&
      shown.slice(1, index).some((earlier) => earlier.passage.articleId === hit.passage.articleId),
  );
}

/**
 * Search results with the best passage's complement (see articleComplement) in the first few, in the place
 * of the next passage of the same story there, or of another subject's (see placeOfComplement): a story's
 * places among the first results stay its own, and the paragraph that adds to the answer goes before the
 * one that repeats the subject, which moves to just after them. Other stories that name what the question
 * names keep their places (the best story may be the wrong one), except that a story shown twice gives up
 * its second (see secondOfAnotherStory). Nothing changes when the complement is among the first few already.
 */
export async function withArticleComplement<
  T extends { passage: PassageRecord; score: number; similarity: number },
>(
  store: Pick<PassageStore, 'articlePassages' | 'vectors'>,
  hits: readonly T[],
  question: string,
  terms: readonly string[],
  weightOf: TermWeights,
  similarityTo: (vector: Float32Array) => number,
): Promise<T[]> {
  const best = hits[0];
  if (!best) return [];
  const shown = hits.slice(0, SHOWN);
  const gainOf = gainOver(best.passage, question, terms, weightOf);
  const complement = articleComplement(
    best.passage,
    await store.articlePassages([best.passage.articleId]),
    gainOf,
  );
  if (!complement || shown.some((hit) => hit.passage.id === complement.passage.id)) return [...hits];
  // A passage with its story's context (headline and the names it keeps coming back to) names every name.
  const named = namesEvery(questionNames(question, terms));
  const slot = placeOfComplement(shown, complement.gain, complement.passage.ordinal, gainOf, (passage) =>
    named(storyOf(`${passage.context}\n${passage.text}`)),
  );
  if (slot < 0) return [...hits];
  const vector = (await store.vectors([complement.passage.id])).get(complement.passage.id);
  if (!vector) return [...hits];
  const displaced = hits[slot]!;
  // On the score of the passage whose place it takes, so the list stays in score order.
  const moved = { ...displaced, passage: complement.passage, similarity: similarityTo(vector) };
  const rest = hits.slice(SHOWN).filter((hit) => hit.passage.id !== complement.passage.id);
  if (displaced.passage.articleId !== best.passage.articleId)
    // Another story's passage moves down one place, with the rest.
    return [...hits.slice(0, slot), moved, ...hits.slice(slot, SHOWN), ...rest].slice(0, hits.length);
  return [
    ...shown.map((hit, index) => (index === slot ? moved : hit)),
    { ...displaced, score: Math.min(displaced.score, rest[0]?.score ?? displaced.score) },
    ...rest,
  ].slice(0, hits.length);
}
