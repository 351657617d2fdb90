import fs from 'node:fs';
import path from 'node:path';
import { env } from '@xenova/transformers/src/env.js';
import { AutoTokenizer, type PreTrainedTokenizer } from '@xenova/transformers/src/tokenizers.js';
import { getModelFile } from '@xenova/transformers/src/utils/hub.js';
import ort from 'onnxruntime-node';
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

/** What transformers.js's tokenizer gives for one text without tensors: each input's values, unpadded. */
type Encoding = { input_ids: number[] } & Partial<Record<string, number[]>>;

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

export interface SessionOptions {
  /**
   * Threads one forward pass uses (onnxruntime's intra-op threads); unset: onnxruntime's default, one per
   * core. Ingest workers set 1 so that two of them use two cores, not four; questions too (QUESTION_SESSION).
   */
  threads?: number;
}

/**
 * A question is embedded on one thread: onnxruntime's default pool (one thread a core) keeps its threads
 * spinning after each pass, and they took the cores from the search and answer that follow. Measured on
 * BBC with the proxy model (320 bench questions, `Briefing.ask` end to end, 2 cores shared with other jobs,
 * load 5 to 6.4, two alternations): 12.9 to 13.6 CPU-ms a question with the default pool, 6.2 to 6.8 with
 * one thread; end to end p50 / p95 16.6 to 16.7 / 44 to 71 ms -> 7.6 to 12.2 / 30.3 to 30.9 ms. The vectors
 * are the same to the bit (301 questions, one of 300 words), and a 280-token text took 40 ms instead of 69.
 */
export const QUESTION_SESSION: SessionOptions = { threads: 1 };

/**
 * The ONNX session, made here rather than by transformers.js's pipeline: transformers.js 2.17 creates it
 * from the file's bytes, and onnxruntime-node 1.14 ignores session options for a session made from bytes
 * (measured: `intraOpNumThreads: 1` leaves the intra-op thread pool there from bytes, removes it from a
 * path). So the session is made from the file on disk (MODEL_DIR, or transformers.js's download cache)
 * whenever there is one, and from the bytes only when the file is kept nowhere on disk.
 */
async function createSession(config: EmbedderConfig, { threads }: SessionOptions) {
  const file = `onnx/model${config.EMBEDDING_QUANTIZED ? '_quantized' : ''}.onnx`;
  const options: ort.InferenceSession.SessionOptions =
    threads === undefined ? {} : { intraOpNumThreads: threads, interOpNumThreads: 1 };
  const onDisk = () =>
    [env.localModelPath, env.cacheDir]
      .filter((root): root is string => typeof root === 'string' && root.length > 0)
      .map((root) => path.join(root, config.EMBEDDING_MODEL, file))
      .find((candidate) => fs.existsSync(candidate));
  // The bytes are read only when no file is on disk yet: reading them as well held a second copy of the
  // model (23 MB for all-MiniLM-L6-v2) in each ingest worker until it was collected.
  const known = onDisk();
  if (known !== undefined) return ort.InferenceSession.create(known, options);
  const bytes = await getModelFile(config.EMBEDDING_MODEL, file, true, {
    quantized: config.EMBEDDING_QUANTIZED,
  });
  // Downloaded just now into transformers.js's cache, or kept nowhere on disk.
  const cached = onDisk();
  return cached === undefined
    ? ort.InferenceSession.create(bytes, options)
    : ort.InferenceSession.create(cached, options);
}

/**
 * Padded tokens a forward pass may hold, per row of EMBED_BATCH_SIZE: full batches for texts of up to this
 * many tokens, fewer rows beyond. onnxruntime's arena keeps the largest pass's activations for the session's
 * life, and attention's grow with the square of the width: on the proxy (one thread), a pass of 8 x 256
 * tokens grew the process by 86 MB, 4 x 256 by 37 MB and 8 x 128 by 20 MB, and BBC passages with their
 * article context reach 273 tokens. Each ingest worker holds such an arena: ingesting BBC (10,646 passages,
 * proxy, two workers) peaked at 717 and 715 MB with 128 tokens a row, 629 MB with 64, in 113.2 and 115.4
 * CPU-s with 128, 114.7 with 64 (the model's CPU time does not grow with more, narrower passes: 34.0 ms a
 * passage at 8 a pass, 34.3 at 8 x 128 tokens, one thread). On a quiet machine 64 still peaked at 686 to
 * 740 MB (six runs, median 700); 32, which gives a passage of BBC's width a pass of its own, peaked at 653
 * to 709 MB (median 675), 14 to 37 MB below 64 in each of three alternated pairs, at the same speed (210
 * passages/s, 98 CPU-s; `npm run --silent bench -- --model proxy --only ingest-bbc --runs 1 --json`).
 */
const TOKENS_PER_ROW = 32;

