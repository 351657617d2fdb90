import path from 'node:path';
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindex } from '../src/ingest/reindex.js';
import { buildMatchExpression } from '../src/search/fts-query.js';
import { SqlitePassageStore } from '../src/store/passage-store.js';
import { bestRows, orPhrases } from '../src/store/phrase-scores.js';
import { readMeta } from '../src/store/schema.js';
import { scratchCorpus, writeGeneratedArticles } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let config: ReturnType<typeof testConfig>;
/** Every statement the store runs, as SQLite ran it. */
const ran: string[] = [];
let db: Database.Database;
let store: SqlitePassageStore;
/** FTS5's own ranking, on a connection of its own. */
let reference: Database.Database;
const ingest = () => reindex(config, { full: false, prune: false, dryRun: false }, sharedEmbedder);

beforeAll(async () => {
  corpus = await scratchCorpus();
  // Council stories repeat whole paragraphs but for a town's name: passages whose scores tie exactly.
  await writeGeneratedArticles(path.join(corpus.articlesDir, 'generated'), 24);
  config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
  await ingest();
  db = new Database(corpus.dbPath, { verbose: (sql) => ran.push(String(sql)) });
  sqliteVec.load(db);
  store = new SqlitePassageStore(db, readMeta(db)!);
  reference = new Database(corpus.dbPath, { readonly: true });
}, 120_000);
afterAll(async () => {
  reference?.close();
  await store?.close();
  await corpus.cleanup();
});

const ftsRanking = (expression: string, limit: number, contextWeight: number) =>
  reference
    .prepare(
      'SELECT rowid AS id, bm25(passages_fts, 1, ?) AS score FROM passages_fts WHERE passages_fts MATCH ? ORDER BY score LIMIT ?',
    )
    .all(contextWeight, expression, limit);

const QUESTIONS = [
  'What did the council leader say about the ferry plan?',
  'Opponents said the money would be better spent on roads and schools',
  'When does Putin want the ceasefire, and what did NATO warn?',
  'How many pounds will the library cost the council over the years?',
  // One word twice: FTS5 scores it as two phrases, each adding its share.
  '"council" OR "council" OR "plan"',
];

describe('full-text search from each phrase’s kept scores', () => {
  it('ranks and scores exactly as FTS5’s bm25() over the phrases joined by OR, ties in rowid order', async () => {
    let tied = 0;
    for (const question of QUESTIONS) {
      const expression = question.startsWith('"') ? question : buildMatchExpression(question)!;
      for (const contextWeight of [0, 0.5, 1])
        for (const limit of [1, 7, 50, 100_000]) {
          const expected = ftsRanking(expression, limit, contextWeight) as { score: number }[];
          expect(await store.fullText(expression, limit, contextWeight)).toEqual(expected);
          tied += expected.filter((hit, i) => i > 0 && hit.score === expected[i - 1]!.score).length;
        }
    }
    // The comparison covered equal scores, whose order only the rowid decides.
    expect(tied).toBeGreaterThan(50);
  });

  it('searches a phrase once for many questions, and again once a re-index commits', async () => {
    const expression = buildMatchExpression('What did the council say about the plan?')!;
    const first = await store.fullText(expression, 10, 0.5);
    ran.length = 0;
    expect(await store.fullText(expression, 10, 0.5)).toEqual(first);
    expect(ran.filter((sql) => sql.includes('MATCH'))).toEqual([]);

    await writeGeneratedArticles(path.join(corpus.articlesDir, 'more'), 30);
    await ingest();
    ran.length = 0;
    const after = await store.fullText(expression, 10, 0.5);
    expect(ran.some((sql) => sql.includes('MATCH'))).toBe(true);
    expect(after).toEqual(ftsRanking(expression, 10, 0.5));
    expect(after).not.toEqual(first);
  }, 120_000);

  it('leaves expressions other than phrases joined by OR to FTS5', () => {
    expect(orPhrases('"u" OR "s" OR "say ""hi"""')).toEqual(['"u"', '"s"', '"say ""hi"""']);
    expect(orPhrases('"home" AND ("secretary" OR "minister")')).toBeNull();
    expect(orPhrases('"home" NOT "office"')).toBeNull();
  });

  it('keeps the best rows by summed shares, equal sums in rowid order', () => {
    const phrase = (ids: number[], scores: number[]) => ({
      ids: Int32Array.from(ids),
      scores: Float64Array.from(scores),
    });
    const lists = [phrase([2, 5, 9], [-1, -3, -1]), phrase([1, 2, 9], [-2, -1, -0.5])];
    expect(bestRows(lists, 3)).toEqual([
      { id: 5, score: -3 },
      { id: 1, score: -2 },
      { id: 2, score: -2 },
    ]);
  });
});
