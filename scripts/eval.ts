import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { calibrationFor, type ModelCalibration } from '../src/answer/calibration.js';
import { calibrateEvidence, foundRate } from '../src/answer/self-calibration.js';
import { calibrateIndex, formatCalibration, type CalibrationOutcome } from '../src/cli/calibrate-index.js';
import {
  evidenceOf,
  type Evidence as EvidenceItem,
  type EvidenceThresholds,
} from '../src/answer/evidence.js';
import { termWeights } from '../src/search/term-weights.js';
import { loadSettings } from '../src/cli/load-settings.js';
import { parseCliArgs } from '../src/cli/parse-args.js';
import { printTable } from '../src/cli/print-table.js';
import { runCli } from '../src/cli/run-cli.js';
import { benchConfigSchema, type CoreConfig } from '../src/config.js';
import { loadEmbedder, type Embedder } from '../src/embed/embedder.js';
import { reindex } from '../src/ingest/reindex.js';
import { queryTerms } from '../src/search/fts-query.js';
import { SEARCH_MODES, searchPassages, type SearchMode } from '../src/search/hybrid-search.js';
import { openPassageStore } from '../src/store/open-store.js';
import type { PassageStore } from '../src/store/passage-store.js';
import { benchIndex } from './bench/corpora.js';
import { loadQuailNews, loadSquad, type EvalQuestion, type EvalSet } from './eval/datasets.js';
import {
  briefingFailures,
  evaluateBriefings,
  printBriefingScores,
  type TopicBriefScore,
} from './eval/briefings.js';
import { evaluateDevSet, printDevScores } from './eval/run-dev-set.js';
import type { DevScores } from './eval/dev-eval.js';
import { FRESH_FILE, HELD_OUT_FILE } from './eval/dev-set.js';
import { evaluateDateSet, printDateScores } from './eval/date-set.js';
import { rankOf, retrievalScores, type RetrievalScores } from './eval/metrics.js';
import {
  archiveOnPostgres,
  configFor,
  memoizedEmbedder,
  printDevOnStores,
  STORE_NAMES,
  type StoreName,
} from './eval/stores.js';

const SET_NAMES = [
  'xquad-en',
  'squad2-half',
  'quail-news',
  'dev',
  'fresh',
  'held-out',
  'briefings',
  'dates',
] as const;
type SetName = (typeof SET_NAMES)[number];

const USAGE = `Usage: npm run eval -- [--json] [--sweep] [--only SETS] [--store STORES] [--failures]
  --json      print the figures as JSON
  --sweep     also try hybrid vector weights and print recall for each
  --only      comma-separated sets to run (briefings: Reuters topic briefs on a Reuters index and on the dev archive): ${SET_NAMES.join(', ')} (default: all)
  --store     comma-separated stores to run XQuAD, SQuAD, QuAIL and the development set on, side by side:
              ${STORE_NAMES.join(', ')} (default: sqlite; postgres uses DATABASE_URL, a schema per set, the
              development archive ingested again there with the SQLite archive's vectors)
  --failures  print the development set's missed questions with the passages shown instead
  --questions FILE  also score a question file in the development set's format (a new batch being written)`;
const JSONL = 'articles.jsonl';
const DOCUMENTS_RANKED = 10;
const SWEEP_WEIGHTS = [0, 0.1, 0.2, 0.3, 0.5, 1, 2];

/** The evidence of the best few passages of one question. */
type Evidence = EvidenceItem[];

interface IndexedSet {
  set: EvalSet;
  store: PassageStore;
  vectors: Float32Array[];
  /** What the ingest path measured on this index by itself (self-calibration), to set beside the hand-measured. */
  selfCalibration: CalibrationOutcome;
  cleanup(): Promise<void>;
}

