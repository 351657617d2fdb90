import { env, pipeline, type FeatureExtractionPipeline, type Tensor } from '@xenova/transformers';
import { meanPoolNormalized } from './pooling.js';
import type { CoreConfig } from '../config.js';

export type EmbedderConfig = Pick<
  CoreConfig,
  'EMBEDDING_MODEL' | 'MODEL_DIR' | 'EMBEDDING_QUANTIZED' | 'EMBED_BATCH_SIZE'
>;

/** A loaded sentence-embedding model: unit-length vectors, so cosine similarity is a dot product. */
export interface Embedder {
  readonly model: string;
  readonly dimension: number;
  embed(texts: readonly string[], onBatch?: (done: number) => void): Promise<Float32Array[]>;
  /** Word pieces the model sees for this text, special tokens included. */
  countTokens(text: string): number;
}

export class ModelLoadError extends Error {
  override name = 'ModelLoadError';
}

function configureModelSource(config: EmbedderConfig): void {
  if (config.MODEL_DIR) {
    // A local model root means an offline machine: never reach for the hub.
    env.localModelPath = config.MODEL_DIR;
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
  } else {
    env.allowRemoteModels = true;
  }
}

export async function loadEmbedder(config: EmbedderConfig): Promise<Embedder> {
  configureModelSource(config);
  let extractor: FeatureExtractionPipeline;
  try {
    extractor = await pipeline('feature-extraction', config.EMBEDDING_MODEL, {
      quantized: config.EMBEDDING_QUANTIZED,
    });
  } catch (error) {
    const where = config.MODEL_DIR
      ? `in MODEL_DIR=${config.MODEL_DIR} (expected ${config.MODEL_DIR}/${config.EMBEDDING_MODEL}/ with tokenizer.json and onnx/)`
      : 'from the Hugging Face hub (is this machine online? set MODEL_DIR to use a local copy)';
    const reason = error instanceof Error ? error.message : String(error);
    throw new ModelLoadError(
      `Could not load the embedding model ${config.EMBEDDING_MODEL} ${where}: ${reason}`,
    );
  }

  const runBatch = async (batch: readonly string[]): Promise<Float32Array[]> => {
    const inputs = extractor.tokenizer([...batch], { padding: true, truncation: true });
    const outputs = (await extractor.model(inputs)) as Record<string, Tensor | undefined>;
    const hidden = outputs.last_hidden_state ?? outputs.token_embeddings;
    if (!hidden) throw new ModelLoadError(`${config.EMBEDDING_MODEL} gives no token embeddings to pool`);
    const mask = (inputs.attention_mask as Tensor).data as BigInt64Array;
    return meanPoolNormalized(hidden.data as Float32Array, hidden.dims as [number, number, number], mask);
  };

  const [probe] = await runBatch(['dimension probe']);
  const dimension = probe!.length;

  return {
    model: config.EMBEDDING_MODEL,
    dimension,
    async embed(texts, onBatch) {
      // Batching texts of similar length keeps padding, which a transformer pays for, to a minimum.
      const order = texts.map((_, index) => index).sort((a, b) => texts[a]!.length - texts[b]!.length);
      const vectors = new Array<Float32Array>(texts.length);
      for (let offset = 0; offset < order.length; offset += config.EMBED_BATCH_SIZE) {
        const indices = order.slice(offset, offset + config.EMBED_BATCH_SIZE);
        const batch = await runBatch(indices.map((index) => texts[index]!));
        indices.forEach((index, row) => (vectors[index] = batch[row]!));
        onBatch?.(offset + indices.length);
      }
      return vectors;
    },
    countTokens(text) {
      const encoded = extractor.tokenizer(text, { add_special_tokens: true, truncation: false });
      return (encoded.input_ids as { size: number }).size;
    },
  };
}
