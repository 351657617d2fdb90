import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Briefing } from '../src/answer/briefing.js';
import { benchConfigSchema, parseConfig, type CoreConfig } from '../src/config.js';
import { articleContext, contextualText } from '../src/ingest/article-context.js';
import { reindex } from '../src/ingest/reindex.js';
import { IndexError } from '../src/store/open-database.js';
import { SqlitePassageStore, type RankedId } from '../src/store/passage-store.js';
import { loadSquad } from '../scripts/eval/datasets.js';
import { scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

/** Enough real news for a few thousand passages, in a few seconds of embedding. */
const BBC_ARTICLES = 450;
const QUESTIONS = 100;
const K = 50;
const { BENCH_DIR } = parseConfig(benchConfigSchema, process.env);

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let config: CoreConfig;
let queries: Float32Array[];
let exact: SqlitePassageStore;
let quantized: SqlitePassageStore;

/** Every n-th BBC article across the five sections, copied beside the sample articles. */
async function addBbcArticles(articlesDir: string): Promise<string[]> {
  const root = path.join(BENCH_DIR, 'bbc-fulltext/bbc');
  const files: string[] = [];
  for (const section of ['business', 'entertainment', 'politics', 'sport', 'tech'])
    for (const file of (await fs.readdir(path.join(root, section))).sort())
      files.push(path.join(section, file));
  const picked = files
    .filter((_, i) => i % Math.floor(files.length / BBC_ARTICLES) === 0)
    .slice(0, BBC_ARTICLES);
  await fs.mkdir(path.join(articlesDir, 'bbc'));
  const headlines: string[] = [];
  for (const file of picked) {
    const text = await fs.readFile(path.join(root, file), 'latin1');
    headlines.push(text.split('\n')[0]!);
    await fs.writeFile(path.join(articlesDir, 'bbc', file.replace('/', '-')), text);
  }
  return headlines;
}

beforeAll(async () => {
  corpus = await scratchCorpus();
  config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
  const headlines = await addBbcArticles(corpus.articlesDir);
  const embedder = await sharedEmbedder();
  await reindex(config, { full: false, prune: false, dryRun: false }, async () => embedder);
  const questions = loadSquad(BENCH_DIR, 'xquad', 'xquad-en/xquad.en.json').questions.slice(0, QUESTIONS);
  queries = await embedder.embed([...questions.map((q) => q.question), ...headlines.slice(0, 50)]);
  exact = SqlitePassageStore.open(corpus.dbPath, config.EMBEDDING_MODEL, {
    quantizeAbove: Number.POSITIVE_INFINITY,
  });
  quantized = SqlitePassageStore.open(corpus.dbPath, config.EMBEDDING_MODEL, { quantizeAbove: 0 });
  // A few thousand passages with attribution and context: about a minute on a quiet 2-core machine.
}, 300_000);
afterAll(async () => {
  await exact?.close();
  await quantized?.close();
  await corpus.cleanup();
});

const ids = (hits: readonly RankedId[]) => hits.map((hit) => hit.id);

describe('vector search above the quantization threshold', () => {
  it('runs on a few thousand real passages', async () => {
    expect(await exact.passageCount()).toBeGreaterThan(2000);
  });

  it('finds at least 95% of the exact top 10', async () => {
    let found = 0;
    for (const query of queries) {
      const truth = new Set(ids(await exact.nearest(query, 10)));
      found += ids((await quantized.nearest(query, K)).slice(0, 10)).filter((id) => truth.has(id)).length;
    }
    expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(0.95);
  });

  it('returns the exact cosine distances, nearest first, k of them', async () => {
    for (const query of queries) {
      const hits = await quantized.nearest(query, K);
      expect(hits).toHaveLength(K);
      const exactDistance = new Map((await exact.nearest(query, 500)).map((hit) => [hit.id, hit.score]));
      for (const hit of hits) expect(hit.score).toBe(exactDistance.get(hit.id));
      expect(hits.map((hit) => hit.score)).toEqual(hits.map((hit) => hit.score).sort((a, b) => a - b));
    }
  });

  it('stays exact below the threshold', async () => {
    const store = SqlitePassageStore.open(corpus.dbPath, config.EMBEDDING_MODEL, {
      quantizeAbove: await exact.passageCount(),
    });
    try {
      for (const query of queries.slice(0, 20))
        expect(await store.nearest(query, K)).toEqual(await exact.nearest(query, K));
    } finally {
      await store.close();
    }
  });

  it('sees passages added by a re-index without being reopened', async () => {
    const sentence =
      'The lighthouse keeper of Skerryvore counted four hundred and twelve gannets on the northern ledge.';
    const article = {
      title: 'Gannet count at Skerryvore',
      paragraphs: [{ text: sentence, kind: 'body' as const }],
    };
    // What ingest embeds for the new passage: the passage with its article's context.
    const embedded = contextualText(articleContext(article), sentence);
    const query = (await (await sharedEmbedder()).embed([embedded]))[0]!;
    expect(await quantized.nearest(query, 1)).toHaveLength(1);
    await fs.writeFile(path.join(corpus.articlesDir, 'gannets.txt'), `${article.title}\n${sentence}\n`);
    await reindex(config, { full: false, prune: false, dryRun: false }, sharedEmbedder);
    const [nearest] = await quantized.nearest(query, 1);
    expect((await quantized.passages([nearest!.id]))[0]?.text).toBe(sentence);
    expect(nearest!.score).toBeCloseTo(0, 5);
  });
});

describe('answers with quantized vector search', () => {
  let briefing: Briefing;
  beforeAll(async () => {
    briefing = await Briefing.open(
      testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir, VECTOR_QUANTIZE_ABOVE: '0' }),
      await sharedEmbedder(),
    );
  });
  afterAll(() => briefing.close());

  it.each([
    ['How many casualties has Russia suffered according to NATO?', /900,000 casualties/],
    ['How many Russian casualties were there in February?', /35,140 casualties/],
    ['Who led the Ukrainian delegation?', /Rustem Umerov/],
    ['What conditions has Putin set for ending the war?', /set his conditions to end/],
    ['Which regions do Russian recruits come from?', /poorer regions/],
  ])('%s', async (question, expected) => {
    const answer = await briefing.ask(question, { limit: 3 });
    expect(answer.found).toBe(true);
    expect(answer.passages.map((p) => p.text).join('\n')).toMatch(expected);
  });

  it('answers a question about the BBC articles', async () => {
    const answer = await briefing.ask('How much did Time Warner quarterly profits rise?', { limit: 3 });
    expect(answer.found).toBe(true);
  });
});

describe('an index built before quantized search', () => {
  it('asks for a re-index instead of failing on a query', async () => {
    const oldPath = path.join(corpus.root, 'old-schema.db');
    // VACUUM INTO rather than a file copy: the open stores keep recent commits in the WAL file.
    const source = new Database(corpus.dbPath, { readonly: true });
    source.exec(`VACUUM INTO '${oldPath}'`);
    source.close();
    const db = new Database(oldPath);
    db.prepare("UPDATE meta SET value = '1' WHERE key = 'schema_version'").run();
    db.close();
    expect(() => SqlitePassageStore.open(oldPath, config.EMBEDDING_MODEL)).toThrow(IndexError);
    expect(() => SqlitePassageStore.open(oldPath, config.EMBEDDING_MODEL)).toThrow(
      /npm run ingest -- --full/,
    );
  });
});
