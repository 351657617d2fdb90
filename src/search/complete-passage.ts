import { isPeriodHeader, isRow } from '../document/result-table.js';
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
 * (headline-context 0.500 -> 0.667), no question lost. "The company said ..." carries on as "It said ..."
 * does: "When is First Wisconsin's purchase of North Shore Bancorp supposed to close?" found the deal's
 * opening first, and its next paragraph ("The company said completion is expected in the third quarter")
 * names neither; `npm run --silent eval -- --only dev,fresh`: fresh headline-context hit@3 0.772 -> 0.807
 * (that and "How much radioactive water leaked from the Point Beach nuclear plant?"), nothing else moved on
 * dev, fresh or the eleventh batch. "This"/"That"/"These" opening a paragraph points back at the one before
 * ("This takes the Bank's total help so far today to 497 mln stg" after the afternoon's further 152 mln),
 * unless it names a time ("This year's ..."): the twelfth batch's fact hit@3 0.833 -> 1.000 (`npm run
 * --silent eval -- --only dev,fresh`), nothing moved on dev, fresh or
 * the eleventh batch. A body named again in two words ("The crown agency said it is being held back by
 * government restraint policies" after "Canada Post said it presented its striking letter carriers with a
 * new contract offer") carries on as one word does: the ingest credits that paragraph to no one, so it was
 * never shown for "Why does Canada Post say it can't give the striking letter carriers a better deal?".
 * `npm run --silent eval -- --only dev,fresh`: fresh reported-speech hit@3 0.908 -> 0.918 (hit@1 0.653 ->
 * 0.663), nothing else moved; the development set unchanged in every kind.
 */
const CONTINUES = /^(?:They|He|She|It)\s|^The\s+(?:\p{Ll}+\s+){1,2}(?:said|added|also|went\s+on)\b/u;
/**
 * "This"/"That"/"These" opening a paragraph (see CONTINUES), for search's answers only: after a speaker's
 * statement it more often turns to someone else ("This comes as Russia saw 35,140 casualties this February
 * alone, according to the NATO official" after Melanie Joly's words; `test/bot-e2e.test.ts`).
 */
const POINTS_BACK = /^(?:This|That|These)\s+(?!(?:year|week|month|morning|afternoon|quarter|season|time)\b)/u;

/** A `carriesOn` for search's answers: the best passage's next paragraph points back at it (see POINTS_BACK). */
export const pointsBack = (_hit: unknown, index: number, next: PassageRecord) =>
  index === 0 && POINTS_BACK.test(next.text);

/**
 * The most passages (paragraphs and captions) a story may have for its lead to take the next one (see
 * followsShortLead).
 */
const SHORT_STORY_PASSAGES = 4;

/**
 * A `carriesOn` for search's answers: a lead (a story's first paragraph) among the first results, of a story
 * of at most SHORT_STORY_PASSAGES passages, carries on into the next paragraph when that holds a word of
 * the question, though the lead holds it too. A short wire story's lead sums the news up and its second
 * paragraph gives the detail asked, naming again only what the lead named: "How many Danes were out of work
 * in February?" showed "Denmark's seasonally adjusted unemployment rate fell to 7.8 pct of the workforce in
 * February ..." third, and its next paragraph ("The total number of unemployed in February was 213,200")
 * adds no word of the question the lead lacks (see completeWithFollowing). `npm run --silent eval -- --only
 * dev,fresh`: fresh headline-context hit@3 0.870 -> 0.890 (hit@1 0.575 -> 0.589), chatty 0.915 -> 0.923
 * (hit@1 0.692 -> 0.723), reported-speech 0.912 -> 0.918, nothing lost (answerable 0.910 -> 0.912, hit@1
 * 0.712 -> 0.721, unanswerable refused unchanged at 0.910); the development set's hit@3 unchanged in every
 * kind (hit@1 0.746 -> 0.751). Of the first three passages of the two sets' 1,092 search answers (3,276), it
 * lengthens about 240 more (500 before). Every story's lead, of any length: about 430 more, for one fresh
 * fact and one organisation-role answer more.
 */
export async function followsShortLead(
  store: Pick<PassageStore, 'articlePassages'>,
  hits: readonly { passage: PassageRecord }[],
  terms: readonly string[],
  /**
   * Whether an article is a story of what the question names (see namesEvery): another story's lead shown
   * first is no answer, and its next paragraph would only add more of the other story ("Who won best actress
   * at the Kestrel Awards?" showed the Footlights gala's lead with "Blake, nominated for best actress three
   * times before ..." ahead of the Kestrels' winners' line).
   */
  namesAsked: (articleId: number) => boolean,
): Promise<(hit: { passage: PassageRecord }, index: number, next: PassageRecord) => boolean> {
  const leads = hits
    .slice(0, SHOWN)
    .filter((hit) => hit.passage.ordinal === 0 && namesAsked(hit.passage.articleId));
  if (leads.length === 0) return () => false;
  const storySize = new Map<number, number>();
  for (const { articleId } of await store.articlePassages(leads.map((hit) => hit.passage.articleId)))
    storySize.set(articleId, (storySize.get(articleId) ?? 0) + 1);
  const short = new Set(
    leads
      .filter((hit) => (storySize.get(hit.passage.articleId) ?? Infinity) <= SHORT_STORY_PASSAGES)
      .map((hit) => hit.passage.id),
  );
  const asked = contentTerms(terms).map(stem);
  return (hit, index, next) => {
    if (index >= SHOWN || !short.has(hit.passage.id)) return false;
    const nextStems = stemsOf(next.text);
    return asked.some((term) => nextStems.has(term));
  };
}

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

/** The first shown result of each story, where it stands, with every shown result of that story. */
function firstOfEachStory<T extends { passage: PassageRecord }>(
  shown: readonly T[],
): { hit: T; index: number; story: T[] }[] {
  return shown.flatMap((hit, index) => {
    const { articleId } = hit.passage;
    if (shown.findIndex((other) => other.passage.articleId === articleId) !== index) return [];
    return [{ hit, index, story: shown.filter((other) => other.passage.articleId === articleId) }];
  });
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
  const lacking = firstOfEachStory(shown).flatMap(({ hit, index, story }) => {
    const givesKind = givesAnswerKindOver(hit.passage.text, question);
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

/**
 * The least share of what a result lacks of the question (gainOver: the weight of the question's words
 * neither it nor its headline holds, and 1 for a figure or a name asked) that another paragraph of its
 * story must give to be shown with it (see completeWithStoryParagraph).
 */
const STORY_PARAGRAPH_GAIN = 0.5;

/**
 * Each of the first results completed by the paragraph of its story that gives at least half of what the
 * question asks beyond it (see gainOver, STORY_PARAGRAPH_GAIN), the one giving most, the earliest of equals,
 * wherever it stands in the story: completeWithFollowing reads only the next paragraph, and
 * completeWithAnswerKind takes any figure, the question's own year too, for the figure asked. A story names
 * its subject once and gives each detail a paragraph of its own: "What was U.S. gasoline demand in the four
 * weeks ended March 13?" showed, second, the EIA story's lead on oil demand as a whole, and nowhere its third
 * paragraph ("Gasoline demand averaged 6.93 mln bpd"), which holds the one word of the question the lead
 * lacks; "How much profit did South Africa's gold mines make in 1986?" the Chamber of Mines story's lead
 * ("another 'exceptional year' in 1986 with ... profits reaching high levels") without its next paragraph's
 * "profits increased 6.5 pct to 8.31 billion rand". A story is completed once, at its first result; shown,
 * not judged. `npm run --silent eval -- --only dev,fresh,held-out,dates`: fresh fact hit@3 0.934 -> 0.947,
 * speaker-org-role 0.974 -> 0.980, headline-context 0.888 -> 0.895 (answerable 0.915 -> 0.917, hit@1 0.724
 * -> 0.725), no answer lost, every other figure of the four sets unchanged; 133 of the 2,336 first results
 * of a story in the development and fresh sets' search answers lengthened. Any gain (no least share)
 * answered four fresh questions more and lengthened about 440; a completion only for a figure question
 * whose results give no figure but the question's own answered one (the gold mines) for 16.
 */
export async function completeWithStoryParagraph<T extends { passage: PassageRecord }>(
  store: Pick<PassageStore, 'articlePassages'>,
  hits: readonly Completed<T>[],
  question: string,
  terms: readonly string[],
  weightOf: (term: string) => number,
): Promise<Completed<T>[]> {
  const completed = [...hits];
  const shown = hits.slice(0, SHOWN);
  const firsts = firstOfEachStory(shown);
  if (firsts.length === 0 || contentTerms(terms).length === 0) return completed;
  const passages = await store.articlePassages(firsts.map(({ hit }) => hit.passage.articleId));
  const shownIds = new Set(shown.map((hit) => hit.passage.id));
  for (const { hit, index, story } of firsts) {
    const seen = new Set(
      story.flatMap((other) => [other.passage.paragraph, ...(other.addedParagraphs ?? [])]),
    );
    const gainOf = gainOver(hit.passage, question, terms, weightOf);
    let found: PassageRecord | null = null;
    let most = 0;
    for (const passage of passages) {
      if (passage.articleId !== hit.passage.articleId) continue;
      if (seen.has(passage.paragraph) || shownIds.has(passage.id)) continue;
      const gain = gainOf(passage);
      if (gain >= STORY_PARAGRAPH_GAIN && gain > most) [found, most] = [passage, gain];
    }
    if (found) completed[index] = shownWith(hit, found, '\n\n…\n\n');
  }
  return completed;
}

/** How many paragraphs after a story's lead its speaker's quotation is looked for (see completeLeadWithQuote). */
const LEAD_QUOTE_REACH = 3;

/** A paragraph opening with a quotation: the story giving someone's own words. */
const OPENS_QUOTE = /^["“]/u;

/**
 * A speaker's statement shown (among the first SHOWN) that is its story's lead in reported speech (no
 * quotation mark), shown with the story's first paragraph opening a quotation within the next
 * LEAD_QUOTE_REACH, when no paragraph up to it is credited to anyone but `speakers`: news leads with the
 * speaker's point in its own words and gives theirs a paragraph or two down, past a line of context, where
 * attribution often credits them to no one ("he said"). "U.S. Secretary of State George Shultz forecast a
 * golden future for the Philippines ..." was shown without "\"There is a golden future out there for the
 * Filipino people to gain,\" he said" two paragraphs down; "Texaco Inc chairman Alfred DeCrane said the
 * massive stock market correction could affect any out of court settlement ..." without "\"Certainly the
 * market shakeout might affect the way this is handled,\" DeCrane told reporters", which shares too few
 * words with the question to rank by itself. The next paragraph is completeWithFollowing's. Shown, not
 * judged. `npm run --silent eval -- --only dev,fresh,held-out,dates --questions /work/batch/b27.jsonl`:
 * fresh speaker-name hit@3 0.946 -> 0.953 (hit@1 0.826 -> 0.832; speaker-surname, speaker-org-role and
 * speaker-topic hit@1 up 0.006 each, answerable hit@1 0.730 -> 0.732), the 27th batch's answerable 0.886 ->
 * 0.914 (speaker-role 0.833 -> 1.000, speaker-org-role 0.667 -> 0.833); no answer lost, unanswerable
 * refused, the development set, held-out and dates unchanged.
 */
export async function completeLeadWithQuote<T extends { passage: PassageRecord }>(
  store: Pick<PassageStore, 'articlePassages' | 'quotesIn'>,
  hits: readonly Completed<T>[],
  speakers: readonly string[],
): Promise<Completed<T>[]> {
  const leads = hits
    .slice(0, SHOWN)
    .filter((hit) => hit.passage.ordinal === 0 && !/["“”]/u.test(hit.passage.text));
  if (leads.length === 0) return [...hits];
  const passages = await store.articlePassages(leads.map((hit) => hit.passage.articleId));
  const shownIds = new Set(hits.slice(0, SHOWN).map((hit) => hit.passage.id));
  const quoteFor = new Map<number, PassageRecord[]>();
  for (const lead of leads) {
    const after = passages
      .filter(
        (p) =>
          p.articleId === lead.passage.articleId &&
          p.kind === 'body' &&
          p.ordinal > lead.passage.ordinal &&
          p.ordinal <= lead.passage.ordinal + LEAD_QUOTE_REACH,
      )
      .sort((a, b) => a.ordinal - b.ordinal);
    const at = after.findIndex((p) => OPENS_QUOTE.test(p.text.trimStart()));
    if (at >= 0 && !shownIds.has(after[at]!.id)) quoteFor.set(lead.passage.id, after.slice(0, at + 1));
  }
  if (quoteFor.size === 0) return [...hits];
  const others = new Set(
    (await store.quotesIn([...quoteFor.values()].flat().map((p) => p.id)))
      .filter((quote) => !speakers.includes(quote.speaker))
      .map((quote) => quote.passageId),
  );
  return hits.map((hit, index) => {
    const upTo = index < SHOWN ? quoteFor.get(hit.passage.id) : undefined;
    if (!upTo || upTo.some((p) => others.has(p.id))) return hit;
    const quote = upTo[upTo.length - 1]!;
    if (hit.addedParagraphs?.includes(quote.paragraph)) return hit;
    const adjacent = quote.ordinal === hit.passage.ordinal + 1 && !hit.addedParagraphs?.length;
    return shownWith(hit, quote, adjacent ? '\n\n' : '\n\n…\n\n');
  });
}

/**
 * How much nearer the question by the model (cosine similarity) than the best result a paragraph of its
 * story must be to be shown with it when none holds a word of the question the result lacks (see
 * completeWithNearestParagraph).
 */
const NEARER_BY = 0.1;

/**
 * The best result completed by the paragraph of its story nearest the question by the model, when that is
 * clearly nearer than the result itself (NEARER_BY) and no paragraph of the story holds anything the
 * question asks beyond the result (see gainOver): the question paraphrases the answer, in none of its
 * words. "Why did Japanese feed mills cut back on soymeal in 1986/87?" showed three paragraphs of the
 * ministry's story on compound feed output, and its eighth ("The drop in soybean meal consumption resulted
 * from increased use of cheaper rapeseed meal", similarity 0.62 against the shown opening's 0.42) nowhere;
 * "How much more would NatNed have made last year if exchange rates hadn't moved against it?" the insurer's
 * paragraph on its assets without "Without these currency fluctuations, net profit would have been 30.7 mln
 * guilders higher". Shown, not judged. `npm run --silent eval -- --only dev,fresh,held-out,dates`: fresh
 * paraphrase hit@3 0.646 -> 0.658 (hit@1 0.449 -> 0.462), speaker-topic-paraphrase 0.856 -> 0.863
 * (answerable 0.917 -> 0.919; speaker-surname hit@1 0.829 -> 0.836), no answer lost, every other figure
 * unchanged; of the development and fresh sets' best results whose story adds no word, 33 of 461
 * lengthened. Nearer by 0.05, 74 for one answer first more and none more in the first three; by any
 * amount, about 190, and a speaker-surname answer lost; each shown story's first result, not the best
 * alone, about 125 for the same three answers.
 */
export async function completeWithNearestParagraph<T extends { passage: PassageRecord; similarity: number }>(
  store: Pick<PassageStore, 'articlePassages' | 'vectors'>,
  hits: readonly Completed<T>[],
  question: string,
  terms: readonly string[],
  weightOf: (term: string) => number,
  similarityTo: (vector: Float32Array) => number,
): Promise<Completed<T>[]> {
  const completed = [...hits];
  const best = hits[0];
  // A result completed already shows more of its story than it holds; a results table's lines are the
  // figures asked, and the story's note under them ("Company went public in November 1986") no answer.
  if (!best || (best.addedParagraphs ?? []).length > 0) return completed;
  if (best.passage.text.split('\n').some((line) => isRow(line) || isPeriodHeader(line))) return completed;
  const shownIds = new Set(hits.slice(0, SHOWN).map((hit) => hit.passage.id));
  const others = (await store.articlePassages([best.passage.articleId])).filter(
    (passage) => passage.articleId === best.passage.articleId && !shownIds.has(passage.id),
  );
  const gainOf = gainOver(best.passage, question, terms, weightOf);
  if (others.length === 0 || others.some((passage) => gainOf(passage) > 0)) return completed;
  const vectors = await store.vectors(others.map((passage) => passage.id));
  let found: PassageRecord | null = null;
  let nearest = best.similarity + NEARER_BY;
  for (const passage of others) {
    const vector = vectors.get(passage.id);
    const similarity = vector ? similarityTo(vector) : -Infinity;
    if (similarity > nearest) [found, nearest] = [passage, similarity];
  }
  if (found) completed[0] = shownWith(best, found, '\n\n…\n\n');
  return completed;
}

/**
 * Each of the first results that is a results table's period heading alone ("11 mths", "Year"), shown with
 * the rows under it ("Shr loss 7.26 dlrs", "Net loss 121.4 mln"), up to the next heading or the first line
 * that is not a row. A table whose rows compare nothing ("vs") is stored a line to a passage (see
 * resultTableBlocks), and its heading, short and holding the question's period ("first 11 months"),
 * outranks the rows that answer: "What net loss did Kaneb Energy Partners post for its first 11 months?"
 * showed "11 mths" first and "Net loss 121.4 mln" 6th (the ninth batch). A row shown under its heading
 * leaves the list. Like the next paragraph, the rows are shown, not judged. `npm run --silent eval --
 * --only dev,fresh`: the ninth batch hit@3 0.743 -> 0.757 (caption 0.833 -> 1.000), nothing else moved on
 * it, dev or fresh.
 */
export async function completePeriodHeaders<T extends { passage: PassageRecord }>(
  store: Pick<PassageStore, 'articlePassages'>,
  hits: readonly Completed<T>[],
): Promise<Completed<T>[]> {
  const headers = hits
    .slice(0, SHOWN)
    .filter(({ passage }) => !passage.text.includes('\n') && isPeriodHeader(passage.text));
  if (headers.length === 0) return [...hits];
  const passages = await store.articlePassages([...new Set(headers.map((hit) => hit.passage.articleId))]);
  const rank = new Map(hits.map((hit, index) => [hit.passage.id, index]));
  const rowsUnder = new Map<number, PassageRecord[]>();
  for (const { passage: header } of headers) {
    const story = passages.filter((passage) => passage.articleId === header.articleId);
    const after = story.slice(story.findIndex((passage) => passage.id === header.id) + 1);
    const end = after.findIndex(({ text }) => text.includes('\n') || isPeriodHeader(text) || !isRow(text));
    // A row already shown above its heading stays where it is.
    const above = (row: PassageRecord) => (rank.get(row.id) ?? Infinity) < rank.get(header.id)!;
    rowsUnder.set(
      header.id,
      (end === -1 ? after : after.slice(0, end)).filter((row) => !above(row)),
    );
  }
  const shownUnder = new Set([...rowsUnder.values()].flat().map((row) => row.id));
  return hits.flatMap((hit) => {
    const rows = rowsUnder.get(hit.passage.id);
    if (rows) return [rows.reduce<Completed<T>>((shown, row) => shownWith(shown, row, '\n\n'), hit)];
    return shownUnder.has(hit.passage.id) ? [] : [hit];
  });
}
