import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindex } from '../src/ingest/reindex.js';
import { PassageStore } from '../src/store/passage-store.js';
import { NATO_SAMPLE, scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';
import { finished, runScript, spawnScript } from './helpers/spawn-script.js';

const EXTRA_ARTICLES = 30;
const KILL_MOMENTS = 5;

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let env: Record<string, string>;

/** Enough distinct articles that a full re-index takes a few seconds: room to kill it at many moments. */
async function addArticles(articlesDir: string): Promise<void> {
  const text = await fs.readFile(path.join(articlesDir, NATO_SAMPLE), 'utf8');
  const [headline, ...rest] = text.split('\n');
  await fs.mkdir(path.join(articlesDir, 'more'));
  for (let n = 1; n <= EXTRA_ARTICLES; n++) {
    const body = rest.map((line) => (line.trim() ? `${line} Update ${n}.` : line)).join('\n');
    await fs.writeFile(path.join(articlesDir, 'more', `copy-${n}.txt`), `${headline} (${n})\n${body}`);
  }
}

function inspect(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    const one = (sql: string) => db.prepare(sql).pluck().get();
    return {
      integrity: one('PRAGMA integrity_check'),
      articles: one('SELECT count(*) FROM articles') as number,
      passages: one('SELECT count(*) FROM passages') as number,
      ftsRows: one("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'Lammy'") as number,
    };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  corpus = await scratchCorpus();
  env = { DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir };
  const embedder = await sharedEmbedder();
  await reindex(testConfig(env), { full: false, prune: false, dryRun: false }, async () => embedder);
  await addArticles(corpus.articlesDir);
});
afterAll(() => corpus.cleanup());

describe('a re-index killed with SIGKILL', () => {
  it('leaves the previous index intact and queryable, whenever it is killed, and the next run completes', async () => {
    const before = inspect(corpus.dbPath);
    expect(before.articles).toBe(2);

    // Time one complete run on a copy, so the kills can be spread over the whole of a real run.
    const probeDb = path.join(corpus.root, 'probe.db');
    await fs.copyFile(corpus.dbPath, probeDb);
    const started = performance.now();
    const probe = await runScript('scripts/ingest.ts', ['--full'], { ...env, DB_PATH: probeDb });
    const runMs = performance.now() - started;
    expect(probe.code, probe.stderr).toBe(0);
    expect(inspect(probeDb).articles).toBe(2 + EXTRA_ARTICLES);

    const pristine = path.join(corpus.root, 'pristine.db');
    await fs.copyFile(corpus.dbPath, pristine);
    for (let moment = 1; moment <= KILL_MOMENTS; moment++) {
      // Every kill starts from the old index, so each one tests a different moment of the same change.
      await fs.copyFile(pristine, corpus.dbPath);
      const child = spawnScript('scripts/ingest.ts', ['--full'], env);
      const done = finished(child);
      setTimeout(() => child.kill('SIGKILL'), (runMs * moment) / (KILL_MOMENTS + 1));
      const result = await done;
      const after = inspect(corpus.dbPath);
      expect(after.integrity).toBe('ok');
      // All or nothing: the old index, or (killed after the commit) the whole new one, never a mix.
      if (after.articles === before.articles) expect(after).toEqual(before);
      else expect(after).toEqual(inspect(probeDb));
      expect(result.signal === 'SIGKILL' || result.code === 0).toBe(true);
      const store = PassageStore.open(corpus.dbPath, testConfig().EMBEDDING_MODEL);
      expect(store.fullText('"lammy"', 5).length).toBeGreaterThan(0);
      store.close();
    }

    const last = await runScript('scripts/ingest.ts', [], env);
    expect(last.code, last.stderr).toBe(0);
    expect(inspect(corpus.dbPath)).toMatchObject({ integrity: 'ok', articles: 2 + EXTRA_ARTICLES });
  }, 180_000);
});
