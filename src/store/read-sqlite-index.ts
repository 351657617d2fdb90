import { DIGEST_KEY, parseDigest } from './index-digest.js';
import {
  assembleArticles,
  currentCalibration,
  PASSAGES_PER_PAGE,
  type ArticleRow,
  type IndexCopy,
  type PassageRow,
  type QuoteRow,
  type ReadProgress,
} from './index-copy.js';
import { readFileStamps } from './index-writer.js';
import { asIndexError, openIndexForRead } from './open-database.js';
import { CALIBRATION_KEY, CALIBRATION_STALE_KEY } from './schema.js';

/** A stored float32 vector: copied, since SQLite's buffer need not be aligned for a Float32Array view. */
const floats = (blob: Buffer) => new Float32Array(new Uint8Array(blob).buffer);

/**
 * The whole SQLite index at `dbPath`, in one read transaction: an ingest committing meanwhile is seen
 * wholly or not at all. Refused as the bot refuses it: no index, another schema, another model.
 */
export function readSqliteIndex(
  dbPath: string,
  model: string,
  { sqliteVecPath, onProgress }: { sqliteVecPath?: string; onProgress?: ReadProgress } = {},
): IndexCopy {
  const { db, meta } = openIndexForRead(dbPath, model, { readOnly: true, sqliteVecPath });
  try {
    db.exec('BEGIN');
    const metaValue = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
    const articles = db
      .prepare(
        'SELECT id, key, file, title, source, url, published, author, context, body, content_hash, indexed_at FROM articles',
      )
      .all() as ArticleRow[];
    const total = db.prepare('SELECT count(*) FROM passages').pluck().get() as number;
    const page = db.prepare(`
      SELECT p.id, p.article_id, p.ordinal, p.paragraph, p.start, p.end, p.kind, p.text, e.embedding
      FROM passages p JOIN passage_embeddings e ON e.passage_id = p.id
      WHERE p.id > ? ORDER BY p.id LIMIT ${PASSAGES_PER_PAGE}`);
    const passages: PassageRow[] = [];
    for (let last = 0; ;) {
      const rows = page.all(last) as (Omit<PassageRow, 'embedding'> & { embedding: Buffer })[];
      if (rows.length === 0) break;
      for (const row of rows) passages.push({ ...row, embedding: floats(row.embedding) });
      last = rows.at(-1)!.id;
      onProgress?.(passages.length, total);
    }
    const quotes = db
      .prepare('SELECT passage_id, article_id, speaker, surname, role, start, end FROM quotes ORDER BY id')
      .all() as QuoteRow[];
    const hasFiles =
      db
        .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'files'")
        .pluck()
        .get() !== 0;
    const copy: IndexCopy = {
      model: { model: meta.model, dimension: meta.dimension },
      articles: assembleArticles(articles, passages, quotes),
      files: hasFiles ? [...readFileStamps(db).values()] : null,
      digest: parseDigest((metaValue.get(DIGEST_KEY) as string | undefined) ?? null),
      calibration: currentCalibration(
        (metaValue.get(CALIBRATION_KEY) as string | undefined) ?? null,
        (metaValue.get(CALIBRATION_STALE_KEY) as string | undefined) ?? null,
      ),
    };
    db.exec('COMMIT');
    return copy;
  } catch (error) {
    throw asIndexError(dbPath, error);
  } finally {
    db.close();
  }
}
