import fs from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../src/embed/embedder.js';
import { contentHash } from '../src/ingest/content-hash.js';
import { loadArticleFile } from '../src/ingest/load-file.js';
import { prepareArticles, type ArticleToPrepare } from '../src/ingest/prepare-articles.js';
import { scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

/**
 * One article per task, the heaviest first (a long paragraph full of "said"): the workers finish their
 * tasks out of order, so results put back in completion order would not match.
 */
const PASSAGES_PER_TASK = 1;

const config = testConfig();
let embedder: Embedder;
let articles: ArticleToPrepare[];
let corpus: Awaited<ReturnType<typeof scratchCorpus>>;

/** The sample articles and a few more of different shapes: quotes, captions, a paragraph too long for one passage. */
async function loadArticles(articlesDir: string): Promise<ArticleToPrepare[]> {
  const extra = [
    {
      title: 'Council approves budget',
      body: [
        Array.from(
          { length: 80 },
          (_, i) =>
            `Councillor number ${i} said the budget line ${i} was fair and would be reviewed in spring.`,
        ).join(' '),
        'The mayor, Tom Reyes, told reporters the vote was a relief.',
      ],
    },
    {
      title: 'Harbour strike ends',
      body: [
        'Dock workers voted to end the strike on Tuesday, the union said.',
        '"We have won what we asked for," said Maria Keller, the union leader. She added that pay would rise.',
        'Port operator Northline said it welcomed the vote. Shipping resumed overnight (pictured)',
      ],
    },
    ...Array.from({ length: 6 }, (_, n) => ({
      title: `Market update ${n}`,
      body: [
        `Shares rose ${n} percent on Monday, according to the exchange.`,
        `Analyst Priya Natarajan said investors expected rate cut number ${n}. "I think it is priced in," she said.`,
      ],
    })),
  ];
  await fs.writeFile(
    path.join(articlesDir, 'extra.jsonl'),
    extra.map((item, id) => JSON.stringify({ id, ...item })).join('\n'),
  );
  const files = (await fs.readdir(articlesDir)).sort();
  const loaded = await Promise.all(
    files.map((file) => loadArticleFile(articlesDir, file, { maxBytes: config.MAX_ARTICLE_BYTES })),
  );
  return loaded
    .flatMap((result) => result.articles)
    .map((article) => ({ article, hash: contentHash(article, config.PASSAGE_MAX_TOKENS) }));
}

function prepare(threads: number, progress = { total: 0, done: [] as number[] }) {
  return prepareArticles(
    articles,
    config,
    async () => {
      // With workers the model belongs in them only: a copy here would sit unused, in memory.
      if (threads > 1) throw new Error('the calling thread loaded the model while workers prepared');
      return embedder;
    },
    {
      onEmbedStart: (total) => void (progress.total = total),
      onEmbedProgress: (done) => void progress.done.push(done),
    },
    { threads, passagesPerTask: PASSAGES_PER_TASK },
  );
}

beforeAll(async () => {
  embedder = await sharedEmbedder();
  corpus = await scratchCorpus();
  articles = await loadArticles(corpus.articlesDir);
});
afterAll(() => corpus?.cleanup());

/**
 * Every package a thread that imports `entry` loads on that alone: the packages it imports, directly or
 * through the project's modules it imports, counting the imports that run at load time (not `import type`,
 * not `import()` which loads later, and only when reached).
 */
function packagesLoadedBy(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      const loads =
        (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) ||
        (ts.isExportDeclaration(statement) && !statement.isTypeOnly);
      const from = loads ? statement.moduleSpecifier : undefined;
      if (!from || !ts.isStringLiteral(from)) continue;
      if (from.text.startsWith('.'))
        visit(path.resolve(path.dirname(file), from.text.replace(/\.js$/, '.ts')));
      else if (!from.text.startsWith('node:')) packages.add(from.text);
    }
  };
  visit(path.resolve(entry));
  return packages;
}

describe('preparing articles in worker threads', () => {
  // With workers, attribution runs in them: compromise's lexicon and the attribution grammar loaded on the
  // calling thread too took 63 MB there, unused (ingest of the BBC archive with the proxy peaked at 727 MB).
  it('leaves attribution (compromise) to the workers: `npm run ingest` does not load it on its own', () => {
    expect(packagesLoadedBy('src/ingest/prepare-worker.ts')).toContain('compromise');
    const ingest = packagesLoadedBy('scripts/ingest.ts');
    expect(ingest).toContain('better-sqlite3');
    expect(ingest).not.toContain('compromise');
  });

  it('gives the same passages, quotes and vectors, in the same order, as the calling thread', async () => {
    const single = await prepare(1);
    const progress = { total: 0, done: [] as number[] };
    const threaded = await prepare(2, progress);

    expect(threaded.model).toEqual({ model: embedder.model, dimension: embedder.dimension });
    const passages = single.prepared.flatMap((item) => item.passages);
    expect(passages.length).toBeGreaterThan(20);
    expect(single.prepared.some((item) => item.quotes.length > 0)).toBe(true);
    expect(articles.filter(({ article }) => article.file === 'extra.jsonl')).toHaveLength(8);
    expect(threaded.prepared.map((item) => item.article.key)).toEqual(articles.map((a) => a.article.key));
    // Vectors compared as plain arrays, number for number: the same model on the same batches gives the same floats.
    const plain = (result: typeof single) =>
      result.prepared.map(({ article, hash, passages, quotes, vectors }) => ({
        key: article.key,
        hash,
        passages,
        quotes,
        vectors: vectors.map((vector) => Array.from(vector)),
      }));
    expect(plain(threaded)).toEqual(plain(single));

    expect(progress.total).toBe(passages.length);
    expect(progress.done.at(-1)).toBe(passages.length);
    expect(progress.done).toEqual([...progress.done].sort((a, b) => a - b));
  });

  it('reports a worker that cannot load the model, instead of hanging', async () => {
    const broken = { ...config, EMBEDDING_MODEL: 'no-such/model' };
    await expect(
      prepareArticles(
        articles,
        broken,
        async () => embedder,
        {},
        { threads: 2, passagesPerTask: PASSAGES_PER_TASK },
      ),
    ).rejects.toThrow(/no-such\/model/);
  });
});
