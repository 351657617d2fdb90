import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/document/article.js';
import { loadArticleFile } from '../src/ingest/load-file.js';
import { prepareCorpus, SAMPLES_DIR } from '../scripts/bench/corpora.js';
import { BENCH_DIR } from '../scripts/eval/datasets.js';
import { holdsAnswer, loadDevSet, type DevCorpus, type DevQuestion } from '../scripts/eval/dev-set.js';

const questions = loadDevSet();
const answerable = questions.filter((q) => q.answers.length > 0);

/** The article a question names, read by the project's own loaders, as ingest reads it. */
async function articleOf(
  root: string,
  q: DevQuestion,
  cache: Map<string, Article[]>,
): Promise<Article | undefined> {
  const file = q.article!.split('#')[0]!;
  if (!cache.has(file)) {
    const { articles } = await loadArticleFile(root, file, { maxBytes: 20 * 1024 * 1024 });
    cache.set(file, articles);
  }
  return cache.get(file)!.find((article) => article.key === q.article);
}

/** Gold answers that no paragraph of the named article holds, as `id: answer` lines. */
async function missingGold(corpus: DevCorpus, root: string): Promise<string[]> {
  const cache = new Map<string, Article[]>();
  const missing: string[] = [];
  for (const q of answerable.filter((question) => question.corpus === corpus)) {
    const article = await articleOf(root, q, cache);
    if (!article) {
      missing.push(`${q.id}: no article ${q.article} in ${corpus}`);
      continue;
    }
    for (const answer of q.answers)
      if (!article.paragraphs.some((paragraph) => holdsAnswer(paragraph.text, [answer])))
        missing.push(`${q.id}: ${JSON.stringify(answer)}`);
  }
  return missing;
}

describe('the development set (eval/questions/dev.jsonl)', () => {
  it('asks no question twice', () => {
    const normalised = questions.map((q) => q.question.toLowerCase().replace(/\W+/g, ' ').trim());
    expect(new Set(normalised).size).toBe(questions.length);
  });

  it('quotes every gold answer of the sample articles verbatim from its article', async () => {
    expect(await missingGold('samples', SAMPLES_DIR)).toEqual([]);
  });

  // CI has ../shared/bench beside the clone; prepareCorpus builds the article folders from it once.
  it.skipIf(!fs.existsSync(BENCH_DIR))(
    'quotes every gold answer of the BBC and Reuters articles verbatim from its article',
    async () => {
      expect(await missingGold('bbc', prepareCorpus('bbc').articlesDir)).toEqual([]);
      expect(await missingGold('reuters', prepareCorpus('reuters').articlesDir)).toEqual([]);
    },
    120_000,
  );
});
