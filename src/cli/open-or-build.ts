import { Briefing } from '../answer/briefing.js';
import type { CoreConfig } from '../config.js';
import type { Embedder } from '../embed/embedder.js';
import { IndexError } from '../store/open-database.js';
import { reindexWithProgress } from './reindex-with-progress.js';

/**
 * The service for a command that only reads (`npm run ask`, `npm run brief`), on the index opened
 * read-only; the first time (no index, or an empty file) it builds it.
 */
export async function openOrBuild(config: CoreConfig, embedder: Embedder): Promise<Briefing> {
  try {
    return await Briefing.open(config, embedder, { readOnly: true });
  } catch (error) {
    if (!(error instanceof IndexError && (error.problem === 'missing' || error.problem === 'not-built')))
      throw error;
  }
  console.error(`No index at ${config.DB_PATH} yet: indexing ${config.ARTICLES_DIR} first.`);
  await reindexWithProgress(config, { full: false, prune: false, dryRun: false }, async () => embedder);
  return Briefing.open(config, embedder, { readOnly: true });
}
