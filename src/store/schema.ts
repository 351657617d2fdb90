import type Database from 'better-sqlite3';

/** Bumped whenever a table changes shape; an index of another version is rebuilt by the next ingest. */
export const SCHEMA_VERSION = 3;

export interface IndexModel {
  model: string;
  dimension: number;
}

export interface IndexMeta extends IndexModel {
  schemaVersion: number;
}

export const CALIBRATION_KEY = 'calibration';
/** Set while the articles differ from those the stored calibration was measured on. */
export const CALIBRATION_STALE_KEY = 'calibration_stale';

/** The settings measured on an index, and whether its articles are still the ones they were measured on. */
export interface StoredCalibration {
  settings: string;
  current: boolean;
}

/** The stored calibration from the index's meta values, whichever store holds them. */
export const storedCalibrationFrom = (
  settings: string | null,
  stale: string | null,
): StoredCalibration | null => (settings === null ? null : { settings, current: stale === null });

const TABLES = [
  'files',
  'quotes',
  'passage_lists',
  'vector_lists',
  'passage_vectors',
  'passage_embeddings',
  'passages_fts',
  'passages',
  'articles',
  'meta',
] as const;

/**
 * A term as an FTS5 string: quoted, inner quotes doubled, so no text is ever read as FTS5 syntax (AND,
 * NEAR, column filters, stars), and without NULs, which end an FTS5 string early ("unterminated string").
 */
export const ftsString = (term: string) => `"${term.replaceAll('\u0000', '').replaceAll('"', '""')}"`;

/**
 * Two columns, each with its own BM25 weight (PassageStore): the passage's words, and its article's context.
 * Contentless (the text is in passages, the context in articles). A passage leaves it through FTS5's
 * 'delete' command with the words it was indexed with, when its article is deleted (passages are deleted
 * only with their article): that lowers the row and word totals BM25 reads. A contentless_delete=1 table,
 * used before, deletes by rowid alone and never lowers them, so every re-index of an article inflated
 * them: the development archive, rebuilt in place a dozen times, counted 1,005,945 rows for 109,150
 * passages, and its rankings drifted with each rebuild.
 */
const TEXT_INDEX = `
  CREATE VIRTUAL TABLE passages_fts USING fts5(
    text, context, content='', tokenize='porter unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts(rowid, text, context)
    VALUES (new.id, new.text, (SELECT context FROM articles WHERE id = new.article_id));
  END;
  CREATE TRIGGER passages_fts_delete BEFORE DELETE ON articles BEGIN
    INSERT INTO passages_fts(passages_fts, rowid, text, context)
    SELECT 'delete', id, text, old.context FROM passages WHERE article_id = old.id;
  END;
`;

/**
 * Replaces a text index built before the 'delete' command (see TEXT_INDEX) with one built afresh from the
 * stored passages, whose totals are exact; in the caller's transaction. 109,150 passages take about
 * ten seconds, once.
 */
export function upgradeTextIndex(db: Database.Database): void {
  const definition = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'passages_fts'").pluck().get() as
    string | undefined;
  if (!definition?.includes('contentless_delete')) return;
  db.exec(`
    DROP TRIGGER IF EXISTS passages_fts_insert;
    DROP TRIGGER IF EXISTS passages_fts_delete;
    DROP TABLE passages_fts;
    ${TEXT_INDEX}
    INSERT INTO passages_fts(rowid, text, context)
    SELECT p.id, p.text, a.context FROM passages p JOIN articles a ON a.id = p.article_id;
  `);
}

