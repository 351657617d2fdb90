import { NUMBER_WORD_PATTERN } from './number-words.js';
import { headwordOf } from './report-abbreviations.js';

/** Paragraphs `first` to `last` (0-based, inclusive) of an article: one period of a results table. */
export interface TableBlock {
  first: number;
  last: number;
}

/** A line of a table is short; a longer one is a sentence, a note, or a list of figures in prose. */
const MAX_ROW_WORDS = 12;
const MAX_HEADER_WORDS = 8;
const SENTENCE_END = /[.!?:]["'\p{Pf}\p{Pe}]*$/u;
const VERSUS = /\bvs\b/iu;
const PERIOD_WORD = /^(?:years?|months?|weeks?|quarters?|half|period)$/u;
/** A day of a month written in words, as dividend tables write it: "Pay April Six", "Payable May one". */
const DATE_IN_WORDS = new RegExp(
  `\\b(?:Jan(?:uary)?|Feb(?:ruary)?|March|April|May|June|July|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\s+(?:${NUMBER_WORD_PATTERN}|eleven|twelve|\\p{L}+teen|twenty|thirty)\\b`,
  'iu',
);

const wordCount = (text: string) => text.split(/\s+/u).length;

/** A line short and unpunctuated enough to be a table's: a row, a wrapped label, a sub-heading. */
const isShortLine = (text: string) => wordCount(text) <= MAX_ROW_WORDS && !SENTENCE_END.test(text);

/**
 * A figure against the year before ("Revs 24.2 mln vs 26.8 mln", "Shr nil vs nil"), a figure alone, or a
 * date ("Pay April Six"). A dividend table's date in words ended its table: "Qtly div 10 cts vs 10 cts
 * prior", "Pay April Six", "Record March 16" were three passages, and "When does Conchemco pay its quarterly
 * dividend?" found the first alone and was refused. Read as a row (PIPELINE_VERSION 21), 211 Reuters-21578
 * stories are cut otherwise (tables in 2,871 -> 2,986 stories); `npm run --silent eval -- --only dev,fresh
 *`: the twelfth batch's caption hit@3 0.667 -> 0.833 (refused 0.167
 * -> 0), nothing moved on dev, fresh or the eleventh batch.
 */
export function isRow(text: string): boolean {
  return isShortLine(text) && (VERSUS.test(text) || /\d/u.test(text) || DATE_IN_WORDS.test(text));
}

/**
 * A row's label wrapped onto a line of its own ("Exceptional provisions for closure of Viviez electrolysis"
 * above "Plant 187 mln francs vs exceptional gain 22 mln"), a sub-heading ("Operating profit includes -") or
 * a figure's unit wrapped below it ("Mln"): a short unpunctuated line, read as part of the table when a row
 * follows it. Read as a paragraph, it cut its table in two, and the six-word ones read as photo captions. On
 * Reuters-21578 50 such lines in 32 stories stand between a table's lines and a row against another ("vs").
 */
function isWrappedLabel(texts: readonly string[], index: number): boolean {
  const text = texts[index]!;
  const next = texts[index + 1];
  return (
    isShortLine(text) &&
    !/^note\b/iu.test(text) &&
    next !== undefined &&
    isShortLine(next) &&
    VERSUS.test(next)
  );
}

/**
 * The counts of months and weeks that make a year: a retailer's fiscal year is 52 or 53 weeks ("53 weeks to
 * April 4, 1987"), a year's block may be headed "12 mths". "What pretax profit did Storehouse report for
 * 1986/87?" ranked the story's note above its table, headed "53 weeks", which was read as no year's; read
 * as a year's, the table is first (the twentieth batch's caption hit@1 0.600 -> 1.000 with the first
 * months' headings of asked-outcome, which are never these).
 */
export const YEAR_COUNTS: Readonly<Record<string, readonly string[]>> = {
  months: ['12'],
  weeks: ['52', '53'],
};

/** The period the rows under it report: "Year", "Nine mths", "12 mths", "1st half", "Qtr ends Jan 31". */
export function isPeriodHeader(text: string): boolean {
  if (wordCount(text) > MAX_HEADER_WORDS || VERSUS.test(text) || SENTENCE_END.test(text)) return false;
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).some((word) =>
    PERIOD_WORD.test(headwordOf(word) ?? word),
  );
}

/**
 * The period blocks of the results tables among an article's paragraphs, each a period header and the rows
 * under it, or the rows before the first header (the period the headline names: "PRICE CO 3RD QTR NET").
 * Wires print a table a line to a paragraph, so "Sales 2.45 billion vs 1.95 billion" alone says neither
 * which period it reports nor, often, that it is sales ("Revs"): the header a few lines up does. A table is
 * a run of rows and headers with two rows or more, one of them a figure against another ("vs"): lines of
 * figures that compare nothing are left as they are. Blocks of one line are left out: they are paragraphs.
 * On Reuters-21578 (19,042 stories) 2,871 stories hold a table; their 16,111 lines make 4,353 blocks, the
 * longest 249 word pieces of the stand-in model.
 */
export function resultTableBlocks(texts: readonly string[]): TableBlock[] {
  const blocks: TableBlock[] = [];
  for (let first = 0; first < texts.length;) {
    let end = first;
    while (
      end < texts.length &&
      (isPeriodHeader(texts[end]!) || isRow(texts[end]!) || (end > first && isWrappedLabel(texts, end)))
    )
      end++;
    const run = texts.slice(first, end);
    const rows = run.filter((text) => isRow(text) && !isPeriodHeader(text));
    if (rows.length >= 2 && rows.some((text) => VERSUS.test(text))) {
      let start = first;
      for (let index = first + 1; index <= end; index++) {
        if (index < end && !isPeriodHeader(texts[index]!)) continue;
        if (index - 1 > start) blocks.push({ first: start, last: index - 1 });
        start = index;
      }
    }
    first = Math.max(end, first + 1);
  }
  return blocks;
}
