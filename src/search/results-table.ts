import { isPeriodHeader, isRow, YEAR_COUNTS } from '../document/result-table.js';
import { headwordOf } from '../document/report-abbreviations.js';
import { figureOfWord } from '../document/number-words.js';
import type { PassageRecord } from '../store/passage-store.js';
import { namesEvery, type Scored } from './article-coverage.js';
import { storyOf } from './story-cache.js';

/**
 * A question asking for a company's results: what it earned, made or lost, its profit, sales, revenues or
 * dividend ("How much did Home Savings Bank make in the first quarter?", "What were Photographic Sciences'
 * sales for the whole year?", "What quarterly dividend is PLDT paying?").
 */
const RESULTS_QUESTION =
  /\b(?:earn|earns|earned|earning|earnings|make|makes|made|lose|loses|lost|losing|loss|losses|profits?|income|sales|revenues?|turnover|dividends?|payout)\b/iu;

const asksForResults = (question: string) => RESULTS_QUESTION.test(question);

const VERSUS = /\bvs\b/iu;

/**
 * Whether a passage is a period block of a results table as ingest cuts one (see resultTableBlocks): lines
 * of a table only, a period header or a row, at least one of them a figure against another ("Net 6,089,000
 * vs 7,310,000").
 */
export function isResultsBlock(text: string): boolean {
  const lines = text.split(/\n+/u).filter((line) => line.trim() !== '');
  return (
    lines.length >= 2 &&
    lines.every((line) => isRow(line) || isPeriodHeader(line)) &&
    lines.some((line) => isRow(line) && VERSUS.test(line))
  );
}

const PERIODS = ['year', 'months', 'quarter', 'half', 'weeks'];
const ORDINALS = ['first', 'second', 'third', 'fourth'];
const YEAR = /\b(?:19|20)\d\d\b/u;

/** The count or place a word before a period word gives it: "1ST" and "first" 1, "nine" and "9" 9. */
function countOf(word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  const ordinal = /^(\d+)(?:st|nd|rd|th)$/u.exec(word)?.[1];
  if (ordinal) return ordinal;
  const place = ORDINALS.indexOf(word);
  if (place >= 0) return String(place + 1);
  return /^\d+$/u.test(word) ? word : figureOfWord(word);
}

interface Period {
  period: string;
  count: string | undefined;
}

/**
 * The periods a text names, as the words a question uses, each with its count or place when a word before
 * it gives one: "Nine mths" -> "months 9", "4TH QTR" -> "quarter 4", "whole year" -> "year", "53 weeks" ->
 * "weeks 53" and "year" (see YEAR_COUNTS).
 */
function periodsIn(text: string): Period[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.flatMap((word, index) => {
    const period = headwordOf(word) ?? word;
    if (!PERIODS.includes(period)) return [];
    const count = countOf(words[index - 1]);
    const year = count !== undefined && YEAR_COUNTS[period]?.includes(count);
    return year
      ? [
          { period, count },
          { period: 'year', count: undefined },
        ]
      : [{ period, count }];
  });
}

/**
 * Whether a results block reports a period the question asks about: the period its header names ("Year",
 * "Nine mths"), or, with no header, the period its headline names ("HOME SAVINGS BANK 1ST QTR NET"), or a
 * row ("Qtly div 1.25 pesos vs 1.25 pesos" answers "What quarterly dividend is PLDT paying?" under "YEAR
 * NET"), in the same place or count when both give one ("first quarter" is not "3RD QTR"); any block when
 * the question names no period, a year's when it names a year ("How much profit did South Africa's gold
 * mines make in 1986?" is not answered by a mining house's "1ST QTR TO MARCH 31"). "How much did Heck's lose in its fourth quarter?" is answered by the block
 * under "HECK'S INC 4TH QTR NET", not by the one under "Year" below it.
 */
export const reportsAskedPeriod = (question: string, block: Pick<PassageRecord, 'text' | 'context'>) =>
  reportsPeriod(periodsAsked(question), block);

/** The periods a question asks for (see periodsIn), worked out once a question, not once a block. */
function periodsAsked(question: string): Period[] {
  const periods = periodsIn(question);
  // A year the question names and no other period asks for that year's figures ("make in 1986").
  return periods.length === 0 && YEAR.test(question) ? [{ period: 'year', count: undefined }] : periods;
}

function reportsPeriod(asked: readonly Period[], block: Pick<PassageRecord, 'text' | 'context'>): boolean {
  if (asked.length === 0) return true;
  const [first = ''] = block.text.split(/\n/u);
  const reported = periodsIn(isPeriodHeader(first) ? block.text : `${block.context}\n${block.text}`);
  return asked.some(({ period, count }) =>
    reported.some(
      (given) =>
        given.period === period &&
        (count === undefined || given.count === undefined || given.count === count),
    ),
  );
}

