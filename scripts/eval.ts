import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { calibrationFor, type ModelCalibration } from '../src/answer/calibration.js';
import {
  evidenceOf,
  isStrongEvidence,
  type Evidence as EvidenceItem,
  type EvidenceThresholds,
} from '../src/answer/evidence.js';
import { termWeights } from '../src/answer/build-answer.js';
import { parseCliArgs } from '../src/cli/parse-args.js';
import { runCli } from '../src/cli/run-cli.js';
import { loadCoreConfig, type CoreConfig } from '../src/config.js';
import { loadEmbedder, type Embedder } from '../src/embed/embedder.js';
import { reindex } from '../src/ingest/reindex.js';
import { queryTerms } from '../src/search/fts-query.js';
import { SEARCH_MODES, searchPassages, type SearchMode } from '../src/search/hybrid-search.js';
import { PassageStore } from '../src/store/passage-store.js';
import { benchIndex } from './bench/corpora.js';
import { loadQuailNews, loadSquad, type EvalQuestion, type EvalSet } from './eval/datasets.js';
import { evaluateDevSet, printDevScores } from './eval/run-dev-set.js';
import { rankOf, retrievalScores, type RetrievalScores } from './eval/metrics.js';

const SET_NAMES = ['xquad-en', 'squad2-half', 'quail-news', 'dev'] as const;
type SetName = (typeof SET_NAMES)[number];

const USAGE = `Usage: npm run eval -- [--json] [--sweep] [--only SETS] [--failures]
  --json      print the figures as JSON
  --sweep     also try hybrid vector weights and print recall for each
  --only      comma-separated sets to run: ${SET_NAMES.join(', ')} (default: all)
  --failures  print the development set's missed questions with the passages shown instead`;
const JSONL = 'articles.jsonl';
const DOCUMENTS_RANKED = 10;
const SWEEP_WEIGHTS = [0, 0.1, 0.2, 0.3, 0.5, 1, 2];

/** The evidence of the best few passages of one question. */
type Evidence = EvidenceItem[];

interface IndexedSet {
  set: EvalSet;
  store: PassageStore;
  vectors: Float32Array[];
  cleanup(): void;
}

/** Indexes an evaluation set through the real ingest path: one JSONL file, one article per document. */
async function indexSet(set: EvalSet, config: CoreConfig, embedder: Embedder): Promise<IndexedSet> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `briefing-eval-${set.name}-`));
  const articlesDir = path.join(root, 'articles');
  fs.mkdirSync(articlesDir);
  const lines = set.documents.map((doc) =>
    JSON.stringify({ id: doc.id, title: doc.title, body: doc.paragraphs }),
  );
  fs.writeFileSync(path.join(articlesDir, JSONL), lines.join('\n') + '\n');
  const setConfig = { ...config, DB_PATH: path.join(root, 'index.db'), ARTICLES_DIR: articlesDir };
  const summary = await reindex(setConfig, { full: true, prune: false, dryRun: false }, async () => embedder);
  if (summary.skipped.length > 0) {
    throw new Error(`${set.name}: documents skipped: ${JSON.stringify(summary.skipped.slice(0, 3))}`);
  }
  const store = PassageStore.open(setConfig.DB_PATH, config.EMBEDDING_MODEL);
  return {
    set,
    store,
    vectors: await embedder.embed(set.questions.map((q) => q.question)),
    cleanup: () => {
      store.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

const documentId = (articleKey: string) => articleKey.slice(JSONL.length + 1);

/** Ranked distinct documents for a question, and the evidence of its best passage: the answer path's view. */
function retrieve(
  store: PassageStore,
  question: string,
  vector: Float32Array,
  mode: SearchMode,
  vectorWeight: number,
) {
  const hits = searchPassages(store, question, vector, { limit: DOCUMENTS_RANKED * 3, mode, vectorWeight });
  const documents = [...new Set(hits.map((hit) => documentId(hit.passage.articleKey)))].slice(
    0,
    DOCUMENTS_RANKED,
  );
  const terms = queryTerms(question);
  const evidence: Evidence = evidenceOf(
    hits.map((hit) => ({ text: hit.passage.text, similarity: hit.similarity })),
    terms,
    termWeights({ store }, terms),
  );
  return { documents, evidence };
}

function recall(indexed: IndexedSet, mode: SearchMode, vectorWeight: number): RetrievalScores {
  const ranks: (number | null)[] = [];
  indexed.set.questions.forEach((q, index) => {
    if (q.gold === null) return;
    const { documents } = retrieve(indexed.store, q.question, indexed.vectors[index]!, mode, vectorWeight);
    ranks.push(rankOf(documents, q.gold));
  });
  return retrievalScores(ranks);
}

function questionEvidence(
  indexed: IndexedSet,
  questions: readonly EvalQuestion[],
  vectors: readonly Float32Array[],
  vectorWeight: number,
) {
  return questions.map(
    (q, i) => retrieve(indexed.store, q.question, vectors[i]!, 'hybrid', vectorWeight).evidence,
  );
}

const foundRate = (evidence: readonly Evidence[], thresholds: EvidenceThresholds) =>
  evidence.filter((items) => items.some((item) => isStrongEvidence(item, thresholds))).length /
  evidence.length;

/** Grid search for the thresholds that best separate answerable questions from off-corpus ones. */
function calibrateEvidence(answerable: readonly Evidence[], offCorpus: readonly Evidence[]) {
  let best = { thresholds: calibrationFor('').evidence, balancedAccuracy: 0 };
  const steps = (from: number, to: number, step: number) =>
    Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) =>
      Number((from + i * step).toFixed(2)),
    );
  for (const minSimilarity of steps(0.2, 0.95, 0.05)) {
    for (const minCoverage of steps(0.2, 1, 0.1)) {
      for (const minSimilarityWithCoverage of steps(-0.1, minSimilarity, 0.05)) {
        const thresholds = { minSimilarity, minCoverage, minSimilarityWithCoverage };
        const balancedAccuracy =
          (foundRate(answerable, thresholds) + 1 - foundRate(offCorpus, thresholds)) / 2;
        if (balancedAccuracy > best.balancedAccuracy) best = { thresholds, balancedAccuracy };
      }
    }
  }
  return best;
}

