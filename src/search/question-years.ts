import { monthNumber } from '../document/date-range.js';
import { figureOfWord } from '../document/number-words.js';
/**
 * Years a question asks about: "the 2022 final", "in March 1987", "since 2004". Four digits from 1900 to
 * 2099 standing alone; not part of a larger number ("12,2005"), a decimal, a range of digits or a
 * quantity with a unit ("2000 jobs" is still read as a year: rare in questions, and only ever a refusal when
 * the archive never mentions 2000 either).
 */
export const YEAR_PATTERN = String.raw`(?<![\p{N}.,$£€])(?:19|20)\d\d(?![\p{N}%]|[.,]\d)`;

/** A month's name, in full or shortened ("February", "Feb", "Sept"), for a regular expression. */
export const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)';

export function yearsAsked(question: string): number[] {
  const years = new Set<number>();
  for (const match of question.matchAll(new RegExp(YEAR_PATTERN, 'gu'))) years.add(Number(match[0]));
  return [...years];
}

/**
 * Years a question names as the time its events took place: "in 1988", "during 1988", "throughout 1988".
 * Not a year naming a thing ("the 1988 budget", "fiscal 1988"), a target ("by 1988") or a period a figure
 * is set for ("for 1988", "to 1988"), which stories name long before it.
 */
export const yearsOfEvents = (question: string) => yearsAfter(question, String.raw`in|during|throughout`);

/**
 * Years a question names an event by that something came before or after: "before the 2010 general
 * election", "after 2017": the time a speaker's words are asked at (see inStoriesNaming in build-answer).
 * Not "in early 2005" or "how 2005 is looking", which may be what someone spoke of long before it.
 */
export const yearsAround = (question: string) =>
  yearsAfter(question, String.raw`before|after|ahead\s+of`, String.raw`(?:the\s+)?`);

/** The years a question writes right after one of `words` (a pattern's alternatives), `between` them. */
function yearsAfter(question: string, words: string, between = ''): number[] {
  const pattern = new RegExp(String.raw`\b(?:${words})\s+${between}(${YEAR_PATTERN})(?![-–/]\d)`, 'giu');
  return [...new Set([...question.matchAll(pattern)].map((match) => Number(match[1])))];
}

/** "1987, 2004–2005 and 2025": covered years with consecutive runs joined, for a refusal's reason. */
export function describeYears(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return runs.length > 1 ? `${runs.slice(0, -1).join(', ')} and ${runs.at(-1)}` : (runs[0] ?? '');
}

/** The last month of each quarter a question names by its place ("first", "4th", "final"). */
const QUARTER_END: Readonly<Record<string, number>> = {
  first: 3,
  '1st': 3,
  second: 6,
  '2nd': 6,
  third: 9,
  '3rd': 9,
  fourth: 12,
  '4th': 12,
  final: 12,
  last: 12,
};
const QUARTER = String.raw`(first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter`;
/** A year standing alone, not the first of a split one ("1986/87", a crop or fiscal year ending later). */
const WHOLE_YEAR = String.raw`(${YEAR_PATTERN})(?![/-]\d)`;

/**
 * The periods of accounts a question names with their year, each with the month it ends in (1 to 12): a
 * quarter ("the first quarter of 1988", "fourth-quarter 1987", "1987's first quarter"), a half ("the first
 * half of 1987"), a year to a month ("the year to March 1988"), the first months of a year ("the first
 * nine months of 1987"), a month ("in February 1987") or a whole year ("the full year 1987", "in 1987",
 * "for 1987").
 */
const PERIODS: readonly (readonly [RegExp, (match: RegExpExecArray) => number])[] = [
  [
    new RegExp(String.raw`\b${QUARTER}\s+(?:of\s+)?${WHOLE_YEAR}`, 'giu'),
    (m) => QUARTER_END[m[1]!.toLowerCase()]!,
  ],
  [
    new RegExp(String.raw`${WHOLE_YEAR}(?:'s)?\s+${QUARTER}`, 'giu'),
    (m) => QUARTER_END[m[2]!.toLowerCase()]!,
  ],
  [
    new RegExp(String.raw`\b(first|second)\s+half\s+(?:of\s+)?${WHOLE_YEAR}`, 'giu'),
    (m) => (m[1]!.toLowerCase() === 'first' ? 6 : 12),
  ],
  [
    new RegExp(
      String.raw`\byear\s+(?:to|ended|ending)\s+(?:the\s+end\s+of\s+)?(${MONTH})\b\.?(?:\s+\d{1,2})?,?\s+${WHOLE_YEAR}`,
      'giu',
    ),
    (m) => monthNumber(m[1]!),
  ],
  [
    new RegExp(String.raw`\bfirst\s+(\w+)\s+months\s+of\s+${WHOLE_YEAR}`, 'giu'),
    (m) => Number(figureOfWord(m[1]!.toLowerCase()) ?? m[1]),
  ],
  [
    new RegExp(String.raw`\b(?:in|for|during)\s+(${MONTH})\b\.?,?\s+${WHOLE_YEAR}`, 'giu'),
    (m) => monthNumber(m[1]!),
  ],
  [
    new RegExp(
      String.raw`\b(?:(?:in|for|during|throughout)\s+(?:(?:the\s+)?(?:full|whole)\s+(?:year\s+(?:of\s+)?)?)?|(?:full|whole)\s+year\s+(?:of\s+)?)${WHOLE_YEAR}`,
      'giu',
    ),
    () => 12,
  ],
];

/**
 * The months (as "YYYY-MM") that the periods of accounts a question names end in (see PERIODS): a figure
 * of such a period is reported only once it has ended.
 */
export function periodEndsAsked(question: string): string[] {
  const ends = new Set<string>();
  for (const [pattern, endMonth] of PERIODS) {
    for (const match of question.matchAll(pattern)) {
      const month = endMonth(match);
      const year = match.slice(1).find((group) => group !== undefined && /^\d{4}$/u.test(group));
      if (year !== undefined && month >= 1 && month <= 12)
        ends.add(`${year}-${String(month).padStart(2, '0')}`);
    }
  }
  return [...ends];
}
