import path from 'node:path';
import Database from 'better-sqlite3';
import { calibrateIndex } from '../../src/cli/calibrate-index.js';
import { ConfigError, type CoreConfig } from '../../src/config.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { contextualText } from '../../src/ingest/article-context.js';
import { reindex } from '../../src/ingest/reindex.js';
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
 * first, and gets the same vectors without the model's work. `known` seeds it with vectors already made
 * (an existing index's), by the text they were embedded from.
 */
export function memoizedEmbedder(
  embedder: Embedder,
  known: ReadonlyMap<string, Float32Array> = new Map(),
): Embedder & { readonly reused: number } {
  const vectors = new Map(known);
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

/** Each passage's vector in an SQLite index, by the text it was embedded from (context, then passage). */
function storedVectors(dbPath: string): Map<string, Float32Array> {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT a.context, p.text, e.embedding FROM passages p
         JOIN articles a ON a.id = p.article_id JOIN passage_embeddings e ON e.passage_id = p.id`,
      )
      .raw()
      .iterate() as Iterable<[string, string, Buffer]>;
    const vectors = new Map<string, Float32Array>();
    for (const [context, text, blob] of rows)
      vectors.set(
        contextualText(context, text),
        new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength)),
      );
    return vectors;
  } finally {
    db.close();
  }
}

/**
 * The development archive on Postgres, for the dev set side by side: the SQLite archive's article files
 * ingested again, through the real ingest path, into a schema of their own, with the vectors the SQLite
 * index holds for the same texts instead of the model's work (a first embedding of its 120k passages takes
 * 20 minutes and more with the stand-in). Incremental, so a later run finds it up to date; self-calibrated
 * as `npm run ingest` does. DB_PATH stays the SQLite archive, which the gold answers are checked against.
 */
export async function archiveOnPostgres<C extends CoreConfig>(
  config: C,
  sqlitePath: string,
  embedder: Embedder,
  log: (line: string) => void,
): Promise<{ config: C; reused: number }> {
  const pgConfig = {
    ...configFor(config, 'postgres'),
    DB_PATH: sqlitePath,
    ARTICLES_DIR: path.join(path.dirname(sqlitePath), 'articles'),
    PG_SCHEMA: `${config.PG_SCHEMA}_eval_archive`,
    INGEST_THREADS: 1,
  };
  const seeded = memoizedEmbedder(embedder, storedVectors(sqlitePath));
  log(`development archive on postgres (schema ${pgConfig.PG_SCHEMA}): bringing it up to date...`);
  const summary = await reindex(pgConfig, { full: false, prune: true, dryRun: false }, async () => seeded);
  log(
    `development archive on postgres: ${summary.seconds.toFixed(0)} s, ${seeded.reused} vectors from the SQLite index`,
  );
  await calibrateIndex(pgConfig, async () => seeded);
  return { config: pgConfig, reused: seeded.reused };
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
