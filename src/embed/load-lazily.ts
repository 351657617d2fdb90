import type { Embedder, EmbedderConfig } from './embedder.js';

/**
 * `loadEmbedder`, with the embedder's module (transformers.js and onnxruntime's native library) imported
 * only when a model is loaded on this thread. An ingest with worker threads embeds in them and never here,
 * and the module alone grew this thread by 22 MB (process.memoryUsage().rss after importing it: 126 ->
 * 148 MB), part of ingest's peak for nothing. Callers that hand ingest a model loader use this one.
 */
export async function loadEmbedderLazily(config: EmbedderConfig): Promise<Embedder> {
  const { loadEmbedder } = await import('./embedder.js');
  return loadEmbedder(config);
}
