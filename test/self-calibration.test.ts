import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrateEvidence, storedCalibration, VECTOR_WEIGHTS } from '../src/answer/self-calibration.js';
import { calibrateIndex, formatCalibration } from '../src/cli/calibrate-index.js';
import { reindexWithProgress } from '../src/cli/reindex-with-progress.js';
import { benchConfigSchema, parseConfig, type CoreConfig } from '../src/config.js';
import { saveCalibration } from '../src/store/open-store.js';
import { CALIBRATION_KEY } from '../src/store/schema.js';
import { scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

const { BENCH_DIR } = parseConfig(benchConfigSchema, process.env);

/** Every n-th BBC business and politics story: a small real news corpus to measure the model on. */
const BBC_ARTICLES = 40;

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let config: CoreConfig;

async function addBbcArticles(articlesDir: string, count: number, offset = 0): Promise<void> {
  const root = path.join(BENCH_DIR, 'bbc-fulltext/bbc');
  for (const section of ['business', 'politics']) {
    const files = (await fs.readdir(path.join(root, section))).sort();
    for (let i = 0; i < count / 2; i++) {
      const file = files[offset + i * 7]!;
      await fs.copyFile(path.join(root, section, file), path.join(articlesDir, `${section}-${file}`));
    }
  }
}

const ingest = async () =>
  reindexWithProgress(config, { full: false, prune: false, dryRun: false }, sharedEmbedder);

function stored(): ReturnType<typeof storedCalibration> {
  const db = new Database(config.DB_PATH, { readonly: true });
  try {
    const raw = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(CALIBRATION_KEY);
    return storedCalibration((raw as string | undefined) ?? null, config.EMBEDDING_MODEL);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  corpus = await scratchCorpus();
  config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
});
afterAll(async () => {
  await corpus.cleanup();
});

describe('self-calibration at ingest', () => {
  it('does not pretend to measure two articles, and says so', async () => {
    const { calibration } = await ingest();
    expect(calibration).toEqual({ status: 'too-small' });
    expect(formatCalibration(calibration!)).toMatch(/^Calibration: too few articles to measure/);
    expect(stored()).toBeNull();
  });

  it('measures the model on a small news corpus, stores the result in the index and reports it', async () => {
    await addBbcArticles(corpus.articlesDir, BBC_ARTICLES);
    const { calibration } = await ingest();
    expect(calibration?.status).toBe('measured');
    if (calibration?.status !== 'measured') return;
    const { measured, vectorWeight, evidence } = calibration.calibration;
    expect(measured.pseudoQuestions).toBeGreaterThanOrEqual(BBC_ARTICLES);
    expect(VECTOR_WEIGHTS).toContain(vectorWeight);
    // The chosen settings must tell the corpus's own questions from off-topic ones, or they measure nothing.
    expect(measured.answerableFound).toBeGreaterThanOrEqual(0.8);
    expect(measured.offTopicRefused).toBeGreaterThanOrEqual(0.8);
    expect(stored()).toEqual({ vectorWeight, evidence });
    expect(formatCalibration(calibration)).toContain(`hybrid vector weight ${vectorWeight}`);
  }, 300_000);

  it('keeps the measurement while the articles are unchanged, and measures again when they change', async () => {
    const before = stored();
    expect((await ingest()).calibration).toEqual({ status: 'kept' });
    expect(stored()).toEqual(before);
    await addBbcArticles(corpus.articlesDir, 4, 3);
    expect((await ingest()).calibration?.status).toBe('measured');
    expect(stored()).not.toBeNull();
  }, 300_000);
});

describe('self-calibration whatever the index measured before', () => {
  it('lands on the same settings after a far-off calibration was stored as on a fresh index', async () => {
    const fresh = await calibrateIndex(config, sharedEmbedder, { force: true });
    expect(fresh.status).toBe('measured');
    if (fresh.status !== 'measured') return;
    const farOff = {
      ...fresh.calibration,
      vectorWeight: 2,
      evidence: { minSimilarity: 0.95, minCoverage: 1, minSimilarityWithCoverage: 0.9 },
    };
    await saveCalibration(config, JSON.stringify(farOff));
    expect(stored()).toEqual({ vectorWeight: 2, evidence: farOff.evidence });
    const again = await calibrateIndex(config, sharedEmbedder, { force: true });
    expect(again).toEqual(fresh);
  }, 300_000);
});

describe('calibrateEvidence', () => {
  // The corpus's own questions hold their article's rare words: every one is anchored. Off-topic ones not.
  const own = [0.9, 0.8, 0.75, 0.7, 0.65, 0.6, 0.45, 0.4].map((similarity) => [
    { similarity, coverage: 0.8, anchored: true },
  ]);
  const offTopic = [0.5, 0.45, 0.4, 0.35, 0.3, 0.2].map((similarity) => [
    { similarity, coverage: 0.3, anchored: false },
  ]);
  const withoutAnchors = own.map((items) => items.map((item) => ({ ...item, anchored: false })));

  it("calibrates the model's half of the judgement only: the anchors the corpus's questions always hold change nothing", () => {
    expect(calibrateEvidence(own, offTopic).thresholds).toEqual(
      calibrateEvidence(withoutAnchors, offTopic).thresholds,
    );
  });
});

describe('calibrateEvidence between near-equal settings', () => {
  const items = (count: number, similarity: number, coverage: number) =>
    Array.from({ length: count }, () => [{ similarity, coverage, anchored: false }]);
  // The corpus's own questions hold most of their passage's words; four of 40 hold less, as a reader's do.
  const answerable = [...items(36, 0.5, 0.9), ...items(4, 0.5, 0.3)];
  // Five of 40 off-topic questions share as much with some passage as those four, at the same similarity.
  const offTopic = [...items(35, 0.3, 0.5), ...items(5, 0.5, 0.35)];

  it('takes the lowest coverage threshold the measurement cannot tell from the best, whatever came before', () => {
    // Coverage >= 0.9 scores 0.95 in balanced accuracy, 0.2 scores 0.9375: closer than the noise (0.036).
    const { thresholds, balancedAccuracy } = calibrateEvidence(answerable, offTopic);
    expect(thresholds).toEqual({ minSimilarity: 0.35, minCoverage: 0.2, minSimilarityWithCoverage: 0.35 });
    expect(balancedAccuracy).toBe(0.9375);
  });

  it('takes a higher coverage threshold when the lower ones measure clearly worse', () => {
    const clearly = [...items(27, 0.3, 0.5), ...items(13, 0.5, 0.35)];
    expect(calibrateEvidence(answerable, clearly).thresholds).toEqual({
      minSimilarity: 0.55,
      minCoverage: 0.4,
      minSimilarityWithCoverage: 0.35,
    });
  });
});
