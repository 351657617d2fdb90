import type { EvidenceThresholds } from './evidence.js';

/** Settings that depend on the embedding model's similarity scale and quality, measured with `npm run eval`. */
export interface ModelCalibration {
  /** Weight of cosine similarity against scaled BM25 in hybrid search (see score-fusion). */
  vectorWeight: number;
  evidence: EvidenceThresholds;
}

/**
 * Measured on XQuAD-en, SQuAD 2.0 (dev half) and QuAIL news with `npm run eval` (method in the README).
 * The stand-in's vectors are much weaker than BM25 (R@1 0.44 against 0.94 on XQuAD), so they get a small
 * weight; its thresholds separate answerable SQuAD questions from off-corpus ones best.
 */
const MEASURED: Record<string, ModelCalibration> = {
  'briefing-standin/lsa-wordpiece-256': {
    vectorWeight: 0.2,
    evidence: { minSimilarity: 0.75, minCoverage: 0.5, minSimilarityWithCoverage: 0.2 },
  },
};

/**
 * For a model not measured here (the production default included, which this machine cannot download):
 * an equal say for a good sentence-transformer's similarity, and thresholds typical of normalised
 * MiniLM-class embeddings. Run `npm run eval` with the model and set the overrides to calibrate.
 */
const UNMEASURED: ModelCalibration = {
  vectorWeight: 1,
  evidence: { minSimilarity: 0.55, minCoverage: 0.5, minSimilarityWithCoverage: 0.25 },
};

export interface CalibrationOverrides {
  ANSWER_MIN_SIMILARITY?: number;
  HYBRID_VECTOR_WEIGHT?: number;
}

/**
 * The settings answers use: the environment's overrides first, then what was measured on the index itself
 * (self-calibration, stored at ingest), then what was measured here for this model, then the defaults.
 */
export function calibrationFor(
  model: string,
  overrides: CalibrationOverrides = {},
  measuredOnIndex: ModelCalibration | null = null,
): ModelCalibration {
  const base = measuredOnIndex ?? MEASURED[model] ?? UNMEASURED;
  return {
    vectorWeight: overrides.HYBRID_VECTOR_WEIGHT ?? base.vectorWeight,
    evidence: {
      ...base.evidence,
      minSimilarity: overrides.ANSWER_MIN_SIMILARITY ?? base.evidence.minSimilarity,
    },
  };
}
