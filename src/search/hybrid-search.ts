import type { DateRange } from '../document/date-range.js';
import type { PassageRecord, PassageStore, RankedId } from '../store/passage-store.js';
import { ftsString } from '../store/schema.js';
import { dropNearDuplicates } from './dedupe.js';
import { buildMatchExpression, queryTerms } from './fts-query.js';
import { newestFirst } from './recency.js';
import { reciprocalRankFusion } from './rrf.js';
import { scoreFusion } from './score-fusion.js';
import { contentTerms, nameForms, questionNames, termsIn, withNamePhrases } from './term-match.js';
import { relatedMatchExpression } from './query-expansion.js';
import { searchedForms } from './searched-forms.js';
import { termWeights, type TermWeights } from './term-weights.js';
import {
  asksAboutPicture,
  DEFAULT_ANSWER_TYPE_WEIGHT,
  disfavourForecasts,
  favourAnswerKinds,
  favourCaptions,
  favourCauses,
} from './answer-type.js';
import { DEFAULT_COVERAGE_WEIGHT, rerankByCoverage } from './coverage-rerank.js';
import { withArticleComplement } from './article-complement.js';
import { namedPassages, namesOtherThanCountries, withNamed } from './named-passages.js';
import {
  articleCoverage,
  DEFAULT_ARTICLE_WEIGHT,
  pulledIn,
  namesEvery,
  rerankByStory,
  withoutUnnamed,
} from './article-coverage.js';
import type { FusedHit } from './rrf.js';
import { StoryCache } from './story-cache.js';
import { favourCountries } from './place-answer.js';
import { favourNamedListLines, namesListLabel } from './list-line.js';
import {
  answersResults,
  favourResultsBlocks,
  headlinedResultsBlocks,
  resultsBlocksBeyond,
} from './results-table.js';
import { favourYearTables } from './year-table.js';

