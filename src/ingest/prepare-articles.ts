import os from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { CoreConfig } from '../config.js';
import type { Embedder } from '../embed/embedder.js';
import type { ArticleToStore } from '../store/index-writer.js';
import { articleBody, type Article } from '../document/article.js';
import type { PassageDraft } from '../document/drafts.js';
import { articleContext } from './article-context.js';
import type { FinishOutput, PrepareTask } from './prepare-tasks.js';
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

/** Tasks handed to a worker before its previous one is done, so that it never waits for the main thread. */
const WORKER_SLOTS = 2;

const WORKER_ENTRY = new URL('./prepare-worker.ts', import.meta.url);

/**
 * Scripts run under tsx, but tsx's loader does not reach worker threads on Node 20 (privatenumber/tsx#354):
 * the worker registers it itself before importing its TypeScript entry.
 */
function startWorker(): Worker {
  const bootstrap = [
    `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))});`,
    'register();',
    `await import(${JSON.stringify(WORKER_ENTRY.href)});`,
  ].join('\n');
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`));
}

/**
 * A worker thread that loads the model it is asked for and runs prepare tasks on it. Workers live as long
 * as the process and are reused by every later ingest in it (see `acquireWorkers`): onnxruntime-node 1.14
 * keeps its session class in one process-wide N-API reference, which every thread that loads the library
 * replaces, deleting the previous one through the N-API environment of the thread that made it. Once that
 * thread has ended its environment is freed memory, so a worker started after another one was stopped
 * corrupts the heap (`free(): invalid next size`, `corrupted size vs. prev_size`, segfaults; reproduced in
 * 3 runs of 3 by starting and stopping a worker that creates a session, a few rounds each, and never in 40
 * rounds on workers kept alive; microsoft/onnxruntime#13086).
 */
class PrepareWorker {
  readonly started: Promise<void>;
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 0;
  private failure: Error | null = null;

  /**
   * The thread starts once `previous` (the worker before it) has: loading onnxruntime's native library in
   * several threads at once can crash the process too (microsoft/onnxruntime#20084).
   */
  constructor(previous: Promise<unknown>) {
    this.started = previous.then(() => this.start());
    // Awaited by `send`; a worker that dies first must not also raise an unhandled rejection.
    this.started.catch(() => undefined);
  }

  get alive(): boolean {
    return this.failure === null;
  }

  private start(): Promise<void> {
    const worker = startWorker();
    this.worker = worker;
    // An idle worker must not keep the process alive; `send` holds it while requests are pending.
    worker.unref();
    return new Promise((resolve, reject) => {
      worker.on('message', (reply: WorkerReply) => {
        if ('started' in reply) return resolve();
        const waiting = this.pending.get(reply.id);
        this.settle(reply.id);
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
        this.fail(error);
        reject(error);
      });
    });
  }

  async load(settings: WorkerSettings): Promise<{ dimension: number }> {
    return (await this.send({ kind: 'load', settings })) as { dimension: number };
  }

  run(task: PrepareTask): Promise<unknown> {
    return this.send({ kind: 'task', task });
  }

  private async send(request: WorkerRequestBody): Promise<unknown> {
    await this.started;
    if (this.failure) throw this.failure;
    const worker = this.worker!;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) worker.ref();
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...request } satisfies WorkerRequest);
    });
  }

  private settle(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
    this.worker?.unref();
  }
}

type WorkerRequestBody = { kind: 'load'; settings: WorkerSettings } | { kind: 'task'; task: PrepareTask };

/** The process's prepare workers, oldest first; never stopped (see PrepareWorker). */
let pool: PrepareWorker[] = [];

/** `count` live workers from the process's pool, starting the ones missing. */
function acquireWorkers(count: number): PrepareWorker[] {
  // A worker that died (out of memory, say) is dropped; its replacement takes the risk described above.
  pool = pool.filter((worker) => worker.alive);
  while (pool.length < count) {
    const previous = pool.at(-1)?.started.catch(() => undefined);
    pool.push(new PrepareWorker(previous ?? Promise.resolve()));
  }
  return pool.slice(0, count);
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

/** The model that embedded the passages: it names and sizes the index. */
export interface PreparedModel {
  model: string;
  dimension: number;
}

/** Executors that run tasks in `count` worker threads, each with its own copy of the model. */
function workerExecutors(
  count: number,
  settings: WorkerSettings,
): { executors: Executor[]; model: Promise<PreparedModel> } {
  const workers = acquireWorkers(count);
  // Each worker loads the model once its predecessor has, for the same reason they start one by one.
  let previous: Promise<unknown> = Promise.resolve();
  const loads = workers.map((worker) => {
    const loaded = previous.then(() => worker.load(settings));
    previous = loaded.catch(() => undefined);
    return loaded;
  });
  const executors = workers.map((worker, index) => ({
    slots: WORKER_SLOTS,
    run: (task: PrepareTask) => worker.run(task),
    ready: loads[index],
  }));
  const model = loads[0]!.then(({ dimension }) => ({ model: settings.embedder.EMBEDDING_MODEL, dimension }));
  // Awaited once the tasks are done; a model that fails to load fails the tasks first.
  model.catch(() => undefined);
  return { executors, model };
}

/**
 * Chunks, attributes and embeds the changed articles, on this thread or spread over worker threads.
 * Nothing is written here: the caller writes everything in one transaction once all of it is ready.
 * `loadModel` is called only when this thread does the work: with workers, the model is loaded in each
 * worker only (a copy here as well sat unused beside theirs, a third session in memory).
 */
export async function prepareArticles(
  changed: readonly ArticleToPrepare[],
  config: CoreConfig,
  loadModel: () => Promise<Embedder>,
  progress: ReindexProgress,
  { threads, passagesPerTask }: PrepareOptions,
): Promise<{ model: PreparedModel; prepared: ArticleToStore[] }> {
  let executors: Executor[];
  let model: Promise<PreparedModel>;
  if (threads > 1) {
    ({ executors, model } = workerExecutors(threads, {
      embedder: {
        EMBEDDING_MODEL: config.EMBEDDING_MODEL,
        MODEL_DIR: config.MODEL_DIR,
        EMBEDDING_QUANTIZED: config.EMBEDDING_QUANTIZED,
        EMBED_BATCH_SIZE: config.EMBED_BATCH_SIZE,
      },
      // The cores shared out between the workers' forward passes: onnxruntime's default of one thread
      // per core in each worker ran four threads on two cores, and two workers were slower than one.
      sessionThreads: Math.max(1, Math.floor(os.availableParallelism() / threads)),
      maxTokens: config.PASSAGE_MAX_TOKENS,
    }));
  } else {
    // Imported only here: attribution's lexicon and grammar (compromise) grow a thread by 63 MB once
    // imported, and with workers this thread never attributes, they do it with their own copies.
    const { runPrepareTask } = await import('./prepare-tasks.js');
    const embedder = await loadModel();
    model = Promise.resolve({ model: embedder.model, dimension: embedder.dimension });
    executors = [
      {
        slots: 1,
        run: async (task) => {
          // Lets a progress bar redraw between tasks.
          await nextTurn();
          return runPrepareTask(task, config.PASSAGE_MAX_TOKENS, embedder);
        },
      },
    ];
  }

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
  return { model: await model, prepared };
}
