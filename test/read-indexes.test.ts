import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindex } from '../src/ingest/reindex.js';
import { SqlitePassageStore, WITHIN_PERIOD } from '../src/store/passage-store.js';
import { scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

const story = (title: string, published: string | null, body: string) =>
  `---\ntitle: ${title}\n${published ? `published: ${published}\n` : ''}---\n${body}\n`;

const FILES: Record<string, string> = {
  'jan.md': story(
    'Ferry fares rise',
    '2025-01-14T08:00:00Z',
    'Ferry fares will rise by 5% from February.\n\n"Fares must cover the cost of fuel," said Maria Okafor, the harbour master.',
  ),
  'mar.md': story(
    'Ferry to run at night',
    '2025-03-10',
    'The ferry will run a night service from April.\n\n"The night ferry will serve shift workers," said Maria Okafor, the harbour master.',
  ),
  'nov.md': story(
    'A new boat for the crossing',
    '2026-11-18',
    'A new boat was launched on Wednesday.\n\n"This boat will serve the town for thirty years," said Tomas Brennan, the mayor.',
  ),
  'history.md': story(
    'A short history of the ferry',
    null,
    'The ferry has crossed the estuary since 1990.\n\n"The ferry is older than the town hall," said Maria Okafor, the harbour master.',
  ),
};

const READ_INDEXES = ['articles_by_day', 'quotes_by_name'];

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
const config = () => testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
const ingest = async () =>
  reindex(config(), { full: false, prune: true, dryRun: false }, async () => sharedEmbedder());

function indexNames(): string[] {
  const db = new Database(corpus.dbPath, { readonly: true });
  try {
    return db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

/** What a period question and a speaker question read from the store. */
async function reads() {
  const store = SqlitePassageStore.open(corpus.dbPath, config().EMBEDDING_MODEL, { readOnly: true });
  try {
    const range = { since: '2025-01-01', until: '2025-03-31' };
    const passages = await store.passages(await store.passageIdsWithin(range));
    return {
      period: await store.period(range),
      everything: await store.period({}),
      none: await store.period({ since: '2024-01-01', until: '2024-12-31' }),
      passages: passages.map((p) => [p.published, p.text]),
      quotes: (await store.quotesBy(['Maria Okafor'])).map((q) => [q.passageId, q.start]),
    };
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  corpus = await scratchCorpus(FILES);
  await ingest();
}, 120_000);
afterAll(async () => corpus.cleanup());

describe('the indexes questions read', () => {
  it('are in a new index, and SQLite finds a period and a speaker through them, not by reading every row', () => {
    expect(indexNames()).toEqual(expect.arrayContaining(READ_INDEXES));
    const db = new Database(corpus.dbPath, { readonly: true });
    try {
      const plan = (sql: string) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('2025-01-01', '2025-03-31') as { detail: string }[])
          .map((row) => row.detail)
          .join('; ');
      expect(plan(`SELECT count(*) FROM articles a WHERE ${WITHIN_PERIOD}`)).toContain(
        'USING COVERING INDEX articles_by_day',
      );
      expect(plan('SELECT passage_id FROM quotes q WHERE q.speaker IN (?, ?)')).toContain(
        'USING INDEX quotes_by_name',
      );
    } finally {
      db.close();
    }
  });

  it('change no answer, and an index from before them gets them at its next write', async () => {
    const withIndexes = await reads();
    expect(withIndexes.period).toEqual({
      articles: 2,
      undated: 1,
      oldest: '2025-01-14',
      newest: '2026-11-18',
    });
    expect(withIndexes.everything.articles).toBe(3);
    expect(withIndexes.none.articles).toBe(0);
    expect(withIndexes.passages.length).toBeGreaterThan(0);
    expect(withIndexes.passages.every(([published]) => published!.startsWith('2025-0'))).toBe(true);
    expect(withIndexes.quotes.length).toBe(3);

    const db = new Database(corpus.dbPath);
    for (const name of READ_INDEXES) db.exec(`DROP INDEX ${name}`);
    db.close();
    expect(indexNames()).not.toEqual(expect.arrayContaining(READ_INDEXES));
    expect(await reads()).toEqual(withIndexes);

    // The next ingest that writes anything (here a new article) adds them.
    await fs.writeFile(
      path.join(corpus.articlesDir, 'dec.md'),
      story('Ferry timetable', '2026-12-01', 'The winter timetable starts in December.'),
    );
    await ingest();
    expect(indexNames()).toEqual(expect.arrayContaining(READ_INDEXES));
    const after = await reads();
    expect(after.period).toEqual({ ...withIndexes.period, newest: '2026-12-01' });
    expect(after.passages).toEqual(withIndexes.passages);
    expect(after.quotes).toEqual(withIndexes.quotes);
  });
});
