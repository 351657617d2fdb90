import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/document/article.js';
import { benchConfigSchema, parseConfig } from '../src/config.js';
import { loadArticleFile } from '../src/ingest/load-file.js';
import { prepareCorpus, SAMPLES_DIR } from '../scripts/bench/corpora.js';
import {
  answeringArticles,
  DEV_KINDS,
  holdsAnswer,
  loadDevSet,
  type DevCorpus,
} from '../scripts/eval/dev-set.js';

const { BENCH_DIR } = parseConfig(benchConfigSchema, process.env);
const questions = loadDevSet();
const answerable = questions.filter((q) => q.answers.length > 0);

/** Articles of a corpus by key, read by the project's own loaders as ingest reads them; each file once. */
function articleReader(root: string) {
  const files = new Map<string, Promise<Article[]>>();
  return async (key: string): Promise<Article | undefined> => {
    const file = key.split('#')[0]!;
    if (!files.has(file))
      files.set(
        file,
        loadArticleFile(root, file, { maxBytes: 20 * 1024 * 1024 }).then(({ articles }) => articles),
      );
    return (await files.get(file)!).find((article) => article.key === key);
  };
}

/** Gold answers that no paragraph of the question's answering articles holds, as `id: answer` lines. */
async function missingGold(corpus: DevCorpus, root: string): Promise<string[]> {
  const read = articleReader(root);
  const missing: string[] = [];
  for (const q of answerable.filter((question) => question.corpus === corpus)) {
    const articles = await Promise.all(
      answeringArticles(q).map(async (key) => ({ key, article: await read(key) })),
    );
    const absent = articles.filter(({ article }) => article === undefined);
    if (absent.length > 0) {
      missing.push(`${q.id}: no article ${absent.map(({ key }) => key).join(', ')} in ${corpus}`);
      continue;
    }
    const paragraphs = articles.flatMap(({ article }) => article!.paragraphs);
    for (const answer of q.answers)
      if (!paragraphs.some((paragraph) => holdsAnswer(paragraph.text, [answer])))
        missing.push(`${q.id}: ${JSON.stringify(answer)}`);
  }
  return missing;
}

describe('the development set (eval/questions/dev.jsonl)', () => {
  it('covers every kind of question issue 9 names, with enough of each to measure', () => {
    const count = (kind: string) => questions.filter((q) => q.kind === kind).length;
    expect(questions.length).toBeGreaterThanOrEqual(170);
    for (const kind of DEV_KINDS) expect(count(kind), kind).toBeGreaterThanOrEqual(12);
    expect(count('unanswerable')).toBeGreaterThanOrEqual(30);
  });

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
      expect(await missingGold('bbc', prepareCorpus('bbc', BENCH_DIR).articlesDir)).toEqual([]);
      expect(await missingGold('reuters', prepareCorpus('reuters', BENCH_DIR).articlesDir)).toEqual([]);
    },
    120_000,
  );
});