/** `hybrid` fuses scores (the default: best measured), `rrf` fuses ranks; the others are one list alone. */
export const SEARCH_MODES = ['hybrid', 'rrf', 'bm25', 'vector'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

export interface SearchHit {
  passage: PassageRecord;
  /** Fused score (higher is better); comparable within one result list only. */
  score: number;
  /** Cosine similarity between the question and the passage, whatever list found it. */
  similarity: number;
}

export interface SearchOptions {
  limit: number;
  mode: SearchMode;
  /** How much cosine similarity counts against BM25 in `hybrid` mode (see score-fusion). */
  vectorWeight: number;
  /** How deep each list is read before fusion. */
  candidates?: number;
  /** How much a match in the article's context (headline, subjects) counts against one in the passage. */
  contextWeight?: number;
  /** Only passages of articles published within this period (undated articles are left out). */
  range?: DateRange;
  /** A "latest" question: newer articles first among the relevant passages (see recency). */
  newestFirst?: boolean;
  /** `hybrid` only: how much the share of the question's words a passage holds adds to its score (see coverage-rerank). */
  coverageWeight?: number;
  /** `hybrid` only: what a passage holding a figure or a date gains when the question asks for one (see answer-type). */
  answerTypeWeight?: number;
  /** The question's term weights (`termWeights` of its `queryTerms`) when the caller has read them already. */
  termWeights?: TermWeights;
  /** `hybrid` only: how much a BM25 match of the question's related words counts against one of its own (see query-expansion). */
  relatedWeight?: number;
  /**
   * `hybrid` only, for a question (not a brief's topic): the best story's paragraph that gives what the
   * question asks beyond its subject goes among the first three (see article-complement).
   */
  complementBest?: boolean;
  /**
   * `hybrid` only: the passages of stories naming every name the question asks about are fused in (see
   * namedPassages), and the stories naming them all are the only ones ranked by their coverage (see
   * withoutUnnamed), as when none of the first matches' stories names them, though some do: the caller has
   * found that the first few passages' stories do not (see answerFromSearch in build-answer).
   */
  namesFirst?: boolean;
  /**
   * `hybrid` only: the share of the coverage weight read over the passage's whole story rather than the
   * passage (see article-coverage); 0 reads the passage alone, as before.
   */
  articleWeight?: number;
  /**
   * Whole stories kept between searches (see story-cache): the caller's, so that what it reads of the same
   * stories after the search (the evidence check) is not read again. Read afresh by each search otherwise.
   */
  stories?: StoryCache;
}

const DEFAULT_CANDIDATES = 50;
/**
 * How many fused passages' stories are read whole (see article-coverage): one store read of every passage
 * of each. Reading the stories of all ~150 fused passages cost 28.6 CPU-ms a question more at 120k passages,
 * these 30 cost 5.3 (202 development questions, medians of 3 interleaved runs under load 16), and answered
 * the same development questions.
 */
const STORY_DEPTH = 30;
const CAPTION_WEIGHT = 0.8;
/** Measured on the development set, XQuAD and SQuAD with `npm run eval` (README, quality section). */
export const DEFAULT_CONTEXT_WEIGHT = 0.5;
/**
 * How much a BM25 match of the question's related words (WordNet synonyms, a capital read as its country:
 * see query-expansion) counts against a match of its own words. Measured with `npm run --silent eval`
 * (stand-in): 0.3 and 0.5 answered one more paraphrase on the development set and lost none (unanswerable
 * refused unchanged); XQuAD-en hybrid R@1 / R@5 0.945 / 0.992 -> 0.948 / 0.992 at 0.3, unchanged at 0.15.
 */
export const DEFAULT_RELATED_WEIGHT = 0.3;

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/**
 * A caption usually restates the story around a photo: when a passage of the same story holds every
 * question word the caption holds, the story's own words are the better answer on a near tie. A caption
 * that is the only passage holding the fact (a name, a place, a figure given only under the photo) keeps
 * its score.
 */
function penaliseRestatingCaptions(hits: SearchHit[], terms: readonly string[]): void {
  // A question about the photo itself is answered by its caption, however much the story restates it.
  if (asksAboutPicture(terms)) return;
  const bodyTerms = hits
    .filter((hit) => hit.passage.kind === 'body')
    .map((hit) => ({ articleId: hit.passage.articleId, terms: termsIn(hit.passage.text, terms) }));
  for (const hit of hits) {
    // A list line whose label the question names pairs it with the answer; the prose only restates the label.
    if (hit.passage.kind !== 'caption' || namesListLabel(hit.passage.text, terms)) continue;
    const captionTerms = [...termsIn(hit.passage.text, terms)];
    const restated = bodyTerms.some(
      (body) =>
        body.articleId === hit.passage.articleId && captionTerms.every((term) => body.terms.has(term)),
    );
    if (restated) hit.score *= CAPTION_WEIGHT;
  }
}

interface Shortlist {
  shortlist: FusedHit[];
  records: PassageRecord[];
  /** Each shortlisted story's coverage of the question (empty when not read). */
  storyCoverage: ReadonlyMap<number, number>;
  /**
   * Whether no story of the first fused hits names every name the question asks about (see questionNames,
   * namesEvery): the evidence check would refuse them all.
   */
  namesMissed: boolean;
}

async function plainShortlist(
  store: PassageStore,
  fused: readonly FusedHit[],
  size: number,
): Promise<Shortlist> {
  const shortlist = fused.slice(0, size);
  return {
    shortlist,
    records: await store.passages(shortlist.map((hit) => hit.id)),
    storyCoverage: new Map(),
    namesMissed: false,
  };
}

/**
 * The first `size` fused hits, and the retrieved passages of the stories that cover more of the question
 * than any of theirs (see article-coverage), with every story's coverage. The stories read are those of
 * the first fused hits and of `named` (see namedPassages), wherever those rank.
 */
async function withCoveredStories(
  store: PassageStore,
  fused: readonly FusedHit[],
  size: number,
  terms: readonly string[],
  weightOf: TermWeights,
  stories: StoryCache,
  asked: readonly string[],
  /** Every name the question asks about, countries too (see questionNames): the names a story must name. */
  everyName: readonly string[],
  named: readonly RankedId[] = [],
  /** Whether the stories naming every name are favoured whatever the first matches' stories name. */
  namesFirst = false,
): Promise<Shortlist> {
  const records = await store.passages([
    ...new Set([...fused.slice(0, STORY_DEPTH), ...named].map((hit) => hit.id)),
  ]);
  // A question of no content words ("what did he say?") is covered by no story: none is read.
  const read = contentTerms(terms).length > 0 ? records.map((record) => record.articleId) : [];
  const storiesRead = await stories.stories(store, read);
  const articleOf = new Map(records.map((record) => [record.id, record.articleId]));
  const firstStories = fused.slice(0, STORY_DEPTH).flatMap((hit) => articleOf.get(hit.id) ?? []);
  const storyCoverage = withoutUnnamed(
    articleCoverage(storiesRead, terms, weightOf, asked),
    storiesRead,
    everyName,
    namesFirst ? [] : firstStories,
  );
  const first = fused.slice(0, size);
  const shortlist = [
    ...first,
    ...pulledIn(fused, articleOf, storyCoverage, new Set(first.map((hit) => hit.id))),
  ];
  const names = namesEvery(everyName);
  const namesMissed = read.length > 0 && !firstStories.some((id) => names(storiesRead.get(id)));
  return { shortlist, records, storyCoverage, namesMissed };
}

/** How many passages holding a results question's names are read for its company's own results. */
const HEADLINED_DEPTH = 200;

/**
 * The shortlist with the results blocks of its stories it lacks (see resultsBlocksBeyond), and those of the
 * stories whose headline names the company asked about (see headlinedResultsBlocks), found among the
 * passages holding its names (a company's in either form of its last word, as the names check reads them,
 * see nameForms: "Wickes Companies" under "WICKES COS INC"), on the shortlist's best score: the company's
 * own results for the period asked are what the question asks, whatever words they share with it. The
 * headlined blocks, `npm run --silent eval -- --only dev,fresh`: fresh caption hit@3 0.947 -> 0.982
 * (refused 0.018 -> 0), answerable 0.923 -> 0.926 (refused 0.029 -> 0.027; headline-context hit@1 0.547
 * -> 0.533, hit@3 unchanged), development set unchanged in every kind. Three more reads, for a results
 * question only: search's CPU time 12 -> 16 ms (median of 25 searches of five results questions on the
 * development archive, machine under load).
 */
async function withResultsBlocks(
  store: PassageStore,
  fused: readonly FusedHit[],
  listed: Shortlist,
  answers: (passage: PassageRecord) => boolean,
  asked: readonly string[],
  range: DateRange | undefined,
): Promise<Shortlist> {
  const articleOf = new Map(listed.records.map((record) => [record.id, record.articleId]));
  const stories = [...new Set(listed.shortlist.flatMap((hit) => articleOf.get(hit.id) ?? []))];
  const storyPassages = await store.articlePassages(stories);
  const listedIds = new Set(listed.shortlist.map((hit) => hit.id));
  const blocks = resultsBlocksBeyond(
    storyPassages,
    answers,
    listed.shortlist,
    listedIds,
    articleOf,
    new Map(fused.map((hit) => [hit.id, hit.score])),
  );
  const added = new Set(blocks.map((block) => block.id));
  for (const id of added) listedIds.add(id);
  const naming =
    asked.length > 0
      ? await store.fullText(
          asked.map((name) => `(${nameForms(name).map(ftsString).join(' OR ')})`).join(' AND '),
          HEADLINED_DEPTH,
          DEFAULT_CONTEXT_WEIGHT,
          range,
        )
      : [];
  const headlined = headlinedResultsBlocks(
    await store.passages(naming.map((hit) => hit.id).filter((id) => !listedIds.has(id))),
    answers,
    asked,
  );
  const best = Math.max(...listed.shortlist.map((hit) => hit.score), 0);
  return {
    ...listed,
    shortlist: [
      ...listed.shortlist,
      ...blocks.map((block) => ({ ...block, ranks: [] })),
      ...headlined.map((passage) => ({ id: passage.id, score: best, ranks: [] })),
    ],
    records: [...listed.records, ...storyPassages.filter((passage) => added.has(passage.id)), ...headlined],
  };
}

/**
 * Hybrid retrieval: BM25 over FTS5 and k-nearest vectors from sqlite-vec, fused by score (or by reciprocal
 * rank in `rrf` mode), with near-duplicate passages (the same sentence syndicated or repeated) dropped from the results.
 */
export async function searchPassages(
  store: PassageStore,
  question: string,
  questionVector: Float32Array,
  {
    limit,
    mode,
    vectorWeight,
    candidates = DEFAULT_CANDIDATES,
    contextWeight = DEFAULT_CONTEXT_WEIGHT,
    range,
    newestFirst: favourNewest = false,
    coverageWeight = DEFAULT_COVERAGE_WEIGHT,
    answerTypeWeight = DEFAULT_ANSWER_TYPE_WEIGHT,
    termWeights: weights,
    relatedWeight = DEFAULT_RELATED_WEIGHT,
    complementBest = false,
    namesFirst = false,
    articleWeight = DEFAULT_ARTICLE_WEIGHT,
    stories = new StoryCache(),
  }: SearchOptions,
): Promise<SearchHit[]> {
  const depth = Math.max(candidates, limit * 2);
  const questionTerms = queryTerms(question);
  const forms = mode === 'vector' ? new Map() : await searchedForms(store, question, questionTerms);
  const match = mode === 'vector' ? null : buildMatchExpression(question, forms);
  const related = mode === 'hybrid' && relatedWeight > 0 ? relatedMatchExpression(question) : null;
  const [bm25, vector, relatedHits] = await Promise.all([
    match ? store.fullText(match, depth, contextWeight, range) : [],
    mode === 'bm25' ? [] : store.nearest(questionVector, depth, range),
    related ? store.fullText(related, depth, contextWeight, range) : [],
  ]);
  const fuse = (lexical: readonly RankedId[]) =>
    mode === 'hybrid'
      ? scoreFusion(lexical, vector, vectorWeight, { hits: relatedHits, weight: relatedWeight })
      : reciprocalRankFusion([lexical.map((hit) => hit.id), vector.map((hit) => hit.id)]);
  const fused = fuse(bm25);

  const terms = withNamePhrases(question, questionTerms);
  // Both weights are on the scale of score fusion (best BM25 match 1); rank fusion's scores are ~0.016.
  const weightOf = mode === 'hybrid' ? (weights ?? (await termWeights(store, terms))) : null;
  // Countries too, unlike `asked`: the cause of Iran's warning is given in a story naming Iran.
  const names = questionNames(question, questionTerms, weightOf?.written);
  const asked = namesOtherThanCountries(names);
  // Read a few more than needed so that dropping duplicates still leaves `limit` passages.
  let listed =
    weightOf && articleWeight > 0 && coverageWeight > 0
      ? await withCoveredStories(store, fused, limit * 3, terms, weightOf, stories, asked, names)
      : await plainShortlist(store, fused, limit * 3);
  // No story of the first matches names what the question names, so the evidence check would refuse them
  // all: the passages of stories that name it (a country in any of its forms) are fused in and their
  // stories read (see namedPassages, withoutUnnamed).
  const named =
    (listed.namesMissed || namesFirst) && match && weightOf
      ? await namedPassages(store, names, weightOf, match, contextWeight, range)
      : [];
  const searched = weightOf && named.length > 0 ? fuse(withNamed(bm25, named)) : fused;
  if (weightOf && named.length > 0) {
    listed = await withCoveredStories(
      store,
      searched,
      limit * 3,
      terms,
      weightOf,
      stories,
      asked,
      names,
      named,
      namesFirst,
    );
  }
  // A question asking for a company's results is answered by its results table (see answersResults).
  const answersAsked = weightOf ? answersResults(question, asked) : null;
  if (answersAsked) listed = await withResultsBlocks(store, searched, listed, answersAsked, asked, range);
  const { shortlist, records, storyCoverage } = listed;
  const ids = shortlist.map((hit) => hit.id);
  const vectors = await store.vectors(ids);
  const passages = new Map(records.map((p) => [p.id, p]));
  const hits = shortlist.flatMap((hit): SearchHit[] => {
    const passage = passages.get(hit.id);
    const passageVector = vectors.get(hit.id);
    if (!passage || !passageVector) return [];
    return [{ passage, score: hit.score, similarity: dot(questionVector, passageVector) }];
  });
  penaliseRestatingCaptions(hits, terms);
  if (weightOf && coverageWeight > 0) {
    rerankByCoverage(hits, terms, weightOf, coverageWeight * (1 - articleWeight), asked);
    rerankByStory(hits, storyCoverage, coverageWeight * articleWeight);
  }
  if (weightOf) {
    favourAnswerKinds(hits, question, answerTypeWeight);
    favourCauses(hits, question, names, answerTypeWeight);
    favourCountries(hits, question, answerTypeWeight);
    disfavourForecasts(hits, question, answerTypeWeight);
    favourCaptions(hits, terms, answerTypeWeight);
    favourNamedListLines(hits, terms, answerTypeWeight);
    if (answersAsked) favourResultsBlocks(hits, answersAsked, answerTypeWeight);
    favourYearTables(hits, question, answerTypeWeight);
  }
  hits.sort((a, b) => b.score - a.score);
  const ranked = dropNearDuplicates(
    favourNewest ? newestFirst(hits) : hits,
    (hit) => hit.passage.text,
    limit,
  );
  if (!weightOf || !complementBest) return ranked;
  return withArticleComplement(store, ranked, question, terms, weightOf, (vector) =>
    dot(questionVector, vector),
  );
}
