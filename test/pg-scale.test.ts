import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPgScale } from '../scripts/bench/pg-scale.js';
import { reindex } from '../src/ingest/reindex.js';
import { SqlitePassageStore } from '../src/store/passage-store.js';
import { scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';
import { postgresUrl, scratchSchema } from './helpers/stores.js';

const url = postgresUrl();
const K = 10;

/**
 * The scale bench's Postgres side on the sample articles: what it copies must be the SQLite index's
 * vectors under the same ids (or recall against SQLite's exact search means nothing), and a second run
 * must measure the kept copy instead of loading and building again.
 */
describe.skipIf(!url)(`the scale bench on Postgres${url ? '' : ' (skipped: DATABASE_URL unset)'}`, () => {
  let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
  const schema = scratchSchema('scale');
  let passages: number;
  let queries: Float32Array[];
  let truth: number[][];

  beforeAll(async () => {
    corpus = await scratchCorpus();
    const config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
    await reindex(config, { full: false, prune: false, dryRun: false }, sharedEmbedder);
    const store = SqlitePassageStore.open(corpus.dbPath, config.EMBEDDING_MODEL, {
      quantizeAbove: Number.POSITIVE_INFINITY,
    });
    try {
      passages = await store.passageCount();
      const titles = (await store.articles()).map((article) => article.title);
      queries = await (await sharedEmbedder()).embed(titles);
      truth = [];
      for (const query of queries) truth.push((await store.nearest(query, K)).map((hit) => hit.id));
    } finally {
      await store.close();
    }
  }, 120_000);
  afterAll(async () => {
    await corpus?.cleanup();
    await schema.drop();
  });

  it('copies the vectors under their ids, finds what exact search finds, and keeps the copy for the next run', async () => {
    const embedder = await sharedEmbedder();
    const run = () =>
      runPgScale({
        url: url!,
        dbPath: corpus.dbPath,
        model: { model: embedder.model, dimension: embedder.dimension },
        passages,
        queries,
        truth,
        k: K,
        log: () => undefined,
        schema: schema.schema,
      });
    const first = await run();
    expect(first.passages).toBe(passages);
    expect(first.load_seconds).toBeGreaterThan(0);
    expect(first.index_mb).toBeGreaterThan(0);
    // A few hundred vectors: searched this broadly, HNSW visits them all.
    expect(first.breadths.at(-1)!.recall_at_10).toBe(1);
    const second = await run();
    expect(second.load_seconds).toBe(0);
    expect(second.build_seconds).toBe(first.build_seconds);
  });
});
