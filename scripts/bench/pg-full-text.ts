/**
 * Times BM25 full-text search (`fullText`, as hybrid search asks it: 50 deep, context weight 0.5) on the
 * Postgres index that DATABASE_URL and PG_SCHEMA name, and on an SQLite index of the same articles when
 * `--sqlite PATH` is given, which also counts the queries whose ranked scores differ between the stores.
 * Headlines of the indexed articles, spread evenly, are the queries, read as a question is.
 * Usage: npx tsx scripts/bench/pg-full-text.ts [--queries N] [--sqlite PATH]
 */
import { z } from 'zod';
import { loadSettings } from '../../src/cli/load-settings.js';
import { parseCliArgs } from '../../src/cli/parse-args.js';
import { runCli } from '../../src/cli/run-cli.js';
import { coreConfigSchema } from '../../src/config.js';
import { buildMatchExpression } from '../../src/search/fts-query.js';
import { DEFAULT_CONTEXT_WEIGHT } from '../../src/search/hybrid-search.js';
import { openPassageStore } from '../../src/store/open-store.js';
import type { PassageStore, RankedId } from '../../src/store/passage-store.js';
import { percentile } from './stats.js';

const DEPTH = 50;

async function timed(store: PassageStore, matches: readonly string[]) {
  // The first query pays for connecting and planning caches: not what a question costs.
  await store.fullText(matches[0]!, DEPTH, DEFAULT_CONTEXT_WEIGHT);
  const times: number[] = [];
  const lists: RankedId[][] = [];
  for (const match of matches) {
    const started = performance.now();
    lists.push(await store.fullText(match, DEPTH, DEFAULT_CONTEXT_WEIGHT));
    times.push(performance.now() - started);
  }
  return { times, lists };
}

const describe = (name: string, times: number[]) =>
  `${name}: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, max ${Math.max(...times).toFixed(1)} ms`;

runCli(async () => {
  const args = parseCliArgs(
    process.argv.slice(2),
    { queries: { type: 'string' }, sqlite: { type: 'string' } },
    z.object({
      queries: z.coerce.number().int().positive().default(200),
      sqlite: z.string().min(1).optional(),
      positionals: z.array(z.string()).max(0),
    }),
    'Usage: npx tsx scripts/bench/pg-full-text.ts [--queries N] [--sqlite PATH]',
  );
  const config = loadSettings(coreConfigSchema);
  if (!config.DATABASE_URL) throw new Error('Set DATABASE_URL (and PG_SCHEMA) to the index to measure.');
  const postgres = await openPassageStore(config);
  try {
    const titles = (await postgres.articles()).map((article) => article.title);
    const step = Math.max(1, Math.floor(titles.length / args.queries));
    const matches = titles
      .filter((_, i) => i % step === 0)
      .slice(0, args.queries)
      .flatMap((title) => buildMatchExpression(title) ?? []);
    console.log(`${await postgres.passageCount()} passages, ${matches.length} queries, ${DEPTH} deep`);
    const pg = await timed(postgres, matches);
    console.log(describe('postgres', pg.times));
    if (!args.sqlite) return;
    const sqlite = await openPassageStore({ ...config, DATABASE_URL: undefined, DB_PATH: args.sqlite });
    try {
      const lite = await timed(sqlite, matches);
      console.log(describe('sqlite', lite.times));
      // By score, not id: two indexes of the same articles number their passages apart.
      const scores = (list: RankedId[]) => list.map((hit) => hit.score.toFixed(5)).join(',');
      const differing = matches.filter((_, i) => scores(pg.lists[i]!) !== scores(lite.lists[i]!)).length;
      console.log(`ranked lists differing between the stores: ${differing} of ${matches.length}`);
    } finally {
      await sqlite.close();
    }
  } finally {
    await postgres.close();
  }
});
