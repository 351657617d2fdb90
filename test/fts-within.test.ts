import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMatchExpression } from '../src/search/fts-query.js';
import { FTS_WITHIN_SQL, type PassageStore } from '../src/store/passage-store.js';
import { indexedStore } from './helpers/indexed-store.js';

let indexed: Awaited<ReturnType<typeof indexedStore>>;
let store: PassageStore;

beforeAll(async () => {
  indexed = await indexedStore();
  store = indexed.store;
}, 120_000);
afterAll(() => indexed?.close());

describe('BM25 within a set of passages (a speaker statements ranked by the topic)', () => {
  it('ranks the given passages exactly as the whole index ranks them, in one pass over the match', async () => {
    const match = buildMatchExpression('What did the minister say about the war and the ceasefire?')!;
    // Every matching passage, scored with both columns weighted 1 (bm25's default, as within a set).
    const everywhere = await store.fullText(match, 1_000_000, 1);
    expect(everywhere.length).toBeGreaterThan(10);
    // Every third match, and passages that match nothing: those must not come back.
    const picked = everywhere.filter((_, i) => i % 3 === 0).map((hit) => hit.id);
    const unmatched = Array.from({ length: 5 }, (_, i) => 1_000_000 + i);
    const within = await store.fullTextWithin(match, [...unmatched, ...picked].reverse());
    expect(within).toEqual(everywhere.filter((hit) => picked.includes(hit.id)));
    // The headline not counted (a statement's own words): the same scores as the whole index with weight 0.
    const byId = (hits: { id: number; score: number }[]) => [...hits].sort((a, b) => a.id - b.id);
    const ownWords = (await store.fullText(match, 1_000_000, 0)).filter((hit) => picked.includes(hit.id));
    expect(byId(await store.fullTextWithin(match, picked, 0))).toEqual(byId(ownWords));
    expect(ownWords.some((hit, i) => hit.score !== within[i]!.score)).toBe(true);

    // A list of ids handed to FTS5 as a rowid constraint makes SQLite run the whole match once per id
    // (0.6 s for a speaker quoted 2,390 times at 120k passages): the ids must only filter one match.
    const db = new Database(indexed.dbPath, { readonly: true });
    try {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN ${FTS_WITHIN_SQL}`)
        .all(1, match, JSON.stringify(picked)) as {
        detail: string;
      }[];
      const scan = plan.find((step) => step.detail.includes('passages_fts'))!.detail;
      expect(scan).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
    } finally {
      db.close();
    }
  });
});
