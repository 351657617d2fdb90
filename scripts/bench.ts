import os from 'node:os';
import { z } from 'zod';
import { loadSettings } from '../src/cli/load-settings.js';
import { parseCliArgs } from '../src/cli/parse-args.js';
import { printTable } from '../src/cli/print-table.js';
import { runCli } from '../src/cli/run-cli.js';
import { benchConfigSchema, ConfigError } from '../src/config.js';
import type { EmbedderConfig } from '../src/embed/embedder.js';
import { loadEmbedderLazily } from '../src/embed/load-lazily.js';
import type { BotRun } from './bench/bot-bench.js';
import { benchIndex, prepareCorpus, type CorpusName } from './bench/corpora.js';
import { ingestRun, type IngestRun } from './bench/ingest-bench.js';
import type { BriefRun } from './bench/brief-bench.js';
import type { QueryRun } from './bench/query-bench.js';
import { median, type Latency } from './bench/stats.js';

/**
 * all-MiniLM-L6-v2's architecture and int8 quantization with random weights (../shared/models/README.md):
 * its speed and memory are the product's, its vectors mean nothing. Never used where vectors must mean
 * something: the scale part's recall is measured on the vectors of EMBEDDING_MODEL.
 */
const PROXY_MODEL = 'perf-proxy/minilm-l6-random';

const USAGE = `Usage: npm run bench -- [--model proxy] [--runs N] [--only PARTS] [--threads N]
       [--scale 1m [--no-peers] [--no-break-even] [--dimension N] [--store postgres]] [--articles N] [--json]
  --model NAME   embed with this model for ingest, query, brief and bot (EMBEDDING_MODEL otherwise); "proxy" is
                 ${PROXY_MODEL}, the production model's cost with meaningless vectors
  --runs N       runs of each measurement; medians are reported (default 3)
  --only PARTS   comma-separated: ingest (both corpora), ingest-bbc, ingest-reuters, query (on BBC),
                 query-news (on both corpora, about 120k passages), brief (briefs on 37 topics at the size
                 of both corpora), bot (at the size of both corpora)
                 (default: all of them, or none with --scale)
  --threads N    ingest with N threads (INGEST_THREADS; default: one per core)
  --scale SIZE   measure vector search at SIZE passages (e.g. 1m, 200k; scripts/bench/scale.ts)
  --no-peers     with --scale: leave out LanceDB and Orama (at 1M they take longer than the rest)
  --no-break-even  with --scale: leave out the smaller sizes (each is an index to build the first time)
  --dimension N  with --scale: carry the model's vectors to N dimensions by a fixed random projection
                 (384 is the production model's; the proxy's own vectors are random)
  --store postgres  with --scale: also copy the vectors into the Postgres store at DATABASE_URL and
                 measure its HNSW search beside SQLite's (scripts/bench/pg-scale.ts)
  --articles N   use only N articles of each corpus: a quick check that every part runs, not a measurement
  --json         print the figures as one JSON object on stdout (progress goes to stderr)`;

const PARTS = ['ingest', 'ingest-bbc', 'ingest-reuters', 'query', 'query-news', 'brief', 'bot'] as const;

const argsSchema = z.object({
  model: z
    .string()
    .min(1)
    .transform((value) => (value === 'proxy' ? PROXY_MODEL : value))
    .optional(),
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
  'no-break-even': z.boolean().default(false),
  dimension: z.coerce.number().int().min(8).max(4096).optional(),
  store: z.enum(['sqlite', 'postgres']).default('sqlite'),
  articles: z.coerce.number().int().min(1).optional(),
  json: z.boolean().default(false),
  positionals: z.array(z.string()).max(0, 'bench takes no positional arguments'),
});

const log = (line: string) => console.error(line);

/**
 * The embedder the product asks questions with (one onnxruntime thread, as `Briefing.open` loads it), its
 * module imported only by the parts that ask questions: an ingest run's memory stays the product's.
 */
async function questionEmbedder(config: EmbedderConfig) {
  const { loadEmbedder, QUESTION_SESSION } = await import('../src/embed/embedder.js');
  return loadEmbedder(config, QUESTION_SESSION);
}

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

