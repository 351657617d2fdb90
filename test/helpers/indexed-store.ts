import { reindex } from '../../src/ingest/reindex.js';
import { openPassageStore } from '../../src/store/open-store.js';
import type { PassageStore } from '../../src/store/passage-store.js';
import { scratchCorpus } from './corpus.js';
import { sharedEmbedder, testConfig } from './model.js';

/**
 * A scratch corpus (the sample articles, or `files` by name) ingested with the shared model, and its
 * passage store open; `close` closes the store and removes the corpus.
 */
export async function indexedStore(files?: Record<string, string>): Promise<{
  dbPath: string;
  store: PassageStore;
  close(): Promise<void>;
}> {
  const corpus = await scratchCorpus(files);
  const config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
  await reindex(config, { full: false, prune: false, dryRun: false }, sharedEmbedder);
  const store = await openPassageStore(config);
  return {
    dbPath: corpus.dbPath,
    store,
    close: async () => {
      await store.close();
      await corpus.cleanup();
    },
  };
}
