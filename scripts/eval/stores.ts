import { ConfigError, type CoreConfig } from '../../src/config.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { migrateIndex } from '../../src/store/migrate-index.js';
import { openIndexWriting, openPassageStore, type StoreConfig } from '../../src/store/open-store.js';
import type { DevScores } from './dev-eval.js';

/** The stores `npm run eval -- --store` can measure, side by side in one run. */
export const STORE_NAMES = ['sqlite', 'postgres'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

/**
 * The settings that put an index on one store: Postgres at DATABASE_URL, or SQLite at DB_PATH whatever
 * the environment says, so a run measures exactly the stores it was asked for.
 */
export function configFor<C extends CoreConfig>(config: C, store: StoreName): C {
  if (store === 'sqlite') return { ...config, DATABASE_URL: undefined };
  if (!config.DATABASE_URL)
    throw new ConfigError(
      '--store postgres needs DATABASE_URL: set it to a PostgreSQL database with pgvector (each set is indexed in a schema of its own, named from PG_SCHEMA).',
    );
  return config;
}

/**
 * An embedder that embeds each distinct text once: the second store indexes the same passages as the
 * first, and gets the same vectors without the model's work.
 */
export function memoizedEmbedder(embedder: Embedder): Embedder & { readonly reused: number } {
  const vectors = new Map<string, Float32Array>();
  let reused = 0;
  return {
    model: embedder.model,
    dimension: embedder.dimension,
    countTokens: (text) => embedder.countTokens(text),
    get reused() {
      return reused;
    },
    async embed(texts, onBatch) {
      const missing = [...new Set(texts.filter((text) => !vectors.has(text)))];
      const made = missing.length > 0 ? await embedder.embed(missing, onBatch) : [];
      missing.forEach((text, i) => vectors.set(text, made[i]!));
      reused += texts.length - missing.length;
      onBatch?.(texts.length);
      return texts.map((text) => vectors.get(text)!);
    },
  };
}

/** What decides a copy is current: each article's content hash (the pipeline version is in it) and the calibration. */
async function indexContents(config: StoreConfig): Promise<string> {
  const writing = await openIndexWriting(config);
  let articles: [string, string][];
  try {
    articles = [...(await writing.storedArticles())].map(([key, { hash }]) => [key, hash]);
  } finally {
    await writing.close();
  }
  if (articles.length === 0) return '';
  const store = await openPassageStore(config);
  try {
    return JSON.stringify([articles.sort(), await store.passageCount(), await store.storedCalibration()]);
  } finally {
    await store.close();
  }
}

/**
 * The development archive on Postgres, for the dev set side by side: the SQLite archive copied as
 * `npm run migrate` copies it (same articles, passages in the same order, quotes, vectors and the
 * calibration measured on them), into a schema of its own, so the two runs differ only in the store that
 * answers. Copied again only when the SQLite archive changed. Ingesting its 120k passages again through the
 * ingest path would prepare every article a second time (about 11 CPU-ms a passage) for the same rows: the
 * ingest into Postgres has its own tests and its BBC benchmark. DB_PATH stays the SQLite archive, which the
 * gold answers are checked against.
 */
export async function archiveOnPostgres<C extends CoreConfig>(
  config: C,
  sqlitePath: string,
  log: (line: string) => void,
): Promise<{ config: C; copied: boolean }> {
  const sqliteConfig = { ...configFor(config, 'sqlite'), DB_PATH: sqlitePath };
  const pgConfig = {
    ...configFor(config, 'postgres'),
    DB_PATH: sqlitePath,
    PG_SCHEMA: `${config.PG_SCHEMA}_eval_archive`,
  };
  if ((await indexContents(pgConfig)) === (await indexContents(sqliteConfig))) {
    log(`development archive on postgres (schema ${pgConfig.PG_SCHEMA}): up to date`);
    return { config: pgConfig, copied: false };
  }
  log(`development archive on postgres (schema ${pgConfig.PG_SCHEMA}): copying the SQLite archive...`);
  const summary = await migrateIndex(sqliteConfig, pgConfig);
  log(
    `development archive on postgres: ${summary.passages} passages copied in ${summary.seconds.toFixed(0)} s`,
  );
  return { config: pgConfig, copied: true };
}

/**
 * The development set's scores on each store in one table, with the largest gap between the stores: hit@1
 * and hit@3 per answerable kind (refused for `unanswerable`), and the answerable questions together.
 */
export function printDevOnStores(
  onStores: readonly { store: StoreName; scores: DevScores }[],
  printTable: (header: string[], rows: string[][]) => void,
): void {
  const fixed = (value: number) => value.toFixed(3);
  const row = (label: string, questions: number, measure: string, pick: (scores: DevScores) => number) => {
    const values = onStores.map(({ scores }) => pick(scores));
    return [
      label,
      String(questions),
      measure,
      ...values.map(fixed),
      fixed(Math.max(...values) - Math.min(...values)),
    ];
  };
  const kind = (scores: DevScores, name: string) => scores.byKind.find((k) => k.kind === name)!;
  const { byKind, answerable } = onStores[0]!.scores;
  console.log('Development set on each store side by side (gap: the largest difference between them):');
  printTable(
    ['kind', 'questions', 'measure', ...onStores.map(({ store }) => store), 'gap'],
    [
      ...byKind.flatMap(({ kind: name, questions, hitAt1 }) =>
        hitAt1 === null
          ? [row(name, questions, 'refused', (s) => kind(s, name).refused)]
          : [
              row(name, questions, 'hit@1', (s) => kind(s, name).hitAt1!),
              row(name, questions, 'hit@3', (s) => kind(s, name).hitAt3!),
            ],
      ),
      row('answerable', answerable.questions, 'hit@1', (s) => s.answerable.hitAt1),
      row('answerable', answerable.questions, 'hit@3', (s) => s.answerable.hitAt3),
      row('answerable', answerable.questions, 'refused', (s) => s.answerable.refused),
    ],
  );
  console.log('');
}
