import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindex } from '../src/ingest/reindex.js';
import { buildMatchExpression } from '../src/search/fts-query.js';
import { openPassageStore } from '../src/store/open-store.js';
import { dateBack, NATO_SAMPLE, scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

type Corpus = Awaited<ReturnType<typeof scratchCorpus>>;
const corpora: Corpus[] = [];

afterAll(async () => {
  for (const corpus of corpora) await corpus.cleanup();
});

async function ingest(corpus: Corpus): Promise<void> {
  const config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
  await reindex(config, { full: false, prune: false, dryRun: false }, sharedEmbedder);
}

async function keywordScores(corpus: Corpus): Promise<{ id: number; score: number }[]> {
  const config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
  const store = await openPassageStore(config);
  try {
    return await store.fullText(
      buildMatchExpression('What did Lammy say about sanctions on Russia?')!,
      50,
      0.5,
    );
  } finally {
    await store.close();
  }
}

/** An article edited and saved again: an added paragraph, then the paragraph taken out again. */
async function editBackAndForth(corpus: Corpus, times: number): Promise<void> {
  const file = path.join(corpus.articlesDir, NATO_SAMPLE);
  const original = await fs.readFile(file, 'utf8');
  for (let i = 0; i < times; i++) {
    await fs.writeFile(file, `${original}\n\nAn editor's note added to the story, number ${i}.\n`);
    await dateBack(file, 60 + 2 * i);
    await ingest(corpus);
    await fs.writeFile(file, original);
    await dateBack(file, 61 + 2 * i);
    await ingest(corpus);
  }
}

describe('keyword scores after re-indexing edited articles', () => {
  let edited: Corpus;
  let fresh: Corpus;

  beforeAll(async () => {
    edited = await scratchCorpus();
    fresh = await scratchCorpus();
    corpora.push(edited, fresh);
    await ingest(edited);
    await editBackAndForth(edited, 3);
    await ingest(fresh);
  }, 300_000);

  it('are those of an index built once from the same articles', async () => {
    const once = await keywordScores(fresh);
    expect(once.length).toBeGreaterThan(3);
    // Passage ids differ (the edited article's passages were inserted again): compare ranks and scores.
    expect((await keywordScores(edited)).map((hit) => hit.score)).toEqual(once.map((hit) => hit.score));
  });

  it('are restored in an index whose text index counted deleted passages, at its next write', async () => {
    const db = new Database(edited.dbPath);
    // The text index as it was built before: deletes by rowid that leave the totals as they were.
    db.exec(`
      DROP TRIGGER passages_fts_insert;
      DROP TRIGGER passages_fts_delete;
      DROP TABLE passages_fts;
      CREATE VIRTUAL TABLE passages_fts USING fts5(
        text, context, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2'
      );
      INSERT INTO passages_fts(rowid, text, context)
      SELECT p.id, p.text, a.context FROM passages p JOIN articles a ON a.id = p.article_id;
      CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN
        INSERT INTO passages_fts(rowid, text, context)
        VALUES (new.id, new.text, (SELECT context FROM articles WHERE id = new.article_id));
      END;
      CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN
        DELETE FROM passages_fts WHERE rowid = old.id;
      END;
    `);
    db.close();
    await editBackAndForth(edited, 1);
    expect((await keywordScores(edited)).map((hit) => hit.score)).toEqual(
      (await keywordScores(fresh)).map((hit) => hit.score),
    );
  }, 300_000);
});