/** Indexes an evaluation set through the real ingest path: one JSONL file, one article per document. */
async function indexSet(
  set: EvalSet,
  config: CoreConfig,
  embedder: Embedder,
  store: StoreName,
): Promise<IndexedSet> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `briefing-eval-${set.name}-`));
  const articlesDir = path.join(root, 'articles');
  fs.mkdirSync(articlesDir);
  const lines = set.documents.map((doc) =>
    JSON.stringify({ id: doc.id, title: doc.title, body: doc.paragraphs }),
  );
  fs.writeFileSync(path.join(articlesDir, JSONL), lines.join('\n') + '\n');
  // On Postgres (DATABASE_URL set) each set is indexed in a schema of its own.
  const setConfig = {
    ...configFor(config, store),
    DB_PATH: path.join(root, 'index.db'),
    ARTICLES_DIR: articlesDir,
    PG_SCHEMA: `${config.PG_SCHEMA}_eval_${set.name.replaceAll('-', '_')}`,
    // On this thread, so every store gets the one (memoized) embedder's vectors.
    INGEST_THREADS: 1,
  };
  const summary = await reindex(setConfig, { full: true, prune: false, dryRun: false }, async () => embedder);
  if (summary.skipped.length > 0) {
    throw new Error(`${set.name}: documents skipped: ${JSON.stringify(summary.skipped.slice(0, 3))}`);
  }
  const selfCalibration = await calibrateIndex(setConfig, async () => embedder);
  const opened = await openPassageStore(setConfig);
  return {
    set,
    store: opened,
    selfCalibration,
    vectors: await embedder.embed(set.questions.map((q) => q.question)),
    cleanup: async () => {
      await opened.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

const documentId = (articleKey: string) => articleKey.slice(JSONL.length + 1);

/** Ranked distinct documents for a question, and the evidence of its best passage: the answer path's view. */
async function retrieve(
  store: PassageStore,
  question: string,
  vector: Float32Array,
  mode: SearchMode,
  vectorWeight: number,
) {
  const hits = await searchPassages(store, question, vector, {
    limit: DOCUMENTS_RANKED * 3,
    mode,
    vectorWeight,
    complementBest: true,
  });
  const documents = [...new Set(hits.map((hit) => documentId(hit.passage.articleKey)))].slice(
    0,
    DOCUMENTS_RANKED,
  );
  const terms = queryTerms(question);
  const evidence: Evidence = evidenceOf(hits, terms, await termWeights(store, terms));
  return { documents, evidence };
}

async function recall(indexed: IndexedSet, mode: SearchMode, vectorWeight: number): Promise<RetrievalScores> {
  const ranks: (number | null)[] = [];
  for (const [index, q] of indexed.set.questions.entries()) {
    if (q.gold === null) continue;
    const { documents } = await retrieve(
      indexed.store,
      q.question,
      indexed.vectors[index]!,
      mode,
      vectorWeight,
    );
    ranks.push(rankOf(documents, q.gold));
  }
  return retrievalScores(ranks);
}

async function questionEvidence(
  indexed: IndexedSet,
  questions: readonly EvalQuestion[],
  vectors: readonly Float32Array[],
  vectorWeight: number,
) {
  const evidence: Evidence[] = [];
  for (const [i, q] of questions.entries())
    evidence.push((await retrieve(indexed.store, q.question, vectors[i]!, 'hybrid', vectorWeight)).evidence);
  return evidence;
}

const fixed = (value: number) => value.toFixed(3);
const log = (line: string) => console.error(line);

const scoreCells = (s: RetrievalScores) =>
  [s.recallAt1, s.recallAt3, s.recallAt5, s.recallAt10, s.mrr].map(fixed);

runCli(async () => {
  const args = parseCliArgs(
    process.argv.slice(2),
    {
      json: { type: 'boolean' },
      sweep: { type: 'boolean' },
      only: { type: 'string' },
      failures: { type: 'boolean' },
      store: { type: 'string' },
      questions: { type: 'string' },
    },
    z.object({
      json: z.boolean().default(false),
      sweep: z.boolean().default(false),
      only: z
        .string()
        .default(SET_NAMES.join(','))
        .transform((value) => value.split(',').map((name) => name.trim()))
        .pipe(z.array(z.enum(SET_NAMES, { error: `expected ${SET_NAMES.join(', ')}` })).min(1)),
      failures: z.boolean().default(false),
      store: z
        .string()
        .default('sqlite')
        .transform((value) => [...new Set(value.split(',').map((name) => name.trim()))])
        .pipe(z.array(z.enum(STORE_NAMES, { error: `expected ${STORE_NAMES.join(', ')}` })).min(1)),
      questions: z.string().min(1).optional(),
      positionals: z.array(z.string()).max(0),
    }),
    USAGE,
  );
  const config = loadSettings(benchConfigSchema);
  const calibration: ModelCalibration = calibrationFor(config.EMBEDDING_MODEL, config);
  for (const store of args.store) configFor(config, store);
  // Each set is embedded once, however many stores index it.
  const embedder = memoizedEmbedder(await loadEmbedder(config));
  const only = new Set<SetName>(args.only);
  const loaders = {
    'xquad-en': () => loadSquad(config.BENCH_DIR, 'xquad-en', 'xquad-en/xquad.en.json'),
    'squad2-half': () => loadSquad(config.BENCH_DIR, 'squad2-half', 'squad-v2.0-dev-half/dev-v2.0.json'),
    'quail-news': () => loadQuailNews(config.BENCH_DIR),
  };
  const sets = (Object.keys(loaders) as (keyof typeof loaders)[])
    .filter((name) => only.has(name))
    .map((name) => loaders[name]());
  type Scored = { set: string; store: StoreName };
  const retrieval: (Scored & { mode: SearchMode; scores: RetrievalScores })[] = [];
  const sweep: (Scored & { vectorWeight: number; scores: RetrievalScores })[] = [];
  const selfCalibrated: (Scored & { outcome: CalibrationOutcome; hybrid: RetrievalScores | null })[] = [];
  let found: Record<string, unknown> = {};
  const runs = sets.flatMap((set) => args.store.map((store) => ({ set, store })));
  for (const { set, store } of runs) {
    console.error(
      `Indexing and evaluating ${set.name} on ${store} (${set.documents.length} documents, ${set.questions.length} questions)...`,
    );
    const indexed = await indexSet(set, config, embedder, store);
    try {
      for (const mode of SEARCH_MODES)
        retrieval.push({
          set: set.name,
          store,
          mode,
          scores: await recall(indexed, mode, calibration.vectorWeight),
        });
      const self = indexed.selfCalibration;
      selfCalibrated.push({
        set: set.name,
        store,
        outcome: self,
        hybrid:
          self.status === 'measured' ? await recall(indexed, 'hybrid', self.calibration.vectorWeight) : null,
      });
      if (args.sweep) {
        for (const vectorWeight of SWEEP_WEIGHTS)
          sweep.push({
            set: set.name,
            store,
            vectorWeight,
            scores: await recall(indexed, 'hybrid', vectorWeight),
          });
      }
      // Found / not found is the answer layer's, measured on the first store asked for.
      if (set.name !== 'squad2-half' || store !== args.store[0]) continue;
      const withVectors = set.questions.map((q, index) => ({ q, vector: indexed.vectors[index]! }));
      const split = (answerable: boolean) => withVectors.filter(({ q }) => (q.gold !== null) === answerable);
      const [answerable, unanswerable] = [split(true), split(false)];
      const questionsOf = (subset: typeof withVectors) => subset.map(({ q }) => q);
      const vectorsOf = (subset: typeof withVectors) => subset.map(({ vector }) => vector);
      // QuAIL's news questions have nothing to do with SQuAD's Wikipedia paragraphs: a fair "not in the index" set.
      const offCorpusQuestions = loadQuailNews(config.BENCH_DIR).questions;
      const evidence = {
        answerable: await questionEvidence(
          indexed,
          questionsOf(answerable),
          vectorsOf(answerable),
          calibration.vectorWeight,
        ),
        unanswerable: await questionEvidence(
          indexed,
          questionsOf(unanswerable),
          vectorsOf(unanswerable),
          calibration.vectorWeight,
        ),
        offCorpus: await questionEvidence(
          indexed,
          offCorpusQuestions,
          await embedder.embed(offCorpusQuestions.map((q) => q.question)),
          calibration.vectorWeight,
        ),
      };
      const best = calibrateEvidence(evidence.answerable, evidence.offCorpus);
      const rates = (thresholds: EvidenceThresholds) => ({
        answerableFound: foundRate(evidence.answerable, thresholds),
        offCorpusNotFound: 1 - foundRate(evidence.offCorpus, thresholds),
        unanswerableNotFound: 1 - foundRate(evidence.unanswerable, thresholds),
      });
      found = {
        model: config.EMBEDDING_MODEL,
        current: { thresholds: calibration.evidence, ...rates(calibration.evidence) },
        best: {
          thresholds: best.thresholds,
          balancedAccuracy: best.balancedAccuracy,
          ...rates(best.thresholds),
        },
        ...(self.status === 'measured'
          ? {
              selfCalibrated: {
                thresholds: self.calibration.evidence,
                ...rates(self.calibration.evidence),
              },
            }
          : {}),
      };
    } finally {
      await indexed.cleanup();
    }
  }
  const archiveConfig =
    ['dev', 'fresh', 'held-out', 'briefings', 'dates'].some((name) => only.has(name as SetName)) ||
    args.questions
      ? { ...configFor(config, 'sqlite'), DB_PATH: (await benchIndex('archive', config, log)).dbPath }
      : null;
  const devConfig = only.has('dev') ? archiveConfig : null;
  // As `npm run ingest` does: the answers use what the model measured on the archive itself.
  const devCalibration = archiveConfig ? await calibrateIndex(archiveConfig, async () => embedder) : null;
  const dev = devConfig ? await evaluateDevSet(devConfig, embedder) : null;
  // The same questions on the other stores asked for (the first is SQLite's archive above, or Postgres's).
  const devOnStores: { store: StoreName; scores: DevScores }[] = dev
    ? [{ store: 'sqlite', scores: dev.scores }]
    : [];
  if (devConfig && args.store.includes('postgres')) {
    const { config: pgConfig } = await archiveOnPostgres(config, devConfig.DB_PATH, log);
    devOnStores.push({ store: 'postgres', scores: (await evaluateDevSet(pgConfig, embedder)).scores });
  }
  if (args.failures && dev) console.error(dev.failures.join('\n\n'));
  const fresh =
    archiveConfig && only.has('fresh') ? await evaluateDevSet(archiveConfig, embedder, FRESH_FILE) : null;
  if (args.failures && fresh) console.error(fresh.failures.join('\n\n'));
  const heldOut =
    archiveConfig && only.has('held-out')
      ? await evaluateDevSet(archiveConfig, embedder, HELD_OUT_FILE)
      : null;
  if (args.failures && heldOut) console.error(heldOut.failures.join('\n\n'));
  const batch =
    archiveConfig && args.questions
      ? await evaluateDevSet(archiveConfig, embedder, path.resolve(args.questions))
      : null;
  if (args.failures && batch) console.error(batch.failures.join('\n\n'));
  // The measure briefs on an index of the Reuters stories alone; the archive adds BBC stories, which
  // no Reuters tag can vouch for however on-topic they are, so it is reported beside it as a harder figure.
  const briefings: { index: string; scores: TopicBriefScore[] }[] = [];
  if (archiveConfig && only.has('briefings')) {
    const reuters = await benchIndex('reuters', config, log);
    const reutersConfig = { ...archiveConfig, DB_PATH: reuters.dbPath };
    await calibrateIndex(reutersConfig, async () => embedder);
    briefings.push(
      { index: reuters.description, scores: await evaluateBriefings(reutersConfig, embedder) },
      {
        index: 'the development archive: samples + BBC + Reuters',
        scores: await evaluateBriefings(archiveConfig, embedder),
      },
    );
  }
  if (args.failures)
    for (const { index, scores } of briefings)
      console.error(`Cited without the topic's tag (${index}):\n${briefingFailures(scores).join('\n')}\n`);
  const dates = only.has('dates') && archiveConfig ? await evaluateDateSet(archiveConfig, embedder) : null;
  if (args.failures && dates) console.error(dates.failures.join('\n\n'));
  if (args.json) {
    console.log(
      JSON.stringify(
        {
          model: config.EMBEDDING_MODEL,
          calibration,
          retrieval,
          sweep,
          selfCalibrated,
          found,
          dev: dev?.scores ?? null,
          fresh: fresh?.scores ?? null,
          heldOut: heldOut?.scores ?? null,
          questions: batch?.scores ?? null,
          devOnStores,
          briefings,
          devCalibration,
          dates,
        },
        null,
        2,
      ),
    );
    return;
  }
  if (dev) printDevScores(dev.scores, config.EMBEDDING_MODEL, printTable);
  if (devOnStores.length > 1) printDevOnStores(devOnStores, printTable);
  if (fresh)
    printDevScores(
      fresh.scores,
      config.EMBEDDING_MODEL,
      printTable,
      'New questions (fresh.jsonl: the second to twenty-seventh batches)',
    );
  if (heldOut) printDevScores(heldOut.scores, config.EMBEDDING_MODEL, printTable, 'Held-out set');
  if (batch && args.questions)
    printDevScores(batch.scores, config.EMBEDDING_MODEL, printTable, `Questions of ${args.questions}`);
  for (const { index, scores } of briefings)
    printBriefingScores(scores, index, config.EMBEDDING_MODEL, printTable);
  if (dates) printDateScores(dates, config.EMBEDDING_MODEL);
  if (devCalibration) console.log(`Development set index: ${formatCalibration(devCalibration)}\n`);
  if (sets.length === 0) return;
  console.log(
    `Passage retrieval with ${config.EMBEDDING_MODEL} (hybrid vector weight ${calibration.vectorWeight}); a hit is the gold document:`,
  );
  printTable(
    ['set', 'store', 'mode', 'questions', 'R@1', 'R@3', 'R@5', 'R@10', 'MRR'],
    retrieval.map(({ set, store, mode, scores }) => [
      set,
      store,
      mode,
      String(scores.questions),
      ...scoreCells(scores),
    ]),
  );
  console.log("\nSelf-calibration (measured by the ingest path on each set's own index):");
  for (const { set, store, outcome, hybrid } of selfCalibrated) {
    const recallAtSelf = hybrid
      ? ` Hybrid at that weight: R@1 ${fixed(hybrid.recallAt1)}, R@5 ${fixed(hybrid.recallAt5)}.`
      : '';
    console.log(`${set} on ${store}: ${formatCalibration(outcome)}${recallAtSelf}`);
  }
  if (sweep.length > 0) {
    console.log('\nHybrid vector weight sweep:');
    printTable(
      ['set', 'store', 'weight', 'R@1', 'R@3', 'R@5', 'R@10', 'MRR'],
      sweep.map(({ set, store, vectorWeight, scores }) => [
        set,
        store,
        String(vectorWeight),
        ...scoreCells(scores),
      ]),
    );
  }
  if (!only.has('squad2-half')) return;
  console.log(
    '\nfound / not found (SQuAD 2.0 dev half index; off-corpus = QuAIL news questions asked of it):',
  );
  console.log(JSON.stringify(found, null, 2));
});
