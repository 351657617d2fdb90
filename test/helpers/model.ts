import { loadCoreConfig, type CoreConfig } from '../../src/config.js';
import { loadEmbedder, type Embedder } from '../../src/embed/embedder.js';

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
