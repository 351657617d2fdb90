import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchConfigSchema, parseConfig, type CoreConfig } from '../src/config.js';
import { reindex, type ReindexOptions } from '../src/ingest/reindex.js';
import { buildMatchExpression } from '../src/search/fts-query.js';
import { openPassageStore } from '../src/store/open-store.js';
import type { PassageStore, RankedId } from '../src/store/passage-store.js';
import { scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';
import { postgresUrl, scratchSchema } from './helpers/stores.js';

const url = postgresUrl();
const { BENCH_DIR } = parseConfig(benchConfigSchema, process.env);
const ARTICLES = 40;

const run = (config: CoreConfig, options: Partial<ReindexOptions> = {}) =>
  reindex(config, { full: false, prune: true, dryRun: false, ...options }, sharedEmbedder);

/** A backslash, COPY's escape character, and a quote; the tabs and the line break are read as spaces. */
const AWKWARD =
  'The Treasury memo, filed under C:\\budget\\2005\tand\tcopied twice,\nsaid the levy would "rise by 3%" in April.';

/** Same passages (by text, as the stores number them apart) in the same order, with the same scores. */
async function expectSameRanking(sqlite: PassageStore, postgres: PassageStore, lists: RankedId[][]) {
  const [a, b] = lists;
  const texts = async (store: PassageStore, list: RankedId[]) =>
    (await store.passages(list.map((hit) => hit.id))).map((passage) => passage.text);
  expect(await texts(postgres, b!)).toEqual(await texts(sqlite, a!));
  b!.forEach((hit, i) => expect(hit.score).toBeCloseTo(a![i]!.score, 6));
}

describe.skipIf(!url)(
  `Postgres's postings after incremental writes${url ? '' : ' (skipped: DATABASE_URL unset)'}`,
  () => {
    let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
    let schema: ReturnType<typeof scratchSchema>;
    let sqlite: PassageStore;
    let postgres: PassageStore;
    let client: pg.Client;
    let config: CoreConfig;

    beforeAll(async () => {
      corpus = await scratchCorpus({});
      schema = scratchSchema('postings');
      const root = path.join(BENCH_DIR, 'bbc-fulltext/bbc/politics');
      const files = (await fs.readdir(root)).sort().slice(0, ARTICLES);
      for (const file of files) await fs.copyFile(path.join(root, file), path.join(corpus.articlesDir, file));
      const postgresConfig = testConfig({
        ARTICLES_DIR: corpus.articlesDir,
        DATABASE_URL: url!,
        PG_SCHEMA: schema.schema,
      });
      await run(postgresConfig);
      // Then articles change, go and arrive: the postings and document frequencies follow incrementally.
      for (const file of files.slice(0, 4)) await fs.rm(path.join(corpus.articlesDir, file));
      for (const file of files.slice(4, 8)) {
        const text = await fs.readFile(path.join(corpus.articlesDir, file), 'utf8');
        await fs.writeFile(path.join(corpus.articlesDir, file), `${text}\n\n${AWKWARD}\n`);
      }
      await fs.writeFile(
        path.join(corpus.articlesDir, 'levy.txt'),
        `Levy rises in April\n\n${AWKWARD}\n\nThe chancellor, Gordon Brown, said the levy was fair.\n`,
      );
      const summary = await run(postgresConfig);
      config = postgresConfig;
      expect(summary.articles).toMatchObject({ added: 1, updated: 4, removed: 4 });
      // The reference: SQLite built afresh from the folder as it is now. (Not SQLite updated the same way:
      // its contentless FTS5 table cannot take a deleted passage out of the passage count and total length
      // BM25 uses, so its scores drift from a fresh build's after a re-index replaces passages.)
      const sqliteConfig = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
      await run(sqliteConfig);
      sqlite = await openPassageStore(sqliteConfig);
      postgres = await openPassageStore(postgresConfig);
      client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`SET search_path = "${schema.schema}"`);
    }, 300_000);
    afterAll(async () => {
      await sqlite?.close();
      await postgres?.close();
      await client?.end();
      await corpus.cleanup();
      await schema.drop();
    });

    it('holds exactly the postings and document frequencies of the passages indexed now', async () => {
      // Recounted from each passage's own terms: nothing left from removed or replaced passages.
      const { rows } = await client.query<{ missing: number; extra: number; documents: number }>(`
        WITH recount AS (
          SELECT x.term, p.id AS passage_id, x.text_count, x.context_count, p.term_count AS length
          FROM passages p CROSS JOIN LATERAL (
            SELECT coalesce(t.lexeme, c.lexeme) AS term, coalesce(array_length(t.positions, 1), 0) AS text_count,
                   coalesce(array_length(c.positions, 1), 0) AS context_count
            FROM unnest(p.text_terms) t FULL JOIN unnest(p.context_terms) c ON c.lexeme = t.lexeme
          ) x
        )
        SELECT (SELECT count(*) FROM (SELECT * FROM recount EXCEPT SELECT * FROM postings) r)::int AS missing,
               (SELECT count(*) FROM (SELECT * FROM postings EXCEPT SELECT * FROM recount) r)::int AS extra,
               (SELECT count(*) FROM (
                  SELECT term, count(*)::int FROM postings GROUP BY term
                  EXCEPT SELECT term, documents FROM term_stats) d)::int AS documents`);
      expect(rows[0]).toEqual({ missing: 0, extra: 0, documents: 0 });
      expect(await postgres.passageCount()).toBe(await sqlite.passageCount());
    });

    it('keys the terms by their bytes, not the database locale, so building and reading the key sorts fast', async () => {
      const { rows } = await client.query<{ table_name: string; collation_name: string | null }>(
        `SELECT table_name, collation_name FROM information_schema.columns
         WHERE table_schema = $1 AND column_name = 'term' ORDER BY table_name`,
        [schema.schema],
      );
      expect(rows).toEqual([
        { table_name: 'postings', collation_name: 'C' },
        { table_name: 'term_stats', collation_name: 'C' },
      ]);
    });

    it('ranks as SQLite does on a fresh build, for words joined by OR, AND and NOT', async () => {
      const expressions = [
        buildMatchExpression('What did Gordon Brown say about the levy in April?')!,
        buildMatchExpression('Will the election campaign focus on council tax?')!,
        '"tax" AND "labour"',
        '("levy" OR "tax") AND "april"',
        '"election" NOT "blair"',
      ];
      for (const expression of expressions) {
        const lists = await Promise.all(
          [sqlite, postgres].map((store) => store.fullText(expression, 20, 0.5)),
        );
        expect(lists[0]!.length, expression).toBeGreaterThan(0);
        await expectSameRanking(sqlite, postgres, lists);
        const ids = lists.map((list) => list.map((hit) => hit.id));
        const within = await Promise.all(
          [sqlite, postgres].map((store, i) => store.fullTextWithin(expression, ids[i]!.slice(0, 8))),
        );
        await expectSameRanking(sqlite, postgres, within);
      }
    });

    it('matches phrases and counts their passages as SQLite does', async () => {
      const phrase = '"gordon brown"';
      const lists = await Promise.all([sqlite, postgres].map((store) => store.fullText(phrase, 100, 0.5)));
      const texts = await Promise.all(
        [sqlite, postgres].map(async (store, i) =>
          (await store.passages(lists[i]!.map((hit) => hit.id))).map((passage) => passage.text).sort(),
        ),
      );
      expect(texts[0]!.length).toBeGreaterThan(0);
      expect(texts[1]).toEqual(texts[0]);
      const terms = ['gordon brown', 'levy', 'treasury', 'budget'];
      const frequencies = await Promise.all(
        [sqlite, postgres].map((store) => store.documentFrequencies(terms)),
      );
      expect(frequencies[1]).toEqual(frequencies[0]);
      const names = (await sqlite.speakers()).map((speaker) => speaker.name);
      const quotedWith = await Promise.all(
        [sqlite, postgres].map((store) => store.speakersQuotedWith('"labour" AND "party"', names)),
      );
      expect(quotedWith[0]!.length).toBeGreaterThan(0);
      expect(quotedWith[1]).toEqual(quotedWith[0]);
    });

    it('keeps text that COPY must escape as it was written', async () => {
      const texts = await Promise.all(
        [sqlite, postgres].map(async (store) => {
          const hits = await store.fullText(buildMatchExpression('Treasury memo levy')!, 10, 0.5);
          return (await store.passages(hits.map((hit) => hit.id))).map((passage) => passage.text);
        }),
      );
      expect(texts[0]!.some((text) => text.includes('C:\\budget\\2005'))).toBe(true);
      expect(texts[1]).toEqual(texts[0]);
    });

    it('gives an index written before the postings its postings at the next ingest, without embedding', async () => {
      const before = await postgres.fullText(buildMatchExpression('Gordon Brown levy April')!, 20, 0.5);
      const { rows: kept } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM postings');
      await client.query('DROP TABLE postings');
      await expect(openPassageStore(config)).rejects.toThrow(
        /was written before full text kept its postings\. Run "npm run ingest" once to add them \(nothing is embedded again\)\./,
      );
      const summary = await run(config);
      expect(summary.passages.embedded).toBe(0);
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM postings');
      expect(rows[0]!.n).toBe(kept[0]!.n);
      const store = await openPassageStore(config);
      try {
        expect(await store.fullText(buildMatchExpression('Gordon Brown levy April')!, 20, 0.5)).toEqual(
          before,
        );
      } finally {
        await store.close();
      }
    });
  },
);
