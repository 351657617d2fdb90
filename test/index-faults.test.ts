import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Briefing } from '../src/answer/briefing.js';
import { reindex } from '../src/ingest/reindex.js';
import { IndexError, openIndexForWrite } from '../src/store/open-database.js';
import { scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';
import { expectOneLineError, runScript, type Finished } from './helpers/spawn-script.js';

const QUESTION = 'What did Lammy say?';
const OTHER_MODEL = 'someone-else/other-model';
const DAMAGED =
  /^Error: The index file (\S+) is damaged or is not a SQLite database \(.+\)\. Delete it, with \1-wal and \1-shm if they exist, and run "npm run ingest" to rebuild it\.$/;

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
/** Every spawned run starts at once in `beforeAll`, and each test awaits its own: the runs overlap. */
const runs = new Map<string, Promise<Finished>>();

function faultyCopy(name: string, damage: (file: string) => void): string {
  const file = path.join(corpus.root, `${name}.db`);
  fs.copyFileSync(corpus.dbPath, file);
  damage(file);
  return file;
}

function start(name: string, script: 'ask' | 'ingest', env: Record<string, string>, args: string[] = []) {
  const scriptArgs = script === 'ask' ? [...args, QUESTION] : args;
  runs.set(name, runScript(`scripts/${script}.ts`, scriptArgs, { ARTICLES_DIR: corpus.articlesDir, ...env }));
}

async function result(name: string): Promise<Finished> {
  const run = runs.get(name);
  if (!run) throw new Error(`no run named ${name}`);
  return run;
}

/** Overwrites every page of one table with random bytes; SQLite's own dbstat says where they are. */
function scramblePagesOf(file: string, table: string): number[] {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare('SELECT pageno FROM dbstat WHERE name = ?').pluck().all(table) as number[];
  db.close();
  const fd = fs.openSync(file, 'r+');
  for (const page of pages) fs.writeSync(fd, randomBytes(pageSize), 0, pageSize, (page - 1) * pageSize);
  fs.closeSync(fd);
  return pages;
}

/**
 * A folder nobody can create files in. Root ignores permission bits, so as root the test uses /proc,
 * where no process, root included, can create a file.
 */
function unwritableFolder(): string {
  if (process.getuid?.() === 0) return '/proc';
  const folder = path.join(corpus.root, 'read-only');
  fs.mkdirSync(folder, { mode: 0o555 });
  return folder;
}

let middlePages: number[] = [];
let unwritableDbPath = '';

beforeAll(async () => {
  corpus = await scratchCorpus();
  const embedder = await sharedEmbedder();
  const env = { DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir };
  await reindex(testConfig(env), { full: false, prune: false, dryRun: false }, async () => embedder);

  const garbageHeader = faultyCopy('garbage-header', (file) => {
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, randomBytes(100), 0, 100, 0);
    fs.closeSync(fd);
  });
  start('garbage header: ask', 'ask', { DB_PATH: garbageHeader });

  const truncated = faultyCopy('truncated', (file) => fs.truncateSync(file, fs.statSync(file).size / 2));
  start('truncated: ingest', 'ingest', { DB_PATH: truncated });

  const middle = faultyCopy('middle', (file) => (middlePages = scramblePagesOf(file, 'passages')));
  start('damaged pages: ask', 'ask', { DB_PATH: middle });
  // --full, because an ingest with nothing to change does not read the index through.
  start('damaged pages: ingest', 'ingest', { DB_PATH: middle }, ['--full']);

  const otherModel = faultyCopy('other-model', (file) => {
    const db = new Database(file);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'model'").run(OTHER_MODEL);
    db.close();
  });
  start('other model: ask', 'ask', { DB_PATH: otherModel });
  start('other model: ingest', 'ingest', { DB_PATH: otherModel });

  const missingVec = path.join(corpus.root, 'no-such-folder', 'vec0.so');
  start('no sqlite-vec: ask', 'ask', { DB_PATH: corpus.dbPath, SQLITE_VEC_PATH: missingVec });

  unwritableDbPath = path.join(unwritableFolder(), 'briefing-index.db');
  start('unwritable folder: ingest', 'ingest', { DB_PATH: unwritableDbPath });
}, 180_000);