/**
 * The test of a passage answering a question that asks for a company's results (see asksForResults), or
 * null for any other question: a results block (see isResultsBlock) reporting the period asked (see
 * reportsAskedPeriod) whose headline or rows name every name the question asks about (`names`, see
 * namesAsked). Another company's table answers nothing: "What dividend is Volkswagen paying on its new
 * preference shares?" was refused once the tables of the shortlist's other stories were favoured.
 */
export function answersResults(
  question: string,
  names: readonly string[],
): ((passage: Pick<PassageRecord, 'text' | 'context'>) => boolean) | null {
  if (!asksForResults(question)) return null;
  const named = namesEvery(names);
  const asked = periodsAsked(question);
  return (passage) =>
    isResultsBlock(passage.text) &&
    reportsPeriod(asked, passage) &&
    named(storyOf(`${passage.context}\n${passage.text}`));
}

/**
 * The passages answering a results question (`answers`, see answersResults) of the shortlisted stories
 * that the shortlist (its ids `listed`) lacks, among `storyPassages` (every passage of those stories), each on its fused
 * score (`fused`), or, found by neither BM25 nor the embedding, on the lowest its story has in the
 * shortlist. A wire prints a company's results a line to a paragraph, and ingest keeps each period's lines
 * as one passage whose words are abbreviations ("Shr 51 cts vs not given", "Net 6,089,000 vs 7,310,000")
 * and whose company only the headline names: its story's notes ("NOTE: Company went public in November
 * 1986") match the question as well through the headline and better through the embedding, and the block
 * fell below the shortlist (43rd fused for "How much did Home Savings Bank make in the first quarter?",
 * 31st for Photographic Sciences' sales for the year; PLDT's five rows, "Qtly div" among them, in neither
 * list).
 */
export function resultsBlocksBeyond<P extends Pick<PassageRecord, 'id' | 'articleId' | 'text' | 'context'>>(
  storyPassages: readonly P[],
  answers: (passage: P) => boolean,
  shortlist: readonly Scored[],
  listed: ReadonlySet<number>,
  articleOf: ReadonlyMap<number, number>,
  fused: ReadonlyMap<number, number>,
): Scored[] {
  const lowest = new Map<number, number>();
  for (const hit of shortlist) {
    const story = articleOf.get(hit.id);
    if (story !== undefined) lowest.set(story, Math.min(lowest.get(story) ?? Infinity, hit.score));
  }
  // Every story of `storyPassages` is one of the shortlist's, so it has a lowest score.
  return storyPassages
    .filter((passage) => !listed.has(passage.id) && answers(passage))
    .map((passage) => ({ id: passage.id, score: fused.get(passage.id) ?? lowest.get(passage.articleId)! }));
}

/**
 * Of `passages` (those holding the names the question asks about, `names`), the ones answering a results
 * question (`answers`, see answersResults) whose story's headline names every one of them: the company's
 * own results. "How much did Heck's lose in its fourth quarter?" finds the stories of Viner, which wrote
 * down its stake in Heck's and lost money in its fourth quarter, and "HECK'S INC 4TH QTR JAN THREE NET"
 * ranked 40th of the stories by BM25 (its table holds no word of the question, its headline the company
 * and the period in abbreviations), below the shortlist; ACC Corp's third quarter likewise, refused.
 */
export function headlinedResultsBlocks<P extends Pick<PassageRecord, 'text' | 'context'>>(
  passages: readonly P[],
  answers: (passage: P) => boolean,
  names: readonly string[],
): P[] {
  const headlined = namesEvery(names);
  return names.length === 0
    ? []
    : passages.filter((passage) => answers(passage) && headlined(storyOf(passage.context)));
}

/**
 * Adds `weight` to the score of every hit answering a results question (`answers`, see answersResults; in
 * place): a block's rows are the answer, and share no word with the question ("make" for "Net", "first" for
 * "1ST"), so the story's notes, which hold a year and read as giving a figure as much as the rows do,
 * outranked it. With the blocks brought into the shortlist (see resultsBlocksBeyond), `npm run --silent eval
 * -- --only dev,fresh`: fresh caption hit@3 0.895 -> 0.947 (hit@1 0.649 -> 0.825), answerable 0.920 ->
 * 0.923 (hit@1 0.700 -> 0.710), refused unchanged; development set unchanged in every kind. Favouring any
 * company's table for the period lost "What dividend is Volkswagen paying on its new preference shares?"
 * (refused below three other companies' tables), and any period, a mining house's first quarter above the
 * gold industry's 1986 profits.
 */
export function favourResultsBlocks<
  T extends { passage: Pick<PassageRecord, 'text' | 'context'>; score: number },
>(hits: T[], answers: (passage: Pick<PassageRecord, 'text' | 'context'>) => boolean, weight: number): void {
  for (const hit of hits) if (answers(hit.passage)) hit.score += weight;
}
