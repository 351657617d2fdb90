/**
 * Runs `RUNS` full ingests of `ARTICLES_DIR` one after another in this one process, each into a fresh
 * index, with the worker threads `INGEST_THREADS` asks for, and prints each run's summary counts as a JSON
 * line. Spawned by test/repeated-ingest.test.ts: memory corrupted in native code ends this process, not
 * the test runner.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCoreConfig } from '../../src/config.js';
import { loadEmbedder } from '../../src/embed/embedder.js';
import { reindex } from '../../src/ingest/reindex.js';

const config = loadCoreConfig();
const runs = Number(process.env.RUNS);
const folder = fs.mkdtempSync(path.join(path.dirname(config.DB_PATH), 'runs-'));
const embedder = await loadEmbedder(config);
for (let run = 1; run <= runs; run++) {
  const summary = await reindex(
    { ...config, DB_PATH: path.join(folder, `index-${run}.db`) },
    { full: false, prune: false, dryRun: false },
    async () => embedder,
  );
  console.log(JSON.stringify({ run, articles: summary.articles.added, passages: summary.passages.added }));
}
