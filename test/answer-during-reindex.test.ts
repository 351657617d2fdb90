import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Briefing } from '../src/answer/briefing.js';
import type { Embedder } from '../src/embed/embedder.js';
import { reindex } from '../src/ingest/reindex.js';
import { NATO_SAMPLE, scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let briefing: Briefing;
/** Runs once, inside the next embedding: a re-index that commits while a question is half answered. */
let duringNextEmbedding: (() => Promise<void>) | null = null;

beforeAll(async () => {
  corpus = await scratchCorpus();
  const config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
  const model = await sharedEmbedder();
  const embedder: Embedder = {
    model: model.model,
    dimension: model.dimension,
    countTokens: (text) => model.countTokens(text),
    async embed(texts, onBatch) {
      const interrupt = duringNextEmbedding;
      duringNextEmbedding = null;
      await interrupt?.();
      return model.embed(texts, onBatch);
    },
  };
  const rebuild = (full: boolean) => reindex(config, { full, prune: full, dryRun: false }, async () => model);
  await rebuild(false);
  briefing = await Briefing.open(config, embedder);
  duringNextEmbedding = async () => {
    await fs.rm(path.join(corpus.articlesDir, NATO_SAMPLE));
    await rebuild(true);
  };
});

afterAll(async () => {
  briefing?.close();
  await corpus?.cleanup();
});

describe('a question during which a re-index commits', () => {
  it('is answered from the new index alone, never from a mix of the two', async () => {
    // The speaker is found in the old index; the topic's embedding is when the new one, without his
    // article, commits. Read from both, the answer was "found" with no passage at all.
    const answer = await briefing.ask('What did Lammy say about sanctions?');
    expect(duringNextEmbedding).toBeNull();
    expect(answer.found).toBe(false);
    expect(answer.passages).toEqual([]);
  });
});
