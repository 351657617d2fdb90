import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BenchConfig } from '../../src/config.js';
import { applyIndexChanges } from '../../src/store/index-writer.js';
import { openIndexForWrite } from '../../src/store/open-database.js';
import { readSqliteIndex } from '../../src/store/read-sqlite-index.js';
import { BENCH_CACHE, benchIndex, sampleName, type BenchIndex, type BenchIndexName } from './corpora.js';
import { projection } from './projection.js';

/** What the projected copy was made from: another fingerprint means the source index changed since. */
function fingerprint(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return JSON.stringify(
      db
        .prepare(
          'SELECT (SELECT count(*) FROM articles) AS articles, (SELECT max(indexed_at) FROM articles) AS indexed, (SELECT count(*) FROM passages) AS passages',
        )
        .get(),
    );
  } finally {
    db.close();
  }
}

/**
 * A bench index for a model whose vectors mean nothing (the proxy, ../shared/models/README.md), at a size
 * that model would take hours to embed here (`news`, 120k passages: about 80 CPU-minutes): the
 * EMBEDDING_MODEL's own index of the same articles (same passages, quotes, contexts, full-text index),
 * its vectors carried to `dimension` by scale.ts's fixed random projection and the copy marked as
 * `model`'s. Searching it costs what searching that model's own index costs (same passage count, dimension
 * and vector lists); its vectors keep the real passages' structure where the proxy's are random. Made once
 * (about 2 CPU-minutes at 120k) and again only when the source index changes.
 */
export async function projectedIndex(
  name: BenchIndexName,
  source: BenchConfig,
  model: string,
  dimension: number,
  log: (line: string) => void,
  limit?: number,
): Promise<BenchIndex> {
  const real = await benchIndex(name, source, log, limit);
  const root = path.join(
    BENCH_CACHE,
    'indexes',
    model.replace(/[^\w.-]+/g, '_'),
    `${sampleName(name, limit)}-projected`,
  );
  const dbPath = path.join(root, 'index.db');
  const marker = path.join(root, 'source.json');
  const made = JSON.stringify({
    source: real.dbPath,
    model: source.EMBEDDING_MODEL,
    dimension,
    of: fingerprint(real.dbPath),
  });
  const description = `${real.description}, ${source.EMBEDDING_MODEL}'s vectors projected to ${dimension} dimensions`;
  if (fs.existsSync(dbPath) && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === made)
    return { dbPath, description };

  log(`index ${name}: copying ${real.dbPath} for ${model}, vectors projected to ${dimension} dimensions...`);
  fs.mkdirSync(root, { recursive: true });
  fs.rmSync(marker, { force: true });
  const copy = readSqliteIndex(real.dbPath, source.EMBEDDING_MODEL);
  const project = projection(copy.model.dimension, dimension);
  // Written beside the cached copy and renamed over it: an interrupted build never stands as a finished one.
  const building = path.join(root, 'building.db');
  for (const file of [building, `${building}-wal`, `${building}-shm`]) fs.rmSync(file, { force: true });
  const { db } = openIndexForWrite(building);
  try {
    applyIndexChanges(db, {
      rebuild: { model, dimension },
      remove: [],
      upsert: copy.articles.map((item) => ({ ...item, vectors: item.vectors.map(project) })),
      digest: null,
      files: copy.files,
      // Calibration is measured on a model's own vectors: the copy answers with the defaults.
      calibration: null,
    });
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  for (const file of [`${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(file, { force: true });
  fs.renameSync(building, dbPath);
  fs.writeFileSync(marker, made);
  return { dbPath, description };
}
