import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../src/embed/embedder.js';
import { archiveOnPostgres, configFor, memoizedEmbedder, printDevOnStores } from '../scripts/eval/stores.js';
import { devScores, type DevResult } from '../scripts/eval/dev-eval.js';
import type { CoreConfig } from '../src/config.js';
import { reindex } from '../src/ingest/reindex.js';
import { openPassageStore, saveCalibration } from '../src/store/open-store.js';
import { scratchCorpus, writeNewArticles } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';
import { postgresUrl, scratchSchema } from './helpers/stores.js';

const url = postgresUrl();

describe('npm run eval on more than one store', () => {
  it('prints the development set’s scores on each store side by side, with the gap between them', () => {
    // Two role questions and one unanswerable; Postgres finds one role answer at rank 3 instead of 1.
    const results = (ranks: (number | null)[], refused: boolean[]) =>
      devScores(
        ranks.map((rank, i) => ({
          question: { kind: i < 2 ? 'speaker-role' : 'unanswerable' },
          rank,
          refused: refused[i]!,
        })) as DevResult[],
      );
    const rows: string[][] = [];
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => void lines.push(line);
    try {
      printDevOnStores(
        [
          { store: 'sqlite', scores: results([1, 1, null], [false, false, true]) },
          { store: 'postgres', scores: results([3, 1, null], [false, false, false]) },
        ],
        (header, body) => rows.push(header, ...body),
      );
    } finally {
      console.log = log;
    }
    expect(lines[0]).toMatch(/side by side/);
    expect(rows).toEqual([
      ['kind', 'questions', 'measure', 'sqlite', 'postgres', 'gap'],
      ['speaker-role', '2', 'hit@1', '1.000', '0.500', '0.500'],
      ['speaker-role', '2', 'hit@3', '1.000', '1.000', '0.000'],
      ['unanswerable', '1', 'refused', '1.000', '0.000', '1.000'],
      ['answerable', '2', 'hit@1', '1.000', '0.500', '0.500'],
      ['answerable', '2', 'hit@3', '1.000', '1.000', '0.000'],
      ['answerable', '2', 'refused', '0.000', '0.000', '0.000'],
    ]);
  });

  it('embeds each distinct text once, however many stores index it, with the model’s own vectors', async () => {
    const model = await sharedEmbedder();
    const asked: string[] = [];
    const counting: Embedder = { ...model, embed: (texts) => (asked.push(...texts), model.embed(texts)) };
    const embedder = memoizedEmbedder(counting);
    const texts = [
      'Gannets nest on Skerryvore.',
      'The council raised its tax.',
      'Gannets nest on Skerryvore.',
    ];
    const first = await embedder.embed(texts);
    const second = await embedder.embed(texts.slice(0, 2));
    expect(asked).toEqual(texts.slice(0, 2));
    expect(embedder.reused).toBe(3);
    const direct = await model.embed(texts.slice(0, 2));
    expect([...first[0]!]).toEqual([...direct[0]!]);
    expect([...first[2]!]).toEqual([...direct[0]!]);
    expect([...second[1]!]).toEqual([...direct[1]!]);
  });

  it('measures SQLite at DB_PATH even when DATABASE_URL is set, and Postgres only with it', () => {
    const withUrl = testConfig({ DATABASE_URL: 'postgres://briefing@127.0.0.1:5/db' });
    expect(configFor(withUrl, 'sqlite').DATABASE_URL).toBeUndefined();
    expect(configFor(withUrl, 'postgres').DATABASE_URL).toBe(withUrl.DATABASE_URL);
    expect(() => configFor({ ...withUrl, DATABASE_URL: undefined }, 'postgres')).toThrow(
      /--store postgres needs DATABASE_URL/,
    );
  });
});

describe.skipIf(!url)(
  `the development archive on Postgres${url ? '' : ' (skipped: DATABASE_URL unset)'}`,
  () => {
    let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
    const schema = scratchSchema('archive');
    beforeAll(async () => {
      corpus = await scratchCorpus();
    });
    afterAll(async () => {
      await corpus?.cleanup();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema.schema}_eval_archive CASCADE`);
      await client.end();
    });

    it('is a copy of the SQLite archive, the same passages, vectors and calibration, made again only when that changes', async () => {
      const model = await sharedEmbedder();
      const sqliteConfig = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
      const ingest = () =>
        reindex(sqliteConfig, { full: false, prune: false, dryRun: false }, async () => model);
      await ingest();
      const calibration = JSON.stringify({ measuredOn: 'the samples' });
      await saveCalibration(sqliteConfig, calibration);
      const evalConfig = { ...sqliteConfig, DATABASE_URL: url!, PG_SCHEMA: schema.schema };
      const [question] = await model.embed(['What did NATO warn Putin about the ceasefire?']);
      const contents = async (config: CoreConfig) => {
        const store = await openPassageStore(config);
        try {
          const texts = async (ranked: Promise<{ id: number }[]>) =>
            (await store.passages((await ranked).map(({ id }) => id))).map(({ text }) => text);
          return {
            articles: (await store.articles()).map(({ key, passages }) => [key, passages]).sort(),
            calibration: await store.storedCalibration(),
            fullText: await texts(store.fullText('"nato" OR "ceasefire" OR "putin"', 10, 1)),
            nearest: await texts(store.nearest(question!, 10)),
          };
        } finally {
          await store.close();
        }
      };

      const first = await archiveOnPostgres(evalConfig, corpus.dbPath, () => undefined);
      expect(first.copied).toBe(true);
      expect(first.config.DATABASE_URL).toBe(url);
      const onSqlite = await contents(sqliteConfig);
      expect(onSqlite.fullText.length).toBeGreaterThan(3);
      expect(await contents(first.config)).toEqual(onSqlite);
      expect(onSqlite.calibration).toEqual({ settings: calibration, current: true });

      expect((await archiveOnPostgres(evalConfig, corpus.dbPath, () => undefined)).copied).toBe(false);

      await writeNewArticles(corpus.articlesDir, 1);
      await ingest();
      // As the eval does before copying: measured again on the new articles.
      await saveCalibration(sqliteConfig, JSON.stringify({ measuredOn: 'the samples and two more' }));
      const again = await archiveOnPostgres(evalConfig, corpus.dbPath, () => undefined);
      expect(again.copied).toBe(true);
      const changed = await contents(sqliteConfig);
      expect(changed.articles.length).toBe(onSqlite.articles.length + 2);
      expect(await contents(again.config)).toEqual(changed);
    });
  },
);
