import fs from 'node:fs';
import { z } from 'zod';
import { sentenceSpans } from '../document/sentence-split.js';
import { queryTerms } from '../search/fts-query.js';
import { searchPassages } from '../search/hybrid-search.js';
import type { OpeningRecord, PassageStore } from '../store/passage-store.js';
import { termWeights, type TermWeights } from '../search/term-weights.js';
import { calibrationFor, type ModelCalibration } from './calibration.js';
import {
  evidenceOf,
  evidenceThresholdsSchema,
  isCloseInMeaning,
  isStrongEvidence,
  type Evidence,
  type EvidenceThresholds,
} from './evidence.js';

/** Bumped when the method changes, so an index measured the old way is measured again. */
export const CALIBRATION_VERSION = 2;

export const selfCalibrationSchema = z.object({
  version: z.literal(CALIBRATION_VERSION),
  model: z.string(),
  vectorWeight: z.number().min(0),
  evidence: evidenceThresholdsSchema,
  measured: z.object({
    pseudoQuestions: z.number().int(),
    offTopicQuestions: z.number().int(),
    /** Share of pseudo-questions whose article is among the first 3 found, at the chosen weight. */
    recallAt3: z.number(),
    answerableFound: z.number(),
    offTopicRefused: z.number(),
  }),
});
export type SelfCalibration = z.infer<typeof selfCalibrationSchema>;

/** The hybrid weights tried: from BM25 alone to the model counting twice as much as the best lexical match. */
export const VECTOR_WEIGHTS = [0, 0.1, 0.2, 0.3, 0.5, 1, 2] as const;
/** Enough articles for stable rates (±0.04 at 150), few enough to measure in seconds at any index size. */
const MAX_ARTICLES = 150;
/** Below this many pseudo-questions a rate moves by 5 points per question: not a measurement. */
export const MIN_PSEUDO_QUESTIONS = 20;
const DEPTH = 10;
const HIT_DEPTH = 3;
/** An opening sentence shorter than this is a dateline or a fragment, not a question's worth of words. */
const MIN_SENTENCE_WORDS = 6;

const OFF_TOPIC_FILE = new URL('../../data/calibration/off-topic-questions.txt', import.meta.url);