afterAll(async () => {
  await Promise.allSettled(runs.values());
  await corpus.cleanup();
});

describe('a damaged index file', () => {
  it('with a garbage header: ask says it is not a database and how to rebuild it', async () => {
    const run = await result('garbage header: ask');
    expectOneLineError(run, DAMAGED);
    expect(run.stderr).toContain('(file is not a database)');
  });

  it('cut to half its size: ingest says it is damaged and how to rebuild it', async () => {
    expectOneLineError(await result('truncated: ingest'), DAMAGED);
  });

  it('with random bytes over pages in the middle: the question that reaches them, and ingest, report it', async () => {
    // The damage is away from the header, which opening the file reads: only a query or a check finds it.
    expect(middlePages.length).toBeGreaterThan(1);
    expect(Math.min(...middlePages)).toBeGreaterThan(1);
    expectOneLineError(await result('damaged pages: ask'), DAMAGED);
    // Ingest checks every page before writing, so it never builds on a damaged file.
    const ingest = await result('damaged pages: ingest');
    expectOneLineError(ingest, DAMAGED);
    expect(ingest.stderr).toContain("SQLite's check found:");
  });
});

describe('an index built with another embedding model', () => {
  const fix = `Re-index with npm run ingest -- --full, or set EMBEDDING_MODEL back to ${OTHER_MODEL}.`;

  it('makes ask and ingest say to re-index with --full', async () => {
    for (const name of ['other model: ask', 'other model: ingest']) {
      const run = await result(name);
      expectOneLineError(
        run,
        /^Error: The index was built with the embedding model someone-else\/other-model/,
      );
      expect(run.stderr).toContain(fix);
    }
  });

  it('makes the bot refuse to start with the same message', async () => {
    const config = testConfig({ DB_PATH: path.join(corpus.root, 'other-model.db') });
    await expect(Briefing.open(config, await sharedEmbedder())).rejects.toThrow(fix);
  });

  it('is rebuilt by ingest --full, after which questions are answered', async () => {
    const env = { DB_PATH: path.join(corpus.root, 'other-model.db'), ARTICLES_DIR: corpus.articlesDir };
    // Waits for the runs that read this file, so the rebuild does not change it under them.
    await Promise.all([result('other model: ask'), result('other model: ingest')]);
    const rebuilt = await runScript('scripts/ingest.ts', ['--full'], env);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    const briefing = await Briefing.open(testConfig(env), await sharedEmbedder());
    try {
      const answer = await briefing.ask(QUESTION);
      expect(answer.passages.map((passage) => passage.text).join(' ')).toContain('Lammy');
    } finally {
      briefing.close();
    }
  });
});

describe('a missing sqlite-vec extension', () => {
  it('makes ask name SQLITE_VEC_PATH and how to fix it', async () => {
    // Ingest loads the extension through the same function.
    for (const name of ['no sqlite-vec: ask']) {
      const run = await result(name);
      expectOneLineError(
        run,
        /^Error: The sqlite-vec extension could not be loaded from SQLITE_VEC_PATH \(there is no file at \S+vec0\.so\)\. Set SQLITE_VEC_PATH to the sqlite-vec library file .+, or leave it empty to use the one npm installs\.$/,
      );
    }
  });
});

describe('an unwritable data folder', () => {
  it('makes ingest say which folder and what to do', async () => {
    const folder = path.dirname(unwritableDbPath);
    const run = await result('unwritable folder: ingest');
    expectOneLineError(
      run,
      new RegExp(
        `^Error: The data folder ${folder} is not writable \\((permission denied|files cannot be created there)\\)\\. Fix its permissions or set DB_PATH to a file in a writable folder\\.$`,
      ),
    );
    expect(fs.existsSync(unwritableDbPath)).toBe(false);
  });

  it('says so when part of DB_PATH is a file, not a folder', () => {
    const file = path.join(corpus.root, 'a-file');
    fs.writeFileSync(file, 'not a folder');
    expect(() => openIndexForWrite(path.join(file, 'index.db'))).toThrow(
      new IndexError(
        `The data folder ${file} is not writable (part of the path is a file, not a folder). Fix its permissions or set DB_PATH to a file in a writable folder.`,
      ),
    );
  });
});
