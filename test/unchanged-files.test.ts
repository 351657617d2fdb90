import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreConfig } from '../src/config.js';
import type { Embedder } from '../src/embed/embedder.js';
import { formatSummary } from '../src/ingest/format-summary.js';
import { reindex, type ReindexOptions } from '../src/ingest/reindex.js';
import { CONDITIONS_SAMPLE, dateBack as dateBackFile, NATO_SAMPLE, scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

const incremental: ReindexOptions = { full: false, prune: false, dryRun: false };

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let modelLoads: number;

const run = (overrides: Partial<Record<keyof CoreConfig, string>> = {}, options = incremental) =>
  reindex(
    testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir, ...overrides }),
    options,
    async (): Promise<Embedder> => {
      modelLoads++;
      return sharedEmbedder();
    },
  );

const file = (name: string) => path.join(corpus.articlesDir, name);

const dateBack = (name: string, minutes?: number) => dateBackFile(file(name), minutes);

function indexedText(dbPath: string, word: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM passages WHERE text LIKE ?').pluck().get(`%${word}%`) as number;
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  corpus = await scratchCorpus();
  for (const name of [NATO_SAMPLE, CONDITIONS_SAMPLE]) await dateBack(name);
  modelLoads = 0;
  const first = await run();
  expect(first.files).toEqual({ read: 2, unchanged: 0 });
  modelLoads = 0;
});
afterEach(() => corpus.cleanup());

describe('re-index of files whose size and time are unchanged', () => {
  it('reads no article file, loads no model, and says so', async () => {
    const again = await run();
    expect(again.files).toEqual({ read: 0, unchanged: 2 });
    expect(again.articles).toMatchObject({ added: 0, updated: 0, unchanged: 2, removed: 0, missing: 0 });
    expect(modelLoads).toBe(0);
    expect(formatSummary(again)).toContain('Files: 0 read, 2 unchanged (same size and time, not read).');
  });

  it('does not read a file put back to its recorded size and time (the trade-off), until --full', async () => {
    const text = await fs.readFile(file(NATO_SAMPLE), 'utf8');
    const { mtime } = await fs.stat(file(NATO_SAMPLE));
    await fs.writeFile(file(NATO_SAMPLE), text.replaceAll('Joly', 'Xyzy'));
    await fs.utimes(file(NATO_SAMPLE), mtime, mtime);
    expect((await run()).files).toEqual({ read: 0, unchanged: 2 });
    expect(indexedText(corpus.dbPath, 'Xyzy')).toBe(0);
    expect((await run({}, { ...incremental, full: true })).files.read).toBe(2);
    expect(indexedText(corpus.dbPath, 'Xyzy')).toBeGreaterThan(0);
  });

  it('re-reads and re-embeds a file of the same size with a new time', async () => {
    const text = await fs.readFile(file(NATO_SAMPLE), 'utf8');
    await fs.writeFile(file(NATO_SAMPLE), text.replaceAll('Joly', 'Xyzy'));
    await dateBack(NATO_SAMPLE, 30);
    const changed = await run();
    expect(changed.files).toEqual({ read: 1, unchanged: 1 });
    expect(changed.articles).toMatchObject({ updated: 1, unchanged: 1 });
    expect(changed.passages.embedded).toBeGreaterThan(0);
    expect(indexedText(corpus.dbPath, 'Xyzy')).toBeGreaterThan(0);
  });

  it('re-reads a file whose size changed, even with its old time', async () => {
    const { mtime } = await fs.stat(file(CONDITIONS_SAMPLE));
    await fs.appendFile(file(CONDITIONS_SAMPLE), '\nThe talks in Quuxville resume on Monday.\n');
    await fs.utimes(file(CONDITIONS_SAMPLE), mtime, mtime);
    const changed = await run();
    expect(changed.files).toEqual({ read: 1, unchanged: 1 });
    expect(changed.articles).toMatchObject({ updated: 1, unchanged: 1 });
    expect(indexedText(corpus.dbPath, 'Quuxville')).toBeGreaterThan(0);
  });

  it('reads a touched file with the same content without re-embedding it, then records its new time', async () => {
    await dateBack(NATO_SAMPLE, 30);
    const touched = await run();
    expect(touched.files).toEqual({ read: 1, unchanged: 1 });
    expect(touched.articles).toMatchObject({ updated: 0, unchanged: 2 });
    expect(touched.passages.embedded).toBe(0);
    expect(modelLoads).toBe(0);
    expect((await run()).files).toEqual({ read: 0, unchanged: 2 });
  });

  it('reads a file saved just before the run again next time: it may change within the same clock tick', async () => {
    await fs.appendFile(file(NATO_SAMPLE), '\nMore to follow.\n');
    expect((await run()).files).toEqual({ read: 1, unchanged: 1 });
    expect((await run()).files).toEqual({ read: 1, unchanged: 1 });
  });

  it('reads every file again when a setting changes what files are indexed as', async () => {
    const resized = await run({ PASSAGE_MAX_TOKENS: '128' });
    expect(resized.files).toEqual({ read: 2, unchanged: 0 });
    expect(resized.articles.updated).toBe(2);
  });

  it('an index from before the files table reads every file once, embeds nothing, and records them', async () => {
    const db = new Database(corpus.dbPath);
    db.exec('DROP TABLE files');
    db.close();
    const migrated = await run();
    expect(migrated.files).toEqual({ read: 2, unchanged: 0 });
    expect(migrated.articles).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(modelLoads).toBe(0);
    expect((await run()).files).toEqual({ read: 0, unchanged: 2 });
  });
});
