import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from './helpers/model.js';
import { runScript } from './helpers/spawn-script.js';

/**
 * `npm run bench` on a machine that never ran it: its cache lives in the system's temp folder, so a fresh
 * TMPDIR is an empty cache. Every part runs at once, on a few articles of each corpus and an index grown to
 * a few thousand passages: about a minute on 2 idle cores instead of an hour (the limit leaves room for a busy machine).
 */
const ARTICLES = '10';
const SCALE = 2_500;

let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-empty-cache-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('npm run bench from an empty cache', () => {
  it('runs every part, the scale comparison with its peers included', async () => {
    const run = await runScript(
      'scripts/bench.ts',
      [
        '--only',
        'ingest,query,brief,bot',
        '--scale',
        String(SCALE),
        '--articles',
        ARTICLES,
        '--runs',
        '1',
        '--json',
      ],
      { TMPDIR: tmp },
    );
    expect(run.code, run.stderr).toBe(0);
    const figures = JSON.parse(run.stdout) as Record<string, Record<string, unknown>>;
    // Each figure says what it was measured on: the corpus and the model.
    for (const part of ['ingest_bbc', 'ingest_reuters', 'query', 'brief', 'bot']) {
      expect(figures[part]?.corpus, part).toMatch(/: \d+ articles \/ \d+ passages$/);
      expect(figures[part]?.model, part).toBe(testConfig().EMBEDDING_MODEL);
    }
    expect(figures.ingest_bbc!.corpus).toMatch(new RegExp(`: ${ARTICLES} articles`));
    expect(figures.ingest_reuters!.ingest_passages_per_s).toBeGreaterThan(0);
    for (const stage of ['embed', 'search', 'answer', 'end_to_end'])
      expect(figures.query![`${stage}_p50_ms`], stage).toBeGreaterThan(0);
    expect(figures.brief!.brief_p95_ms).toBeGreaterThan(0);
    expect(figures.bot!.bot_ready_s).toBeGreaterThan(0);
    // Warmed up after connecting, and answering after that.
    expect(figures.bot!.bot_warm_s).toBeGreaterThanOrEqual(figures.bot!.bot_ready_s as number);
    expect(figures.bot!.bot_first_answer_s).toBeGreaterThan(0);
    expect(figures.scale).toMatchObject({ passages: SCALE });
    expect(figures.scale!.quantized_recall_at_10).toBeGreaterThan(0);
    expect(figures.scale!.peers).toMatchObject({
      lancedb_flat: { passages: SCALE },
      lancedb_ivf_pq: { passages: SCALE },
      orama: { passages: SCALE },
    });
    // LanceDB after the same tenth changed as ours, at its default probes at least.
    const peers = figures.scale!.peers as {
      lancedb_ivf_pq_after_change: { nprobes: number; recall_at_10: number }[];
    };
    expect(peers.lancedb_ivf_pq_after_change[0]).toMatchObject({ nprobes: 20 });
    expect(peers.lancedb_ivf_pq_after_change[0]!.recall_at_10).toBeGreaterThan(0.5);
    // Built where the bench keeps its cache, kept apart from the whole corpora's.
    expect(fs.readdirSync(path.join(tmp, 'briefing-bench')).sort()).toEqual([
      'corpora',
      'indexes',
      `scale-first-${ARTICLES}`,
    ]);
  }, 600_000);
});
