import type { SearchHit } from './hybrid-search.js';

/**
 * How close to the best score a passage must be to count as relevant for a "latest" question. Only these
 * are reordered by date: a gentle re-rank, so that a new article that barely touches the topic never
 * outranks the story that answers it.
 */
export const RELEVANT_SHARE = 0.8;

/**
 * Hits ranked best first, reordered for a recency question ("what's the latest on ..."): the relevant ones
 * (scoring at least RELEVANT_SHARE of the best) newest article first, undated ones after the dated, then
 * the rest in their order. Pure; equal dates keep their ranking.
 */
export function newestFirst<T extends Pick<SearchHit, 'passage' | 'score'>>(hits: readonly T[]): T[] {
  const best = hits[0]?.score ?? 0;
  // Scores are comparable only as a share of a positive best; a list without one keeps its order.
  if (best <= 0) return [...hits];
  const relevant = hits.filter((hit) => hit.score >= best * RELEVANT_SHARE);
  const rest = hits.filter((hit) => hit.score < best * RELEVANT_SHARE);
  const day = (hit: T) => hit.passage.published?.slice(0, 10) ?? '';
  const byDate = [...relevant].sort((a, b) => (day(a) === day(b) ? 0 : day(a) > day(b) ? -1 : 1));
  return [...byDate, ...rest];
}
