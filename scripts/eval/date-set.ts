import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Answer } from '../../src/answer/answer-schema.js';
import { Briefing } from '../../src/answer/briefing.js';
import { ConfigError, type CoreConfig } from '../../src/config.js';
import { dateRangeSchema, isWithin, type DateRange } from '../../src/document/date-range.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { readPeriodOptions } from '../../src/search/period-options.js';
import { holdsAnswer, MAX_GOLD_CHARS } from './dev-set.js';

/** Date-bearing questions over Reuters-21578 (all 1987) and the sample articles, with the period each asks. */
export const DATE_SET_FILE = path.resolve('eval/questions/dates.jsonl');

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const dateQuestionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    question: z.string().min(3),
    corpus: z.enum(['samples', 'reuters']),
    /** The day relative dates count from ("last week"); the set is reproducible whatever the clock says. */
    today: isoDay.optional(),
    /** The since/until options, as a user types them; they win over the question's dates. */
    since: z.string().optional(),
    until: z.string().optional(),
    /** The period the answer must say it used, and draw every passage from. */
    period: dateRangeSchema,
    /** Verbatim phrases of the answering passages; none when nothing in the period answers. */
    answers: z.array(z.string().min(3).max(MAX_GOLD_CHARS)),
  })
  .strict();
type DateQuestion = z.infer<typeof dateQuestionSchema>;

export function loadDateSet(file = DATE_SET_FILE): DateQuestion[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) => {
      if (line.trim() === '') return [];
      const parsed = dateQuestionSchema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new ConfigError(`${file}:${index + 1}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
      return [parsed.data];
    });
}

export interface DateScores {
  questions: number;
  /** Answers that said they used the asked period. */
  periodRight: number;
  /** Of the answers with passages, the share whose passages all come from articles published in the period. */
  withinPeriod: number | null;
  /** Of the questions something in the period answers, the share with a gold phrase in the first three passages. */
  hitAt3: number | null;
  /** Of the questions nothing in the period answers, the share answered "nothing found". */
  refused: number | null;
  failures: string[];
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const sameRange = (a: DateRange | undefined, b: DateRange) =>
  (a?.since ?? null) === (b.since ?? null) && (a?.until ?? null) === (b.until ?? null);

function judgeDates(q: DateQuestion, answer: Answer) {
  const periodRight = sameRange(answer.period, q.period);
  const within = answer.passages.every((p) => isWithin(p.citation.published, q.period));
  const hit = answer.passages.slice(0, 3).some((p) => holdsAnswer(p.text, q.answers));
  const ok = periodRight && within && (q.answers.length > 0 ? hit : !answer.found);
  const failure = ok
    ? null
    : `${q.id}: "${q.question}" period ${JSON.stringify(answer.period ?? null)} (asked ${JSON.stringify(q.period)}); ` +
      (answer.found
        ? answer.passages
            .map((p) => `[${p.citation.published ?? 'undated'}] ${p.text.slice(0, 90)}`)
            .join(' | ')
        : `not found: ${answer.reason}`);
  return { periodRight, within, hit, answered: answer.passages.length > 0, failure };
}

/** Asks every date question through `Briefing.ask`, with its options and its fixed today. */
export async function evaluateDateSet(config: CoreConfig, embedder: Embedder): Promise<DateScores> {
  const questions = loadDateSet();
  const briefing = await Briefing.open(config, embedder, { readOnly: true });
  try {
    const results = [];
    for (const q of questions) {
      const today = q.today ? new Date(`${q.today}T12:00:00Z`) : new Date();
      const options = readPeriodOptions({ since: q.since, until: q.until }, today);
      if ('error' in options) throw new ConfigError(`${q.id}: ${options.error}`);
      results.push({ q, ...judgeDates(q, await briefing.ask(q.question, { today, range: options.range })) });
    }
    const answered = results.filter((r) => r.answered);
    const answerable = results.filter((r) => r.q.answers.length > 0);
    const unanswerable = results.filter((r) => r.q.answers.length === 0);
    return {
      questions: results.length,
      periodRight: results.filter((r) => r.periodRight).length,
      withinPeriod: share(answered.filter((r) => r.within).length, answered.length),
      hitAt3: share(answerable.filter((r) => r.hit).length, answerable.length),
      refused: share(unanswerable.filter((r) => !r.answered).length, unanswerable.length),
      failures: results.flatMap((r) => (r.failure ? [r.failure] : [])),
    };
  } finally {
    briefing.close();
  }
}

const fixed = (value: number | null) => (value === null ? '-' : value.toFixed(3));

export function printDateScores(scores: DateScores, model: string): void {
  console.log(
    `Date questions (eval/questions/dates.jsonl; samples + BBC + Reuters in one index) with ${model}:`,
  );
  console.log(
    `${scores.questions} questions: the asked period used ${scores.periodRight}/${scores.questions}, answers entirely within it ${fixed(scores.withinPeriod)}, hit@3 ${fixed(scores.hitAt3)}, nothing-in-period refused ${fixed(scores.refused)}`,
  );
  console.log('');
}
