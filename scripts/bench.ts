import os from 'node:os';
import { z } from 'zod';
import { loadSettings } from '../src/cli/load-settings.js';
import { parseCliArgs } from '../src/cli/parse-args.js';
import { printTable } from '../src/cli/print-table.js';
import { runCli } from '../src/cli/run-cli.js';
import { benchConfigSchema } from '../src/config.js';
import { loadEmbedder } from '../src/embed/embedder.js';
import { botRun, type BotRun } from './bench/bot-bench.js';
import { benchIndex, prepareCorpus, type CorpusName } from './bench/corpora.js';
import { ingestRun, type IngestRun } from './bench/ingest-bench.js';
import { queryRun, type QueryRun } from './bench/query-bench.js';
import { median } from './bench/stats.js';

const USAGE = `Usage: npm run bench -- [--runs N] [--only PARTS] [--threads N] [--scale 1m [--no-peers]] [--articles N] [--json]
  --runs N       runs of each measurement; medians are reported (default 3)
  --only PARTS   comma-separated: ingest (both corpora), ingest-bbc, ingest-reuters, query, bot
                 (default: all of them, or none with --scale)
  --threads N    ingest with N threads (INGEST_THREADS; default: one per core)
  --scale SIZE   measure vector search at SIZE passages (e.g. 1m, 200k; scripts/bench/scale.ts)
  --no-peers     with --scale: leave out LanceDB and Orama (at 1M they take longer than the rest)
  --articles N   use only N articles of each corpus: a quick check that every part runs, not a measurement
  --json         print the figures as one JSON object on stdout (progress goes to stderr)`;

const PARTS = ['ingest', 'ingest-bbc', 'ingest-reuters', 'query', 'bot'] as const;

const argsSchema = z.object({
  runs: z.coerce.number().int().min(1).max(50).default(3),
  only: z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(z.enum(PARTS)).min(1))
    .optional(),
  threads: z.coerce.number().int().min(1).max(256).optional(),
  scale: z
    .string()
    .regex(/^\d+(\.\d+)?[km]?$/i, 'expected a passage count such as 1m, 200k or 50000')
    .transform((value) => {
      const unit = { k: 1e3, m: 1e6 }[value.slice(-1).toLowerCase()] ?? 1;
      return Math.round(Number.parseFloat(value) * unit);
    })
    .optional(),
  'no-peers': z.boolean().default(false),
  articles: z.coerce.number().int().min(1).optional(),
  json: z.boolean().default(false),
  positionals: z.array(z.string()).max(0, 'bench takes no positional arguments'),
});

const log = (line: string) => console.error(line);

async function repeat<T>(runs: number, label: string, run: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 1; i <= runs; i++) {
    log(`${label}: run ${i} of ${runs}...`);
    results.push(await run());
  }
  return results;
}

const medianOf = <T>(results: readonly T[], pick: (result: T) => number) => median(results.map(pick));

/** Rounds to what a benchmark on a shared machine can tell apart. */
const round = (value: number) => Number(value.toPrecision(value >= 100 ? 4 : 3));

function ingestFigures(name: CorpusName, runs: readonly IngestRun[]) {
  const [first] = runs;
  const seconds = medianOf(runs, (run) => run.fullSeconds);
  const unchanged = medianOf(runs, (run) => run.unchangedSeconds);
  return {
    corpus: `${name === 'bbc' ? 'bbc-fulltext' : 'reuters21578 bodies'}: ${first!.articles} articles / ${first!.passages} passages`,
    ingest_passages_per_s: round(medianOf(runs, (run) => run.passages / run.fullSeconds)),
    ingest_seconds: round(seconds),
    ingest_cpu_seconds: round(medianOf(runs, (run) => run.fullCpuSeconds)),
    reindex_unchanged_seconds: round(unchanged),
    reindex_unchanged_ratio: round(medianOf(runs, (run) => run.unchangedSeconds / run.fullSeconds)),
  };
}

