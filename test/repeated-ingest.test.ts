import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchCorpus, writeGeneratedArticles } from './helpers/corpus.js';
import { runScript } from './helpers/spawn-script.js';

const RUNS = 10;
const ARTICLES = 20;

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;

beforeAll(async () => {
  corpus = await scratchCorpus();
  await writeGeneratedArticles(corpus.articlesDir, ARTICLES);
});
afterAll(() => corpus?.cleanup());

describe('a process that ingests again and again with worker threads', () => {
  // Before the worker pool, every ingest started and stopped its own workers, and onnxruntime-node's
  // process-wide reference to a stopped worker's freed memory crashed the process within a few runs.
  it(`runs ${RUNS} ingests with two workers each without a crash, all alike`, async () => {
    const result = await runScript('test/helpers/ingest-repeatedly.ts', [], {
      ARTICLES_DIR: corpus.articlesDir,
      DB_PATH: corpus.dbPath,
      INGEST_THREADS: '2',
      RUNS: String(RUNS),
    });
    expect({ code: result.code, signal: result.signal }, result.stderr).toEqual({ code: 0, signal: null });
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, number>);
    expect(lines.map((line) => line.run)).toEqual(Array.from({ length: RUNS }, (_, i) => i + 1));
    const first = lines[0]!;
    expect(first.articles).toBe(ARTICLES + 2);
    expect(first.passages).toBeGreaterThan(ARTICLES);
    for (const line of lines) expect({ ...line, run: 1 }).toEqual(first);
  }, 300_000);
});
