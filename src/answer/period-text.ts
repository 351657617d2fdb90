import { hasBounds, type DateRange } from '../document/date-range.js';
import { plural } from '../plural.js';
import { formatPublished } from './citation-text.js';
import type { Answer } from './answer-schema.js';

const lastDayOfMonth = (day: string) =>
  new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).getUTCDate();
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "on 26 Feb 1987", "in March 1987", "in 1987", "from 1 Mar 1987 to 5 May 1987", "since 23 Nov 2026". */
export function describePeriod({ since, until }: DateRange): string {
  if (since && until) {
    if (since === until) return `on ${formatPublished(since)}`;
    if (since.endsWith('-01-01') && until === `${since.slice(0, 4)}-12-31`) return `in ${since.slice(0, 4)}`;
    const wholeMonth =
      since.endsWith('-01') &&
      since.slice(0, 7) === until.slice(0, 7) &&
      Number(until.slice(8)) === lastDayOfMonth(until);
    if (wholeMonth) return `in ${monthFormat.format(new Date(`${since}T00:00:00Z`))}`;
    return `from ${formatPublished(since)} to ${formatPublished(until)}`;
  }
  if (since) return `since ${formatPublished(since)}`;
  if (until) return `until ${formatPublished(until)}`;
  return 'at any date';
}

/** " (in March 1987)" after a title, or "" for a period of any date. */
export function periodInTitle(range: DateRange): string {
  return hasBounds(range) ? ` (${describePeriod(range)})` : '';
}

/** "Articles published in March 1987 (2 undated articles left out).", or null for an answer of any date. */
export function periodLine(answer: Pick<Answer, 'period' | 'undatedLeftOut'>): string | null {
  if (!hasBounds(answer.period)) return null;
  const left = answer.undatedLeftOut ? ` (${plural(answer.undatedLeftOut, 'undated article')} left out)` : '';
  return `Articles published ${describePeriod(answer.period)}${left}.`;
}
