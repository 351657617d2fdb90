import type { PassageDraft, QuoteDraft } from '../document/drafts.js';
import type { IndexDigest } from './index-digest.js';
import type { ArticleToStore, FileStamp } from './index-writer.js';
import { storedCalibrationFrom, type IndexModel } from './schema.js';

/**
 * Everything an index holds, read back from one store to be written to another (`npm run migrate`): the
 * articles with their passages, vectors and quotes as stored, the recorded files, the last digest and
 * the calibration measured on these articles. Nothing is embedded again.
 */
export interface IndexCopy {
  model: IndexModel;
  articles: ArticleToStore[];
  /** Null for an index made before the files table: the next ingest reads every file once, as there. */
  files: FileStamp[] | null;
  digest: IndexDigest | null;
  calibration: string | null;
}

/** Only settings measured on these very articles travel with a copy: stale ones are measured again after. */
export const currentCalibration = (settings: string | null, stale: string | null): string | null =>
  storedCalibrationFrom(settings, stale)?.current ? settings : null;

/** Reading a large index takes a while: called as passages are read, with their total. */
export type ReadProgress = (passagesRead: number, total: number) => void;

/** Passages are read in pages of this many rows (a few megabytes of vectors), not in one result. */
export const PASSAGES_PER_PAGE = 5000;

export interface ArticleRow {
  id: number;
  key: string;
  file: string;
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
  author: string | null;
  context: string;
  body: string;
  content_hash: string;
  indexed_at: string;
}

export type PassageRow = PassageDraft & { id: number; article_id: number; embedding: Float32Array };

export type QuoteRow = Omit<QuoteDraft, 'passageOrdinal'> & { passage_id: number; article_id: number };

/** Rows by their article id, in the order given (Map.groupBy is not in Node 20). */
function byArticle<T extends { article_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.article_id);
    if (group) group.push(row);
    else groups.set(row.article_id, [row]);
  }
  return groups;
}

/**
 * The rows of both stores as the writers take them, articles in the order of their ids and passages in
 * theirs, so the copy numbers them in the same order (ties in a ranking fall the same way).
 */
export function assembleArticles(
  articles: readonly ArticleRow[],
  passages: readonly PassageRow[],
  quotes: readonly QuoteRow[],
): ArticleToStore[] {
  const passagesOf = byArticle([...passages].sort((a, b) => a.id - b.id));
  const quotesOf = byArticle(quotes);
  return [...articles]
    .sort((a, b) => a.id - b.id)
    .map((row) => {
      const own = passagesOf.get(row.id) ?? [];
      const position = new Map(own.map((passage, index) => [passage.id, index]));
      return {
        article: {
          key: row.key,
          file: row.file,
          title: row.title,
          source: row.source,
          url: row.url,
          published: row.published,
          author: row.author,
          // The stores keep the body as one text (its paragraphs joined) and the writers store only that.
          paragraphs: [{ text: row.body, kind: 'body' as const }],
        },
        hash: row.content_hash,
        context: row.context,
        indexedAt: row.indexed_at,
        passages: own.map(({ ordinal, paragraph, start, end, kind, text }) => ({
          ordinal,
          paragraph,
          start,
          end,
          kind,
          text,
        })),
        vectors: own.map((passage) => passage.embedding),
        quotes: (quotesOf.get(row.id) ?? []).flatMap(({ passage_id, speaker, surname, role, start, end }) => {
          const passageOrdinal = position.get(passage_id);
          return passageOrdinal === undefined ? [] : [{ passageOrdinal, speaker, surname, role, start, end }];
        }),
      };
    });
}
