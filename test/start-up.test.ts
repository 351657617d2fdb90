import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchCorpus } from './helpers/corpus.js';
import { testConfig } from './helpers/model.js';
import { runScript, type Finished } from './helpers/spawn-script.js';

/** Every command-line entry point; each must load its settings the same way. */
const ENTRY_POINTS = [
  'scripts/ingest.ts',
  'scripts/ask.ts',
  'scripts/eval.ts',
  'scripts/bench.ts',
  'scripts/deploy-commands.ts',
  'src/bot/main.ts',
];

/** Each case starts several processes (tsx, the model): minutes on a loaded machine. */
const TIMEOUT_MS = 240_000;

/** Settings that the test's own environment may carry and that must come from `.env` here. */
const FROM_DOT_ENV = ['DB_PATH', 'ARTICLES_DIR', 'MODEL_DIR', 'EMBEDDING_MODEL', 'INGEST_THREADS'];
const unset = Object.fromEntries(FROM_DOT_ENV.map((name) => [name, undefined]));

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;

/** A folder to run in, holding only a `.env` (a file with this text, or a folder when null). */
function workingFolder(name: string, dotEnv: string | null): string {
  const folder = path.join(corpus.root, name);
  fs.mkdirSync(folder);
  if (dotEnv === null) fs.mkdirSync(path.join(folder, '.env'));
  else fs.writeFileSync(path.join(folder, '.env'), dotEnv);
  return folder;
}

/** What a user must see for an expected fault: exit code 1, one line on stderr, no stack trace. */
function expectOneLineError(run: Finished, pattern: RegExp): void {
  const lines = run.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines, run.stderr).toEqual([expect.stringMatching(pattern)]);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.code).toBe(1);
}

beforeAll(async () => {
  corpus = await scratchCorpus();
});

afterAll(async () => {
  await corpus?.cleanup();
});

describe('settings in .env', () => {
  it(
    'are what `npm run ingest` and `npm run ask` use, with the environment winning',
    async () => {
      const { MODEL_DIR, EMBEDDING_MODEL } = testConfig();
      const fromFile = path.join(corpus.root, 'from-dot-env.db');
      const folder = workingFolder(
        'dot-env',
        [
          `DB_PATH=${fromFile}`,
          `ARTICLES_DIR=${corpus.articlesDir}`,
          ...(MODEL_DIR ? [`MODEL_DIR=${path.resolve(MODEL_DIR)}`] : []),
          `EMBEDDING_MODEL=${EMBEDDING_MODEL}`,
        ].join('\n'),
      );
      const ingest = await runScript('scripts/ingest.ts', ['--json'], unset, { cwd: folder });
      expect(ingest.code, ingest.stderr).toBe(0);
      expect(JSON.parse(ingest.stdout)).toMatchObject({
        model: EMBEDDING_MODEL,
        articlesDir: corpus.articlesDir,
      });
      expect(fs.existsSync(fromFile)).toBe(true);
      expect(fs.existsSync(path.join(folder, 'data'))).toBe(false);

      const ask = await runScript('scripts/ask.ts', ['--json', 'what did Lammy say?'], unset, {
        cwd: folder,
      });
      expect(ask.code, ask.stderr).toBe(0);
      expect(JSON.parse(ask.stdout)).toMatchObject({ found: true });

      // DB_PATH in the environment wins: ask builds a second index there rather than reading the first.
      const fromEnv = path.join(corpus.root, 'from-environment.db');
      const asked = await runScript(
        'scripts/ask.ts',
        ['--json', 'what did Lammy say?'],
        { ...unset, DB_PATH: fromEnv },
        { cwd: folder },
      );
      expect(asked.code, asked.stderr).toBe(0);
      expect(asked.stderr).toContain(`No index at ${fromEnv} yet`);
      expect(fs.existsSync(fromEnv)).toBe(true);
    },
    TIMEOUT_MS,
  );

  it(
    'capped INGEST_THREADS gives one warning on stderr',
    async () => {
      const folder = workingFolder(
        'threads',
        `INGEST_THREADS=256\nDB_PATH=${corpus.dbPath}\nARTICLES_DIR=${corpus.articlesDir}\n`,
      );
      const run = await runScript('scripts/ingest.ts', ['--dry-run'], unset, { cwd: folder });
      expect(run.code, run.stderr).toBe(0);
      const cores = os.availableParallelism();
      expect(run.stderr).toContain(
        `Warning: INGEST_THREADS=256 is more than the ${cores} cores available: using ${cores} threads.`,
      );
    },
    TIMEOUT_MS,
  );

  it(
    'that is a folder stops ingest and ask with one line naming it',
    async () => {
      const folder = workingFolder('folder', null);
      const runs = await Promise.all([
        runScript('scripts/ingest.ts', [], unset, { cwd: folder }),
        runScript('scripts/ask.ts', ['a question'], unset, { cwd: folder }),
      ]);
      for (const run of runs) {
        expectOneLineError(
          run,
          /^Error: Cannot read the settings file \.env \(it is a folder, not a file\)\. Make it a readable text file/,
        );
      }
    },
    TIMEOUT_MS,
  );

  it(
    'malformed, stops every entry point with one line naming the line',
    async () => {
      // At once: each run is mostly tsx starting up.
      const runs = await Promise.all(
        ENTRY_POINTS.map((script) => {
          const folder = workingFolder(path.basename(script, '.ts'), 'DB_PATH=index.db\nMODEL_DIR models\n');
          const args = script.endsWith('ask.ts') ? ['a question'] : [];
          return runScript(script, args, unset, { cwd: folder });
        }),
      );
      runs.forEach((run, i) => {
        expect(run.stderr, ENTRY_POINTS[i]).toMatch(/^Error: The settings file \.env is malformed at line 2/);
        expectOneLineError(
          run,
          /^Error: The settings file \.env is malformed at line 2: expected NAME=value/,
        );
      });
    },
    TIMEOUT_MS,
  );
});
