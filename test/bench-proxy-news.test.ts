import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from './helpers/model.js';
import { runScript } from './helpers/spawn-script.js';

const PROXY = 'perf-proxy/minilm-l6-random';
const config = testConfig();
const hasProxy = !!config.MODEL_DIR && fs.existsSync(path.join(config.MODEL_DIR, PROXY));
const ARTICLES = '10';

let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-proxy-news-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * The bot's start and a question's latency at both corpora's size with the production model's cost: the
 * proxy's vectors are random and embedding 120k passages with it takes about 80 CPU-minutes here, so the
 * bench measures on the real model's index with its vectors projected to the proxy's dimension. From an
 * empty cache (a fresh TMPDIR), on a few articles of each corpus.
 */
describe.skipIf(!hasProxy)('npm run bench --model proxy at both corpora size', () => {
  it('measures a question end to end and the bot on the projected index, from an empty cache', async () => {
    const run = await runScript(
      'scripts/bench.ts',
      ['--model', 'proxy', '--only', 'query-news,bot', '--articles', ARTICLES, '--runs', '1', '--json'],
      { TMPDIR: tmp },
    );
    expect(run.code, run.stderr).toBe(0);
    const figures = JSON.parse(run.stdout) as Record<string, Record<string, unknown>>;
    for (const part of ['query_news', 'bot']) {
      expect(figures[part]?.model, part).toBe(PROXY);
      expect(figures[part]?.corpus, part).toMatch(
        new RegExp(
          `^bbc-fulltext \\+ reuters21578: \\d+ articles / \\d+ passages, ${config.EMBEDDING_MODEL}'s vectors projected to 384 dimensions$`,
        ),
      );
    }
    for (const stage of ['embed', 'search', 'answer', 'end_to_end'])
      expect(figures.query_news![`${stage}_p95_ms`], stage).toBeGreaterThan(0);
    expect(figures.bot!.bot_ready_s).toBeGreaterThan(0);
    // The real model's index is built once and the proxy's copy of it kept beside the proxy's own indexes.
    const indexes = path.join(tmp, 'briefing-bench', 'indexes');
    expect(fs.readdirSync(path.join(indexes, PROXY.replace('/', '_')))).toEqual([
      `news-first-${ARTICLES}-projected`,
    ]);

    // A second run finds the copy made: it is not made again.
    const again = await runScript(
      'scripts/bench.ts',
      ['--model', 'proxy', '--only', 'query-news', '--articles', ARTICLES, '--runs', '1', '--json'],
      { TMPDIR: tmp },
    );
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toMatch(/projected to 384 dimensions\.\.\./);
  }, 600_000);
});
