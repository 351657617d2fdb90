import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSchema, type Answer } from '../src/answer/answer-schema.js';
import type { Briefing } from '../src/answer/briefing.js';
import { scratchCorpus } from './helpers/corpus.js';
import { indexedBriefing } from './helpers/model.js';

/**
 * Two analysts of one firm: one stored with the role ("Orbis analyst Maria Lund said"), one whose role the
 * story writes after the name ("said Tom Berger, principal analyst at research firm Orbis"), which
 * attribution does not keep. Real model, real SQLite, made-up stories.
 */
const ARTICLES: Record<string, string> = {
  'phones.md': `---
title: Phone makers chase thinner designs
published: 2005-03-01
---
Phone makers showed ever thinner handsets this week as sales growth slowed.

Orbis analyst Maria Lund said buyers now cared more about looks than about new features.
`,
  'fair.md': `---
title: Techmesse loses its big exhibitors
published: 2005-03-10
---
Techmesse, the technology fair in Hanover, opened with fewer exhibitors than last year.

"Techmesse is clearly a fair in decline," said Tom Berger, principal analyst at research firm Orbis.

Several large phone makers stayed away, saying the fair no longer justified the cost.
`,
};

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let briefing: Briefing;

beforeAll(async () => {
  corpus = await scratchCorpus(ARTICLES);
  briefing = await indexedBriefing(corpus);
});
afterAll(async () => {
  briefing.close();
  await corpus.cleanup();
});

async function ask(question: string): Promise<Answer> {
  return answerSchema.parse(await briefing.ask(question));
}

describe('a role asked with a topic its stored holders never spoke of', () => {
  it('also asks the people the stories describe by that role', async () => {
    const answer = await ask('What did the Orbis analyst say about Techmesse?');
    expect(answer.speaker?.name).toContain('Tom Berger');
    expect(answer.passages[0]!.text).toMatch(/clearly a fair in decline/);
  });

  it('keeps to the stored holder of the role when she spoke of the topic', async () => {
    const answer = await ask('What did the Orbis analyst say about what buyers care about?');
    expect(answer.speaker?.name).toBe('Maria Lund');
  });
});
