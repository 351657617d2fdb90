import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * In a fresh process (the module cache is per process): the bot's modules and `alsoImport` imported and
 * its SQLite feedback store opened, then how many modules of the `pg` package are loaded.
 */
function pgModulesLoaded(alsoImport: string[] = []): number {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-imports-'));
  const script = `
    import { createRequire } from 'node:module';
    await import('./src/bot/run-bot.ts');
    for (const module of ${JSON.stringify(alsoImport)}) await import(module);
    const { openFeedbackStore } = await import('./src/store/open-store.ts');
    const feedback = await openFeedbackStore({ FEEDBACK_DB_PATH: process.env.FEEDBACK_DB_PATH });
    await feedback.close();
    const cache = createRequire(import.meta.url).cache;
    console.log(Object.keys(cache).filter((file) => /[\\\\/]node_modules[\\\\/]pg[\\\\/]/.test(file)).length);
  `;
  try {
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, DATABASE_URL: '', FEEDBACK_DB_PATH: path.join(scratch, 'feedback.db') },
      encoding: 'utf8',
    });
    return Number(output.trim().split('\n').at(-1));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

describe('the bot on SQLite', () => {
  // Importing the driver cost a SQLite bot about 120 CPU-ms of its start-up (loaded 2-core machine).
  it('never loads the Postgres driver', () => {
    expect(pgModulesLoaded()).toBe(0);
  }, 60_000);

  it('is seen loading it when something imports the Postgres store', () => {
    expect(pgModulesLoaded(['./src/store/postgres/pg-connect.ts'])).toBeGreaterThan(0);
  }, 60_000);
});
