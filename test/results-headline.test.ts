import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersResults, headlinedResultsBlocks } from '../src/search/results-table.js';
import { indexedStore } from './helpers/indexed-store.js';
import { MADE_UP_COMPANIES } from './helpers/made-up-companies.js';

/**
 * A company's results printed as a wire prints them, whose lines hold no word of the question and whose
 * headline abbreviates its period, among stories of its shareholders losing money on it in their fourth
 * quarter, whose headlines name it too. Real model, real SQLite.
 */
const HOLDERS = MADE_UP_COMPANIES;
const story = (id: number, title: string, body: string[]) => JSON.stringify({ id, title, body });
const FILES: Record<string, string> = {
  'wire.jsonl': [
    story(1, 'HALDANE STORES INC <HAL> 4TH QTR JAN THREE NET', [
      'Net loss 7,800,000 vs loss 5,400,000',
      'Sales 181.2 mln vs 182.0 mln',
      'Year',
      'Net loss 17.8 mln vs loss 4,900,000',
      'Sales 566.3 mln vs 523.3 mln',
    ]),
    ...[...HOLDERS, ...HOLDERS.map((holder) => `${holder} Holdings`)].map((holder, index) =>
      story(10 + index, `${holder.toUpperCase()} 4TH QTR LOSS ON HALDANE STORES STAKE`, [
        `${holder} said it would lose ${index + 2} mln dlrs in its fourth quarter on its stake in Haldane Stores.`,
        `${holder} said Haldane Stores lost money in its fourth quarter as well.`,
      ]),
    ),
  ].join('\n'),
};

const QUESTION = 'How much did Haldane Stores lose in its fourth quarter?';

let indexed: Awaited<ReturnType<typeof indexedStore>>;

beforeAll(async () => {
  indexed = await indexedStore(FILES);
}, 120_000);
afterAll(() => indexed.close());

describe("a company's own results, found by its headline", () => {
  it('are the blocks for the period asked of the story whose headline names the company', async () => {
    const naming = await indexed.store.fullText('"haldane stores"', 200, 0.5);
    const passages = await indexed.store.passages(naming.map((hit) => hit.id));
    const names = ['haldane stores'];
    const blocks = headlinedResultsBlocks(passages, answersResults(QUESTION, names)!, names);
    // Not the year's lines, nor the holders' stories that name the company in every headline and line.
    expect(blocks.map((passage) => passage.text)).toEqual([
      'Net loss 7,800,000 vs loss 5,400,000\n\nSales 181.2 mln vs 182.0 mln',
    ]);
    expect(headlinedResultsBlocks(passages, answersResults(QUESTION, [])!, [])).toEqual([]);
  });
});
