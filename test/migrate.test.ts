import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../src/answer/answer-schema.js';
import { Briefing } from '../src/answer/briefing.js';
import { calibrateIndex } from '../src/cli/calibrate-index.js';
import { benchConfigSchema, parseConfig, type CoreConfig } from '../src/config.js';
import { reindex } from '../src/ingest/reindex.js';
import { buildMatchExpression } from '../src/search/fts-query.js';
import { inspectIndex, openPassageStore } from '../src/store/open-store.js';
import { scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';
import { expectOneLineError, runScript } from './helpers/spawn-script.js';
import { postgresUrl, scratchSchema } from './helpers/stores.js';

const url = postgresUrl();
const { BENCH_DIR } = parseConfig(benchConfigSchema, process.env);
const BBC_ARTICLES = 30;
const QUESTIONS = [
  'What did Blair say about the election?',
  'Who will lead the Conservative party into the election?',
  'What did Putin say about ending the war?',
  'What happened at Skerryvore?',
];

/** What a user of an index sees of it: answers, speakers, articles, digest, calibration, search results. */
async function whatItAnswers(config: CoreConfig) {
  const embedder = await sharedEmbedder();
  const briefing = await Briefing.open(config, embedder);
  const store = await openPassageStore(config);
  const inspection = await inspectIndex(config);
  try {
    const answers: Answer[] = [];
    for (const question of QUESTIONS) answers.push(await briefing.ask(question));
    const [vector] = await embedder.embed(['Tony Blair and the general election campaign']);
    return {
      answers,
      speakers: await briefing.speakers(),
      articles: await briefing.articles(),
      digest: await store.latestDigest(),
      calibration: await store.storedCalibration(),
      files: [...(await inspection!.fileStamps()).values()],
      fullText: await store.fullText(buildMatchExpression('election campaign tax')!, 30, 0.5),
      nearest: await store.nearest(vector!, 20),
    };
  } finally {
    briefing.close();
    await store.close();
    await inspection?.close();
  }
}

type Seen = Awaited<ReturnType<typeof whatItAnswers>>;

/** Within pgvector's rounding: it and sqlite-vec round cosine distances differently in the seventh decimal. */
const closeTo = (seen: Seen) => {
  const close = <T extends { score: number }>(hits: T[]) =>
    hits.map((hit) => ({ ...hit, score: expect.closeTo(hit.score, 5) }));
  return {
    ...seen,
    answers: seen.answers.map((answer) => ({ ...answer, passages: close(answer.passages) })),
    nearest: close(seen.nearest),
    fullText: close(seen.fullText),
  };
};

async function sql(schema: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET search_path = ${schema}`);
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!url)(`npm run migrate${url ? '' : ' (skipped: DATABASE_URL unset)'}`, () => {
  let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
  let schema: ReturnType<typeof scratchSchema>;
  let sqlite: CoreConfig;
  let postgres: CoreConfig;
  let original: Seen;
  /** Between the SQLite file `config` names and the test's schema. */
  const migrate = (args: string[], config: CoreConfig) =>
    runScript('scripts/migrate.ts', args, {
      DB_PATH: config.DB_PATH,
      PG_SCHEMA: schema.schema,
      DATABASE_URL: undefined,
    });

  beforeAll(async () => {
    corpus = await scratchCorpus();
    schema = scratchSchema('migrate');
    const root = path.join(BENCH_DIR, 'bbc-fulltext/bbc/politics');
    await fs.mkdir(path.join(corpus.articlesDir, 'bbc'));
    for (const file of (await fs.readdir(root)).sort().slice(0, BBC_ARTICLES))
      await fs.copyFile(path.join(root, file), path.join(corpus.articlesDir, 'bbc', file));
    sqlite = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
    postgres = testConfig({
      DB_PATH: corpus.dbPath,
      ARTICLES_DIR: corpus.articlesDir,
      DATABASE_URL: url!,
      PG_SCHEMA: schema.schema,
    });
    const run = () => reindex(sqlite, { full: false, prune: false, dryRun: false }, sharedEmbedder);
    await run();
    // A second ingest that adds an article leaves a digest, which the copy must carry.
    await fs.writeFile(
      path.join(corpus.articlesDir, 'gannets.txt'),
      'Gannet count at Skerryvore\nThe lighthouse keeper of Skerryvore counted four hundred and twelve gannets, he said.\n',
    );
    await run();
    expect((await calibrateIndex(sqlite, sharedEmbedder)).status).toBe('measured');
    original = await whatItAnswers(sqlite);
    expect(original.digest?.added).toBe(1);
    expect(original.calibration).not.toBeNull();
    expect(original.answers.every((answer) => answer.passages.length > 0)).toBe(true);
  }, 300_000);
  afterAll(async () => {
    await corpus?.cleanup();
    await schema?.drop();
  });

  it('copies an index into Postgres and back, embedding nothing: the same search results and answers', async () => {
    const to = await migrate(['--to', url!], sqlite);
    expect(to.stderr).toBe('');
    expect(to.stdout).toMatch(/^Copied 33 articles \(\d+ passages, \d+ quotes; model .+\) from .+ to .+ in /);
    expect(to.code).toBe(0);
    expect(await whatItAnswers(postgres)).toEqual(closeTo(original));

    const back = { ...sqlite, DB_PATH: path.join(corpus.root, 'back.db') };
    const from = await migrate(['--from', url!], back);
    expect(from.code, from.stderr).toBe(0);
    // The same vectors (float32 both ways) and the same text: the same scores to the last bit.
    expect(await whatItAnswers(back)).toEqual(original);
  }, 120_000);

  it("refuses a destination holding another model's index, and leaves it as it was", async () => {
    await sql(schema.schema, "UPDATE meta SET value = 'another/model' WHERE key = 'model'");
    const before = await sql(schema.schema, 'SELECT count(*)::int AS n FROM passages');
    const run = await migrate(['--to', url!], sqlite);
    expectOneLineError(run, /^Error: Nothing was copied: .+ holds another model's index\. .*another\/model/);
    expect(await sql(schema.schema, "SELECT value FROM meta WHERE key = 'model'")).toEqual([
      { value: 'another/model' },
    ]);
    expect(await sql(schema.schema, 'SELECT count(*)::int AS n FROM passages')).toEqual(before);
    await sql(schema.schema, `UPDATE meta SET value = '${sqlite.EMBEDDING_MODEL}' WHERE key = 'model'`);
  }, 60_000);

  it('leaves the previous index in place when the copy fails part-way through the write', async () => {
    // The quotes are written after the old passages are deleted and the new ones inserted.
    await sql(
      schema.schema,
      `CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no quotes today'; END $$;
       CREATE TRIGGER refuse BEFORE INSERT ON quotes EXECUTE FUNCTION refuse();`,
    );
    const run = await migrate(['--to', url!], sqlite);
    expectOneLineError(
      run,
      /^Error: Writing the index in .+ failed \(no quotes today\): nothing was written and the previous index is intact\./,
    );
    await sql(schema.schema, 'DROP TRIGGER refuse ON quotes; DROP FUNCTION refuse()');
    expect(await whatItAnswers(postgres)).toEqual(closeTo(original));
  }, 60_000);

  it('refuses a source of another model than EMBEDDING_MODEL, with the message ingest gives', async () => {
    const elsewhere = scratchSchema('migrate');
    const run = await runScript('scripts/migrate.ts', ['--to', url!], {
      DB_PATH: sqlite.DB_PATH,
      PG_SCHEMA: elsewhere.schema,
      DATABASE_URL: undefined,
      EMBEDDING_MODEL: 'another/model',
    });
    await elsewhere.drop();
    expectOneLineError(
      run,
      /^Error: The index was built with the embedding model .+ but EMBEDDING_MODEL is another\/model/,
    );
  }, 60_000);
});
