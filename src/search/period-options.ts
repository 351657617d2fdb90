import { z } from 'zod';
import { dateRangeSchema, type DateRange } from '../document/date-range.js';
import { readDate } from './question-dates.js';

/** Longer than any date written in words ("the first Monday of March 1987" is 30). */
export const MAX_DATE_OPTION_CHARS = 100;

const HOW_TO_WRITE =
  'write it as YYYY-MM-DD (2025-06-03) or in words (last Monday, 3 March 1987, March 1987)';

const dateOption = z.string().trim().max(MAX_DATE_OPTION_CHARS, 'is too long for a date').nullish();

/**
 * The `since` and `until` options (of /ask, /quotes and `npm run ask`) read into a period, relative to
 * `today`: `since` from the first day its words cover, `until` to the last ("March 1987" is the whole month).
 */
export function periodOptionsSchema(today: Date) {
  return z.object({ since: dateOption, until: dateOption }).transform((options, context): DateRange => {
    const range: DateRange = {};
    for (const end of ['since', 'until'] as const) {
      const text = options[end];
      if (!text) continue;
      const span = readDate(text, today);
      if (span) range[end] = end === 'since' ? span.start : span.end;
      else
        context.addIssue({
          code: 'custom',
          path: [end],
          message: `"${text}" is not a date I can read; ${HOW_TO_WRITE}`,
        });
    }
    if (range.since && range.until && !dateRangeSchema.safeParse(range).success) {
      context.addIssue({
        code: 'custom',
        path: ['since'],
        message: `${range.since} is after until (${range.until}); the start of the period must come before its end`,
      });
    }
    return range;
  });
}

/** The period the options give, or one line saying what is wrong with them. */
export function readPeriodOptions(
  options: { since?: string | null; until?: string | null },
  today: Date,
): { range: DateRange } | { error: string } {
  const parsed = periodOptionsSchema(today).safeParse(options);
  if (parsed.success) return { range: parsed.data };
  return {
    error: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}.`).join(' '),
  };
}
