import { z } from 'zod';
import { dateRangeSchema } from '../document/date-range.js';
import { answerPassageSchema } from './answer-schema.js';

/** One dated article on the topic, for the timeline: its date, headline and the line that carries the topic. */
export const timelineEntrySchema = z.object({
  articleId: z.string().min(1),
  /** ISO date (YYYY-MM-DD) of publication: the timeline holds dated articles only. */
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  title: z.string(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  line: z.string().min(1),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** One of the people most quoted on the topic, with their statement most about it. */
export const briefSpeakerSchema = z.object({
  name: z.string().min(1),
  roles: z.array(z.string()),
  /** How many of the passages on the topic quote them. */
  statements: z.number().int().positive(),
  /** Cited as /ask cites; the highlight is the statement itself. */
  passage: answerPassageSchema,
});
export type BriefSpeaker = z.infer<typeof briefSpeakerSchema>;

/** An article the brief cites, with the citation numbers that point at it. */
export const briefSourceSchema = z.object({
  articleId: z.string().min(1),
  title: z.string(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  citations: z.array(z.number().int().positive()).min(1),
});
export type BriefSource = z.infer<typeof briefSourceSchema>;

/**
 * A brief on a topic across the archive: what `npm run brief -- --json` prints and the bot renders. Every
 * cited passage carries the same `citation` object as an answer's; one passage keeps one number throughout.
 */
export const topicBriefSchema = z
  .object({
    topic: z.string(),
    found: z.boolean(),
    /** When nothing was found, why, in a sentence a user can act on. */
    reason: z.string().nullable(),
    /** The period the brief was limited to; empty when it covers the whole archive. */
    period: dateRangeSchema,
    keyPoints: z.array(answerPassageSchema),
    timeline: z.array(timelineEntrySchema),
    speakers: z.array(briefSpeakerSchema),
    sources: z.array(briefSourceSchema),
  })
  .refine((brief) => brief.found || brief.keyPoints.length + brief.speakers.length === 0, {
    message: 'a brief that found nothing cites nothing',
  })
  .refine(
    (brief) =>
      brief.timeline.every((entry, i) => i === 0 || brief.timeline[i - 1]!.published <= entry.published),
    { message: 'the timeline runs from oldest to newest' },
  );
export type TopicBrief = z.infer<typeof topicBriefSchema>;
