import { IndexError } from '../store/open-database.js';

/** What a member is told when answering failed for a cause they cannot see; the details go to the log. */
export const FAILURE_NOTICE = 'Sorry, something went wrong while answering. Please try again in a moment.';

export const REBUILDING_NOTICE =
  'The article index is missing or being rebuilt, so I cannot answer right now. Please ask again in a few minutes; if this lasts, an admin must run `npm run ingest`.';

export const DAMAGED_NOTICE =
  'The article index is damaged, so I cannot answer. An admin must delete the index file and run `npm run ingest` to rebuild it.';

export const UNREADABLE_NOTICE =
  'The article index cannot be read right now. An admin must check the bot’s log (usually `npm run ingest -- --full` fixes it).';

export const UNAVAILABLE_NOTICE =
  'The article index’s database cannot be reached right now (it may be restarting). Please try again in a minute.';

/**
 * The notice for a failure: an index problem gets its own (no paths: those are for the admin's log), any
 * other failure the generic one.
 */
export function failureNotice(error: unknown): string {
  if (!(error instanceof IndexError)) return FAILURE_NOTICE;
  if (error.problem === 'missing' || error.problem === 'not-built') return REBUILDING_NOTICE;
  if (error.problem === 'damaged') return DAMAGED_NOTICE;
  if (error.problem === 'unavailable') return UNAVAILABLE_NOTICE;
  return UNREADABLE_NOTICE;
}

/** Index problems are the admin's to fix, not faults of the bot: logged as warnings. */
export const failureLogLevel = (error: unknown) => (error instanceof IndexError ? 'warn' : 'error');
