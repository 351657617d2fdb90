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
