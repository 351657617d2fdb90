import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindex } from '../src/ingest/reindex.js';
import { withoutChatFillers } from '../src/search/searched-forms.js';
import { openPassageStore } from '../src/store/open-store.js';
import type { PassageStore } from '../src/store/passage-store.js';
import { scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let store: PassageStore;

beforeAll(async () => {
  corpus = await scratchCorpus();
  const config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
  await reindex(config, { full: false, prune: false, dryRun: false }, sharedEmbedder);
  store = await openPassageStore(config);
}, 120_000);
afterAll(async () => {
  await store.close();
  await corpus.cleanup();
});

describe('chat sign-offs', () => {
  it('leave out the British "ta" and "tia" (thanks in advance) as "thx"', async () => {
    expect(await withoutChatFillers(store, 'how many Russian casualties were there in February? ta')).toBe(
      'how many Russian casualties were there in February?',
    );
    expect(await withoutChatFillers(store, 'who led the Ukrainian delegation? tia')).toBe(
      'who led the Ukrainian delegation?',
    );
  });
});
