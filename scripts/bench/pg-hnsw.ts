/**
 * HNSW on Postgres beside SQLite's vector search, on an existing SQLite index of real passages (for example
 * the development archive, 121k passages): its vectors copied into the Postgres store at DATABASE_URL
 * (pg-scale.ts), then recall@10 against SQLite's exact search and latency per ef_search, with SQLite's exact
 * and quantized search timed on the same queries (headlines of the indexed articles, spread evenly).
 * `npm run bench -- --scale N --store postgres` does the same on grown indexes; this needs no growing.
 * Usage: npx tsx scripts/bench/pg-hnsw.ts --db PATH [--queries N]
 */
import { z } from 'zod';
import { loadSettings } from '../../src/cli/load-settings.js';
import { parseCliArgs } from '../../src/cli/parse-args.js';
import { runCli } from '../../src/cli/run-cli.js';
import { coreConfigSchema } from '../../src/config.js';
import { loadEmbedder } from '../../src/embed/embedder.js';
import { SqlitePassageStore } from '../../src/store/passage-store.js';
import { runPgScale } from './pg-scale.js';
import { percentile } from './stats.js';

/** The depth hybrid search reads from the vector list. */
const K = 50;

async function sqliteTimes(dbPath: string, model: string, quantizeAbove: number, queries: Float32Array[]) {
  const store = SqlitePassageStore.open(dbPath, model, { quantizeAbove });
  try {
    await store.nearest(queries[0]!, K);
    const times: number[] = [];
    const lists: number[][] = [];
    for (const query of queries) {
      const started = performance.now();
      lists.push((await store.nearest(query, K)).map((hit) => hit.id));
      times.push(performance.now() - started);
    }
    return { times, lists, passages: await store.passageCount() };
  } finally {
    await store.close();
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

runCli(async () => {
  const args = parseCliArgs(
    process.argv.slice(2),
    { db: { type: 'string' }, queries: { type: 'string' } },
    z.object({
      db: z.string().min(1),
      queries: z.coerce.number().int().positive().default(200),
      positionals: z.array(z.string()).max(0),
    }),
    'Usage: npx tsx scripts/bench/pg-hnsw.ts --db PATH [--queries N]',
  );
  const config = loadSettings(coreConfigSchema);
  if (!config.DATABASE_URL) throw new Error('Set DATABASE_URL to a PostgreSQL database with pgvector.');
  const embedder = await loadEmbedder(config);
  const titles = await (async () => {
    const store = SqlitePassageStore.open(args.db, config.EMBEDDING_MODEL);
    try {
      return (await store.articles()).map((article) => article.title);
    } finally {
      await store.close();
    }
  })();
  const count = Math.min(args.queries, Math.floor(titles.length / 2));
  // Headlines spread evenly; the ones halfway between them choose ef_search.
  const picked = (offset: number) =>
    Array.from({ length: count }, (_, i) => titles[Math.floor(((i + offset) * titles.length) / count)]!);
  const queries = await embedder.embed(picked(0));
  const tuningQueries = await embedder.embed(picked(0.5));
  const exact = await sqliteTimes(args.db, config.EMBEDDING_MODEL, Number.POSITIVE_INFINITY, queries);
  const quantized = await sqliteTimes(args.db, config.EMBEDDING_MODEL, 0, queries);
  const recall10 =
    quantized.lists.reduce((sum, list, i) => {
      const wanted = new Set(exact.lists[i]!.slice(0, 10));
      return sum + list.slice(0, 10).filter((id) => wanted.has(id)).length / wanted.size;
    }, 0) / queries.length;
  const postgres = await runPgScale({
    url: config.DATABASE_URL,
    dbPath: args.db,
    model: { model: embedder.model, dimension: embedder.dimension },
    passages: exact.passages,
    queries,
    truth: exact.lists,
    tuningQueries,
    k: K,
    log: (line) => console.error(line),
  });
  console.log(
    JSON.stringify(
      {
        passages: exact.passages,
        queries: queries.length,
        k: K,
        sqlite: {
          exact_p50_ms: round(percentile(exact.times, 50)),
          exact_p95_ms: round(percentile(exact.times, 95)),
          quantized_p50_ms: round(percentile(quantized.times, 50)),
          quantized_p95_ms: round(percentile(quantized.times, 95)),
          quantized_recall_at_10: round(recall10 * 100) / 100,
        },
        postgres,
      },
      null,
      2,
    ),
  );
});
