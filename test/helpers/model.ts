import { Briefing } from '../../src/answer/briefing.js';
import { loadCoreConfig, type CoreConfig } from '../../src/config.js';
import { loadEmbedder, type Embedder } from '../../src/embed/embedder.js';
import { reindex } from '../../src/ingest/reindex.js';

/**
 * The model under test is whatever the environment configures: the stand-in on offline machines
 * (MODEL_DIR=../shared/models), all-MiniLM-L6-v2 from the hub elsewhere. Tests never assume a dimension.
 */
export function testConfig(overrides: Partial<Record<keyof CoreConfig, string>> = {}): CoreConfig {
  return loadCoreConfig({ ...process.env, ...overrides });
}

let shared: Promise<Embedder> | undefined;

export function sharedEmbedder(): Promise<Embedder> {
  shared ??= loadEmbedder(testConfig());
  return shared;
}

/** Indexes `articlesDir` into `dbPath` with the shared model and opens the answering service on it. */
export async function indexedBriefing({
  articlesDir,
  dbPath,
}: {
  articlesDir: string;
  dbPath: string;
}): Promise<Briefing> {
  const config = testConfig({ DB_PATH: dbPath, ARTICLES_DIR: articlesDir });
  const embedder = await sharedEmbedder();
  await reindex(config, { full: false, prune: false, dryRun: false }, async () => embedder);
  return Briefing.open(config, embedder);
}