function ingestFigures(name: CorpusName, model: string, runs: readonly IngestRun[]) {
  const [first] = runs;
  const seconds = medianOf(runs, (run) => run.fullSeconds);
  const unchanged = medianOf(runs, (run) => run.unchangedSeconds);
  return {
    corpus: `${name === 'bbc' ? 'bbc-fulltext' : 'reuters21578 bodies'}: ${first!.articles} articles / ${first!.passages} passages`,
    model,
    ingest_passages_per_s: round(medianOf(runs, (run) => run.passages / run.fullSeconds)),
    ingest_seconds: round(seconds),
    ingest_cpu_seconds: round(medianOf(runs, (run) => run.fullCpuSeconds)),
    ingest_peak_rss_mb: round(medianOf(runs, (run) => run.peakRssMb)),
    reindex_unchanged_seconds: round(unchanged),
    reindex_unchanged_ratio: round(medianOf(runs, (run) => run.unchangedSeconds / run.fullSeconds)),
  };
}

function queryFigures(corpus: string, model: string, runs: readonly QueryRun[]) {
  const stage = (name: string, pick: (run: QueryRun) => Latency) => ({
    [`${name}_p50_ms`]: round(medianOf(runs, (run) => pick(run).p50)),
    [`${name}_p95_ms`]: round(medianOf(runs, (run) => pick(run).p95)),
  });
  return {
    corpus,
    model,
    questions: runs[0]!.questions,
    ...stage('embed', (run) => run.embed),
    ...stage('search', (run) => run.search),
    ...stage('answer', (run) => run.answer),
    ...stage('end_to_end', (run) => run.endToEnd),
  };
}

function briefFigures(corpus: string, model: string, runs: readonly BriefRun[]) {
  return {
    corpus,
    model,
    topics: runs[0]!.topics,
    brief_p50_ms: round(medianOf(runs, (run) => run.brief.p50)),
    brief_p95_ms: round(medianOf(runs, (run) => run.brief.p95)),
  };
}

function botFigures(corpus: string, model: string, runs: readonly BotRun[]) {
  return {
    corpus,
    model,
    bot_ready_s: round(medianOf(runs, (run) => run.readySeconds)),
    bot_rss_ready_mb: round(medianOf(runs, (run) => run.readyRssMb)),
    bot_warm_s: round(medianOf(runs, (run) => run.warmSeconds)),
    bot_rss_mb: round(medianOf(runs, (run) => run.rssMb)),
    bot_first_answer_s: round(medianOf(runs, (run) => run.firstAnswerSeconds)),
    bot_later_answer_max_s: round(medianOf(runs, (run) => run.laterAnswerSeconds)),
  };
}

