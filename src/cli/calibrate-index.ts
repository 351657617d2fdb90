import type { Embedder } from '../embed/embedder.js';
import {
  MIN_PSEUDO_QUESTIONS,
  selfCalibrate,
  storedCalibration,
  type SelfCalibration,
} from '../answer/self-calibration.js';
import { openPassageStore, saveCalibration, type StoreConfig } from '../store/open-store.js';

export type CalibrationOutcome =
  { status: 'measured'; calibration: SelfCalibration } | { status: 'kept' } | { status: 'too-small' };

/**
 * Measures the configured model on the index and stores the result for answers to use: after an ingest
 * that changed articles (a write forgets the old measurement), when nothing is stored for this model, or
 * always with `force` (`npm run calibrate`).
 */
export async function calibrateIndex(
  config: StoreConfig,
  loadModel: () => Promise<Embedder>,
  { force = false } = {},
): Promise<CalibrationOutcome> {
  const store = await openPassageStore(config);
  let calibration: SelfCalibration | null;
  try {
    const stored = await store.storedCalibration();
    const measured = storedCalibration(stored?.settings ?? null, config.EMBEDDING_MODEL);
    if (!force && stored?.current && measured) return { status: 'kept' };
    const embedder = await loadModel();
    calibration = await selfCalibrate(store, (texts) => embedder.embed(texts), config.EMBEDDING_MODEL);
  } finally {
    await store.close();
  }
  if (!calibration) return { status: 'too-small' };
  await saveCalibration(config, JSON.stringify(calibration));
  return { status: 'measured', calibration };
}

/** One line for the ingest summary and `npm run calibrate`. */
export function formatCalibration(outcome: CalibrationOutcome): string {
  if (outcome.status === 'kept') return 'Calibration: unchanged (articles unchanged since it was measured).';
  if (outcome.status === 'too-small') {
    return `Calibration: too few articles to measure (${MIN_PSEUDO_QUESTIONS} questions from at least 10 articles needed); answers use the settings measured for the model, or the defaults.`;
  }
  const { vectorWeight, evidence, measured } = outcome.calibration;
  const rate = (value: number) => value.toFixed(2);
  return (
    `Calibration: measured on ${measured.pseudoQuestions} questions from the articles and ${measured.offTopicQuestions} off-topic ones: ` +
    `hybrid vector weight ${vectorWeight}; found when similarity >= ${evidence.minSimilarity}, or coverage >= ${evidence.minCoverage} with similarity >= ${evidence.minSimilarityWithCoverage} ` +
    `(own article in the top 3: ${rate(measured.recallAt3)}; found: ${rate(measured.answerableFound)}; off-topic refused: ${rate(measured.offTopicRefused)}).`
  );
}
