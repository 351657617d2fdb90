import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { preparePgScale, runPgScale } from '../scripts/bench/pg-scale.js';
import type { ScaleFigures } from '../scripts/bench/scale.js';
import { reindex } from '../src/ingest/reindex.js';
import { SqlitePassageStore } from '../src/store/passage-store.js';
import { HNSW_PARAMETERS } from '../src/store/postgres/pg-schema.js';
import { PostgresPassageStore } from '../src/store/postgres/postgres-passage-store.js';
import { scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';
import { runScript } from './helpers/spawn-script.js';
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
  let tuningQueries: Float32Array[];
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
      // Other queries than the measured ones choose ef_search: the articles' opening passages.
      const openings = await store.articlePassages((await store.articles()).map((article) => article.id));
      tuningQueries = await (
        await sharedEmbedder()
      ).embed(openings.filter((passage) => passage.ordinal === 0).map((passage) => passage.text));
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
        tuningQueries,
        k: K,
        log: () => undefined,
        schema: schema.schema,
      });
    const first = await run();
    expect(first).toMatchObject({ passages, reused: false, tuning_queries: tuningQueries.length });
    expect(first.load_seconds).toBeGreaterThan(0);
    expect(first.index_mb).toBeGreaterThan(0);
    // A few hundred vectors: searched this broadly, HNSW visits them all.
    expect(first.breadths.at(-1)!.recall_at_10).toBe(1);
    // Chosen where the held-out queries first reach the recall wanted; reported on the measured ones.
    const chosen = first.tuning.find((row) => row.recall_at_10 >= 0.95)!;
    expect(first.ef_search).toBe(chosen.ef_search);
    expect(first.recall_at_10).toBe(
      first.breadths.find((row) => row.ef_search === chosen.ef_search)!.recall_at_10,
    );
    const second = await run();
    expect(second).toMatchObject({
      reused: true,
      load_seconds: first.load_seconds,
      build_seconds: first.build_seconds,
    });
  });
});

/**
 * `nearest` on Postgres in one statement, whichever way it searches: a question's vector search was five
 * round trips (the passage count, BEGIN, SET LOCAL, the query, COMMIT), each a wait on a loaded server.
 */
describe.skipIf(!url)(`nearest on Postgres${url ? '' : ' (skipped: DATABASE_URL unset)'}`, () => {
  let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
  const schema = scratchSchema('nearest');
  let sqlite: SqlitePassageStore;
  let vectors: Float32Array[];

  beforeAll(async () => {
    corpus = await scratchCorpus();
    const config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
    await reindex(config, { full: false, prune: false, dryRun: false }, sharedEmbedder);
    sqlite = SqlitePassageStore.open(corpus.dbPath, config.EMBEDDING_MODEL, {
      quantizeAbove: Number.POSITIVE_INFINITY,
    });
    const embedder = await sharedEmbedder();
    await preparePgScale({
      url: url!,
      dbPath: corpus.dbPath,
      model: { model: embedder.model, dimension: embedder.dimension },
      passages: await sqlite.passageCount(),
      schema: schema.schema,
      parameters: HNSW_PARAMETERS,
      log: () => undefined,
    });
    vectors = await embedder.embed(['ceasefire deadline', 'the economy', 'a football match']);
  }, 120_000);
  afterAll(async () => {
    await sqlite?.close();
    await corpus?.cleanup();
    await schema.drop();
  });

  const statementsOf = async <T>(work: () => Promise<T>) => {
    const spy = vi.spyOn(pg.Client.prototype, 'query');
    try {
      const result = await work();
      return { result, statements: spy.mock.calls.length };
    } finally {
      spy.mockRestore();
    }
  };

  it.each([
    ['exact', { quantizeAbove: Number.POSITIVE_INFINITY }],
    ['HNSW', { quantizeAbove: 0 }],
  ])('answers %s search in one statement, as SQLite ranks', async (_, options) => {
    const postgres = await PostgresPassageStore.open(
      { url: url!, schema: schema.schema },
      sqlite.meta.model,
      options,
    );
    try {
      await postgres.nearest(vectors[0]!, 10); // the pool's first connection
      for (const vector of vectors) {
        const { result, statements } = await statementsOf(() => postgres.nearest(vector, 10));
        expect(statements).toBe(1);
        // A few hundred passages: HNSW finds what exact search finds.
        expect(result.map((hit) => hit.id)).toEqual((await sqlite.nearest(vector, 10)).map((hit) => hit.id));
      }
      const { statements } = await statementsOf(() =>
        postgres.nearest(vectors[0]!, 10, { since: '2000-01-01', until: '2100-01-01' }),
      );
      expect(statements).toBe(1);
    } finally {
      await postgres.close();
    }
  });

  it('gives as many passages as asked when that is more than the search breadth', async () => {
    const postgres = await PostgresPassageStore.open(
      { url: url!, schema: schema.schema },
      sqlite.meta.model,
      {
        quantizeAbove: 0,
        efSearch: 10,
      },
    );
    try {
      const hits = await postgres.nearest(vectors[1]!, 40);
      expect(hits).toHaveLength(40);
      expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => a - b));
    } finally {
      await postgres.close();
    }
  });
});

/**
 * `npm run bench -- --scale N --store postgres` end to end, small: a few articles of each corpus grown to
 * 2,500 passages, copied into a database of its own (the bench names its schema by size), measured beside
 * SQLite in one run (keeping the copy for the next run is tested above).
 */
describe.skipIf(!url)(`the Postgres scale bench${url ? '' : ' (skipped: DATABASE_URL unset)'}`, () => {
  const database = `test_bench_${process.pid}`;
  let tmp: string;
  const admin = async (sql: string, target = url!) => {
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const databaseUrl = () => {
    const target = new URL(url!);
    target.pathname = `/${database}`;
    return target.toString();
  };

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pg-scale-'));
    await admin(`CREATE DATABASE ${database}`);
    await admin('CREATE EXTENSION vector', databaseUrl());
  });
  afterAll(async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${database}`);
  });

  it('measures HNSW beside SQLite in the same run', async () => {
    const run = await runScript(
      'scripts/bench.ts',
      ['--scale', '2500', '--store', 'postgres', '--articles', '10', '--no-peers', '--no-break-even'].concat([
        '--runs',
        '1',
        '--json',
      ]),
      { TMPDIR: tmp, DATABASE_URL: databaseUrl() },
    );
    expect(run.code, run.stderr).toBe(0);
    const { scale } = JSON.parse(run.stdout) as { scale: ScaleFigures };
    expect(scale.passages).toBe(2_500);
    expect(scale.quantized_recall_at_10).toBeGreaterThan(0);
    expect(scale.postgres).toMatchObject({ passages: 2_500, reused: false, tuning_queries: 100 });
    // Chosen where the held-out queries reach the recall wanted, or at the broadest measured.
    expect(scale.postgres!.breadths.map((row) => row.ef_search)).toContain(scale.postgres!.ef_search);
    expect(scale.postgres!.recall_at_10).toBeGreaterThan(0.9);
    expect(scale.postgres!.index_mb).toBeGreaterThan(0);
  }, 900_000);
});
