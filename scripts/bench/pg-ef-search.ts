/**
 * Chooses HNSW's ef_search for the Postgres store by measurement: recall@10 against exact search and
 * latency of `nearest` at the depth hybrid search asks (50), for several breadths, on the index that
 * DATABASE_URL and PG_SCHEMA name (build it first with `npm run ingest`). Headlines of the indexed articles
 * are the queries. Usage: npx tsx scripts/bench/pg-ef-search.ts [--queries N]
 */
import { z } from 'zod';
import { loadSettings } from '../../src/cli/load-settings.js';
import { parseCliArgs } from '../../src/cli/parse-args.js';
import { runCli } from '../../src/cli/run-cli.js';
import { coreConfigSchema } from '../../src/config.js';
import { loadEmbedder } from '../../src/embed/embedder.js';
import type { RankedId } from '../../src/store/passage-store.js';
import { PostgresPassageStore } from '../../src/store/postgres/postgres-passage-store.js';
import { percentile } from './stats.js';

// Below the depth asked nothing changes: `nearest` searches at least k deep.
const BREADTHS = [50, 64, 100, 200, 400];
const DEPTH = 50;

runCli(async () => {
  const args = parseCliArgs(
    process.argv.slice(2),
    { queries: { type: 'string' } },
    z.object({ queries: z.coerce.number().int().positive().default(200) }),
    'Usage: npx tsx scripts/bench/pg-ef-search.ts [--queries N]',
  );
  const config = loadSettings(coreConfigSchema);
  if (!config.DATABASE_URL) throw new Error('Set DATABASE_URL (and PG_SCHEMA) to the index to measure.');
  const location = { url: config.DATABASE_URL, schema: config.PG_SCHEMA };
  const exact = await PostgresPassageStore.open(location, config.EMBEDDING_MODEL, {
    quantizeAbove: Number.POSITIVE_INFINITY,
  });
  const embedder = await loadEmbedder(config);
  const titles = (await exact.articles()).map((article) => article.title);
  const step = Math.max(1, Math.floor(titles.length / args.queries));
  const queries = await embedder.embed(titles.filter((_, i) => i % step === 0).slice(0, args.queries));
  const truth: RankedId[][] = [];
  for (const query of queries) truth.push(await exact.nearest(query, DEPTH));
  console.log(`${await exact.passageCount()} passages, ${queries.length} queries, k = ${DEPTH}`);
  console.log('ef_search  recall@10  p50 ms  p95 ms');
  for (const efSearch of BREADTHS) {
    const store = await PostgresPassageStore.open(location, config.EMBEDDING_MODEL, {
      quantizeAbove: 0,
      efSearch,
    });
    const times: number[] = [];
    let found = 0;
    for (const [i, query] of queries.entries()) {
      const started = performance.now();
      const hits = await store.nearest(query, DEPTH);
      times.push(performance.now() - started);
      const wanted = new Set(truth[i]!.slice(0, 10).map((hit) => hit.id));
      found += hits.slice(0, 10).filter((hit) => wanted.has(hit.id)).length;
    }
    await store.close();
    console.log(
      `${String(efSearch).padStart(9)}  ${(found / (queries.length * 10)).toFixed(3).padStart(9)}  ${percentile(times, 50).toFixed(2).padStart(6)}  ${percentile(times, 95).toFixed(2).padStart(6)}`,
    );
  }
  await exact.close();
});
