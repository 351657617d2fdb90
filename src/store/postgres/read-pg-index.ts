import { DIGEST_KEY, parseDigest } from '../index-digest.js';
import {
  assembleArticles,
  currentCalibration,
  PASSAGES_PER_PAGE,
  type ArticleRow,
  type IndexCopy,
  type PassageRow,
  type QuoteRow,
  type ReadProgress,
} from '../index-copy.js';
import { CALIBRATION_KEY, CALIBRATION_STALE_KEY } from '../schema.js';
import { connectClient, describePgError, type PgLocation } from './pg-connect.js';
import { parseVector, readableMeta, readPgFileStamps, readPgMeta } from './pg-schema.js';

/**
 * The whole index in the Postgres schema, in one read-only snapshot (REPEATABLE READ): an ingest
 * committing meanwhile is seen wholly or not at all. Refused as the bot refuses it: no index, another
 * schema, another model.
 */
export async function readPgIndex(
  location: PgLocation,
  model: string,
  onProgress?: ReadProgress,
): Promise<IndexCopy> {
  const client = await connectClient(location);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const meta = readableMeta(await readPgMeta(client), location, model);
    const articles = await client.query<ArticleRow>(
      'SELECT id, key, file, title, source, url, published, author, context, body, content_hash, indexed_at FROM articles',
    );
    const total = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM passages')).rows[0]!.n;
    const passages: PassageRow[] = [];
    for (let last = 0; ;) {
      const { rows } = await client.query<Omit<PassageRow, 'embedding'> & { embedding: string }>(
        `SELECT id, article_id, ordinal, paragraph, start, "end", kind, text, embedding::text
         FROM passages WHERE id > $1 ORDER BY id LIMIT ${PASSAGES_PER_PAGE}`,
        [last],
      );
      if (rows.length === 0) break;
      for (const row of rows) passages.push({ ...row, embedding: parseVector(row.embedding) });
      last = rows.at(-1)!.id;
      onProgress?.(passages.length, total);
    }
    const quotes = await client.query<QuoteRow>(
      'SELECT passage_id, article_id, speaker, surname, role, start, "end" FROM quotes ORDER BY id',
    );
    const metaValue = async (key: string) =>
      (await client.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key])).rows[0]
        ?.value ?? null;
    const copy: IndexCopy = {
      model: { model: meta.model, dimension: meta.dimension },
      articles: assembleArticles(articles.rows, passages, quotes.rows),
      files: await readPgFileStamps(client),
      digest: parseDigest(await metaValue(DIGEST_KEY)),
      calibration: currentCalibration(
        await metaValue(CALIBRATION_KEY),
        await metaValue(CALIBRATION_STALE_KEY),
      ),
    };
    await client.query('COMMIT');
    return copy;
  } catch (error) {
    throw describePgError(location, error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
