import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../src/answer/answer-schema.js';
import { Briefing } from '../src/answer/briefing.js';
import { benchConfigSchema, parseConfig, type CoreConfig } from '../src/config.js';
import { reindex, type ReindexOptions } from '../src/ingest/reindex.js';
import { isWithin } from '../src/document/date-range.js';
import { buildMatchExpression } from '../src/search/fts-query.js';
import { writtenExpression } from '../src/search/speaker-retriever.js';
import { failureNotice, UNAVAILABLE_NOTICE } from '../src/bot/failure-notice.js';
import { IndexError } from '../src/store/open-database.js';
import { openFeedbackStore, openPassageStore, saveCalibration } from '../src/store/open-store.js';
import type { PassageStore, RankedId } from '../src/store/passage-store.js';
import {
  CONDITIONS_SAMPLE,
  dateBack,
  NATO_SAMPLE,
  scratchCorpus,
  writeGeneratedArticles,
} from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';
import { postgresUrl, scratchSchema, type StoreKind } from './helpers/stores.js';

const url = postgresUrl();
const { BENCH_DIR } = parseConfig(benchConfigSchema, process.env);
const incremental: ReindexOptions = { full: false, prune: false, dryRun: false };

const GANNETS =
  'The lighthouse keeper of Skerryvore counted four hundred and twelve gannets on the northern ledge.';

/** The settings of a scratch index in this store: a SQLite file, or a schema of its own on the server. */
function storeConfig(kind: StoreKind, corpus: { dbPath: string; articlesDir: string }, schema: string) {
  return testConfig({
    DB_PATH: corpus.dbPath,
    ARTICLES_DIR: corpus.articlesDir,
    ...(kind === 'postgres' ? { DATABASE_URL: url!, PG_SCHEMA: schema } : {}),
  });
}

const run = (config: CoreConfig, options: Partial<ReindexOptions> = {}) =>
  reindex(config, { ...incremental, ...options }, sharedEmbedder);

