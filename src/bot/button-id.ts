import type { z } from 'zod';

/**
 * A button whose custom id this bot does not draw (any more): a message from an older version, a page or
 * answer that no longer exists, or a forged click. Not a failure of the bot: the user is told to run the
 * command again and the log records it at info level.
 */
export class StaleButtonError extends Error {
  override name = 'StaleButtonError';
  constructor(readonly customId: string) {
    super(`button ${customId} is not one this bot draws`);
  }
}

/** What the clicker sees, privately, instead of "something went wrong". */
export const STALE_BUTTON_NOTICE =
  'This button is out of date. Run the command again to get a fresh answer with working buttons.';

/** The button's custom id parsed by its schema; any id the schema refuses is a stale button. */
export function parseButtonId<S extends z.ZodType<unknown, string>>(
  schema: S,
  customId: string,
): z.output<S> {
  const parsed = schema.safeParse(customId);
  if (!parsed.success) throw new StaleButtonError(customId);
  return parsed.data;
}
