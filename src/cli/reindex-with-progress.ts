import type { CoreConfig } from '../config.js';
import type { Embedder } from '../embed/embedder.js';
import { loadEmbedderLazily } from '../embed/load-lazily.js';
import { reindex, type ReindexOptions, type ReindexSummary } from '../ingest/reindex.js';
import { calibrateIndex, type CalibrationOutcome } from './calibrate-index.js';
import { closeWriteSessions } from '../store/index-write-session.js';
import { progressBar } from './progress.js';
import { stopOnSignal } from './stop-on-signal.js';

export interface IngestResult {
  summary: ReindexSummary;
  /** Null on a dry run, which writes nothing. */
  calibration: CalibrationOutcome | null;
}

/**
 * Runs a re-index with progress bars for files and passages on stderr, then measures the model on the
 * index (self-calibration) when the articles changed or nothing is measured yet. SIGINT and SIGTERM stop it
 * at once, saying whether the new index was written (see stopOnSignal).
 */
export async function reindexWithProgress(
  config: CoreConfig,
  options: ReindexOptions,
  loadModel: () => Promise<Embedder> = () => loadEmbedderLazily(config),
): Promise<IngestResult> {
  let model: Promise<Embedder> | null = null;
  const loadOnce = () => (model ??= loadModel());
  const files = progressBar('Files', 'files');
  const passages = progressBar('Embedding', 'passages');
  const stopBars = () => {
    files.stop();
    passages.stop();
  };
  const stop = () => {
    stopBars();
    closeWriteSessions();
  };
  let written = false;
  const outcome = () =>
    written
      ? 'the new index was written, but measuring the model on it (self-calibration) was not finished; the next "npm run ingest" measures it.'
      : 'nothing was written; the index is as it was before this run.';
  return stopOnSignal(
    async () => {
      let summary: ReindexSummary;
      try {
        summary = await reindex(config, options, loadOnce, {
          onFilesStart: (total) => files.start(total),
          onFileDone: (done) => files.update(done),
          onEmbedStart: (total) => {
            files.stop();
            passages.start(total);
          },
          onEmbedProgress: (done) => passages.update(done),
          onWaitForLock: (seconds) =>
            console.error(
              `Another process (another "npm run ingest"?) is writing ${config.DB_PATH}: waiting for it to finish, up to ${seconds} s.`,
            ),
          onWritten: () => (written = true),
        });
      } finally {
        stopBars();
      }
      const calibration = options.dryRun ? null : await calibrateIndex(config, loadOnce);
      return { summary, calibration };
    },
    outcome,
    stop,
  );
}
