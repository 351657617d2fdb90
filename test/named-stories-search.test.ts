import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSchema, type Answer } from '../src/answer/answer-schema.js';
import { Briefing } from '../src/answer/briefing.js';
import { reindex } from '../src/ingest/reindex.js';
import { scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

/** Towns where the company opened depots: stories naming it that answer nothing asked here. */
const DEPOTS = ['Leeds', 'Hull', 'York', 'Derby', 'Bath', 'Ely', 'Wells', 'Ripon'];

/**
 * A question naming a company whose answer its own story gives in other words ("net earnings for the
 * quarter rose" for "quarterly profit grow"), below other companies' stories that repeat the question's
 * words: the first passages' stories never name it, and the evidence check refuses them all (see missesName),
 * though other stories do name it, so search is asked again of those stories alone (see answerFromSearch in
 * build-answer). The company is named by many stories, as a country or a big company is in the archive, so
 * that its name alone does not rank its own story first. Real model, real SQLite, made-up stories.
 */
const STORIES: Record<string, string> = {
  'almet.md': `---
title: Almet quarterly profit grows 12 pct
---
Almet's quarterly profit grew 12 pct on higher sales of steel tubes, the company said.
`,
  'brisco.md': `---
title: Brisco quarterly profit grows
---
Brisco said its quarterly profit grew 8 pct as costs fell.
`,
  'cantell.md': `---
title: Cantell profit grows in quarter
---
Cantell's profit for the quarter grew 15 pct, helped by a weaker dollar.
`,
  'dunmore.md': `---
title: Dunmore sees quarterly profit growing
---
Dunmore expects its quarterly profit to grow by about 10 pct, its chairman told shareholders.
`,
  ...Object.fromEntries(
    DEPOTS.map((town) => [
      `dorvane-${town.toLowerCase()}.md`,
      `---\ntitle: Dorvane opens depot in ${town}\n---\nDorvane Ltd opened a new depot in ${town}, with room for forty lorries.\n`,
    ]),
  ),
  'dorvane.md': `---
title: Dorvane reports results
---
Dorvane Ltd reported its results for the three months to March on Monday.

Net earnings for the quarter rose 9 pct to 4.1 mln dlrs on revenues of 52 mln dlrs.
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

const ask = async (question: string): Promise<Answer> => answerSchema.parse(await briefing.ask(question));

describe("a company's own story, below other companies' stories that repeat the question's words", () => {
  it('answers from it, showing only the stories that name the company', async () => {
    const answer = await ask("How much did Dorvane's quarterly profit grow?");
    expect(answer.found).toBe(true);
    expect(answer.passages.slice(0, 3).some((p) => p.text.includes('rose 9 pct'))).toBe(true);
    expect(answer.passages.every((p) => /Dorvane/u.test(`${p.citation.title} ${p.text}`))).toBe(true);
  });
});
