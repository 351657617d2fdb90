// transformers.js 2.17 ships no types for its hub module; only the function the embedder uses is declared.
declare module '@xenova/transformers/src/utils/hub.js' {
  /** The file's bytes, from MODEL_DIR, transformers.js's file cache, or the hub (then cached on disk). */
  export function getModelFile(
    model: string,
    file: string,
    fatal: boolean,
    options: { quantized?: boolean },
  ): Promise<Uint8Array>;
}