export function dropSchema(db: Database.Database): void {
  for (const table of TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
}

/** sqlite-vec stores bit vectors in whole bytes: a dimension not divisible by 8 is padded with zero bits. */
export function quantizedDimension(dimension: number): number {
  return Math.ceil(dimension / 8) * 8;
}

/**
 * One bit per dimension, set when the value is positive, least significant bit first: what sqlite-vec's
 * vec_quantize_binary computes, except that it refuses dimensions not divisible by 8 and this pads them.
 * Writer and reader share it, so stored codes and query codes always agree.
 */
export function quantizeSigns(
  vector: Float32Array,
  into = new Uint8Array(Math.ceil(vector.length / 8)),
): Uint8Array {
  into.fill(0);
  for (let i = 0; i < vector.length; i++) if (vector[i]! > 0) into[i >> 3] = into[i >> 3]! | (1 << (i & 7));
  return into;
}

/**
 * The article files as the last ingest read them: a file whose size and modification time are the same
 * again is not read (its articles are those indexed from it). `read_with` is what else decides what a file
 * is indexed as (readSettings), so changing a setting reads everything again. Added without a schema bump:
 * an index from before it has no such table, reads every file once, and gets the table on that write.
 */
export function createFilesTable(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS files (
      path TEXT PRIMARY KEY,
      size INTEGER NOT NULL,
      mtime_ns INTEGER NOT NULL,
      read_with TEXT NOT NULL
    ) STRICT;
  `);
}

/**
 * Indexes that only questions read: the day of publication, which a period filters on (without it each
 * period question read every article row, bodies included: 36 ms of CPU at 20,993 articles), and the
 * quoted name, which a speaker's statements are found by (a scan of 42,625 quotes: 8.4 ms). The day's
 * expression is the one the store's queries filter on (WITHIN_PERIOD in passage-store.ts), or SQLite does
 * not use the index. Added without a schema bump, like the files table: an index from before them answers
 * the same, only slower, and gets them at its next write.
 */
export function createReadIndexes(db: Database.Database): void {
  db.exec(`
    CREATE INDEX IF NOT EXISTS articles_by_day ON articles(substr(published, 1, 10));
    CREATE INDEX IF NOT EXISTS quotes_by_name ON quotes(speaker);
  `);
}

export function createSchema(db: Database.Database, { model, dimension }: IndexModel): void {
  if (!Number.isInteger(dimension) || dimension <= 0)
    throw new Error(`Invalid embedding dimension ${dimension}`);
  db.exec(`
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

    CREATE TABLE articles (
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE,
      file TEXT NOT NULL,
      title TEXT NOT NULL,
      source TEXT,
      url TEXT,
      published TEXT,
      author TEXT,
      -- The headline and the names the story is about (articleContext): searched with every passage.
      context TEXT NOT NULL,
      body TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      indexed_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE passages (
      id INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      paragraph INTEGER NOT NULL,
      start INTEGER NOT NULL,
      end INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('body', 'caption')),
      text TEXT NOT NULL
    ) STRICT;
    CREATE INDEX passages_by_article ON passages(article_id, ordinal);

    -- Who said what: offsets into the article body, tied to the passage holding the statement.
    CREATE TABLE quotes (
      id INTEGER PRIMARY KEY,
      passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      speaker TEXT NOT NULL,
      surname TEXT NOT NULL,
      role TEXT,
      start INTEGER NOT NULL,
      end INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX quotes_by_speaker ON quotes(surname COLLATE NOCASE);
    CREATE INDEX quotes_by_passage ON quotes(passage_id);

    ${TEXT_INDEX}

    -- embedding_bits holds the sign of each dimension (quantizeSigns): 32 times smaller than the floats,
    -- it is what the coarse pass of a large index scans (see PassageStore.nearest). A KNN query on one
    -- vector column reads only that column's chunks, so the exact search does not pay for it.
    CREATE VIRTUAL TABLE passage_vectors USING vec0(
      passage_id INTEGER PRIMARY KEY,
      embedding float[${dimension}] distance_metric=cosine,
      embedding_bits bit[${quantizedDimension(dimension)}],
      article_id INTEGER
    );
    -- The same floats again, by passage: vec0 reads a whole chunk (1,024 vectors) to return one row, so
    -- fetching a few hundred vectors by id (rescoring, similarities of the final hits) costs a scan of
    -- the index there and a few milliseconds here.
    CREATE TABLE passage_embeddings (
      passage_id INTEGER PRIMARY KEY REFERENCES passages(id) ON DELETE CASCADE,
      embedding BLOB NOT NULL
    ) STRICT;
  `);
  createFilesTable(db);
  createReadIndexes(db);
  const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  setMeta.run('schema_version', String(SCHEMA_VERSION));
  setMeta.run('model', model);
  setMeta.run('dimension', String(dimension));
}

/** What a SQLite file at DB_PATH holds: nothing yet, a briefing-bot index, or another application's tables. */
export type IndexContents =
  { kind: 'empty' } | { kind: 'index'; meta: IndexMeta } | { kind: 'foreign'; tables: string[] };

/**
 * A file is ours only when its `meta` table has our shape and a schema version: any other table (or a `meta`
 * of another shape) belongs to someone else, and nothing may be dropped or written there.
 */
export function readContents(db: Database.Database): IndexContents {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  if (tables.length === 0) return { kind: 'empty' };
  const metaColumns = new Set(db.prepare("SELECT name FROM pragma_table_info('meta')").pluck().all());
  if (!metaColumns.has('key') || !metaColumns.has('value')) return { kind: 'foreign', tables };
  const rows = db.prepare('SELECT key, value FROM meta').all() as { key: unknown; value: unknown }[];
  const values = new Map(rows.map((row) => [String(row.key), String(row.value)]));
  if (!values.has('schema_version')) return { kind: 'foreign', tables };
  return {
    kind: 'index',
    meta: {
      schemaVersion: Number(values.get('schema_version')),
      model: values.get('model') ?? '',
      dimension: Number(values.get('dimension') ?? 0),
    },
  };
}

/** The index's recorded model and schema, or null for a file that holds no briefing-bot index. */
export function readMeta(db: Database.Database): IndexMeta | null {
  const contents = readContents(db);
  return contents.kind === 'index' ? contents.meta : null;
}

/** Stores the settings measured on this index's articles as they are now. */
export function writeCalibration(db: Database.Database, calibration: string): void {
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(CALIBRATION_KEY, calibration);
  db.prepare('DELETE FROM meta WHERE key = ?').run(CALIBRATION_STALE_KEY);
}

/** The settings last measured on this index, if any (a first build has no meta table yet). */
export function lastMeasuredCalibration(db: Database.Database): string | null {
  const hasMeta = db
    .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
    .pluck()
    .get();
  if (!hasMeta) return null;
  return (
    (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(CALIBRATION_KEY) as string | undefined) ??
    null
  );
}

/**
 * Articles changed: what was measured no longer describes the index until it is measured again, but answers
 * keep using it meanwhile, marked stale. Answers between the write and the new measurement (seconds, longer
 * on a busy machine) would otherwise fall back to the model's defaults, which refused questions the measured
 * settings answer: a running bot answered "nothing found" to a sample question during a full re-index.
 */
export function keepCalibrationUntilMeasured(db: Database.Database, lastMeasured: string | null): void {
  if (lastMeasured === null) return;
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(CALIBRATION_KEY, lastMeasured);
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(CALIBRATION_STALE_KEY, '1');
}
