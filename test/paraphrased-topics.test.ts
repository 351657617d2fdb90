import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSchema, type Answer } from '../src/answer/answer-schema.js';
import { Briefing } from '../src/answer/briefing.js';
import { scratchCorpus } from './helpers/corpus.js';
import { indexedBriefing } from './helpers/model.js';

/**
 * A speaker asked about a topic in other words than the statements use: the topic's related words
 * (WordNet's synonyms, a capital read as its country) rank the statement that answers first. Real model,
 * real SQLite, a made-up story whose statements share no word with the questions' topics.
 */
const STORY = `---
title: Minister sets out plans for working women
published: 2025-03-02
---
The industry minister Joan Ashby set out plans on Tuesday to help women into better jobs.

"Construction is even worse, with fewer than one in ten of its workers being female," Ms Ashby said.

"The average woman working full-time is being paid about 80p for every pound a man is earning," she said.

Ms Ashby said the plans would be published in a white paper before the summer recess.

She told reporters that Japan would have to accept more British beef exports before any new treaty was signed.
`;

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let briefing: Briefing;

beforeAll(async () => {
  corpus = await scratchCorpus({ 'ashby-plans.md': STORY });
  briefing = await indexedBriefing(corpus);
}, 120_000);
afterAll(async () => {
  briefing.close();
  await corpus.cleanup();
});

async function ask(question: string): Promise<Answer> {
  return answerSchema.parse(await briefing.ask(question));
}

describe("a speaker's statements ranked by a topic in other words", () => {
  it.each([
    ['How did Joan Ashby describe the gender balance in the building trade?', 'Construction is even worse'],
    ["What did Joan Ashby say about how women's wages compare with men's?", 'paid about 80p'],
    ["What did Joan Ashby say about Tokyo's market?", 'Japan would have to accept'],
  ])('%s', async (question, statement) => {
    const answer = await ask(question);
    expect(answer.speaker?.name).toBe('Joan Ashby');
    expect(answer.passages[0]!.text).toContain(statement);
  });
});
