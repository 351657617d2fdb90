import { z } from 'zod';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD');

/**
 * A period of publication dates, both ends inclusive, either end open. Shared by search (which filters on it),
 * answers and briefings (which say which period was used) and the bot and CLI (which read it from the user).
 */
export const dateRangeSchema = z
  .object({ since: isoDay.optional(), until: isoDay.optional() })
  .refine((range) => !range.since || !range.until || range.since <= range.until, {
    message: 'the start of the period is after its end',
  });
export type DateRange = z.infer<typeof dateRangeSchema>;

/** Whether a period limits the dates at all: one with neither end is any date (blank options). */
export function hasBounds(range: DateRange | null | undefined): range is DateRange {
  return Boolean(range && (range.since || range.until));
}

/** Whether an article's ISO publication date (or date-time) falls in the period; undated articles never do. */
export function isWithin(published: string | null, range: DateRange): boolean {
  if (!range.since && !range.until) return true;
  if (!published) return false;
  const day = published.slice(0, 10);
  return (!range.since || day >= range.since) && (!range.until || day <= range.until);
}

const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1 to 12 for a month's name in full or shortened, in any case ("Feb", "february"); 0 for no month. */
export const monthNumber = (name: string) => MONTH_PREFIXES.indexOf(name.slice(0, 3).toLowerCase()) + 1;
