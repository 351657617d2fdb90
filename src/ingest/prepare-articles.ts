import os from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { CoreConfig } from '../config.js';
import type { Embedder } from '../embed/embedder.js';
import type { ArticleToStore } from '../store/index-writer.js';
import { articleBody, type Article } from '../document/article.js';
import type { PassageDraft } from '../document/drafts.js';
import { articleContext } from './article-context.js';
import { runPrepareTask, type FinishOutput, type PrepareTask } from './prepare-tasks.js';
import type { WorkerReply, WorkerRequest, WorkerSettings } from './prepare-worker.js';
import type { ReindexProgress } from './reindex.js';

export interface ArticleToPrepare {
  article: Article;
  hash: string;
}

export interface PrepareOptions {
  /** 1 prepares on the calling thread; more starts that many worker threads, each with its own model. */
  threads: number;
  /** Passages per attribution-and-embedding task: PASSAGES_PER_TASK, except in tests that want many tasks. */
  passagesPerTask: number;
}

/**
 * Chunking is cheap and needs the whole article: tasks of about this much text keep messages few.
 * Attribution and embedding are the expensive part: tasks of a few embedding batches spread them evenly
 * over the workers, and each finished task moves the progress bar.
 */
const CHUNK_TASK_CHARS = 200_000;
export const PASSAGES_PER_TASK = 256;
/**
 * Starting a worker costs 2 to 3 s of CPU (transformers.js, compromise and the model, loaded through tsx's
 * loader; measured with scripts/bench.ts), and one thread prepares about 100,000 characters of news a
 * second: below this much text (about 10 s of work on one thread) workers cost more than they save.
 */
const MIN_CHARS_FOR_WORKERS = 1_000_000;

/** How many threads to prepare these articles with: `INGEST_THREADS`, or one per core when it pays. */
export function threadsFor(
  config: Pick<CoreConfig, 'INGEST_THREADS'>,
  articles: readonly ArticleToPrepare[],
) {
  const chars = articles.reduce((sum, { article }) => sum + articleBody(article).length, 0);
  return config.INGEST_THREADS ?? (chars < MIN_CHARS_FOR_WORKERS ? 1 : os.availableParallelism());
}

/** Consecutive groups whose weights add up to at least `size` (the last may be lighter): task boundaries. */
function groups<T>(items: readonly T[], weight: (item: T) => number, size: number): T[][] {
  const result: T[][] = [];
  let current: T[] = [];
  let filled = 0;
  for (const item of items) {
    current.push(item);
    filled += weight(item);
    if (filled >= size) {
      result.push(current);
      current = [];
      filled = 0;
    }
  }
  if (current.length > 0) result.push(current);
  return result;
}

interface Executor {
  run(task: PrepareTask): Promise<unknown>;
  /** Tasks handed over before the previous one is done. */
  slots: number;
  /** Tasks are handed over only once this resolves. */
  ready?: Promise<unknown>;
}

const WORKER_ENTRY = new URL('./prepare-worker.ts', import.meta.url);

/**
 * Scripts run under tsx, but tsx's loader does not reach worker threads on Node 20 (privatenumber/tsx#354):
 * the worker registers it itself before importing its TypeScript entry.
 */
function startWorker(settings: WorkerSettings): Worker {
  const bootstrap = [
    `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))});`,
    'register();',
    `await import(${JSON.stringify(WORKER_ENTRY.href)});`,
  ].join('\n');
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), {
    workerData: settings,
  });
}

/**
 * A worker thread with its own model. It starts once `previous` (the worker before it) is ready: loading
 * onnxruntime's native library in several threads at once can crash the process (microsoft/onnxruntime#20084;
 * seen here as a glibc heap assertion), and tasks go to each worker as soon as it is ready anyway.
 */
class PrepareWorker implements Executor {
  readonly slots = 2;
  readonly ready: Promise<{ dimension: number }>;
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 0;
  private failure: Error | null = null;
  private closing = false;

  constructor(settings: WorkerSettings, previous: Promise<unknown>) {
    this.ready = previous.then(() => this.start(settings));
    // Awaited by `run` and `close`; a worker that dies first must not also raise an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  private start(settings: WorkerSettings): Promise<{ dimension: number }> {
    const worker = startWorker(settings);
    this.worker = worker;
    return new Promise((resolve, reject) => {
      worker.on('message', (reply: WorkerReply) => {
        if ('ready' in reply) return resolve(reply.ready);
        const waiting = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if ('error' in reply)
          waiting?.reject(new Error(`preparing articles failed in a worker: ${reply.error}`));
        else waiting?.resolve(reply.result);
      });
      worker.on('error', (error) => {
        this.fail(error);
        reject(error);
      });
      worker.on('exit', (code) => {
        const error = new Error(`a worker preparing articles stopped unexpectedly (exit code ${code})`);
        if (!this.closing) this.fail(error);
        reject(error);
      });
    });
  }

