import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../src/answer/briefing.js';
import { scratchCorpus } from './helpers/corpus.js';
import { indexedBriefing } from './helpers/model.js';

/**
 * A story that writes out what a question abbreviates ("IOUs" for post-dated cheques), among stories on
 * other markets. Real model, real SQLite.
 */
const story = (title: string, paragraphs: string[]) =>
  `---\ntitle: ${title}\npublished: 1987-04-08\n---\n${paragraphs.join('\n\n')}\n`;
const FILES: Record<string, string> = {
  'kuwait.md': story('KUWAITI ECONOMY SLOWLY RECOVERS', [
    "Kuwait's debt-ridden economy has started to pull out of a nosedive, bankers say.",
    'The share crash, the result of a speculative spree in forward trading, left 95 billion dlrs of post-dated cheques in default.',
    'A new debt settlement programme reschedules problem credit over ten to 15 years.',
  ]),
  'bahrain.md': story('BAHRAIN BOURSE TRADING PICKS UP', [
    'Share trading on the Bahrain market picked up last week as banks returned to the floor.',
    'Dealers said the market was still wary after the losses of the last two years.',
  ]),
  'tokyo.md': story('TOKYO STOCKS CLOSE HIGHER', [
    'Tokyo share prices closed higher on buying by investment trusts, brokers said.',
    'The market index rose 120 points to a record close.',
  ]),
};

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let briefing: Briefing;

beforeAll(async () => {
  corpus = await scratchCorpus(FILES);
  briefing = await indexedBriefing(corpus);
}, 120_000);
afterAll(async () => {
  briefing.close();
  await corpus.cleanup();
});

describe('an abbreviated thing that no story writes', () => {
  it('is asked in other words than the story uses, not as a name the story must hold', async () => {
    const answer = await briefing.ask("How much in unpaid IOUs was left after Kuwait's share market crash?");
    expect(answer.found).toBe(true);
    expect(answer.passages[0]?.text).toContain('95 billion dlrs of post-dated cheques in default');
  });
});
