import type { PassageRecord } from '../store/passage-store.js';
import type { Story } from './story-cache.js';
import { contentTerms, termsHeld, wordsCoverage } from './term-match.js';
import type { TermWeights } from './term-weights.js';

/**
 * The share of the coverage weight (see coverage-rerank) read over a passage's whole story, its headline and
 * every paragraph, rather than over the passage: a passage's coverage counts half, its story's half. A story
 * is about the question when it names everything the question names somewhere, while the paragraph that
 * answers often repeats only part of it: "where will Aston Martin manufacture its cheapest model?" is
 * answered by "The Vantage will be built at the new Aston factory in Gaydon", which names neither Aston
 * Martin nor its cheapest model, and stories about other makers' cheap models outranked it. A story of one
 * passage reads the same either way, so a set of one-paragraph documents (XQuAD) ranks as before.
 * Measured on the development set (`npm run --silent eval -- --only dev`, stand-in model), with the
 * stories pulled in below (see pulledIn): paraphrase hit@3 0.357 -> 0.500 (two answered, none lost),
 * answerable hit@1 0.586 -> 0.592; one speaker-org-role question refused whose answer moved from 1st to 2nd
 * (the evidence judged on the first three lost a near-threshold passage of another story); added to the
 * passage's coverage at 0.5 or 1 instead of sharing it, the same questions, but XQuAD-en hybrid R@1 0.948
 * -> 0.946. Held-out set unchanged (hit@3 0.765); XQuAD-en hybrid R@1 / R@5 unchanged (0.948 / 0.992).
 */
export const DEFAULT_ARTICLE_WEIGHT = 0.5;

/** How many of the best-covered stories may bring their retrieved passages beyond the shortlist. */
const PULLED_ARTICLES = 2;

export interface Scored {
  id: number;
  score: number;
}

/**
 * Coverage of the question's content words by each story (see StoryCache), read over the whole story; the
 * names it asks about (`names`, see namesAsked) held only as written (see termsHeld).
 */
export function articleCoverage(
  stories: ReadonlyMap<number, Story>,
  terms: readonly string[],
  weightOf: TermWeights,
  names: readonly string[] = [],
): Map<number, number> {
  const content = contentTerms(terms);
  if (content.length === 0) return new Map();
  return new Map(
    [...stories].map(([id, story]) => [id, wordsCoverage(story.words, content, weightOf, undefined, names)]),
  );
}

/**
 * Story coverage (see articleCoverage) with none for each story that does not name every name the question
 * asks about (`names`, see questionNames), when none of the stories of search's first matches (`first`,
 * article ids) names them all and another story read does (see namedPassages): the evidence check would
 * refuse every one of the first, and the story that names them is the question's. For "How many weeks do
 * Price Co's quarterly and nine-month figures cover?" other companies' notes on their "qtr and nine mth
 * figures" covered 0.54 of the question against Price Co's story's 0.71, too close to lift its note
 * ("Twelve- and 40-week periods", the one paragraph holding "weeks") over notes holding four of the
 * question's words. Measured with namedPassages on the development set (`npm run --silent eval -- --only
 * dev`, stand-in model): headline-context hit@3 0.917 -> 1.000 (Price Co), fact 0.941 -> 1.000 (the former
 * KGB officer's settlement), answerable hit@1 / hit@3 0.657 / 0.929 -> 0.663 / 0.941, no question lost,
 * unanswerable refused unchanged (0.970); held-out unchanged (0.765); XQuAD-en hybrid unchanged (0.948 /
 * 0.992). Names of several words alone answered Price Co only; either part alone changed no question.
 * Applied whenever a story lacks a name another names, it lost XQuAD-en hybrid R@1 0.948 -> 0.946: a
 * paragraph of an encyclopaedia article names its subject by a short form ("the church") where another
 * paragraph names it in full.
 */
export function withoutUnnamed(
  coverage: ReadonlyMap<number, number>,
  stories: ReadonlyMap<number, Story>,
  names: readonly string[],
  first: readonly number[],
): Map<number, number> {
  const named = (id: number) => namesEvery(names)(stories.get(id));
  if (first.some(named) || ![...stories.keys()].some(named)) return new Map(coverage);
  return new Map([...coverage].map(([id, value]) => [id, named(id) ? value : 0]));
}

/**
 * Whether a story names every one of `names` (a name of several words as one, or by its initials, as in the
 * evidence check); any story does when there are none, and no story not read.
 */
export function namesEvery(names: readonly string[]): (story: Story | undefined) => boolean {
  return (story) =>
    names.length === 0 ||
    (story !== undefined && termsHeld(story.words, names, undefined, names).size === names.length);
}

/**
 * The retrieved passages (in fused order) of the best-covered stories that the shortlist left out: a story
 * that holds the whole question but whose answering paragraph repeats little of it is found by a retriever
 * below the shortlist (UK defence intelligence's count of the dead, 29th). Only stories that cover more of
 * the question than every story in the shortlist bring passages in.
 */
export function pulledIn<T extends Scored>(
  fused: readonly T[],
  articleOf: ReadonlyMap<number, number>,
  coverage: ReadonlyMap<number, number>,
  shortlist: ReadonlySet<number>,
): T[] {
  const listed = [...shortlist].map((id) => coverage.get(articleOf.get(id) ?? -1) ?? 0);
  const bar = Math.max(0, ...listed);
  const ranked = [...coverage]
    .filter(([, value]) => value > bar)
    .sort((a, b) => b[1] - a[1])
    .slice(0, PULLED_ARTICLES)
    .map(([id]) => id);
  const chosen = new Set(ranked);
  return fused.filter((hit) => !shortlist.has(hit.id) && chosen.has(articleOf.get(hit.id) ?? -1));
}

/** Adds `weight` times the coverage of each hit's story (see articleCoverage) to its score (in place). */
export function rerankByStory<T extends { passage: Pick<PassageRecord, 'articleId'>; score: number }>(
  hits: T[],
  coverage: ReadonlyMap<number, number>,
  weight: number,
): void {
  if (weight === 0) return;
  for (const hit of hits) hit.score += weight * (coverage.get(hit.passage.articleId) ?? 0);
}
