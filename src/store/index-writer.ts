import type Database from 'better-sqlite3';
import { articleBody, type Article } from '../document/article.js';
import type { PassageDraft, QuoteDraft } from '../document/drafts.js';
import { writeDigest, type IndexDigest } from './index-digest.js';
import {
  createFilesTable,
  createReadIndexes,
  createSchema,
  dropSchema,
  keepCalibrationUntilMeasured,
  lastMeasuredCalibration,
  quantizeSigns,
  upgradeTextIndex,
  writeCalibration,
  type IndexModel,
} from './schema.js';
import { ListWriter } from './vector-lists.js';

export interface ArticleToStore {
  article: Article;
  hash: string;
  /** The headline and subjects searched and embedded with every passage of the article. */
  context: string;
  passages: readonly PassageDraft[];
  vectors: readonly Float32Array[];
  quotes: readonly QuoteDraft[];
  /** When it was indexed; a new article is indexed now, a migrated one keeps its time. */
  indexedAt?: string;
}

export interface IndexChanges {
  /** Drop everything and create the tables for this model before writing. */
  rebuild: IndexModel | null;
  /** Article keys to delete. Keys in `upsert` are replaced, so they need not be listed here. */
  remove: readonly string[];
  upsert: readonly ArticleToStore[];
  /** What this re-index added and updated, for the bot's digest; null leaves the last one in place. */
  digest?: IndexDigest | null;
  /** Every article file as read for this write, replacing the recorded ones; null leaves them as they are. */
  files?: readonly FileStamp[] | null;
  /**
   * The settings measured on these very articles (a migration copies them with the index); otherwise a
   * change of articles keeps the last measurement, marked stale, until it is measured again.
   */
  calibration?: string | null;
}

/** Called as passages are written: a write of a large index (a migration) shows its progress. */
export type WriteProgress = (passagesWritten: number) => void;

/** An article file's size and modification time when it was read, and the settings it was read with. */
export interface FileStamp {
  path: string;
  size: number;
  mtimeNs: bigint;
  readWith: string;
}

export interface WriteResult {
  passagesAdded: number;
  passagesRemoved: number;
}

export interface StoredArticle {
  file: string;
  hash: string;
}

/** Every indexed article by key, with the content hash the re-index compares against. */
export function readStoredArticles(db: Database.Database): Map<string, StoredArticle> {
  const rows = db.prepare('SELECT key, file, content_hash AS hash FROM articles').all() as ({
    key: string;
  } & StoredArticle)[];
  return new Map(rows.map(({ key, file, hash }) => [key, { file, hash }]));
}

/** The recorded files by path; none for an index made before the files table. */
export function readFileStamps(db: Database.Database): Map<string, FileStamp> {
  const exists = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'files'");
  if (exists.pluck().get() === 0) return new Map();
  const rows = db
    .prepare('SELECT path, size, mtime_ns AS mtimeNs, read_with AS readWith FROM files')
    .safeIntegers(true)
    .all() as { path: string; size: bigint; mtimeNs: bigint; readWith: string }[];
  return new Map(rows.map((row) => [row.path, { ...row, size: Number(row.size) }]));
}

/** Whether the changes touch articles (and so what calibration measured), not only the recorded files. */
export const changesArticles = (changes: IndexChanges): boolean =>
  changes.rebuild !== null || changes.remove.length > 0 || changes.upsert.length > 0;

function replaceFileStamps(db: Database.Database, files: readonly FileStamp[]): void {
  createFilesTable(db);
  db.exec('DELETE FROM files');
  const insert = db.prepare('INSERT INTO files (path, size, mtime_ns, read_with) VALUES (?, ?, ?, ?)');
  for (const { path, size, mtimeNs, readWith } of files) insert.run(path, size, mtimeNs, readWith);
}

