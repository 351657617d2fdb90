import type { PassageRecord, PassageStore } from '../store/passage-store.js';
import { gainOver, SHOWN } from './article-complement.js';
import { givesAnswerKindOver } from './answer-type.js';
import { contentTerms, stem, stemsOf } from './term-match.js';

/** A hit shown with other paragraphs of its story after its own text: their numbers, in the order shown. */
export type Completed<T> = T & { addedParagraphs?: readonly number[] };

/** `hit` shown with `added` after its text, past a gap when the two are not next to each other. */
function shownWith<T extends { passage: PassageRecord }>(
  hit: Completed<T>,
  added: PassageRecord,
  gap: string,
): Completed<T> {
  return {
    ...hit,
    passage: { ...hit.passage, text: `${hit.passage.text}${gap}${added.text}` },
    addedParagraphs: [...(hit.addedParagraphs ?? []), added.paragraph],
  };
}

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
): Promise<Completed<T>[]> {
  const rank = new Map(hits.map((hit, index) => [hit.passage.id, index]));
  const following = await store.following([...rank.keys()]);
  const absorbed = new Set<number>();
  const completed = hits.map((hit, index): Completed<T> => {
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
    return shownWith(hit, next, '\n\n');
  });
  return completed.filter((hit) => !absorbed.has(hit.passage.id));
}

/**
 * Each of the first results completed by the paragraph of its story that gives the kind of answer the
 * question asks for (a cause, a length of time, a time limit, a figure: see givesAnswerKindOver) when
 * neither it nor another passage of its story among them gives one: "What prompted Iran's warning to the
 * United States?" finds the story's opening ("Iran warned the United States on Monday against exacerbating
 * the Gulf crisis") and no other paragraph of it, while its fourth gives the cause ("The radio said the
 * spokesman made the statement following the attack on a Kuwaiti ship") in none of the question's words
 * but "Iran";
 * "How long could the former WorldCom boss spend behind bars if found guilty?" finds, third, a trial
 * story's paragraph on a witness's lies, and its fifth says "Mr Ebbers could face a sentence of 85 years".
 * Of a story's paragraphs that give it, the one holding most of the rest of the question (see gainOver),
 * the earliest of equals; a story is completed once, at its first result. Shown with the result, past a
 * gap, and never in another passage's place: a word of cause is weaker evidence than a figure (a reason is
 * often given without one), and letting the paragraph that has one take a shown paragraph's place, as a
 * figure does (see article-complement), lost a held-out question's answer; so did putting it third in the
 * place of another story's passage. Like the next paragraph, it is shown, not judged. Measured on the
 * development set (`npm run --silent eval -- --only dev`, stand-in model): the best result alone, 2 of
 * 202 answers completed and headline-context hit@3 0.833 -> 0.917 (hit@1 0.500 -> 0.583); each of the
 * first three, with lengths of time apart from figures, 7 results of 5 answers and paraphrase 0.571 ->
 * 0.643; no question lost, unanswerable refused unchanged (0.970), held-out unchanged (0.765).
 */
export async function completeWithAnswerKind<T extends { passage: PassageRecord }>(
  store: Pick<PassageStore, 'articlePassages'>,
  hits: readonly Completed<T>[],
  question: string,
  terms: readonly string[],
  weightOf: (term: string) => number,
): Promise<Completed<T>[]> {
  const shown = hits.slice(0, SHOWN);
  // The first result of each story whose shown passages lack the kind asked, with the test for it.
  const lacking = shown.flatMap((hit, index) => {
    const { articleId } = hit.passage;
    if (shown.findIndex((other) => other.passage.articleId === articleId) !== index) return [];
    const givesKind = givesAnswerKindOver(hit.passage.text, question);
    const story = shown.filter((other) => other.passage.articleId === articleId);
    if (!givesKind || story.some((other) => givesKind(other.passage.text))) return [];
    return [{ hit, index, givesKind, story }];
  });
  const completed = [...hits];
  if (lacking.length === 0) return completed;
  // One read for every story to complete, in story order, so that of paragraphs adding as much the earlier
  // is taken (news gives the main facts first).
  const passages = await store.articlePassages(lacking.map(({ hit }) => hit.passage.articleId));
  for (const { hit, index, givesKind, story } of lacking) {
    const gainOf = gainOver(hit.passage, question, terms, weightOf);
    const complement = passages
      .filter(
        (passage) =>
          passage.articleId === hit.passage.articleId &&
          givesKind(passage.text) &&
          !story.some((other) => other.passage.id === passage.id),
      )
      .reduce<PassageRecord | null>(
        (found, passage) => (!found || gainOf(passage) > gainOf(found) ? passage : found),
        null,
      );
    if (complement) completed[index] = shownWith(hit, complement, '\n\n…\n\n');
  }
  return completed;
}
