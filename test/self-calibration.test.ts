import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrateEvidence, storedCalibration, VECTOR_WEIGHTS } from '../src/answer/self-calibration.js';
import { formatCalibration } from '../src/cli/calibrate-index.js';
import { reindexWithProgress } from '../src/cli/reindex-with-progress.js';
import { benchConfigSchema, parseConfig, type CoreConfig } from '../src/config.js';
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
  const prior = { minSimilarity: 0.7, minCoverage: 0.7, minSimilarityWithCoverage: 0.2 };
  const items = (similarities: readonly number[]) =>
    similarities.map((similarity) => [{ similarity, coverage: 0.1, anchored: false }]);
  const repeat = (similarity: number, count: number) => Array<number>(count).fill(similarity);
  // Four answerable questions only a similarity threshold of 0.6 finds; 36 found by any setting.
  const answerable = items([...repeat(0.9, 36), ...repeat(0.6, 4)]);

  it('keeps the prior when another setting scores better by less than the noise of the measurement', () => {
    // The lower threshold finds the 4 but answers 3 more of 40 off-topic questions: better by 0.0125 in
    // balanced accuracy, against a standard error of its difference of 0.03.
    const offTopic = items([...repeat(0.3, 37), ...repeat(0.62, 3)]);
    expect(calibrateEvidence(answerable, offTopic, prior).thresholds).toEqual(prior);
  });

  it('moves off the prior, no further than it must, when a setting is clearly better', () => {
    const offTopic = items(repeat(0.3, 40));
    const { thresholds, balancedAccuracy } = calibrateEvidence(answerable, offTopic, prior);
    expect(thresholds).toEqual({ ...prior, minSimilarity: 0.6 });
    expect(balancedAccuracy).toBe(1);
  });
});