function prepareStatements(db: Database.Database) {
  return {
    lists: new ListWriter(db),
    findArticle: db.prepare('SELECT id FROM articles WHERE key = ?').pluck(),
    passageIds: db.prepare('SELECT id FROM passages WHERE article_id = ?').pluck(),
    deleteVector: db.prepare('DELETE FROM passage_vectors WHERE passage_id = ?'),
    deleteArticle: db.prepare('DELETE FROM articles WHERE id = ?'),
    insertArticle: db.prepare(`
      INSERT INTO articles (key, file, title, source, url, published, author, context, body, content_hash, indexed_at)
      VALUES (@key, @file, @title, @source, @url, @published, @author, @context, @body, @hash, @indexedAt)`),
    insertPassage: db.prepare(`
      INSERT INTO passages (article_id, ordinal, paragraph, start, end, kind, text)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    insertVector: db.prepare(
      'INSERT INTO passage_vectors (passage_id, embedding, embedding_bits, article_id) VALUES (?, ?, vec_bit(?), ?)',
    ),
    insertEmbedding: db.prepare('INSERT INTO passage_embeddings (passage_id, embedding) VALUES (?, ?)'),
    insertQuote: db.prepare(`
      INSERT INTO quotes (passage_id, article_id, speaker, surname, role, start, end)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
  };
}
type Statements = ReturnType<typeof prepareStatements>;

function removeArticle(statements: Statements, key: string): number {
  const articleId = statements.findArticle.get(key) as number | undefined;
  if (articleId === undefined) return 0;
  const passageIds = statements.passageIds.all(articleId) as number[];
  // vec0 is a virtual table: foreign keys do not reach it, so its rows go by hand. Rowids as BigInt: sqlite-vec #270.
  for (const passageId of passageIds) statements.deleteVector.run(BigInt(passageId));
  statements.deleteArticle.run(articleId);
  return passageIds.length;
}

function insertArticle(statements: Statements, item: ArticleToStore, indexedAt: string): void {
  const { article } = item;
  const articleId = Number(
    statements.insertArticle.run({
      key: article.key,
      file: article.file,
      title: article.title,
      source: article.source,
      url: article.url,
      published: article.published,
      author: article.author,
      context: item.context,
      body: articleBody(article),
      hash: item.hash,
      indexedAt: item.indexedAt ?? indexedAt,
    }).lastInsertRowid,
  );
  const passageIds = item.passages.map((passage, index) => {
    const passageId = statements.insertPassage.run(
      articleId,
      passage.ordinal,
      passage.paragraph,
      passage.start,
      passage.end,
      passage.kind,
      passage.text,
    ).lastInsertRowid;
    const vector = item.vectors[index]!;
    statements.insertVector.run(BigInt(passageId), vector, quantizeSigns(vector), BigInt(articleId));
    statements.insertEmbedding.run(passageId, vector);
    statements.lists.assign(passageId, vector);
    return passageId;
  });
  for (const quote of item.quotes) {
    statements.insertQuote.run(
      passageIds[quote.passageOrdinal]!,
      articleId,
      quote.speaker,
      quote.surname,
      quote.role,
      quote.start,
      quote.end,
    );
  }
}

/**
 * Writes a whole re-index in one transaction: a reader sees the old index or the new one, never a mix,
 * and a process killed half-way leaves the old index as it was.
 */
export function applyIndexChanges(
  db: Database.Database,
  changes: IndexChanges,
  onProgress?: WriteProgress,
): WriteResult {
  for (const item of changes.upsert) {
    if (item.vectors.length !== item.passages.length) {
      throw new Error(
        `${item.article.key}: ${item.passages.length} passages but ${item.vectors.length} vectors`,
      );
    }
  }
  const write = db.transaction((): WriteResult => {
    const articlesChange = changesArticles(changes);
    // Read before a rebuild drops it.
    const lastMeasured = articlesChange ? lastMeasuredCalibration(db) : null;
    let passagesRemoved = 0;
    if (changes.rebuild) {
      passagesRemoved = (db
        .prepare("SELECT count(*) FROM sqlite_master WHERE name = 'passages'")
        .pluck()
        .get() as number)
        ? (db.prepare('SELECT count(*) FROM passages').pluck().get() as number)
        : 0;
      dropSchema(db);
      createSchema(db, changes.rebuild);
    }
    // Only articles change what calibration measured: recording a touched file's new time keeps it.
    if (articlesChange) keepCalibrationUntilMeasured(db, lastMeasured);
    if (changes.calibration) writeCalibration(db, changes.calibration);
    if (changes.files) replaceFileStamps(db, changes.files);
    createReadIndexes(db);
    upgradeTextIndex(db);
    const statements = prepareStatements(db);
    for (const key of changes.remove) passagesRemoved += removeArticle(statements, key);
    const indexedAt = new Date().toISOString();
    let passagesAdded = 0;
    for (const item of changes.upsert) {
      passagesRemoved += removeArticle(statements, item.article.key);
      insertArticle(statements, item, indexedAt);
      passagesAdded += item.passages.length;
      onProgress?.(passagesAdded);
    }
    statements.lists.finish();
    if (changes.digest) writeDigest(db, changes.digest);
    return { passagesAdded, passagesRemoved };
  });
  return write.immediate();
}
