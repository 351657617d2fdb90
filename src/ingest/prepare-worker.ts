import { parentPort, workerData } from 'node:worker_threads';
import { loadEmbedder, type EmbedderConfig } from '../embed/embedder.js';
import { runPrepareTask, type FinishOutput, type PrepareTask } from './prepare-tasks.js';

export interface WorkerSettings {
  embedder: EmbedderConfig;
  maxTokens: number;
}

export interface WorkerRequest {
  id: number;
  task: PrepareTask;
}

export type WorkerReply =
  { id: number; result: unknown } | { id: number; error: string } | { ready: { dimension: number } };

const port = parentPort!;
const settings = workerData as WorkerSettings;
const embedder = await loadEmbedder(settings.embedder);
port.postMessage({ ready: { dimension: embedder.dimension } } satisfies WorkerReply);

// One task at a time, in the order sent: a second task queued behind the first keeps the worker busy
// while the main thread is slow to hand out the next one.
let queue = Promise.resolve();
port.on('message', ({ id, task }: WorkerRequest) => {
  queue = queue.then(async () => {
    try {
      const result = await runPrepareTask(task, settings.maxTokens, embedder);
      const buffers =
        task.kind === 'finish'
          ? (result as FinishOutput[]).flatMap((item) => item.vectors.map((v) => v.buffer as ArrayBuffer))
          : [];
      port.postMessage({ id, result } satisfies WorkerReply, buffers);
    } catch (error) {
      port.postMessage({
        id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  });
});
