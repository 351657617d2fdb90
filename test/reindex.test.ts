import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreConfig } from '../src/config.js';
import type { Embedder } from '../src/embed/embedder.js';
import { reindex, type ReindexOptions } from '../src/ingest/reindex.js';
import { IndexError, openIndexForRead } from '../src/store/open-database.js';
import { CONDITIONS_SAMPLE, NATO_SAMPLE, scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

const incremental: ReindexOptions = { full: false, prune: false, dryRun: false };

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let config: CoreConfig;
let modelLoads: number;

async function countingLoader(): Promise<Embedder> {
  modelLoads++;
  return sharedEmbedder();
}

const run = (options: Partial<ReindexOptions> = {}, overrides: CoreConfig = config) =>
  reindex(overrides, { ...incremental, ...options }, countingLoader);

function queryNumber(dbPath: string, sql: string, ...params: unknown[]): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  } finally {
    db.close();
  }
}

function counts(dbPath: string) {
  return {
    articles: queryNumber(dbPath, 'SELECT count(*) FROM articles'),
    passages: queryNumber(dbPath, 'SELECT count(*) FROM passages'),
    fts: (word: string) =>
      queryNumber(dbPath, 'SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?', word),
    quotesOf: (surname: string) =>
      queryNumber(dbPath, 'SELECT count(*) FROM quotes WHERE surname = ?', surname),
  };
}

function vectorCount(dbPath: string): number {
  const { db } = openIndexForRead(dbPath, config.EMBEDDING_MODEL);
  try {
    return db.prepare('SELECT count(*) FROM passage_vectors').pluck().get() as number;
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  corpus = await scratchCorpus();
  config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
  modelLoads = 0;
});
afterEach(() => corpus.cleanup());

describe('reindex', () => {
  it('indexes the sample articles, then finds nothing to do on an unchanged folder', async () => {
    const first = await run();
    expect(first.articles).toMatchObject({ added: 2, updated: 0, unchanged: 0, skipped: 0 });
    expect(first.passages.added).toBeGreaterThan(20);
    expect(first.passages.embedded).toBe(first.passages.added);
    const stored = counts(corpus.dbPath);
    expect(stored.articles).toBe(2);
    expect(stored.passages).toBe(first.passages.added);
    expect(stored.fts('Lammy')).toBeGreaterThan(0);
    expect(vectorCount(corpus.dbPath)).toBe(first.passages.added);

    modelLoads = 0;
    const second = await run();
    expect(second.articles).toMatchObject({ added: 0, updated: 0, unchanged: 2, removed: 0 });
    expect(second.passages).toEqual({ added: 0, removed: 0, embedded: 0 });
    expect(modelLoads).toBe(0);
  });

  it('re-embeds only the article that was edited', async () => {
    await run();
    const file = path.join(corpus.articlesDir, CONDITIONS_SAMPLE);
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(
      file,
      text.replace('second round of direct peace talks', 'third round of direct peace talks'),
    );
    const before = counts(corpus.dbPath);

    const edited = await run();
    expect(edited.articles).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    const editedPassages = queryNumber(
      corpus.dbPath,
      'SELECT count(*) FROM passages JOIN articles a ON a.id = article_id WHERE a.key = ?',
      CONDITIONS_SAMPLE,
    );
    expect(edited.passages.embedded).toBe(editedPassages);
    expect(edited.passages.removed).toBe(editedPassages);
    const after = counts(corpus.dbPath);
    expect(after.passages).toBe(before.passages);
    expect(after.fts('third')).toBe(1);
  });

  it('keeps a deleted article until --prune, then removes its passages, FTS rows, vectors and quotes', async () => {
    const first = await run();
    await fs.rm(path.join(corpus.articlesDir, NATO_SAMPLE));

    const kept = await run();
    expect(kept.missing).toEqual([NATO_SAMPLE]);
    expect(counts(corpus.dbPath).articles).toBe(2);

    const pruned = await run({ prune: true });
    expect(pruned.articles.removed).toBe(1);
    const after = counts(corpus.dbPath);
    expect(after.articles).toBe(1);
    expect(after.passages).toBe(first.passages.added - pruned.passages.removed);
    expect(after.fts('Lammy')).toBe(0);
    expect(after.quotesOf('Lammy')).toBe(0);
    expect(vectorCount(corpus.dbPath)).toBe(after.passages);
  });

  it('--prune compares exact paths: a skipped a.txt.bak does not keep the indexed copy of a gone a.txt', async () => {
    await run();
    // Renamed as a backup: the new name is not an article format, so it is reported as skipped.
    await fs.rename(
      path.join(corpus.articlesDir, NATO_SAMPLE),
      path.join(corpus.articlesDir, `${NATO_SAMPLE}.bak`),
    );
    const pruned = await run({ prune: true });
    expect(pruned.skipped.map((item) => item.path)).toEqual([`${NATO_SAMPLE}.bak`]);
    expect(pruned.articles).toMatchObject({ removed: 1, missing: 0 });
    expect(counts(corpus.dbPath).articles).toBe(1);
  });

  it('reports a broken file, indexes the rest, and keeps the indexed copy of a file that broke', async () => {
    await run();
    await fs.writeFile(path.join(corpus.articlesDir, NATO_SAMPLE), '');
    await fs.writeFile(
      path.join(corpus.articlesDir, 'new.md'),
      '---\ntitle: New article\n---\nFresh news about Kyiv.\n',
    );

    const summary = await run({ prune: true });
    expect(summary.skipped).toEqual([{ path: NATO_SAMPLE, reason: expect.stringMatching(/empty/) }]);
    expect(summary.articles).toMatchObject({ added: 1, removed: 0, skipped: 1 });
    expect(counts(corpus.dbPath).fts('Lammy')).toBeGreaterThan(0);
  });

  it('dry run reports changes without writing or loading the model', async () => {
    const summary = await run({ dryRun: true });
    expect(summary.articles.added).toBe(2);
    expect(modelLoads).toBe(0);
    expect(() => openIndexForRead(corpus.dbPath, config.EMBEDDING_MODEL)).toThrow(IndexError);
    await expect(fs.access(corpus.dbPath)).rejects.toThrow();
  });

  it('refuses an index built with another model and says to re-index with --full', async () => {
    await run();
    const other = { ...config, EMBEDDING_MODEL: 'someone/other-model' };
    await expect(run({}, other)).rejects.toThrow(/built with the embedding model .*--full/);
    expect(() => openIndexForRead(corpus.dbPath, 'someone/other-model')).toThrow(
      /re-index with npm run ingest -- --full/i,
    );
  });

  it('--full rebuilds everything and drops articles whose files are gone', async () => {
    await run();
    await fs.rm(path.join(corpus.articlesDir, NATO_SAMPLE));
    const rebuilt = await run({ full: true });
    expect(rebuilt.rebuilt).toBe(true);
    expect(rebuilt.articles).toMatchObject({ updated: 1, removed: 1 });
    expect(counts(corpus.dbPath).articles).toBe(1);
  });
});
