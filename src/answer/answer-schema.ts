import { z } from 'zod';
import { dateRangeSchema } from '../document/date-range.js';

export const citationSchema = z.object({
  /** The number the answer text uses for this source: [1], [2], ... */
  n: z.number().int().positive(),
  articleId: z.string().min(1),
  title: z.string(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  paragraph: z.number().int().positive(),
  /**
   * The other paragraphs of the article shown with the passage, in the order shown (the next paragraph that
   * completes it, the one that gives the cause or figure asked for); absent when it is shown alone.
   */
  alsoParagraphs: z.array(z.number().int().positive()).min(1).optional(),
});
export type Citation = z.infer<typeof citationSchema>;

export const answerPassageSchema = z.object({
  rank: z.number().int().positive(),
  text: z.string().min(1),
  /** The sentence that answers best, as offsets into `text`. */
  highlight: z.object({ start: z.number().int().min(0), end: z.number().int().positive() }),
  score: z.number(),
  kind: z.enum(['body', 'caption']),
  citation: citationSchema,
});
export type AnswerPassage = z.infer<typeof answerPassageSchema>;

export const answerSchema = z
  .object({
    question: z.string(),
    found: z.boolean(),
    /** The person the question was about, when it was a "what did X say" question that matched someone. */
    speaker: z.object({ name: z.string(), roles: z.array(z.string()) }).nullable(),
    /** When nothing was found, why, in a sentence a user can act on. */
    reason: z.string().nullable(),
    /**
     * A caveat about the passages found, shown before them: "None of the statements by X is clearly about
     * Y; here are the closest." Absent when there is none.
     */
    note: z.string().min(1).optional(),
    passages: z.array(answerPassageSchema),
    /** The period the answer was drawn from (from the question's words or the since/until options). */
    period: dateRangeSchema.optional(),
    /** How many undated articles the period left out (present with `period`). */
    undatedLeftOut: z.number().int().min(0).optional(),
  })
  .refine((answer) => answer.passages.every((p) => p.highlight.end <= p.text.length), {
    message: 'a highlight runs past its passage',
  });
export type Answer = z.infer<typeof answerSchema>;