  async run(task: PrepareTask): Promise<unknown> {
    await this.ready;
    if (this.failure) throw this.failure;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker!.postMessage({ id, task } satisfies WorkerRequest);
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  /** Only once its model has loaded (or failed to): stopping a thread inside onnxruntime's set-up is the same hazard. */
  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    this.closing = true;
    await this.worker?.terminate();
  }
}

/** Runs every task on the first free executor; outputs keep the order of the tasks, whoever ran them. */
async function runTasks<T>(
  tasks: readonly PrepareTask[],
  executors: readonly Executor[],
  onDone: (index: number, output: T) => void = () => undefined,
): Promise<T[]> {
  const outputs = new Array<T>(tasks.length);
  let next = 0;
  let failed = false;
  const drain = async (executor: Executor) => {
    try {
      await executor.ready;
      while (next < tasks.length && !failed) {
        const index = next++;
        outputs[index] = (await executor.run(tasks[index]!)) as T;
        onDone(index, outputs[index]);
      }
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  await Promise.all(
    executors.flatMap((executor) => Array.from({ length: executor.slots }, () => drain(executor))),
  );
  return outputs;
}

/**
 * Chunks, attributes and embeds the changed articles, on this thread or spread over worker threads.
 * Nothing is written here: the caller writes everything in one transaction once all of it is ready.
 * The workers start after `loadModel`, one after another; its model names and sizes the index either way.
 */
export async function prepareArticles(
  changed: readonly ArticleToPrepare[],
  config: CoreConfig,
  loadModel: () => Promise<Embedder>,
  progress: ReindexProgress,
  { threads, passagesPerTask }: PrepareOptions,
): Promise<{ embedder: Embedder; prepared: ArticleToStore[] }> {
  const settings: WorkerSettings = {
    embedder: {
      EMBEDDING_MODEL: config.EMBEDDING_MODEL,
      MODEL_DIR: config.MODEL_DIR,
      EMBEDDING_QUANTIZED: config.EMBEDDING_QUANTIZED,
      EMBED_BATCH_SIZE: config.EMBED_BATCH_SIZE,
    },
    maxTokens: config.PASSAGE_MAX_TOKENS,
  };
  const workers: PrepareWorker[] = [];
  try {
    const embedder = await loadModel();
    let previous: Promise<unknown> = Promise.resolve();
    for (let i = 0; threads > 1 && i < threads; i++) {
      workers.push(new PrepareWorker(settings, previous));
      previous = workers.at(-1)!.ready;
    }
    const executors: Executor[] =
      workers.length > 0
        ? workers.map((worker) => ({
            slots: worker.slots,
            run: (task) => worker.run(task),
            ready: worker.ready.then(({ dimension }) => {
              if (dimension !== embedder.dimension) {
                throw new Error(
                  `worker threads loaded ${config.EMBEDDING_MODEL} with ${dimension} dimensions, but the model given has ${embedder.dimension}`,
                );
              }
            }),
          }))
        : [
            {
              slots: 1,
              run: async (task) => {
                // Lets a progress bar redraw between tasks.
                await nextTurn();
                return runPrepareTask(task, config.PASSAGE_MAX_TOKENS, embedder);
              },
            },
          ];

    const chunkGroups = groups(changed, ({ article }) => articleBody(article).length, CHUNK_TASK_CHARS);
    const chunked = await runTasks<PassageDraft[][]>(
      chunkGroups.map((group) => ({
        kind: 'chunk',
        articles: group.map(({ article }) => article.paragraphs),
      })),
      executors,
    );
    const passages = chunked.flat();
    const total = passages.reduce((sum, list) => sum + list.length, 0);
    progress.onEmbedStart?.(total);

    const indexed = changed.map((item, index) => ({
      ...item,
      context: articleContext(item.article),
      passages: passages[index]!,
    }));
    const finishGroups = groups(indexed, (item) => item.passages.length, passagesPerTask);
    let done = 0;
    const finished = await runTasks<FinishOutput[]>(
      finishGroups.map((group) => ({
        kind: 'finish',
        articles: group.map(({ article, context, passages }) => ({
          paragraphs: article.paragraphs,
          context,
          passages,
        })),
      })),
      executors,
      (index) => {
        done += finishGroups[index]!.reduce((sum, item) => sum + item.passages.length, 0);
        progress.onEmbedProgress?.(done);
      },
    );
    const outputs = finished.flat();
    const prepared = indexed.map((item, index) => ({ ...item, ...outputs[index]! }));
    return { embedder, prepared };
  } finally {
    await Promise.all(workers.map((worker) => worker.close()));
  }
}
