import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSchema, type Answer } from '../src/answer/answer-schema.js';
import type { Briefing } from '../src/answer/briefing.js';
import { scratchCorpus } from './helpers/corpus.js';
import { indexedBriefing } from './helpers/model.js';

/**
 * A body asked as the speaker: its president is quoted on other things, while the story on the topic
 * credits the body's words to no one ("the Commission said"). Real model, real SQLite.
 */
const STORIES: Record<string, string> = {
  'commission-farm.md': `---
title: Delors urges farm reform
published: 1987-03-02
---
European Commission President Jacques Delors said on Monday that farm ministers must agree to cut milk quotas this spring.

Delors said the dairy surplus was costing the budget too much and that reform could not wait.
`,
  'commission-trade.md': `---
title: Delors warns on trade
published: 1987-03-09
---
European Commission President Jacques Delors said the trade dispute with Washington over grain could still be settled by talks.
`,
  'commission-social-fund.md': `---
title: EC social fund to rise
published: 1987-03-12
---
The European Commission said spending on its social fund for the jobless would rise to 3.1 billion European Currency Units this year.

Another 60 mln ECUs could be added to the social fund if ministers switch unused credits, the Commission said.
`,
};

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let briefing: Briefing;

beforeAll(async () => {
  corpus = await scratchCorpus(STORIES);
  briefing = await indexedBriefing(corpus);
}, 120_000);
afterAll(async () => {
  briefing.close();
  await corpus.cleanup();
});

const ask = async (question: string): Promise<Answer> => answerSchema.parse(await briefing.ask(question));

describe('a body asked as the speaker', () => {
  it("answers from search when none of its officials' statements is about the topic", async () => {
    const answer = await ask('What did the European Commission say about the social fund for the jobless?');
    expect(answer.found).toBe(true);
    expect(answer.note).toBeUndefined();
    expect(answer.passages[0]!.text).toContain('3.1 billion European Currency Units');
  });

  it('reads a body asked in lower case as a chat writes it', async () => {
    const answer = await ask('hi, what did the european commission say abt the social fund for the jobless?');
    expect(answer.found).toBe(true);
    expect(answer.passages[0]!.text).toContain('3.1 billion European Currency Units');
  });

  it("keeps its officials' statements when they are about the topic", async () => {
    const answer = await ask('What did the European Commission say about milk quotas?');
    expect(answer.speaker?.name).toContain('Jacques Delors');
    expect(answer.passages[0]!.text).toContain('milk quotas');
  });
});
