import fs from 'node:fs';
import path from 'node:path';
import type { CoreConfig } from '../../src/config.js';
import { loadEmbedderLazily } from '../../src/embed/load-lazily.js';
import { reindex, type ReindexSummary } from '../../src/ingest/reindex.js';
import { BENCH_CACHE, type Corpus } from './corpora.js';
import { since } from './stats.js';

export interface IngestRun {
  articles: number;
  passages: number;
  /** Full ingest from no index at all, model load included. */
  fullSeconds: number;
  /** CPU time of that ingest, worker threads included: steadier than wall time on a busy machine. */
  fullCpuSeconds: number;
  /**
   * The process's peak resident memory so far, worker threads included: ingest is the bench's first and
   * largest part, so after an ingest run this is that ingest's peak (or an earlier, larger run's).
   */
  peakRssMb: number;
  /** The same folder again, nothing changed. */
  unchangedSeconds: number;
}

const incremental = { full: false, prune: false, dryRun: false };

/** One cold ingest of a corpus into a fresh index, then a re-index of the unchanged folder. */
export async function ingestRun(corpus: Corpus, config: CoreConfig): Promise<IngestRun> {
  fs.mkdirSync(BENCH_CACHE, { recursive: true });
  const dir = fs.mkdtempSync(path.join(BENCH_CACHE, `ingest-${corpus.name}-`));
  const runConfig = { ...config, ARTICLES_DIR: corpus.articlesDir, DB_PATH: path.join(dir, 'index.db') };
  try {
    let started = performance.now();
    const cpu = process.cpuUsage();
    const full: ReindexSummary = await reindex(runConfig, incremental, () => loadEmbedderLazily(runConfig));
    const fullSeconds = since(started) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    started = performance.now();
    const again = await reindex(runConfig, incremental, () => {
      throw new Error('an unchanged corpus must not need the model');
    });
    const unchangedSeconds = since(started) / 1000;
    if (again.articles.unchanged !== full.articles.added) {
      throw new Error(`${corpus.name}: the second run found changes: ${JSON.stringify(again.articles)}`);
    }
    return {
      articles: full.articles.added,
      passages: full.passages.added,
      fullSeconds,
      fullCpuSeconds: (user + system) / 1e6,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      unchangedSeconds,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
