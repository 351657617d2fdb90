import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreConfigSchema } from '../src/config.js';
import { scratchCorpus } from './helpers/corpus.js';
import { runScriptMeasuringMemory } from './helpers/spawn-script.js';

/** The article size of the issue: 150,000 paragraphs in 14 MB, which peaked at 2.7 GB. */
const HUGE_PARAGRAPHS = 150_000;
/**
 * The stated bound (README, "Ingest"): an ingest with the stand-in model peaks at about 350 MB on small
 * articles, and an article within MAX_ARTICLE_PARAGRAPHS adds at most about 150 MB to that.
 */
const PEAK_BOUND_BYTES = 700 * 1024 * 1024;

const paragraph = (n: number) =>
  `Item ${n} of the report: the council of Ashford ${n % 97} voted to fund the ferry plan for ${n * 13} pounds.`;

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;

beforeAll(async () => {
  corpus = await scratchCorpus();
  const paragraphs = Array.from({ length: HUGE_PARAGRAPHS }, (_, n) => paragraph(n));
  await fs.writeFile(
    path.join(corpus.articlesDir, 'huge.html'),
    `<!doctype html><html><head><title>The long report</title></head><body><article><h1>The long report</h1>\n${paragraphs.map((text) => `<p>${text}</p>`).join('\n')}\n</article></body></html>`,
  );
  // One huge article between two ordinary ones: the limit is per article, not per file.
  const entries = [
    { title: 'Ashford opens its ferry', body: 'The ferry opened on Monday.\n\nThe mayor cut the ribbon.' },
    { title: 'The long report, as data', body: paragraphs.join('\n\n') },
    { title: 'Brampton library reopens', body: 'The library reopened on Friday after a year of repairs.' },
  ];
  await fs.writeFile(
    path.join(corpus.articlesDir, 'feed.jsonl'),
    entries.map((entry) => JSON.stringify(entry)).join('\n') + '\n',
  );
}, 60_000);
afterAll(() => corpus.cleanup());

describe('an article of 150,000 paragraphs', () => {
  it('is skipped with a reason naming MAX_ARTICLE_PARAGRAPHS, and ingest stays within its memory bound', async () => {
    const run = await runScriptMeasuringMemory('scripts/ingest.ts', ['--json'], {
      DB_PATH: corpus.dbPath,
      ARTICLES_DIR: corpus.articlesDir,
    });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as {
      skipped: { path: string; reason: string }[];
      articles: { added: number };
    };
    const limit = coreConfigSchema.parse({}).MAX_ARTICLE_PARAGRAPHS.toLocaleString('en');
    expect(summary.skipped).toEqual(
      expect.arrayContaining([
        {
          path: 'huge.html',
          reason: `has about 150,000 paragraphs; articles of more than ${limit} are skipped (MAX_ARTICLE_PARAGRAPHS)`,
        },
        {
          path: 'feed.jsonl#2',
          reason: `has 150,000 paragraphs; articles of more than ${limit} are skipped (MAX_ARTICLE_PARAGRAPHS)`,
        },
      ]),
    );
    // The sample articles and the two ordinary articles of the feed.
    expect(summary.articles.added).toBe(4);
    expect(run.peakBytes).toBeGreaterThan(0);
    expect(run.peakBytes).toBeLessThan(PEAK_BOUND_BYTES);
  }, 180_000);
});
