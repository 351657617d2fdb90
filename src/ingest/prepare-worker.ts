import { parentPort } from 'node:worker_threads';
import { loadEmbedder, type Embedder, type EmbedderConfig } from '../embed/embedder.js';
import { runPrepareTask, type FinishOutput, type PrepareTask } from './prepare-tasks.js';

export interface WorkerSettings {
  embedder: EmbedderConfig;
  /** The worker's share of the cores for a forward pass (onnxruntime's intra-op threads). */
  sessionThreads: number;
  maxTokens: number;
}

/** `load` (re)loads the model when the settings differ from the last ones; tasks run on the loaded model. */
export type WorkerRequest =
  { id: number; kind: 'load'; settings: WorkerSettings } | { id: number; kind: 'task'; task: PrepareTask };

export type WorkerReply = { id: number; result: unknown } | { id: number; error: string } | { started: true };

const port = parentPort!;
let loaded: { key: string; settings: WorkerSettings; embedder: Embedder } | null = null;

async function handle(request: WorkerRequest): Promise<unknown> {
  if (request.kind === 'load') {
    const key = JSON.stringify(request.settings);
    if (loaded?.key !== key) {
      loaded = null;
      loaded = {
        key,
        settings: request.settings,
        embedder: await loadEmbedder(request.settings.embedder, {
          threads: request.settings.sessionThreads,
        }),
      };
    }
    return { dimension: loaded.embedder.dimension };
  }
  if (!loaded) throw new Error('no model loaded in this worker');
  return runPrepareTask(request.task, loaded.settings.maxTokens, loaded.embedder);
}

// One request at a time, in the order sent: a second task queued behind the first keeps the worker busy
// while the main thread is slow to hand out the next one.
let queue = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => {
    try {
      const result = await handle(request);
      const buffers =
        request.kind === 'task' && request.task.kind === 'finish'
          ? (result as FinishOutput[]).flatMap((item) => item.vectors.map((v) => v.buffer as ArrayBuffer))
          : [];
      port.postMessage({ id: request.id, result } satisfies WorkerReply, buffers);
    } catch (error) {
      port.postMessage({
        id: request.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies WorkerReply);
    }
  });
});
// Everything this thread needs is imported (onnxruntime's native library included): it can take requests.
port.postMessage({ started: true } satisfies WorkerReply);