function queryFigures(corpus: string, runs: readonly QueryRun[]) {
  return {
    corpus,
    questions: runs[0]!.questions,
    embed_p50_ms: round(medianOf(runs, (run) => run.embedP50Ms)),
    embed_p95_ms: round(medianOf(runs, (run) => run.embedP95Ms)),
    query_p50_ms: round(medianOf(runs, (run) => run.answerP50Ms)),
    query_p95_ms: round(medianOf(runs, (run) => run.answerP95Ms)),
  };
}

function botFigures(corpus: string, runs: readonly BotRun[]) {
  return {
    corpus,
    bot_ready_s: round(medianOf(runs, (run) => run.readySeconds)),
    bot_rss_ready_mb: round(medianOf(runs, (run) => run.readyRssMb)),
    bot_rss_mb: round(medianOf(runs, (run) => run.rssMb)),
  };
}

/** One row per figure: the measurement it belongs to, its value, and the corpus it was measured on. */
function figureRows(figures: Record<string, unknown>): string[][] {
  const rows: string[][] = [];
  for (const [section, value] of Object.entries(figures)) {
    if (typeof value !== 'object' || value === null) continue;
    const { corpus, ...rest } = value as Record<string, unknown>;
    const measuredOn = typeof corpus === 'string' ? corpus : '';
    const addRows = (prefix: string, values: Record<string, unknown>) => {
      for (const [key, figure] of Object.entries(values)) {
        if (typeof figure === 'number') rows.push([section, `${prefix}${key}`, String(figure), measuredOn]);
        // Nested figures, such as each peer's in the scale part, keep their path in the name.
        else if (typeof figure === 'object' && figure !== null && !Array.isArray(figure))
          addRows(`${prefix}${key}.`, figure as Record<string, unknown>);
      }
    };
    addRows('', rest);
  }
  return rows;
}

runCli(async () => {
  const args = parseCliArgs(
    process.argv.slice(2),
    {
      runs: { type: 'string' },
      only: { type: 'string' },
      threads: { type: 'string' },
      scale: { type: 'string' },
      'no-peers': { type: 'boolean' },
      articles: { type: 'string' },
      json: { type: 'boolean' },
    },
    argsSchema,
    USAGE,
  );
  const config = loadSettings(benchConfigSchema, {
    env: args.threads === undefined ? process.env : { ...process.env, INGEST_THREADS: String(args.threads) },
  });
  const only: readonly string[] = args.only ?? (args.scale === undefined ? PARTS : []);
  const wanted = (part: (typeof PARTS)[number]) =>
    only.includes(part) || (part.startsWith('ingest-') && only.includes('ingest'));
  const figures: Record<string, unknown> = {
    model: config.EMBEDDING_MODEL,
    runs: args.runs,
    cores: os.availableParallelism(),
    ingest_threads: config.INGEST_THREADS ?? 'auto (one per core when there is enough to do)',
  };

  for (const name of ['bbc', 'reuters'] as const) {
    if (!wanted(`ingest-${name}`)) continue;
    const corpus = prepareCorpus(name, config.BENCH_DIR, args.articles);
    const runs = await repeat(args.runs, `ingest ${name}`, () => ingestRun(corpus, config));
    figures[`ingest_${name}`] = ingestFigures(name, runs);
  }
  if (wanted('query')) {
    const index = await benchIndex('bbc', config, log, args.articles);
    const embedder = await loadEmbedder(config);
    const runs = await repeat(args.runs, 'query', () => queryRun(index.dbPath, config, embedder));
    figures.query = queryFigures(index.description, runs);
  }
  if (wanted('bot')) {
    // The bot's start and memory at the size of a large newsroom archive: both corpora, about 120k passages.
    const index = await benchIndex('news', config, log, args.articles);
    const runs = await repeat(args.runs, 'bot', () => botRun(index.dbPath, config));
    figures.bot = botFigures(index.description, runs);
  }
  if (args.scale !== undefined) {
    // Imported only when asked for: it brings LanceDB and Orama along for comparison.
    const { runScaleBench } = await import('./bench/scale.js');
    figures.scale = await runScaleBench({
      config,
      passages: args.scale,
      runs: args.runs,
      log,
      peers: !args['no-peers'],
      articles: args.articles,
    });
  }

  if (args.json) console.log(JSON.stringify(figures, null, 2));
  else printTable(['part', 'figure', 'median', 'measured on'], figureRows(figures));
});