/** The shipped questions no news archive answers (recipes, code, trivia): the "nothing found" side. */
export function offTopicQuestions(): string[] {
  return fs
    .readFileSync(OFF_TOPIC_FILE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

interface PseudoQuestion {
  question: string;
  articleId: number;
  /** The passage the question was cut from: left out, so that it is answered from the rest of the article. */
  excludePassage: number | null;
}

/**
 * Questions the corpus asks itself: each sampled article's headline, and its opening sentence asked of
 * the article's other passages (as a reader's question is answered by a paragraph in other words).
 */
export function pseudoQuestions(openings: readonly OpeningRecord[]): PseudoQuestion[] {
  const stride = Math.max(1, openings.length / MAX_ARTICLES);
  const sampled: OpeningRecord[] = [];
  for (let i = 0; Math.floor(i) < openings.length; i += stride) sampled.push(openings[Math.floor(i)]!);
  return sampled.flatMap((opening) => {
    const questions: PseudoQuestion[] = [];
    if (queryTerms(opening.title).length >= 2)
      questions.push({ question: opening.title, articleId: opening.articleId, excludePassage: null });
    const first = sentenceSpans(opening.text)[0];
    const sentence = first ? opening.text.slice(first.start, first.end) : '';
    if (opening.passages > 1 && sentence.split(/\s+/u).length >= MIN_SENTENCE_WORDS)
      questions.push({ question: sentence, articleId: opening.articleId, excludePassage: opening.passageId });
    return questions;
  });
}

interface Measured {
  /** 1-based rank of the first passage from the question's article, or null. */
  rank: number | null;
  evidence: Evidence[];
}

/** A question as measured: its vector and term weights read once, for every vector weight tried. */
interface Asked {
  question: string;
  vector: Float32Array;
  terms: string[];
  weights: TermWeights;
  excludePassage: number | null;
  articleId: number | null;
}

async function ask(
  store: PassageStore,
  question: string,
  vector: Float32Array,
  excludePassage: number | null = null,
  articleId: number | null = null,
): Promise<Asked> {
  const terms = queryTerms(question);
  return { question, vector, terms, weights: await termWeights(store, terms), excludePassage, articleId };
}

async function measure(store: PassageStore, asked: Asked, vectorWeight: number): Promise<Measured> {
  const { question, vector, terms, weights } = asked;
  const hits = (
    await searchPassages(store, question, vector, {
      limit: DEPTH,
      mode: 'hybrid',
      vectorWeight,
      termWeights: weights,
      // As answers search, so that the thresholds judge the passages answers show.
      complementBest: true,
    })
  ).filter((hit) => hit.passage.id !== asked.excludePassage);
  const index = hits.findIndex((hit) => hit.passage.articleId === asked.articleId);
  return { rank: index >= 0 ? index + 1 : null, evidence: evidenceOf(hits, terms, weights) };
}

export const foundRate = (
  evidence: readonly Evidence[][],
  thresholds: EvidenceThresholds,
  judge: (item: Evidence, thresholds: EvidenceThresholds) => boolean = isStrongEvidence,
) =>
  evidence.filter((items) => items.some((item) => judge(item, thresholds))).length /
  Math.max(1, evidence.length);

const steps = (from: number, to: number, step: number) =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Number((from + i * step).toFixed(2)));

/** How far two threshold settings are apart (summed over the three thresholds). */
const distance = (a: EvidenceThresholds, b: EvidenceThresholds) =>
  Math.abs(a.minSimilarity - b.minSimilarity) +
  Math.abs(a.minCoverage - b.minCoverage) +
  Math.abs(a.minSimilarityWithCoverage - b.minSimilarityWithCoverage);

/**
 * Grid search for the thresholds that best separate answerable questions from off-corpus ones (balanced
 * accuracy). On a tie the thresholds nearest `prior` win (without one, the lowest): on a corpus whose own
 * questions every setting separates (10,000 notes that differ by a number, measured in the bad-input test),
 * the first perfect setting required similarity >= 0.45 everywhere and refused plain questions that the
 * model's measured settings answer.
 * Only the model's half of the judgement is calibrated (`isCloseInMeaning`): the corpus's own questions
 * (headlines, opening sentences) always hold their article's rare words, so with the anchor test counted
 * the grid learned nothing about the model and chose similarity >= 0.85 on the archive, refusing more
 * development questions than before (all answerable hit@3 0.609 and unanswerable refused 0.879). Measured
 * this way the archive's thresholds stay 0.7 / 0.7 / 0.2, and so does what an index already stores.
 */
export function calibrateEvidence(
  answerable: readonly Evidence[][],
  offCorpus: readonly Evidence[][],
  prior?: EvidenceThresholds,
): { thresholds: EvidenceThresholds; balancedAccuracy: number } {
  let best: { thresholds: EvidenceThresholds; balancedAccuracy: number } | null = null;
  for (const minSimilarity of steps(0.2, 0.95, 0.05)) {
    for (const minCoverage of steps(0.2, 1, 0.1)) {
      for (const minSimilarityWithCoverage of steps(-0.1, minSimilarity, 0.05)) {
        const thresholds = { minSimilarity, minCoverage, minSimilarityWithCoverage };
        const balancedAccuracy =
          (foundRate(answerable, thresholds, isCloseInMeaning) +
            1 -
            foundRate(offCorpus, thresholds, isCloseInMeaning)) /
          2;
        const better = !best || balancedAccuracy > best.balancedAccuracy + 1e-9;
        const tieNearerPrior =
          best !== null &&
          prior !== undefined &&
          Math.abs(balancedAccuracy - best.balancedAccuracy) <= 1e-9 &&
          distance(thresholds, prior) < distance(best.thresholds, prior);
        if (better || tieNearerPrior) best = { thresholds, balancedAccuracy };
      }
    }
  }
  return best!;
}

const mrr = (ranks: readonly (number | null)[]) =>
  ranks.reduce((sum: number, rank) => sum + (rank ? 1 / rank : 0), 0) / Math.max(1, ranks.length);

/**
 * Measures the configured model on this index: the hybrid weight that finds the pseudo-questions'
 * articles best (mean reciprocal rank; on a tie the smaller weight, BM25 being the measured-safe side),
 * then the evidence thresholds that separate them from the off-topic questions at that weight.
 * Null when the index is too small to measure anything.
 */
export async function selfCalibrate(
  store: PassageStore,
  embed: (texts: string[]) => Promise<Float32Array[]>,
  model: string,
  offTopic: readonly string[] = offTopicQuestions(),
): Promise<SelfCalibration | null> {
  const questions = pseudoQuestions(await store.openings());
  if (questions.length < MIN_PSEUDO_QUESTIONS) return null;
  const vectors = await embed(questions.map((q) => q.question));
  const offTopicVectors = await embed([...offTopic]);

  const asked: Asked[] = [];
  for (const [i, q] of questions.entries())
    asked.push(await ask(store, q.question, vectors[i]!, q.excludePassage, q.articleId));
  const byWeight: { vectorWeight: number; measured: Measured[]; mrr: number }[] = [];
  for (const vectorWeight of VECTOR_WEIGHTS) {
    const measured: Measured[] = [];
    for (const question of asked) measured.push(await measure(store, question, vectorWeight));
    byWeight.push({ vectorWeight, measured, mrr: mrr(measured.map((m) => m.rank)) });
  }
  const chosen = byWeight.reduce((best, next) => (next.mrr > best.mrr + 1e-9 ? next : best));
  const answerable = chosen.measured.map((m) => m.evidence);
  const offCorpus: Evidence[][] = [];
  for (const [i, question] of offTopic.entries())
    offCorpus.push(
      (await measure(store, await ask(store, question, offTopicVectors[i]!), chosen.vectorWeight)).evidence,
    );
  const { thresholds } = calibrateEvidence(answerable, offCorpus, calibrationFor(model).evidence);
  return {
    version: CALIBRATION_VERSION,
    model,
    vectorWeight: chosen.vectorWeight,
    evidence: thresholds,
    measured: {
      pseudoQuestions: questions.length,
      offTopicQuestions: offTopic.length,
      recallAt3:
        chosen.measured.filter((m) => m.rank !== null && m.rank <= HIT_DEPTH).length / questions.length,
      answerableFound: foundRate(answerable, thresholds),
      offTopicRefused: 1 - foundRate(offCorpus, thresholds),
    },
  };
}

/** The calibration stored in an index, if it was measured for this model by this method. */
export function storedCalibration(raw: string | null, model: string): ModelCalibration | null {
  if (raw === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = selfCalibrationSchema.safeParse(json);
  if (!parsed.success || parsed.data.model !== model) return null;
  return { vectorWeight: parsed.data.vectorWeight, evidence: parsed.data.evidence };
}