/**
 * Consecutive runs of `order` (sorted by token count, shortest first) as forward passes: at most
 * EMBED_BATCH_SIZE texts, and at most EMBED_BATCH_SIZE x TOKENS_PER_ROW tokens once padded to the widest.
 * A text wider than that on its own still gets a pass of its own.
 */
function batchesOf(
  order: readonly number[],
  tokens: (index: number) => number,
  { EMBED_BATCH_SIZE }: Pick<EmbedderConfig, 'EMBED_BATCH_SIZE'>,
): number[][] {
  const budget = EMBED_BATCH_SIZE * TOKENS_PER_ROW;
  const batches: number[][] = [];
  let current: number[] = [];
  for (const index of order) {
    const rows = current.length + 1;
    if (current.length > 0 && (rows > EMBED_BATCH_SIZE || rows * tokens(index) > budget)) {
      batches.push(current);
      current = [];
    }
    current.push(index);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export async function loadEmbedder(
  config: EmbedderConfig,
  sessionOptions: SessionOptions = {},
): Promise<Embedder> {
  configureModelSource(config);
  let tokenizer: PreTrainedTokenizer;
  let session: ort.InferenceSession;
  try {
    tokenizer = await AutoTokenizer.from_pretrained(config.EMBEDDING_MODEL, {
      quantized: config.EMBEDDING_QUANTIZED,
    });
    session = await createSession(config, sessionOptions);
  } catch (error) {
    const where = config.MODEL_DIR
      ? `in MODEL_DIR=${config.MODEL_DIR} (expected ${config.MODEL_DIR}/${config.EMBEDDING_MODEL}/ with tokenizer.json and onnx/)`
      : 'from the Hugging Face hub (is this machine online? set MODEL_DIR to use a local copy)';
    const reason = error instanceof Error ? error.message : String(error);
    throw new ModelLoadError(
      `Could not load the embedding model ${config.EMBEDDING_MODEL} ${where}: ${reason}`,
    );
  }

  /** A text's token ids, and the other inputs BERT models take beside them, unpadded. */
  const encode = (text: string): Encoding =>
    tokenizer(text, { truncation: true, return_tensor: false }) as unknown as Encoding;

  /** One forward pass over encodings padded to the longest of them, as the tokenizer pads a batch. */
  const runBatch = async (batch: readonly Encoding[]): Promise<Float32Array[]> => {
    const width = Math.max(...batch.map((encoding) => encoding.input_ids.length));
    const inputs = new Map<string, BigInt64Array>();
    const padded = (name: string) => {
      const made = inputs.get(name);
      if (made) return made;
      const data = new BigInt64Array(batch.length * width).fill(
        BigInt(name === 'input_ids' ? tokenizer.pad_token_id : 0),
      );
      batch.forEach((encoding, row) => {
        const values = encoding[name];
        if (!values)
          throw new ModelLoadError(`${config.EMBEDDING_MODEL} wants an input the tokenizer lacks: ${name}`);
        values.forEach((value, column) => (data[row * width + column] = BigInt(value)));
      });
      inputs.set(name, data);
      return data;
    };
    // BERT models take the mask and token types besides the ids; the stand-in takes only the ids.
    const feeds = Object.fromEntries(
      session.inputNames.map((name) => [name, new ort.Tensor('int64', padded(name), [batch.length, width])]),
    );
    const outputs = await session.run(feeds);
    const hidden = outputs.last_hidden_state ?? outputs.token_embeddings;
    if (!hidden) throw new ModelLoadError(`${config.EMBEDDING_MODEL} gives no token embeddings to pool`);
    return meanPoolNormalized(
      hidden.data as Float32Array,
      hidden.dims as [number, number, number],
      padded('attention_mask'),
    );
  };

  const [probe] = await runBatch([encode('dimension probe')]);
  const dimension = probe!.length;

  return {
    model: config.EMBEDDING_MODEL,
    dimension,
    async embed(texts, onBatch) {
      // Batching texts of the same token count keeps padding, which a transformer pays for, to a minimum:
      // by character count, ingest's tasks of 256 passages ran 11.1% more tokens than they held on BBC
      // with the context, by token count 2.8% (and the proxy model 12% fewer CPU-ms a passage).
      const encodings = texts.map(encode);
      const order = texts
        .map((_, index) => index)
        .sort((a, b) => encodings[a]!.input_ids.length - encodings[b]!.input_ids.length);
      const vectors = new Array<Float32Array>(texts.length);
      let done = 0;
      for (const indices of batchesOf(order, (index) => encodings[index]!.input_ids.length, config)) {
        const batch = await runBatch(indices.map((index) => encodings[index]!));
        indices.forEach((index, row) => (vectors[index] = batch[row]!));
        done += indices.length;
        onBatch?.(done);
      }
      return vectors;
    },
    countTokens(text) {
      const encoded = tokenizer(text, { add_special_tokens: true, truncation: false });
      return (encoded.input_ids as { size: number }).size;
    },
  };
}
