import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSchema, type Answer } from '../src/answer/answer-schema.js';
import type { Briefing } from '../src/answer/briefing.js';
import { scratchCorpus } from './helpers/corpus.js';
import { indexedBriefing } from './helpers/model.js';

/**
 * A speaker's statement that never repeats the topic asked about, in a story that is about it all through,
 * beside another statement of hers that names the topic's place in passing, in a story about something
 * else. Real model, real SQLite, made-up stories.
 */
const ARTICLES: Record<string, string> = {
  'trawlers.md': `---
title: Oslo threatens to close its waters to British trawlers
published: 2005-03-01
---
Norway has threatened to retaliate against British trawlers if the talks on the mackerel quota fail.

Norwegian officials have drawn up a list of sanctions, from closing Norway's waters to a ban on British boats in its ports.

"They will not pick a quarrel with us, because they sell us far more fish than we buy from them," the fisheries minister Ann Hartley said.

The retaliation Norway threatens would hit the Scottish fleet hardest, and talks resume next week.
`,
  'harbour.md': `---
title: Grimsby opens its new harbour
published: 2005-03-08
---
The fisheries minister Ann Hartley opened the new harbour in Grimsby on Monday.

"This harbour will welcome boats from Norway and from all over Europe," Hartley said.

The harbour cost £40m to build and took three years.

Local traders welcomed it.
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

describe("a speaker's statements ranked by their whole story's match with the topic", () => {
  it('puts first the statement whose story is about the topic, over one that only names its place', async () => {
    const answer = await ask('What did Hartley say about Norway retaliating?');
    expect(answer.speaker?.name).toBe('Ann Hartley');
    expect(answer.passages[0]!.text).toMatch(/pick a quarrel with us/);
    expect(answer.passages.map((p) => p.text).join('\n')).toMatch(/welcome boats from Norway/);
  });

  it("lists the newest story's statements first when no topic is asked", async () => {
    const answer = await ask('What did Hartley say?');
    expect(answer.passages.map((p) => p.text)).toEqual([
      expect.stringMatching(/welcome boats from Norway/),
      expect.stringMatching(/pick a quarrel with us/),
    ]);
  });
});
