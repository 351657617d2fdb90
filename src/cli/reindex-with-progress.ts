import type { CoreConfig } from '../config.js';
import { loadEmbedder, type Embedder } from '../embed/embedder.js';
import { reindex, type ReindexOptions, type ReindexSummary } from '../ingest/reindex.js';
import { progressBar } from './progress.js';

/** Runs a re-index with progress bars for files and passages on stderr. */
export async function reindexWithProgress(
  config: CoreConfig,
  options: ReindexOptions,
  loadModel: () => Promise<Embedder> = () => loadEmbedder(config),
): Promise<ReindexSummary> {
  const files = progressBar('Files', 'files');
  const passages = progressBar('Embedding', 'passages');
  try {
    return await reindex(config, options, loadModel, {
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
    });
  } finally {
    files.stop();
    passages.stop();
  }
}
