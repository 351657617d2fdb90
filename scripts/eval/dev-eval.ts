import type { Answer } from '../../src/answer/answer-schema.js';
import { DEV_KINDS, holdsAnswer, type DevKind, type DevQuestion } from './dev-set.js';

/** A hit is a gold answer in one of the first few passages of the answer a user sees. */
export const HIT_CUTOFF = 3;

export interface DevResult {
  question: DevQuestion;
  /** found:false: "nothing in the indexed articles answers this". */
  refused: boolean;
  /** Rank (1-based) of the first passage holding a gold answer, within the cutoff; null if none does. */
  rank: number | null;
  answer: Answer;
}

/** Scores one answer against its question. */
export function judge(question: DevQuestion, answer: Answer): DevResult {
  const index = answer.passages
    .slice(0, HIT_CUTOFF)
    .findIndex((passage) => holdsAnswer(passage.text, question.answers));
  return { question, refused: !answer.found, rank: index < 0 ? null : index + 1, answer };
}

export interface KindScores {
  kind: DevKind;
  questions: number;
  /** Answerable kinds only: a gold answer in the first passage, or in the first three. */
  hitAt1: number | null;
  hitAt3: number | null;
  /** Share of the kind's questions answered "nothing found" (for `unanswerable`, the share to maximise). */
  refused: number;
}

export interface DevScores {
  byKind: KindScores[];
  answerable: { questions: number; hitAt1: number; hitAt3: number; refused: number };
  unanswerableRefused: number | null;
  /** The answerable kind with the lowest hit@3. */
  worstKind: { kind: DevKind; hitAt3: number } | null;
}

const share = (results: readonly DevResult[], test: (result: DevResult) => boolean) =>
  results.length === 0 ? 0 : results.filter(test).length / results.length;

export function devScores(results: readonly DevResult[]): DevScores {
  const byKind: KindScores[] = [];
  for (const kind of DEV_KINDS) {
    const ofKind = results.filter((result) => result.question.kind === kind);
    if (ofKind.length === 0) continue;
    const answerable = kind !== 'unanswerable';
    byKind.push({
      kind,
      questions: ofKind.length,
      hitAt1: answerable ? share(ofKind, (r) => r.rank === 1) : null,
      hitAt3: answerable ? share(ofKind, (r) => r.rank !== null) : null,
      refused: share(ofKind, (r) => r.refused),
    });
  }
  const answerable = results.filter((result) => result.question.kind !== 'unanswerable');
  const unanswerable = byKind.find((scores) => scores.kind === 'unanswerable');
  const worst = byKind
    .filter((scores) => scores.hitAt3 !== null)
    .reduce<KindScores | null>(
      (low, scores) => (low === null || scores.hitAt3! < low.hitAt3! ? scores : low),
      null,
    );
  return {
    byKind,
    answerable: {
      questions: answerable.length,
      hitAt1: share(answerable, (r) => r.rank === 1),
      hitAt3: share(answerable, (r) => r.rank !== null),
      refused: share(answerable, (r) => r.refused),
    },
    unanswerableRefused: unanswerable?.refused ?? null,
    worstKind: worst ? { kind: worst.kind, hitAt3: worst.hitAt3! } : null,
  };
}

/** Missed answerable questions and answered unanswerable ones, with what the user saw instead. */
export function isFailure(result: DevResult): boolean {
  return result.question.kind === 'unanswerable' ? !result.refused : result.rank === null;
}

const PREVIEW_CHARS = 160;

export function describeFailure(result: DevResult): string {
  const { question, answer } = result;
  const lines = [
    `${question.id} [${question.kind}] ${question.question}`,
    question.answers.length > 0
      ? `  expected (${question.corpus}/${question.article}): ${question.answers.map((a) => JSON.stringify(a)).join(' | ')}`
      : '  expected: nothing found',
  ];
  if (answer.speaker)
    lines.push(`  speaker: ${answer.speaker.name} (${answer.speaker.roles.join(', ') || 'no role'})`);
  if (!answer.found) lines.push(`  got: nothing found (${answer.reason ?? 'no reason'})`);
  for (const passage of answer.passages.slice(0, HIT_CUTOFF)) {
    const text =
      passage.text.length > PREVIEW_CHARS ? `${passage.text.slice(0, PREVIEW_CHARS)}...` : passage.text;
    lines.push(`  ${passage.rank}. [${passage.citation.articleId} ¶${passage.citation.paragraph}] ${text}`);
  }
  return lines.join('\n');
}
