// transformers.js 2.17 ships no types for its inner modules. The embedder imports the tokenizer and the hub
// from them rather than from the package's entry, which loads every pipeline and sharp's image library
// besides: 15 MB more in each thread that loads a model (ingest workers, the bot), and 80 CPU-ms.
declare module '@xenova/transformers/src/tokenizers.js' {
  export { AutoTokenizer, PreTrainedTokenizer } from '@xenova/transformers';
}
declare module '@xenova/transformers/src/env.js' {
  export { env } from '@xenova/transformers';
}
declare module '@xenova/transformers/src/utils/hub.js' {
  /** The file's bytes, from MODEL_DIR, transformers.js's file cache, or the hub (then cached on disk). */
  export function getModelFile(
    model: string,
    file: string,
    fatal: boolean,
    options: { quantized?: boolean },
  ): Promise<Uint8Array>;
}
