import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTheArchiveWrites } from '../src/search/searched-forms.js';
import { termsIn } from '../src/search/term-match.js';
import type { PassageStore } from '../src/store/passage-store.js';
import { indexedStore } from './helpers/indexed-store.js';

/**
 * A rating agency the wire writes "S and P" and a retailer a story writes "M&S". Real model, real SQLite,
 * made-up stories.
 */
const ARTICLES: Record<string, string> = {
  'rating.md': `---
title: Rating agency affirms Kestrel Motors debt
published: 1987-04-01
---
Standard and Poor's Corp affirmed the debt of Kestrel Motors Corp.

S and P cited the takeover of Marlin Cars as strongly negative, questioning its long-term value.
`,
  'retail.md': `---
title: Christmas sales fall at M&S
published: 2005-01-12
---
M&S sales fell 3% over Christmas, the retailer said.
`,
};

let indexed: Awaited<ReturnType<typeof indexedStore>>;
let store: PassageStore;

beforeAll(async () => {
  indexed = await indexedStore(ARTICLES);
  store = indexed.store;
}, 120_000);
afterAll(() => indexed?.close());

describe('a name of letters joined by an ampersand', () => {
  it('is read with "and" where the stories write it so: "S&P" is "S and P"', async () => {
    expect(await asTheArchiveWrites(store, 'Why is S&P unhappy with the Marlin takeover?')).toBe(
      'Why is S and P unhappy with the Marlin takeover?',
    );
    expect(await asTheArchiveWrites(store, 'why isnt s & p keen on it')).toBe("why isn't S and P keen on it");
  });

  it('stays as asked where no story writes it with "and"', async () => {
    expect(await asTheArchiveWrites(store, 'How did M&S sales do?')).toBe('How did M&S sales do?');
  });

  it('is held by a text that writes it with the ampersand, and the other way round', () => {
    expect([...termsIn('M&S sales fell 3% over Christmas.', ['m and s', 'sales'])]).toEqual([
      'm and s',
      'sales',
    ]);
    expect([...termsIn('S and P cited the takeover.', ['s and p'])]).toEqual(['s and p']);
  });
});
