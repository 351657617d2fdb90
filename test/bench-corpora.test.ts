import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchConfigSchema, parseConfig } from '../src/config.js';

// The bench cache lives under the temporary folder: this test's own, not the shared one.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-corpora-'));
process.env.TMPDIR = scratch;
const { prepareCorpus } = await import('../scripts/bench/corpora.js');
const { BENCH_DIR } = parseConfig(benchConfigSchema, process.env);

/** Every body paragraph of a built Reuters corpus. */
function reutersParagraphs(articlesDir: string): string[] {
  return fs
    .readdirSync(articlesDir)
    .filter((file) => file.endsWith('.jsonl'))
    .flatMap((file) => fs.readFileSync(path.join(articlesDir, file), 'utf8').trim().split('\n'))
    .flatMap((line) => (JSON.parse(line) as { body: string[] }).body);
}

describe('the Reuters bench corpus', () => {
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('holds no wire sign-off as a passage, in either spelling', () => {
    const corpus = prepareCorpus('reuters', BENCH_DIR, 300);
    const paragraphs = reutersParagraphs(corpus.articlesDir);
    expect(paragraphs.length).toBeGreaterThan(300);
    expect(paragraphs.filter((paragraph) => /\breuter\s*$/i.test(paragraph))).toEqual([]);
  });

  it('is built again when an older converter built it', () => {
    const first = prepareCorpus('reuters', BENCH_DIR, 20);
    const marker = path.join(first.articlesDir, '.complete.json');
    fs.writeFileSync(marker, JSON.stringify({ articles: first.articles }));
    fs.writeFileSync(path.join(first.articlesDir, 'reut2-000.jsonl'), '');
    const again = prepareCorpus('reuters', BENCH_DIR, 20);
    expect(reutersParagraphs(again.articlesDir).length).toBeGreaterThan(20);
  });
});
