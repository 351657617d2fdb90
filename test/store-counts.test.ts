import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindex } from '../src/ingest/reindex.js';
import { openPassageStore } from '../src/store/open-store.js';
import type { PassageStore } from '../src/store/passage-store.js';
import { scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let config: ReturnType<typeof testConfig>;
let store: PassageStore;
const ingest = () => reindex(config, { full: false, prune: false, dryRun: false }, sharedEmbedder);

beforeAll(async () => {
  corpus = await scratchCorpus();
  config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
  await ingest();
  store = await openPassageStore(config);
}, 120_000);
afterAll(async () => {
  await store.close();
  await corpus.cleanup();
});

describe('word and passage counts of an open index', () => {
  it('are read again once a re-index commits, though each question asks them', async () => {
    const before = await store.documentFrequencies(['gannets', 'skerryvore']);
    const passages = await store.passageCount();
    expect([...before.values()]).toEqual([0, 0]);
    // Asked again, as the next question does: the same counts.
    expect(await store.documentFrequencies(['gannets'])).toEqual(new Map([['gannets', 0]]));

    await fs.writeFile(
      path.join(corpus.articlesDir, 'skerryvore.txt'),
      'Gannets return to Skerryvore\n\nThe lighthouse keeper of Skerryvore counted four hundred gannets.\n\nGannets nest on the northern ledge every spring.',
    );
    await ingest();
    const after = await store.documentFrequencies(['gannets', 'skerryvore']);
    expect(after.get('gannets')).toBeGreaterThanOrEqual(2);
    expect(after.get('skerryvore')).toBeGreaterThanOrEqual(1);
    expect(await store.passageCount()).toBeGreaterThan(passages);
  });
});
