import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSchema, type Answer } from '../src/answer/answer-schema.js';
import { Briefing } from '../src/answer/briefing.js';
import { reindex } from '../src/ingest/reindex.js';
import { scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

/**
 * A speaker question that names whom the words were said to ("what did Tom Hale tell MPs about exam
 * fees?"): the statement made to them ranks first, though another statement holds the topic's words as
 * well. Real model, real SQLite, a made-up story.
 */
const STORIES: Record<string, string> = {
  'hale-fees.md': `---
title: Exam fees to stay
published: 2025-04-10
---
The schools minister Tom Hale told Radio Devon on Thursday that exam fees would stay the same next year.

In a statement to MPs later that day, Mr Hale said exam fees would be paid by the state from 2027.

Head teachers welcomed the news.
`,
};

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let briefing: Briefing;

beforeAll(async () => {
  corpus = await scratchCorpus(STORIES);
  const config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
  const embedder = await sharedEmbedder();
  await reindex(config, { full: false, prune: false, dryRun: false }, async () => embedder);
  briefing = await Briefing.open(config, embedder);
}, 120_000);
afterAll(async () => {
  briefing.close();
  await corpus.cleanup();
});

async function ask(question: string): Promise<Answer> {
  return answerSchema.parse(await briefing.ask(question));
}

describe('a speaker question that names whom the words were said to', () => {
  it.each([
    'What did Tom Hale tell MPs about exam fees?',
    'hey, what exactly did Hale tell MPs about the fees?',
  ])('%s', async (question) => {
    const answer = await ask(question);
    expect(answer.speaker?.name).toBe('Tom Hale');
    expect(answer.passages[0]!.text).toContain('paid by the state from 2027');
    // Whom it was said to ranks the statements; it is not the topic they are judged by.
    expect(answer.note).toBeUndefined();
  });
});
