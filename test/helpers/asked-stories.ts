import { afterAll, beforeAll } from 'vitest';
import { answerSchema, type Answer } from '../../src/answer/answer-schema.js';
import type { Briefing } from '../../src/answer/briefing.js';
import { scratchCorpus } from './corpus.js';
import { indexedBriefing } from './model.js';

/**
 * Indexes `articles` (file name -> text) once for the calling test file, with the shared model in a scratch
 * folder removed afterwards, and returns a function that asks the answering service a question.
 */
export function askedStories(articles: Record<string, string>): (question: string) => Promise<Answer> {
  let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
  let briefing: Briefing;
  beforeAll(async () => {
    corpus = await scratchCorpus(articles);
    briefing = await indexedBriefing(corpus);
  });
  afterAll(async () => {
    briefing.close();
    await corpus.cleanup();
  });
  return async (question) => answerSchema.parse(await briefing.ask(question));
}