/** One row per figure: the measurement it belongs to, its value, and the corpus and model it was measured on. */
function figureRows(figures: Record<string, unknown>): string[][] {
  const rows: string[][] = [];
  for (const [section, value] of Object.entries(figures)) {
    if (typeof value !== 'object' || value === null) continue;
    const { corpus, model, ...rest } = value as Record<string, unknown>;
    const measuredOn = [corpus, model].filter((part) => typeof part === 'string').join(', ');
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
      'no-break-even': { type: 'boolean' },
      dimension: { type: 'string' },
      store: { type: 'string' },
      model: { type: 'string' },
      articles: { type: 'string' },
      json: { type: 'boolean' },
    },
    argsSchema,
    USAGE,
  );
  const config = loadSettings(benchConfigSchema, {
    env: args.threads === undefined ? process.env : { ...process.env, INGEST_THREADS: String(args.threads) },
  });
  // Ingest, query and bot measure the product's cost: with --model proxy, at the production model's.
  const product = { ...config, EMBEDDING_MODEL: args.model ?? config.EMBEDDING_MODEL };
  const model = product.EMBEDDING_MODEL;
  const only: readonly string[] = args.only ?? (args.scale === undefined ? PARTS : []);
  const wanted = (part: (typeof PARTS)[number]) =>
    only.includes(part) || (part.startsWith('ingest-') && only.includes('ingest'));
  const figures: Record<string, unknown> = {
    runs: args.runs,
    cores: os.availableParallelism(),
    ingest_threads: config.INGEST_THREADS ?? 'auto (one per core when there is enough to do)',
  };

  // The other parts' modules (query, brief, bot, the projected index, the embedder) are imported when their
  // part runs: ingest's peak is the process's resident memory, and importing them all beforehand added 53 MB
  // to it (process.memoryUsage().rss after import: 154 -> 207 MB) that ingest never uses.
  for (const name of ['bbc', 'reuters'] as const) {
    if (!wanted(`ingest-${name}`)) continue;
    const corpus = prepareCorpus(name, config.BENCH_DIR, args.articles);
    const runs = await repeat(args.runs, `ingest ${name}`, () => ingestRun(corpus, product));
    figures[`ingest_${name}`] = ingestFigures(name, model, runs);
  }
  // Both corpora (about 120k passages) with the proxy: the real model's index with its vectors projected to
  // the proxy's dimension, since embedding it with the proxy would take about 80 CPU-minutes here.
  const newsIndex = async () =>
    model === PROXY_MODEL && config.EMBEDDING_MODEL !== PROXY_MODEL
      ? (await import('./bench/projected-index.js')).projectedIndex(
          'news',
          config,
          model,
          (await loadEmbedderLazily(product)).dimension,
          log,
          args.articles,
        )
      : benchIndex('news', product, log, args.articles);
  if (wanted('query')) {
    const index = await benchIndex('bbc', product, log, args.articles);
    const embedder = await questionEmbedder(product);
    const { queryRun } = await import('./bench/query-bench.js');
    const runs = await repeat(args.runs, 'query', () => queryRun(index.dbPath, product, embedder));
    figures.query = queryFigures(index.description, model, runs);
  }
  if (wanted('query-news')) {
    const index = await newsIndex();
    const embedder = await questionEmbedder(product);
    const { queryRun } = await import('./bench/query-bench.js');
    const runs = await repeat(args.runs, 'query-news', () => queryRun(index.dbPath, product, embedder));
    figures.query_news = queryFigures(index.description, model, runs);
  }
  if (wanted('brief')) {
    // A brief reads whole stories across the archive: measured at a large newsroom's size, as the bot is.
    const index = await newsIndex();
    const embedder = await questionEmbedder(product);
    const { briefRun } = await import('./bench/brief-bench.js');
    const runs = await repeat(args.runs, 'brief', () => briefRun(index.dbPath, product, embedder));
    figures.brief = briefFigures(index.description, model, runs);
  }
  if (wanted('bot')) {
    // The bot's start and memory at the size of a large newsroom archive: both corpora, about 120k passages.
    const index = await newsIndex();
    const { botRun } = await import('./bench/bot-bench.js');
    const runs = await repeat(args.runs, 'bot', () => botRun(index.dbPath, product));
    figures.bot = botFigures(index.description, model, runs);
  }
  if (args.scale !== undefined) {
    if (args.store === 'postgres' && !config.DATABASE_URL)
      throw new ConfigError(
        '--store postgres needs DATABASE_URL: set it to a PostgreSQL database with pgvector (the bench writes a schema named scale_<passages>).',
      );
    if (config.EMBEDDING_MODEL === PROXY_MODEL)
      throw new ConfigError(
        `--scale measures recall on real vectors, and ${PROXY_MODEL}'s are random: set EMBEDDING_MODEL to a real model (--model proxy still measures ingest, query and bot with it).`,
      );
    // Imported only when asked for: it brings LanceDB and Orama along for comparison.
    const { runScaleBench } = await import('./bench/scale.js');
    figures.scale = {
      model: config.EMBEDDING_MODEL,
      ...(await runScaleBench({
        config,
        passages: args.scale,
        runs: args.runs,
        log,
        peers: !args['no-peers'],
        breakEven: !args['no-break-even'],
        dimension: args.dimension,
        articles: args.articles,
        postgresUrl: args.store === 'postgres' ? config.DATABASE_URL : undefined,
      })),
    };
  }

  if (args.json) console.log(JSON.stringify(figures, null, 2));
  else printTable(['part', 'figure', 'median', 'measured on (corpus, model)'], figureRows(figures));
});
