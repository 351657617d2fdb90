import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { benchConfigSchema, parseConfig } from '../src/config.js';

// The bench cache lives under the temporary folder: this test's own, not the shared one.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-index-'));
process.env.TMPDIR = scratch;
const { benchIndex } = await import('../scripts/bench/corpora.js');

describe('the bench indexes', () => {
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('are SQLite files even when DATABASE_URL names a Postgres server', async () => {
    const config = parseConfig(benchConfigSchema, {
      ...process.env,
      // Nothing listens here: an ingest into Postgres would fail to connect.
      DATABASE_URL: 'postgres://briefing@127.0.0.1:9/nowhere',
      INGEST_THREADS: '1',
    });
    const index = await benchIndex('bbc', config, () => undefined, 3);
    expect(index.dbPath.startsWith(scratch)).toBe(true);
    const db = new Database(index.dbPath, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 3 });
    } finally {
      db.close();
    }
    expect(index.description).toMatch(/3 articles/);
  });
});
