import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindex } from '../src/ingest/reindex.js';
import { scratchCorpus, writeGeneratedArticles } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';
import { finished, spawnScript } from './helpers/spawn-script.js';

/** Enough new articles that two worker threads embed for many seconds: the signal lands mid-way. */
const NEW_ARTICLES = 1500;
/** How long a stopped ingest may take to exit: the issue asks for a second or two; the machine is shared. */
const STOP_WITHIN_MS = 3000;
const STOPPED_LINE =
  /^Stopped by SIG(INT|TERM): nothing was written; the index is as it was before this run\.$/m;

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let env: Record<string, string>;

beforeAll(async () => {
  corpus = await scratchCorpus();
  env = { DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir, INGEST_THREADS: '2' };
  const embedder = await sharedEmbedder();
  await reindex(testConfig(env), { full: false, prune: false, dryRun: false }, async () => embedder);
  await writeGeneratedArticles(path.join(corpus.articlesDir, 'generated'), NEW_ARTICLES);
}, 120_000);
afterAll(() => corpus.cleanup());

/** What the index holds, checked by SQLite itself. */
function inspect(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    sqliteVec.load(db);
    const one = (sql: string) => db.prepare(sql).pluck().get();
    return {
      integrity: one('PRAGMA integrity_check'),
      articles: one('SELECT count(*) FROM articles'),
      passages: one('SELECT count(*) FROM passages'),
      vectors: one('SELECT count(*) FROM passage_vectors'),
    };
  } finally {
    db.close();
  }
}

/**
 * Runs `command` in a pseudo-terminal (util-linux `script`), as in a user's terminal: progress bars are
 * drawn, and a Ctrl-C typed into it sends SIGINT to every process of the command (npm, tsx, node).
 */
function inTerminal(command: string, extraEnv: Record<string, string>): ChildProcess {
  return spawn('script', ['--quiet', '--flush', '--return', '--command', command, '/dev/null'], {
    env: { ...process.env, ...extraEnv },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Resolves once the child's output matches `pattern` (rejects if it exits first). */
function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<void> {
  let seen = '';
  return new Promise((resolve, reject) => {
    const look = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) resolve();
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.on('exit', () => reject(new Error(`exited before showing ${pattern}:\n${seen}`)));
  });
}

/** The process `script` runs the command in (its only child). */
function childOf(pid: number): number {
  const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
  expect(children).toHaveLength(1);
  return Number(children[0]);
}

/** Sends the stop once `ready` resolves and measures how long the process takes to exit after it. */
async function stopAndTime(child: ChildProcess, ready: Promise<void>, stop: () => void) {
  const done = finished(child);
  await ready;
  const sent = performance.now();
  stop();
  const result = await done;
  return { ...result, ms: performance.now() - sent };
}

/** The one line, the exit code of a death by that signal, and a prompt exit. */
function expectStopped(run: Awaited<ReturnType<typeof stopAndTime>>, output: string, code: number) {
  expect(output).toMatch(STOPPED_LINE);
  expect(output.match(/Stopped by/g)).toHaveLength(1);
  expect(run.code).toBe(code);
  expect(run.ms).toBeLessThan(STOP_WITHIN_MS);
}

describe('a signal during ingest', () => {
  it('Ctrl-C in a terminal stops `npm run ingest` while worker threads embed, writing nothing', async () => {
    const before = inspect(corpus.dbPath);
    const child = inTerminal('npm run --silent ingest', env);
    const run = await stopAndTime(child, waitForOutput(child, /Embedding +\[/), () =>
      child.stdin!.write('\x03'),
    );
    expectStopped(run, run.stdout, 130);
    expect(inspect(corpus.dbPath)).toEqual(before);
  }, 120_000);

  it('SIGTERM stops a plain `node` ingest while worker threads embed, writing nothing', async () => {
    const before = inspect(corpus.dbPath);
    const child = inTerminal(`exec ${process.execPath} --import tsx scripts/ingest.ts`, env);
    const run = await stopAndTime(child, waitForOutput(child, /Embedding +\[/), () =>
      process.kill(childOf(child.pid!), 'SIGTERM'),
    );
    expectStopped(run, run.stdout, 143);
    expect(inspect(corpus.dbPath)).toEqual(before);
  }, 120_000);

  it('SIGINT stops an ingest waiting for another writer, writing nothing', async () => {
    const before = inspect(corpus.dbPath);
    const holder = new Database(corpus.dbPath);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const child = spawnScript('scripts/ingest.ts', [], env);
      const run = await stopAndTime(child, waitForOutput(child, /waiting for it to finish/), () =>
        child.kill('SIGINT'),
      );
      expectStopped(run, run.stderr, 130);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(inspect(corpus.dbPath)).toEqual(before);
  }, 180_000);

  it('SIGINT stops the first-use build of `npm run ask`, leaving no index behind', async () => {
    const dbPath = path.join(corpus.root, 'first-use.db');
    const child = inTerminal('npm run --silent ask -- "Who backs the ferry plan?"', {
      ...env,
      DB_PATH: dbPath,
    });
    const run = await stopAndTime(child, waitForOutput(child, /Embedding +\[/), () =>
      child.stdin!.write('\x03'),
    );
    expectStopped(run, run.stdout, 130);
    expect(fs.existsSync(dbPath)).toBe(false);
  }, 120_000);
});