const fixed = (value: number) => value.toFixed(3);
const log = (line: string) => console.error(line);

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
}

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
      positionals: z.array(z.string()).max(0),
    }),
    USAGE,
  );
  const config = loadCoreConfig();
  const calibration: ModelCalibration = calibrationFor(config.EMBEDDING_MODEL, config);
  const embedder = await loadEmbedder(config);
  const only = new Set<SetName>(args.only);
  const loaders = {
    'xquad-en': () => loadSquad('xquad-en', 'xquad-en/xquad.en.json'),
    'squad2-half': () => loadSquad('squad2-half', 'squad-v2.0-dev-half/dev-v2.0.json'),
    'quail-news': loadQuailNews,
  };
  const sets = (Object.keys(loaders) as (keyof typeof loaders)[])
    .filter((name) => only.has(name))
    .map((name) => loaders[name]());
  const retrieval: { set: string; mode: SearchMode; scores: RetrievalScores }[] = [];
  const sweep: { set: string; vectorWeight: number; scores: RetrievalScores }[] = [];
  let found: Record<string, unknown> = {};
  for (const set of sets) {
    console.error(
      `Indexing and evaluating ${set.name} (${set.documents.length} documents, ${set.questions.length} questions)...`,
    );
    const indexed = await indexSet(set, config, embedder);
    try {
      for (const mode of SEARCH_MODES)
        retrieval.push({ set: set.name, mode, scores: recall(indexed, mode, calibration.vectorWeight) });
      if (args.sweep) {
        for (const vectorWeight of SWEEP_WEIGHTS)
          sweep.push({ set: set.name, vectorWeight, scores: recall(indexed, 'hybrid', vectorWeight) });
      }
      if (set.name !== 'squad2-half') continue;
      const withVectors = set.questions.map((q, index) => ({ q, vector: indexed.vectors[index]! }));
      const split = (answerable: boolean) => withVectors.filter(({ q }) => (q.gold !== null) === answerable);
      const [answerable, unanswerable] = [split(true), split(false)];
      const questionsOf = (subset: typeof withVectors) => subset.map(({ q }) => q);
      const vectorsOf = (subset: typeof withVectors) => subset.map(({ vector }) => vector);
      // QuAIL's news questions have nothing to do with SQuAD's Wikipedia paragraphs: a fair "not in the index" set.
      const offCorpusQuestions = loadQuailNews().questions;
      const evidence = {
        answerable: questionEvidence(
          indexed,
          questionsOf(answerable),
          vectorsOf(answerable),
          calibration.vectorWeight,
        ),
        unanswerable: questionEvidence(
          indexed,
          questionsOf(unanswerable),
          vectorsOf(unanswerable),
          calibration.vectorWeight,
        ),
        offCorpus: questionEvidence(
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
      };
    } finally {
      indexed.cleanup();
    }
  }
  const dev = only.has('dev')
    ? await evaluateDevSet(
        { ...config, DB_PATH: (await benchIndex('archive', config, log)).dbPath },
        embedder,
      )
    : null;
  if (args.failures && dev) console.error(dev.failures.join('\n\n'));
  if (args.json) {
    console.log(
      JSON.stringify(
        { model: config.EMBEDDING_MODEL, calibration, retrieval, sweep, found, dev: dev?.scores ?? null },
        null,
        2,
      ),
    );
    return;
  }
  if (dev) printDevScores(dev.scores, config.EMBEDDING_MODEL, printTable);
  if (sets.length === 0) return;
  console.log(
    `Passage retrieval with ${config.EMBEDDING_MODEL} (hybrid vector weight ${calibration.vectorWeight}); a hit is the gold document:`,
  );
  printTable(
    ['set', 'mode', 'questions', 'R@1', 'R@3', 'R@5', 'R@10', 'MRR'],
    retrieval.map(({ set, mode, scores }) => [set, mode, String(scores.questions), ...scoreCells(scores)]),
  );
  if (sweep.length > 0) {
    console.log('\nHybrid vector weight sweep:');
    printTable(
      ['set', 'weight', 'R@1', 'R@3', 'R@5', 'R@10', 'MRR'],
      sweep.map(({ set, vectorWeight, scores }) => [set, String(vectorWeight), ...scoreCells(scores)]),
    );
  }
  if (!only.has('squad2-half')) return;
  console.log(
    '\nfound / not found (SQuAD 2.0 dev half index; off-corpus = QuAIL news questions asked of it):',
  );
  console.log(JSON.stringify(found, null, 2));
});
