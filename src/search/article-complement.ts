import type { PassageRecord, PassageStore } from '../store/passage-store.js';
import { asksForCause, asksForQuantity, holdsCause, holdsQuantity } from './answer-type.js';
import { contentTerms, termsIn } from './term-match.js';
import type { TermWeights } from './term-weights.js';

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
  /** Rarity-weighted share of the question's remaining words it holds, plus 1 for a figure or cause asked for. */
  gain: number;
}

/**
 * What each passage adds to the best one (see Complement.gain): 0 for a passage that holds none of the
 * question's words that the best passage and the headline lack, and gives no kind of answer asked for
 * (`givesKind`, see givesAnswerKindOver).
 */
export function gainOver(
  best: PassageRecord,
  terms: readonly string[],
  weightOf: (term: string) => number,
  givesKind: GivesKind | null,
): (passage: PassageRecord) => number {
  const given = termsIn(`${best.context}\n${best.text}`, terms);
  const remaining = [...new Set(contentTerms(terms))].filter((term) => !given.has(term));
  const remainingWeight = remaining.reduce((sum, term) => sum + weightOf(term), 0);
  return (passage) => {
    const held = [...termsIn(passage.text, remaining)];
    const words = remainingWeight > 0 ? held.reduce((sum, t) => sum + weightOf(t), 0) / remainingWeight : 0;
    return words + (givesKind?.(passage) ? 1 : 0);
  };
}

/** The kinds of answer a question asks for beyond its words (see answer-type), each with its test. */
const ANSWER_KINDS = [
  { asks: asksForQuantity, holds: holdsQuantity },
  { asks: asksForCause, holds: holdsCause },
];

type GivesKind = (passage: PassageRecord) => boolean;

/**
 * Whether a passage gives a kind of answer the question asks for (a figure, a cause) that the best passage
 * does not give already; null when the question asks for none, or the best passage gives it.
 */
export function givesAnswerKindOver(best: PassageRecord, question: string): GivesKind | null {
  const wanted = ANSWER_KINDS.filter((kind) => kind.asks(question) && !kind.holds(best.text));
  return wanted.length === 0 ? null : (passage) => wanted.some((kind) => kind.holds(passage.text));
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
const SHOWN = 3;

/**
 * Which of the first results the complement takes the place of, or null for none. The story's shown
 * passage that adds least gives its place up, if the complement adds more, or as much from earlier in the
 * story (news gives the main facts first). When the story has no other passage among them, a complement
 * that gives the kind of answer asked for (a cause, a figure) that the best passage lacks takes the last
 * place: "What prompted Iran's warning to the United States?" is answered by the fourth paragraph of the
 * story whose opening comes first ("The radio said the spokesman made the statement following the attack
 * on a Kuwaiti ship"), which holds none of the question's words but "Iran". Another story's passage there
 * that gives the kind asked keeps its place (the best story may be the wrong one), and the complement takes
 * the last place before it, or none. Measured on the development set (`npm run --silent eval -- --only
 * dev`, stand-in model): headline-context hit@3 0.833 -> 0.917, answerable 0.923 -> 0.929, no question
 * lost, unanswerable refused unchanged (0.970); held-out unchanged (0.765). Without that exception, and
 * with "after" read as a cause, a story's "after a surplus in 1985" took the place of another story's
 * answer "because of the sharp fall in world oil prices".
 */
function complementSlot<T extends { passage: PassageRecord }>(
  shown: readonly T[],
  sameStory: readonly T[],
  complement: Complement,
  gainOf: (passage: PassageRecord) => number,
  givesKind: GivesKind | null,
): number | null {
  if (sameStory.length === 0) {
    if (!givesKind?.(complement.passage)) return null;
    const last = shown.findLastIndex((hit, index) => index > 0 && !givesKind(hit.passage));
    return last > 0 ? last : null;
  }
  const weakest = sameStory.reduce((low, hit) => (gainOf(hit.passage) < gainOf(low.passage) ? hit : low));
  const weakestGain = gainOf(weakest.passage);
  const better =
    complement.gain > weakestGain ||
    (complement.gain === weakestGain && complement.passage.ordinal < weakest.passage.ordinal);
  return better ? shown.indexOf(weakest) : null;
}

/**
 * Search results with the best passage's complement (see articleComplement) in the first few, in the place
 * of the next passage of the same story there: a story's places among the first results stay its own, and
 * the paragraph that adds to the answer goes before the one that repeats the subject, which moves to just
 * after them. Other stories keep their places (the best story may be the wrong one), unless the complement
 * gives the kind of answer asked that the best passage lacks (see complementSlot). Nothing changes when the
 * complement is among the first few already.
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
  const givesKind = givesAnswerKindOver(best.passage, question);
  const gainOf = gainOver(best.passage, terms, weightOf, givesKind);
  const shown = hits.slice(0, SHOWN);
  const sameStory = shown.slice(1).filter((hit) => hit.passage.articleId === best.passage.articleId);
  if ((sameStory.length === 0 && !givesKind) || shown.length < 2) return [...hits];
  const complement = articleComplement(
    best.passage,
    await store.articlePassages([best.passage.articleId]),
    gainOf,
  );
  if (!complement || shown.some((hit) => hit.passage.id === complement.passage.id)) return [...hits];
  const slot = complementSlot(shown, sameStory, complement, gainOf, givesKind);
  if (slot === null) return [...hits];
  const vector = (await store.vectors([complement.passage.id])).get(complement.passage.id);
  if (!vector) return [...hits];
  const repeated = hits[slot]!;
  // On the score of the passage whose place it takes, so the list stays in score order.
  const moved = { ...repeated, passage: complement.passage, similarity: similarityTo(vector) };
  const rest = hits.slice(SHOWN).filter((hit) => hit.passage.id !== complement.passage.id);
  return [
    ...shown.map((hit, index) => (index === slot ? moved : hit)),
    { ...repeated, score: Math.min(repeated.score, rest[0]?.score ?? repeated.score) },
    ...rest,
  ].slice(0, hits.length);
}
