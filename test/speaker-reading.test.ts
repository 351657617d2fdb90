import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSchema, type Answer } from '../src/answer/answer-schema.js';
import type { Briefing } from '../src/answer/briefing.js';
import { scratchCorpus } from './helpers/corpus.js';
import { indexedBriefing } from './helpers/model.js';

/**
 * Speaker questions read in phrasings of their own: one that names whom the words were said to ("what did
 * Tom Hale tell MPs about exam fees?"), where the statement made to them ranks first though another holds
 * the topic's words as well; and one person whose name two stories write differently, with and without
 * its particle ("Rodrigo de Rato", "Rodrigo Rato"), beside a namesake who must not be merged with them;
 * and a name written family name first ("Premier Li Wenbo", then "Li said"), whose later statements are
 * stored under "Li" alone, beside another Li (a farmer) who is not the premier.
 * Real model, real SQLite, made-up stories.
 */
const ARTICLES: Record<string, string> = {
  'hale-fees.md': `---
title: Exam fees to stay
published: 2025-04-10
---
The schools minister Tom Hale told Radio Devon on Thursday that exam fees would stay the same next year.

In a statement to MPs later that day, Mr Hale said exam fees would be paid by the state from 2027.

Head teachers welcomed the news.
`,
  'imf-turkey.md': `---
title: IMF agrees Turkey loan
published: 2005-02-10
---
The IMF agreed a new three-year loan for Turkey on Thursday after months of talks.

Rodrigo de Rato, the IMF's managing director, said Turkey had made strong progress in cutting inflation.
`,
  'tsunami-aid.md': `---
title: Giant waves damage Asian economies
published: 2005-01-05
---
The tsunami will slow growth in the worst-hit countries this year, economists said.

"The fund stands ready to help these nations with appropriate support in their time of need," said managing director Rodrigo Rato.
`,
  'rodrigo-silva.md': `---
title: Rio carnival plans
published: 2005-02-11
---
The carnival will go ahead despite the rain, organiser Rodrigo Silva said on Friday.
`,
  'li-grain.md': `---
title: China to curb grain prices
published: 1987-03-25
---
Premier Li Wenbo said China would keep the economy growing in the coming year.

Li said the state would cap grain prices until the harvest to protect city workers from inflation.

Delegates applauded the speech.
`,
  'li-village.md': `---
title: Village harvest
published: 1987-04-02
---
"Grain prices are too low to live on," said Li, a farmer near Wuhan.
`,
};

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let briefing: Briefing;

beforeAll(async () => {
  corpus = await scratchCorpus(ARTICLES);
  briefing = await indexedBriefing(corpus);
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

describe('a name written with and without its particle', () => {
  it.each([
    'What did Rodrigo de Rato say about the tsunami?',
    "hey, what was the IMF managing director's reaction to the tsunami?",
  ])('%s', async (question) => {
    const answer = await ask(question);
    expect(answer.speaker?.name).toContain('Rodrigo de Rato');
    expect(answer.speaker?.name).toContain('Rodrigo Rato');
    expect(answer.speaker?.name).not.toContain('Silva');
    expect(answer.passages[0]!.text).toContain('stands ready to help these nations');
  });
});

describe('a name written family name first, then by that name alone', () => {
  it.each(['What did Li Wenbo say about grain prices?', 'What did Premier Li say about grain prices?'])(
    '%s',
    async (question) => {
      const answer = await ask(question);
      expect(answer.speaker?.name).toContain('Li Wenbo');
      expect(answer.passages[0]!.text).toContain('cap grain prices until the harvest');
      // The farmer Li shares the name, not the role.
      expect(answer.passages.map((p) => p.text).join(' ')).not.toContain('too low to live on');
    },
  );
});
