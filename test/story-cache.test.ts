import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reindex } from '../src/ingest/reindex.js';
import { StoryCache } from '../src/search/story-cache.js';
import { termsHeld } from '../src/search/term-match.js';
import { openPassageStore } from '../src/store/open-store.js';
import type { PassageStore } from '../src/store/passage-store.js';
import { scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

const GANNETS =
  'Gannets return to Skerryvore\n\nThe lighthouse keeper of Skerryvore counted four hundred gannets.\n\nGannets nest on the northern ledge every spring.';
const FERRY =
  'Ferry strike ends in Oban\n\nThe ferry crews of Oban voted to return to work on Monday.\n\nTimetables resume on Tuesday.';

let corpus: Awaited<ReturnType<typeof scratchCorpus>> | undefined;
let store: PassageStore | undefined;
afterEach(async () => {
  await store?.close();
  await corpus?.cleanup();
});

/** A scratch index of `files`, re-indexed by `ingest` (another connection, as the ingest command is). */
async function indexOf(files: Record<string, string>) {
  corpus = await scratchCorpus(files);
  const config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
  const ingest = () => reindex(config, { full: false, prune: true, dryRun: false }, sharedEmbedder);
  await ingest();
  store = await openPassageStore(config);
  // The store as search reads it, counting the stories it is asked for.
  const reads: number[][] = [];
  const real = store;
  const counted = {
    dataVersion: () => real.dataVersion(),
    storyTexts: (ids: readonly number[]) => {
      reads.push([...ids]);
      return real.storyTexts(ids);
    },
  };
  const idOf = async (title: string) => (await real.articles()).find((a) => a.title === title)!.id;
  return { articlesDir: corpus.articlesDir, ingest, counted, reads, idOf };
}

describe('stories kept between questions', () => {
  it('are read from the store once while the index is unchanged', async () => {
    const { counted, reads, idOf } = await indexOf({ 'gannets.txt': GANNETS, 'ferry.txt': FERRY });
    const gannets = await idOf('Gannets return to Skerryvore');
    const ferry = await idOf('Ferry strike ends in Oban');
    const cache = new StoryCache();

    const first = await cache.stories(counted, [gannets]);
    // The story as the store holds it: its context (the headline), then its passages in reading order.
    const passages = await store!.articlePassages([gannets]);
    expect(first.get(gannets)!.text).toBe(
      [passages[0]!.context, ...passages.map((passage) => passage.text)].join('\n'),
    );
    expect(first.get(gannets)!.text).toContain('four hundred gannets');
    expect(termsHeld(first.get(gannets)!.words, ['lighthouse', 'ferry'])).toEqual(new Set(['lighthouse']));
    const both = await cache.stories(counted, [ferry, gannets, ferry]);
    expect([...both.keys()]).toEqual([gannets, ferry].sort((a, b) => a - b));
    expect(both.get(gannets)).toBe(first.get(gannets));
    expect(reads).toEqual([[gannets], [ferry]]);
  }, 120_000);

  it('are read again once a re-index gives their article id to another story', async () => {
    const { articlesDir, ingest, counted, reads, idOf } = await indexOf({ 'gannets.txt': GANNETS });
    const before = await idOf('Gannets return to Skerryvore');
    const cache = new StoryCache();
    expect((await cache.stories(counted, [before])).get(before)!.text).toContain('gannets');

    // The only article replaced: SQLite gives the new one the freed id.
    await fs.rm(path.join(articlesDir, 'gannets.txt'));
    await fs.writeFile(path.join(articlesDir, 'ferry.txt'), FERRY);
    await ingest();
    const after = await idOf('Ferry strike ends in Oban');
    expect(after).toBe(before);

    const story = (await cache.stories(counted, [after])).get(after)!;
    expect(story.text).toContain('ferry crews of Oban');
    expect(story.text).not.toContain('gannets');
    expect(termsHeld(story.words, ['gannets', 'ferry'])).toEqual(new Set(['ferry']));
    expect(reads).toEqual([[before], [after]]);
  }, 120_000);

  it('drop the least recently used beyond their number', async () => {
    const { counted, reads, idOf } = await indexOf({ 'gannets.txt': GANNETS, 'ferry.txt': FERRY });
    const gannets = await idOf('Gannets return to Skerryvore');
    const ferry = await idOf('Ferry strike ends in Oban');
    const cache = new StoryCache(1);

    await cache.stories(counted, [gannets]);
    await cache.stories(counted, [gannets]);
    await cache.stories(counted, [ferry]);
    await cache.stories(counted, [gannets]);
    expect(reads).toEqual([[gannets], [ferry], [gannets]]);
  }, 120_000);
});
