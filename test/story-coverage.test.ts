import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSchema, type Answer } from '../src/answer/answer-schema.js';
import { Briefing } from '../src/answer/briefing.js';
import { pulledIn } from '../src/search/article-coverage.js';
import { reindex } from '../src/ingest/reindex.js';
import { scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

/**
 * A question that names an event ("the Harvest Cup") and asks what happened at it, where the story about
 * that event names it once and answers in a paragraph that does not, while another story gives the same
 * kind of answer about another event in the question's other words. Real model, real SQLite, the sample
 * articles plus made-up stories.
 */
const STORIES: Record<string, string> = {
  'glenmore-final.md': `---
title: Glenmore lift the trophy at last
published: 2025-06-02
---
Glenmore won the Harvest Cup on Sunday, beating Ashby 2-1 in the final for their first title in thirty years.

Ashby led at half-time, but two goals in the last ten minutes turned the match.

The best player award went to the goalkeeper Sam Reid, who saved a penalty in the first half.
`,
  'moss-prize.md': `---
title: Moss named best player
published: 2025-06-03
---
The striker Ian Moss took the best player award at the Spring Shield on Saturday after scoring in every round.

Moss said he would stay at the club for another season.
`,
};

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let briefing: Briefing;

beforeAll(async () => {
  corpus = await scratchCorpus();
  for (const [file, text] of Object.entries(STORIES))
    await fs.writeFile(path.join(corpus.articlesDir, file), text);
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

describe('the story that names everything the question names', () => {
  it("ranks its answering paragraph above another story's, though only its opening names the event", async () => {
    const answer = await ask('Who won the best player award at the Harvest Cup?');
    expect(answer.found).toBe(true);
    const texts = answer.passages.map((p) => p.text);
    const ours = texts.findIndex((text) => text.includes('Sam Reid'));
    const theirs = texts.findIndex((text) => text.includes('Ian Moss'));
    expect(ours).toBeGreaterThanOrEqual(0);
    expect(ours).toBeLessThan(3);
    if (theirs >= 0) expect(ours).toBeLessThan(theirs);
  });
});

describe('passages found below the shortlist', () => {
  // Fused order; passage id -> story id; each story's coverage of the question.
  const fused = [1, 2, 3, 4, 5, 6].map((id) => ({ id, score: 2 - id / 10 }));
  const storyOf = new Map([
    [1, 10],
    [2, 10],
    [3, 20],
    [4, 30],
    [5, 30],
    [6, 40],
  ]);
  const shortlist = new Set([1, 2, 3]);

  it('come in when their story covers more of the question than every shortlisted story', () => {
    const coverage = new Map([
      [10, 0.5],
      [20, 0.6],
      [30, 0.9],
      [40, 0.4],
    ]);
    expect(pulledIn(fused, storyOf, coverage, shortlist).map((hit) => hit.id)).toEqual([4, 5]);
  });

  it('stay out when a shortlisted story covers as much', () => {
    const coverage = new Map([
      [10, 0.9],
      [20, 0.6],
      [30, 0.9],
      [40, 0.4],
    ]);
    expect(pulledIn(fused, storyOf, coverage, shortlist)).toEqual([]);
  });
});
