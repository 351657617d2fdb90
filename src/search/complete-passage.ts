import type { PassageRecord, PassageStore } from '../store/passage-store.js';
import { contentTerms, stem, stemsOf } from './term-match.js';

/**
 * A paragraph opening with a pronoun, or with "The ministry added", carries on from the one before: "They
 * are drafting their version though no date of completion has been given" answers "has Russia said when
 * the memorandum will be finished?" for the paragraph naming the memorandum, in words the question does
 * not use. Added to the best passage only: on the development set (`npm run --silent eval -- --only dev`)
 * it lengthened 5 of the 74 first passages of search answers and put two more answers in the top 3
 * (headline-context 0.500 -> 0.667), no question lost.
 */
const CONTINUES = /^(?:They|He|She|It)\s|^The\s+\p{Ll}+\s+(?:added|also|went\s+on)\b/u;

/**
 * A passage that stops short of the answer: "Officials will plan a new forum for Gibraltar" and, in the
 * next paragraph, who will represent whom. When the following passage of the same article holds a word of
 * the question that neither the passage nor its article's context holds, it completes the passage and is
 * shown with it. Measured on the development set (`npm run eval -- --only dev`, scratch analysis of the
 * first three passages of every search question): it adds the next paragraph to 38 of 333 passages (11%)
 * and puts the answer in front of the user for 3 more questions (hit@3 0.657 -> 0.675). Adding every next
 * paragraph that holds a fifth of the question's words would have lengthened 126 of them (38%) for 3
 * questions more. The answer is judged on the passages as found, before they are completed. The best
 * passage also takes a next paragraph that carries on from it (see CONTINUES). A paragraph is never shown
 * twice: one that completes a passage above it in the list moves up into that passage (leaving it in place
 * beside the completed passage lost a caption question's answer from the top 3: development set hit@3
 * 0.805 -> 0.799), and one already shown above is not added again.
 */
export async function completeWithFollowing<T extends { passage: PassageRecord }>(
  store: Pick<PassageStore, 'following'>,
  hits: readonly T[],
  terms: readonly string[],
  /** The caller's own reason a hit's next paragraph carries on from it (see build-answer's speaker path). */
  carriesOn: (hit: T, index: number, next: PassageRecord) => boolean = () => false,
): Promise<T[]> {
  const rank = new Map(hits.map((hit, index) => [hit.passage.id, index]));
  const following = await store.following([...rank.keys()]);
  const absorbed = new Set<number>();
  const completed = hits.map((hit, index) => {
    const next = following.get(hit.passage.id);
    const nextRank = next && rank.get(next.id);
    if (!next || absorbed.has(hit.passage.id) || (nextRank !== undefined && nextRank < index)) return hit;
    const held = stemsOf(`${hit.passage.context}\n${hit.passage.text}`);
    const nextStems = stemsOf(next.text);
    const completes =
      (index === 0 && CONTINUES.test(next.text)) ||
      carriesOn(hit, index, next) ||
      contentTerms(terms).some((term) => !held.has(stem(term)) && nextStems.has(stem(term)));
    if (!completes) return hit;
    if (nextRank !== undefined) absorbed.add(next.id);
    return { ...hit, passage: { ...hit.passage, text: `${hit.passage.text}\n\n${next.text}` } };
  });
  return completed.filter((hit) => !absorbed.has(hit.passage.id));
}
