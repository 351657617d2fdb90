import { ConfigError, type CoreConfig } from '../../src/config.js';
import type { Embedder } from '../../src/embed/embedder.js';

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
