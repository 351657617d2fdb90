import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../src/embed/embedder.js';
import { archiveOnPostgres, configFor, memoizedEmbedder, printDevOnStores } from '../scripts/eval/stores.js';
import { devScores, type DevResult } from '../scripts/eval/dev-eval.js';
import type { CoreConfig } from '../src/config.js';
import { reindex } from '../src/ingest/reindex.js';
import { openPassageStore } from '../src/store/open-store.js';
import { scratchCorpus } from './helpers/corpus.js';
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

    it('is ingested again from the same files with the SQLite index’s vectors, not the model’s work', async () => {
      const model = await sharedEmbedder();
      const sqliteConfig = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
      await reindex(sqliteConfig, { full: false, prune: false, dryRun: false }, async () => model);
      const { config: pgConfig, reused } = await archiveOnPostgres(
        { ...sqliteConfig, DATABASE_URL: url!, PG_SCHEMA: schema.schema },
        corpus.dbPath,
        model,
        () => undefined,
      );
      const contents = async (config: CoreConfig) => {
        const store = await openPassageStore(config);
        try {
          const articles = await store.articles();
          return {
            passages: await store.passageCount(),
            articles: articles.map(({ key, passages }) => [key, passages]).sort(),
          };
        } finally {
          await store.close();
        }
      };
      const [onSqlite, onPostgres] = [await contents(sqliteConfig), await contents(pgConfig)];
      expect(pgConfig.DATABASE_URL).toBe(url);
      expect(onPostgres).toEqual(onSqlite);
      expect(reused).toBe(onSqlite.passages);
    });
  },
);