/** Drops the files table, as in an index made before it. */
async function dropFilesTable(kind: StoreKind, config: CoreConfig): Promise<void> {
  if (kind === 'sqlite') {
    const db = new Database(config.DB_PATH);
    db.exec('DROP TABLE files');
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP TABLE "${config.PG_SCHEMA}".files`);
  } finally {
    await client.end();
  }
}

async function withStore<T>(config: CoreConfig, work: (store: PassageStore) => Promise<T>): Promise<T> {
  const store = await openPassageStore(config);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

for (const kind of ['sqlite', 'postgres'] as const) {
  const skipped = kind === 'postgres' && !url;
  describe.skipIf(skipped)(`the ${kind} store${skipped ? ' (skipped: DATABASE_URL unset)' : ''}`, () => {
    let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
    let schema: ReturnType<typeof scratchSchema>;
    let config: CoreConfig;

    beforeEach(async () => {
      corpus = await scratchCorpus();
      schema = scratchSchema('store');
      config = storeConfig(kind, corpus, schema.schema);
    });
    afterEach(async () => {
      await corpus.cleanup();
      await schema.drop();
    });

    it('indexes incrementally, rebuilds with --full, prunes with --prune, and writes nothing on a dry run', async () => {
      const first = await run(config);
      expect(first).toMatchObject({ rebuilt: true, articles: { added: 2 } });
      const passages = await withStore(config, (store) => store.passageCount());
      expect(passages).toBe(first.passages.added);

      expect(await run(config)).toMatchObject({ rebuilt: false, articles: { unchanged: 2, added: 0 } });

      await fs.writeFile(
        path.join(corpus.articlesDir, 'gannets.txt'),
        `Gannet count at Skerryvore\n${GANNETS}\n`,
      );
      expect(await run(config, { dryRun: true })).toMatchObject({
        articles: { added: 1 },
        passages: { added: 0 },
      });
      expect(await withStore(config, (store) => store.passageCount())).toBe(passages);
      expect(await run(config)).toMatchObject({ articles: { added: 1, unchanged: 2 } });
      expect(await withStore(config, (store) => store.passageCount())).toBe(passages + 1);

      await fs.rm(path.join(corpus.articlesDir, NATO_SAMPLE));
      expect(await run(config)).toMatchObject({ articles: { missing: 1, removed: 0 } });
      const pruned = await run(config, { prune: true });
      expect(pruned).toMatchObject({ articles: { removed: 1 } });
      expect(pruned.passages.removed).toBeGreaterThan(0);
      const after = await withStore(config, async (store) => ({
        articles: (await store.articles()).map((article) => article.key).sort(),
        passages: await store.passageCount(),
        // Document frequencies follow removals: no passage holds a word only the removed article had.
        staggering: (await store.documentFrequencies(['staggering'])).get('staggering'),
      }));
      expect(after.articles).toEqual(['gannets.txt', 'putin-conditions-for-ending-war.txt']);
      expect(after.passages).toBe(passages + 1 - pruned.passages.removed);
      expect(after.staggering).toBe(0);

      const full = await run(config, { full: true });
      expect(full).toMatchObject({ rebuilt: true, articles: { unchanged: 0 } });
      expect(full.articles.added + full.articles.updated).toBe(2);
      expect(await withStore(config, (store) => store.passageCount())).toBe(after.passages);
    });

    it('answers with the last calibration, marked stale, from a re-index that changes articles until it is measured again', async () => {
      await run(config);
      const settings = JSON.stringify({ measuredOn: 'the two samples' });
      await saveCalibration(config, settings);
      const stored = () => withStore(config, (store) => store.storedCalibration());
      expect(await stored()).toEqual({ settings, current: true });

      await fs.writeFile(path.join(corpus.articlesDir, 'gannets.txt'), `Gannet count\n${GANNETS}\n`);
      await run(config);
      expect(await stored()).toEqual({ settings, current: false });
      await run(config, { full: true });
      expect(await stored()).toEqual({ settings, current: false });

      const remeasured = JSON.stringify({ measuredOn: 'three articles' });
      await saveCalibration(config, remeasured);
      expect(await stored()).toEqual({ settings: remeasured, current: true });
      // Only the recorded files change: the measurement still describes the articles.
      await fs.utimes(path.join(corpus.articlesDir, 'gannets.txt'), new Date(), new Date(2001, 0, 1));
      await run(config);
      expect(await stored()).toEqual({ settings: remeasured, current: true });
    });

    it('reads no file on an unchanged re-index, and records a touched file without re-embedding it', async () => {
      const article = (name: string) => path.join(corpus.articlesDir, name);
      for (const name of [NATO_SAMPLE, CONDITIONS_SAMPLE]) await dateBack(article(name));
      const first = await run(config);
      expect(first.files).toEqual({ read: 2, unchanged: 0 });
      const passages = await withStore(config, (store) => store.passageCount());

      const again = await run(config);
      expect(again.files).toEqual({ read: 0, unchanged: 2 });
      expect(again.articles).toMatchObject({ added: 0, updated: 0, unchanged: 2, removed: 0, missing: 0 });
      expect(again.passages).toEqual({ added: 0, removed: 0, embedded: 0 });

      // A new time, the same content: read once, nothing embedded, and its new time recorded.
      await dateBack(article(NATO_SAMPLE), 30);
      const touched = await run(config);
      expect(touched.files).toEqual({ read: 1, unchanged: 1 });
      expect(touched.articles).toMatchObject({ updated: 0, unchanged: 2 });
      expect(touched.passages).toEqual({ added: 0, removed: 0, embedded: 0 });
      expect((await run(config)).files).toEqual({ read: 0, unchanged: 2 });
      expect(await withStore(config, (store) => store.passageCount())).toBe(passages);

      // An index from before the files table reads every file once, embeds nothing, and gets the table.
      await dropFilesTable(kind, config);
      const migrated = await run(config);
      expect(migrated.files).toEqual({ read: 2, unchanged: 0 });
      expect(migrated.passages.embedded).toBe(0);
      expect((await run(config)).files).toEqual({ read: 0, unchanged: 2 });

      // A rebuild reads everything again.
      expect((await run(config, { full: true })).files).toEqual({ read: 2, unchanged: 0 });
    });

    it('refuses an index built by another model, with the same message on both stores', async () => {
      await run(config);
      const other = { ...config, EMBEDDING_MODEL: 'someone/other-model' };
      const refusal = run(other);
      await expect(refusal).rejects.toThrow(IndexError);
      await expect(refusal).rejects.toThrow(
        /^The index was built with the embedding model briefing-standin\/lsa-wordpiece-256 \(\d+ dimensions\), but EMBEDDING_MODEL is someone\/other-model\. Re-index with npm run ingest -- --full/,
      );
      await expect(Briefing.open(other, await sharedEmbedder())).rejects.toMatchObject({
        problem: 'other-model',
      });
    });

    it('shows a running bot a re-index without a restart', async () => {
      await run(config);
      const briefing = await Briefing.open(config, await sharedEmbedder());
      try {
        const before = await briefing.ask('How many gannets were counted at Skerryvore?');
        expect(before.passages.map((p) => p.text)).not.toContain(GANNETS);
        await fs.writeFile(
          path.join(corpus.articlesDir, 'gannets.txt'),
          `Gannet count at Skerryvore\n${GANNETS}\n`,
        );
        await run(config);
        const after = await briefing.ask('How many gannets were counted at Skerryvore?');
        expect(after.found).toBe(true);
        expect(after.passages[0]?.text).toBe(GANNETS);
      } finally {
        briefing.close();
      }
    });

    it('keeps votes, one per user and answer, through a full re-index', async () => {
      await run(config);
      const feedback = await openFeedbackStore({
        ...config,
        FEEDBACK_DB_PATH: path.join(corpus.root, 'feedback.db'),
      });
      try {
        const shown = {
          question: 'What did Lammy say?',
          found: true,
          passages: [{ n: 1, articleId: NATO_SAMPLE, paragraph: 6 }],
        };
        const id = await feedback.recordAnswer(shown);
        expect(await feedback.vote(id, 'ana', 'up')).toBe('recorded');
        expect(await feedback.vote(id, 'ana', 'down')).toBe('replaced');
        expect(await feedback.vote(id, 'ben', 'up')).toBe('recorded');
        expect(await feedback.vote(id + 1000, 'ana', 'up')).toBe('unknown-answer');
        await run(config, { full: true });
        expect(await feedback.feedbackOn(id)).toEqual({
          answer: shown,
          votes: [
            { userId: 'ana', vote: 'down' },
            { userId: 'ben', vote: 'up' },
          ],
        });
      } finally {
        await feedback.close();
      }
    });

    it('runs two ingests at once one after the other, losing neither', async () => {
      await run(config);
      await fs.writeFile(
        path.join(corpus.articlesDir, 'gannets.txt'),
        `Gannet count at Skerryvore\n${GANNETS}\n`,
      );
      const [a, b] = await Promise.all([run(config), run(config)]);
      // Each saw the new article, as new or (read after the other's commit) as indexed already; one or both
      // wrote it, whichever order the two reached the lock in.
      for (const summary of [a, b]) expect(summary.articles.added + summary.articles.unchanged).toBe(3);
      expect(a.articles.added + b.articles.added).toBeGreaterThanOrEqual(1);
      const articles = await withStore(config, async (store) => (await store.articles()).length);
      expect(articles).toBe(3);
      expect(await run(config)).toMatchObject({ articles: { unchanged: 3, added: 0, updated: 0 } });
    });

    it("reads of its articles' passages only those holding a name as written, in reading order", async () => {
      await run(config);
      await withStore(config, async (store) => {
        const articleIds = (await store.articles()).map((article) => article.id);
        const all = await store.articlePassages(articleIds);
        const holding = (names: string[]) => all.filter((p) => names.some((name) => p.text.includes(name)));
        // Both samples name him; his name in lower case, or in no passage at all, holds in none.
        const names = ['Vladimir Putin', 'vladimir putin', 'Skerryvore'];
        const read = await store.articlePassagesHolding(articleIds, names);
        expect(new Set(read.map((p) => p.articleId))).toEqual(new Set(articleIds));
        expect(read).toEqual(holding(names));
        expect(read.length).toBeLessThan(all.length);
        expect(await store.articlePassagesHolding(articleIds, ['vladimir putin'])).toEqual([]);
        expect(await store.articlePassagesHolding(articleIds, [])).toEqual([]);
      });
    });
  });
}

describe.skipIf(!url)(`Postgres ranks as SQLite does${url ? '' : ' (skipped: DATABASE_URL unset)'}`, () => {
  const BBC_ARTICLES = 120;
  let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
  let schema: ReturnType<typeof scratchSchema>;
  let sqlite: PassageStore;
  let postgres: PassageStore;
  const briefings: Briefing[] = [];

  beforeAll(async () => {
    corpus = await scratchCorpus();
    schema = scratchSchema('rank');
    const root = path.join(BENCH_DIR, 'bbc-fulltext/bbc/politics');
    await fs.mkdir(path.join(corpus.articlesDir, 'bbc'));
    for (const file of (await fs.readdir(root)).sort().slice(0, BBC_ARTICLES))
      await fs.copyFile(path.join(root, file), path.join(corpus.articlesDir, 'bbc', file));
    // Dated stories (1 to 24 November 2024) beside the undated BBC ones, for the period filter.
    await writeGeneratedArticles(path.join(corpus.articlesDir, 'council'), 24);
    const configs = (['sqlite', 'postgres'] as const).map((kind) => storeConfig(kind, corpus, schema.schema));
    for (const config of configs) await run(config);
    sqlite = await openPassageStore(configs[0]!);
    postgres = await openPassageStore(configs[1]!);
    for (const config of configs) briefings.push(await Briefing.open(config, await sharedEmbedder()));
  }, 300_000);
  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
    for (const briefing of briefings) briefing.close();
    await corpus.cleanup();
    await schema.drop();
  });

  const QUESTIONS = [
    'What did Lammy say about sanctions?',
    'market OR volcano',
    'Who will lead the Conservative party into the election?',
    'What did Blair say about the war in Iraq?',
    'How much will council tax rise?',
    'Is Gordon Brown the chancellor?',
    // Read as the archive writes it ("rise", see asTheArchiveWrites) from the counts of both stores.
    'hw much will council tax rsie?',
  ];

  it('scores full text with BM25 alike: the same passages, in the same order, with the same scores', async () => {
    for (const question of QUESTIONS) {
      const match = buildMatchExpression(question)!;
      const [a, b] = await Promise.all([sqlite.fullText(match, 30, 0.5), postgres.fullText(match, 30, 0.5)]);
      expect(a.length, question).toBeGreaterThan(0);
      expect(
        b.map((hit) => hit.id),
        question,
      ).toEqual(a.map((hit) => hit.id));
      b.forEach((hit, i) => expect(hit.score, question).toBeCloseTo(a[i]!.score, 6));
    }
  });

  it('finds a person named beside a topic, written with room for a middle initial (NEAR), as SQLite does', async () => {
    // How the speaker search looks for stories naming the speaker on the topic (storiesNamingOnTopic).
    const match = `(${writtenExpression('Jack Straw')}) AND (${buildMatchExpression('embassies Gibraltar')!})`;
    const [a, b] = await Promise.all([sqlite.fullText(match, 30, 0.5), postgres.fullText(match, 30, 0.5)]);
    expect(a.length).toBeGreaterThan(0);
    expect(b.map((hit) => hit.id)).toEqual(a.map((hit) => hit.id));
  });

  it('weighs a rare word above a common one (what ts_rank_cd does not)', async () => {
    const [common, rare] = ['minister', 'asylum'];
    const frequencies = await postgres.documentFrequencies([common, rare]);
    expect(frequencies.get(common)!).toBeGreaterThan(frequencies.get(rare)! * 3);
    const hits = await postgres.fullText(buildMatchExpression(`${common} ${rare}`)!, 10, 0.5);
    const texts = await postgres.passages(hits.slice(0, 3).map((hit) => hit.id));
    for (const passage of texts) expect(passage.text.toLowerCase()).toContain(rare);
  });

  it('finds the same nearest passages', async () => {
    const [vector] = await (await sharedEmbedder()).embed(['Tony Blair and the general election campaign']);
    const [a, b] = await Promise.all([sqlite.nearest(vector!, 20), postgres.nearest(vector!, 20)]);
    expect(b.map((hit) => hit.id)).toEqual(a.map((hit) => hit.id));
    b.forEach((hit, i) => expect(hit.score).toBeCloseTo(a[i]!.score, 5));
  });

  it('reads the same next passage of an article', async () => {
    const ids = (await sqlite.fullText(buildMatchExpression('election campaign')!, 20, 0.5)).map(
      (hit) => hit.id,
    );
    const [a, b] = await Promise.all([sqlite.following(ids), postgres.following(ids)]);
    expect(a.size).toBeGreaterThan(0);
    expect(new Map([...b].sort(([x], [y]) => x - y))).toEqual(new Map([...a].sort(([x], [y]) => x - y)));
  });

  it('reads the same whole articles, in reading order', async () => {
    const hits = await sqlite.fullText(buildMatchExpression('election campaign')!, 20, 0.5);
    const articleIds = [
      ...new Set((await sqlite.passages(hits.map((hit) => hit.id))).map((p) => p.articleId)),
    ];
    const [a, b] = await Promise.all([
      sqlite.articlePassages(articleIds),
      postgres.articlePassages(articleIds),
    ]);
    expect(new Set(a.map((passage) => passage.articleId))).toEqual(new Set(articleIds));
    expect(a.length).toBeGreaterThan(articleIds.length);
    for (let i = 1; i < a.length; i++)
      if (a[i]!.articleId === a[i - 1]!.articleId) expect(a[i]!.ordinal).toBe(a[i - 1]!.ordinal + 1);
    expect(b).toEqual(a);
    // The same articles as one text each: the context, then the passages in reading order.
    const [storiesA, storiesB] = await Promise.all([
      sqlite.storyTexts(articleIds),
      postgres.storyTexts(articleIds),
    ]);
    expect([...storiesA.keys()]).toEqual([...articleIds].sort((x, y) => x - y));
    const [first] = a;
    expect(storiesA.get(first!.articleId)).toBe(
      [first!.context, ...a.filter((p) => p.articleId === first!.articleId).map((p) => p.text)].join('\n'),
    );
    expect(storiesB).toEqual(storiesA);
  });

  it('keeps to a period alike: the same passages within it by BM25, by vectors and in answers', async () => {
    const range = { since: '2024-11-05', until: '2024-11-12' };
    const [periodA, periodB] = await Promise.all([sqlite.period(range), postgres.period(range)]);
    expect(periodA).toEqual({
      articles: 8,
      undated: BBC_ARTICLES + 1,
      oldest: '2024-11-01',
      newest: '2025-06-03',
    });
    expect(periodB).toEqual(periodA);
    const [idsA, idsB] = await Promise.all([
      sqlite.passageIdsWithin(range),
      postgres.passageIdsWithin(range),
    ]);
    expect(idsA.length).toBeGreaterThan(8);
    expect([...idsB].sort((x, y) => x - y)).toEqual([...idsA].sort((x, y) => x - y));
    const inPeriod = new Set(idsA);

    // Deep enough for every match in the period: the templated stories tie on BM25, in no set order.
    const match = buildMatchExpression('council ferry plan budget')!;
    const [ftsA, ftsB] = await Promise.all([
      sqlite.fullText(match, 100, 0.5, range),
      postgres.fullText(match, 100, 0.5, range),
    ]);
    expect(ftsA.length).toBeGreaterThan(8);
    expect(ftsA.every((hit) => inPeriod.has(hit.id))).toBe(true);
    const byId = (hits: RankedId[]) => [...hits].sort((x, y) => x.id - y.id);
    expect(byId(ftsB).map((hit) => hit.id)).toEqual(byId(ftsA).map((hit) => hit.id));
    byId(ftsB).forEach((hit, i) => expect(hit.score).toBeCloseTo(byId(ftsA)[i]!.score, 6));

    // A period of a few stories among many: still k passages, all from it.
    const [vector] = await (await sharedEmbedder()).embed(['the council votes to fund the ferry']);
    const [nearA, nearB] = await Promise.all([
      sqlite.nearest(vector!, 10, range),
      postgres.nearest(vector!, 10, range),
    ]);
    expect(nearA).toHaveLength(10);
    expect(nearA.every((hit) => inPeriod.has(hit.id))).toBe(true);
    expect(nearB.map((hit) => hit.id)).toEqual(nearA.map((hit) => hit.id));

    const [a, b] = briefings;
    const question = 'What did the council decide about the ferry?';
    const [answerA, answerB] = [await a!.ask(question, { range }), await b!.ask(question, { range })];
    expect(answerA.period).toEqual(range);
    expect(answerA.passages.every((p) => isWithin(p.citation.published, range))).toBe(true);
    expect(answerB.passages.map((p) => p.text)).toEqual(answerA.passages.map((p) => p.text));
    expect(answerB.undatedLeftOut).toBe(answerA.undatedLeftOut);
  });

  it('gives the same answers, speakers and sources', async () => {
    const [a, b] = briefings;
    // pgvector and sqlite-vec round cosine distances differently in the seventh decimal.
    const rounded = (answer: Answer) => ({
      ...answer,
      passages: answer.passages.map((p) => ({ ...p, score: Number(p.score.toFixed(5)) })),
    });
    for (const question of QUESTIONS)
      expect(rounded(await b!.ask(question)), question).toEqual(rounded(await a!.ask(question)));
    expect(await b!.speakers()).toEqual(await a!.speakers());
    expect(await b!.articles()).toEqual(await a!.articles());
  });
});

describe.skipIf(!url)(`Postgres problems in one line${url ? '' : ' (skipped: DATABASE_URL unset)'}`, () => {
  let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
  beforeAll(async () => {
    corpus = await scratchCorpus();
  });
  afterAll(() => corpus.cleanup());

  const withUrl = (change: (parsed: URL) => void) => {
    const parsed = new URL(url!);
    change(parsed);
    return testConfig({
      DB_PATH: corpus.dbPath,
      ARTICLES_DIR: corpus.articlesDir,
      DATABASE_URL: parsed.toString(),
      PG_SCHEMA: 'test_problems',
    });
  };

  async function failure(config: CoreConfig): Promise<IndexError> {
    const error = await run(config).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(IndexError);
    const message = (error as IndexError).message;
    expect(message).not.toContain('\n');
    expect(message).not.toContain('s3cret');
    return error as IndexError;
  }

  it('says the server cannot be reached, without the password', async () => {
    const error = await failure(
      withUrl((u) => {
        u.port = '1';
        u.password = 's3cret';
      }),
    );
    expect(error.problem).toBe('unavailable');
    expect(error.message).toMatch(/^Cannot reach the PostgreSQL server at postgres:\/\/\w+@127\.0\.0\.1:1\//);
  });

  it('says the database does not exist', async () => {
    const error = await failure(withUrl((u) => (u.pathname = '/no_such_database')));
    expect(error.message).toMatch(/The database "no_such_database" does not exist .* Create it \(createdb\)/);
  });

  it('says the user was refused', async () => {
    const error = await failure(withUrl((u) => (u.username = 'nobody_here')));
    expect(error.message).toMatch(
      /PostgreSQL refused the user "nobody_here" .* Check the user name and password/,
    );
  });

  it('reconnects when the server drops every connection (as a restart does), and says "try again" while it is down', async () => {
    const schema = scratchSchema('restart');
    const config = withUrl(() => undefined);
    const indexed = { ...config, PG_SCHEMA: schema.schema };
    await run(indexed);
    const briefing = await Briefing.open(indexed, await sharedEmbedder());
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const question = 'What did Lammy say about sanctions?';
      const before = await briefing.ask(question);
      expect(before.found).toBe(true);
      // What a restart does to each client: its connections end with "terminating connection due to administrator command".
      const { rows } = await admin.query(
        'SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = $1',
        [`briefing-bot:${schema.schema}`],
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(await briefing.ask(question)).toEqual(before);
    } finally {
      await admin.end();
      briefing.close();
      await schema.drop();
    }
  });

  it('answers "try again" while the server cannot be reached', async () => {
    const error = await failure(withUrl((u) => (u.port = '1')));
    expect(failureNotice(error)).toBe(UNAVAILABLE_NOTICE);
    expect(failureNotice(error)).toMatch(/try again/);
  });

  it('says an empty database holds no index yet', async () => {
    await expect(
      Briefing.open(
        withUrl(() => undefined),
        await sharedEmbedder(),
      ),
    ).rejects.toMatchObject({
      problem: 'not-built',
    });
  });
});
