import type pg from 'pg';
import type { FileStamp } from '../index-writer.js';
import { IndexError, modelMismatchMessage } from '../open-database.js';
import {
  CALIBRATION_KEY,
  CALIBRATION_STALE_KEY,
  SCHEMA_VERSION,
  type IndexMeta,
  type IndexModel,
} from '../schema.js';
import { describeLocation, type PgLocation } from './pg-connect.js';

/** Index tables, dropped by a rebuild for another dimension or schema; the feedback tables are not. */
const TABLES = [
  'files',
  'quotes',
  'postings',
  'passages',
  'articles',
  'term_stats',
  'corpus_stats',
  'meta',
] as const;

/**
 * pgvector's HNSW build parameters (cosine distance): its defaults, m 16 and ef_construction 64. On the
 * development archive (120,916 passages; scripts/bench/pg-hnsw.ts) they give recall@10 0.957 to 0.986 at
 * ef_search 50 to 400, built in 144 s into 155 MB (maintenance_work_mem 3 GB, load about 22 on 2 cores).
 * At 1M passages (the scale bench's index; `npx tsx scripts/bench/pg-hnsw.ts --db <its passages-1000000.db>
 * --queries 40`, load 6 to 15): recall@10 0.95 at ef_search 100 (chosen on 40 held-out headlines, 0.9525
 * there), p50 / p95 9.3 / 21 ms, and 0.97 at 200 (14.9 / 27.7 ms); built in 1,604 s at nice 19 under load
 * 13 to 23 (one parallel worker, maintenance_work_mem 4 GB) into 1,300 MB. Other m and ef_construction
 * were not built at 1M (one build takes half an hour here): the defaults already meet recall 0.95 within
 * the 50 ms.
 */
export const HNSW_PARAMETERS: HnswParameters = { m: 16, ef_construction: 64 };

export interface HnswParameters {
  m: number;
  ef_construction: number;
}

export const hnswIndexSql = ({ m, ef_construction }: HnswParameters) =>
  `CREATE INDEX passages_embedding ON passages USING hnsw (embedding vector_cosine_ops) WITH (m = ${m}, ef_construction = ${ef_construction})`;

export const HNSW_INDEX_SQL = hnswIndexSql(HNSW_PARAMETERS);

/**
 * Terms compare byte by byte (COLLATE "C"), as equality does anyway: the postings' key is built by sorting
 * hundreds of thousands of terms, and a locale's collation (even C.UTF-8) compares through strcoll. On BBC's
 * 655,846 postings, three interleaved builds of the key under load 25: median 9.2 s with the database's
 * C.UTF-8 against 6.0 s byte-wise.
 */
const TERM = 'text COLLATE "C"';

/**
 * FTS5's inverted index, written at ingest: a question's BM25 reads its terms' rows and nothing else. No
 * foreign key (each row would be checked against passages as it loads): the writer deletes a passage's
 * postings with it. The primary key is added once the rows are in (createPgSearchIndexes); it holds the
 * counts too, so a query reads postings from the index alone once VACUUM has marked the pages visible (the
 * writer's last step): on BBC (10,646 passages, 100 headlines, three rounds, load average about 44 on 2
 * cores) BM25 took p50 15.4 / p95 46.6 ms so, against 24.8 / 80.1 ms reading each posting from the table.
 */
const POSTINGS_TABLE = `
  CREATE TABLE postings (
    term ${TERM} NOT NULL,
    passage_id integer NOT NULL,
    text_count integer NOT NULL,
    context_count integer NOT NULL,
    -- The passage's term_count, here so ranking joins nothing.
    length integer NOT NULL
  )`;

/**
 * The index on Postgres: the same rows as on SQLite, with what FTS5 keeps inside its own tables made
 * explicit so BM25 can be computed in SQL (postgres-passage-store.ts): the postings (for each term, the
 * passages holding it, how often in each column, and the passage's length in terms); how many passages
 * hold each term; the passage count and total length. Each passage's terms as FTS5 counts them (its text
 * and its article's context, as tsvectors of stemmed terms with positions) decide phrase and AND queries.
 */
export async function createPgSchema(client: pg.ClientBase, { model, dimension }: IndexModel): Promise<void> {
  if (!Number.isInteger(dimension) || dimension <= 0)
    throw new Error(`Invalid embedding dimension ${dimension}`);
  await client.query(`
    CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
    CREATE SEQUENCE IF NOT EXISTS article_ids;
    CREATE SEQUENCE IF NOT EXISTS passage_ids;
    CREATE TABLE articles (
      id integer PRIMARY KEY DEFAULT nextval('article_ids'),
      key text NOT NULL UNIQUE,
      file text NOT NULL,
      title text NOT NULL,
      source text,
      url text,
      published text,
      author text,
      context text NOT NULL,
      body text NOT NULL,
      content_hash text NOT NULL,
      indexed_at text NOT NULL
    );
    CREATE TABLE passages (
      id integer PRIMARY KEY DEFAULT nextval('passage_ids'),
      article_id integer NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      ordinal integer NOT NULL,
      paragraph integer NOT NULL,
      start integer NOT NULL,
      "end" integer NOT NULL,
      kind text NOT NULL CHECK (kind IN ('body', 'caption')),
      text text NOT NULL,
      text_terms tsvector NOT NULL,
      context_terms tsvector NOT NULL,
      -- FTS5's document length: the terms of both columns.
      term_count integer NOT NULL,
      -- What a MATCH reads: a term in either column.
      terms tsvector GENERATED ALWAYS AS (text_terms || context_terms) STORED,
      embedding vector(${dimension}) NOT NULL
    );
    CREATE INDEX passages_by_article ON passages(article_id, ordinal);
    CREATE TABLE quotes (
      id serial PRIMARY KEY,
      passage_id integer NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
      article_id integer NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      speaker text NOT NULL,
      surname text NOT NULL,
      role text,
      start integer NOT NULL,
      "end" integer NOT NULL
    );
    CREATE INDEX quotes_by_speaker ON quotes(speaker);
    CREATE INDEX quotes_by_passage ON quotes(passage_id);
    CREATE INDEX quotes_by_article ON quotes(article_id);
    ${POSTINGS_TABLE};
    -- How many passages hold each term: BM25's document frequencies.
    CREATE TABLE term_stats (term ${TERM} PRIMARY KEY, documents integer NOT NULL);
    -- One row: the passage count and total length BM25 needs, and the version readers cache by.
    CREATE TABLE corpus_stats (
      passages integer NOT NULL, total_terms bigint NOT NULL, version bigint NOT NULL
    );
    INSERT INTO corpus_stats VALUES (0, 0, 0);
  `);
  await createPgFilesTable(client);
  await client.query('INSERT INTO meta (key, value) VALUES ($1, $2), ($3, $4), ($5, $6)', [
    'schema_version',
    String(SCHEMA_VERSION),
    'model',
    model,
    'dimension',
    String(dimension),
  ]);
}

/**
 * The postings' key and the vector index: created by the writer after it loads the passages of a new
 * table, which is three times faster than filling them row by row (BBC's 10,646 passages on the loaded
 * test machine: 2.8 s to insert and 20 s to build HNSW afterwards, against 66 s into the index). Full
 * text needs no GIN index: the postings find a query's candidates.
 */
export async function createPgSearchIndexes(client: pg.ClientBase): Promise<void> {
  await client.query(`
    ALTER TABLE postings ADD PRIMARY KEY (term, passage_id) INCLUDE (text_count, context_count, length);
    -- Used above VECTOR_QUANTIZE_ABOVE passages (below it search is exact, as on SQLite); ef_search in
    -- postgres-passage-store.ts.
    ${HNSW_INDEX_SQL};
  `);
}

/**
 * The article files as the last ingest read them, as on SQLite (createFilesTable in ../schema.ts): a file
 * of the same size, time and read settings is not read again. An index from before it gets it on its next
 * write, having read every file once.
 */
export async function createPgFilesTable(client: pg.ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE IF NOT EXISTS files (
      path text PRIMARY KEY,
      size bigint NOT NULL,
      mtime_ns bigint NOT NULL,
      read_with text NOT NULL
    )`);
}

export async function dropPgSchema(client: pg.ClientBase): Promise<void> {
  for (const table of TABLES) await client.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
}

/** Whether the index has its postings: one written before them lacks the table. */
export async function hasPgPostings(client: pg.ClientBase | pg.Pool): Promise<boolean> {
  const { rows } = await client.query<{ found: boolean }>(
    "SELECT to_regclass('postings') IS NOT NULL AS found",
  );
  return rows[0]?.found ?? false;
}

/**
 * Gives an index written before the postings its postings, from the terms each passage stores with their
 * positions (so a term's count there stops at the 256 positions a tsvector keeps): nothing is read or
 * embedded again.
 */
export async function addPgPostings(client: pg.ClientBase): Promise<void> {
  await client.query(`
    ${POSTINGS_TABLE};
    INSERT INTO postings (term, passage_id, text_count, context_count, length)
    SELECT x.term, p.id, x.text_count, x.context_count, p.term_count
    FROM passages p CROSS JOIN LATERAL (
      SELECT coalesce(t.lexeme, c.lexeme) AS term, coalesce(array_length(t.positions, 1), 0) AS text_count,
             coalesce(array_length(c.positions, 1), 0) AS context_count
      FROM unnest(p.text_terms) t FULL JOIN unnest(p.context_terms) c ON c.lexeme = t.lexeme
    ) x;
    ALTER TABLE postings ADD PRIMARY KEY (term, passage_id) INCLUDE (text_count, context_count, length)`);
}

/** Empties the index but keeps its tables: readers go on seeing the old rows until the rebuild commits. */
export async function emptyPgIndex(client: pg.ClientBase): Promise<void> {
  await client.query(
    'DELETE FROM quotes; DELETE FROM postings; DELETE FROM passages; DELETE FROM articles; DELETE FROM term_stats',
  );
}

/** The recorded article files, or null for an index made before the files table. */
export async function readPgFileStamps(client: pg.ClientBase): Promise<FileStamp[] | null> {
  const { rows } = await client.query<{ found: boolean }>("SELECT to_regclass('files') IS NOT NULL AS found");
  if (!rows[0]?.found) return null;
  // bigint arrives as text: mtime_ns needs all its digits.
  const stamps = await client.query<{ path: string; size: string; mtime_ns: string; read_with: string }>(
    'SELECT path, size, mtime_ns, read_with FROM files ORDER BY path',
  );
  return stamps.rows.map((row) => ({
    path: row.path,
    size: Number(row.size),
    mtimeNs: BigInt(row.mtime_ns),
    readWith: row.read_with,
  }));
}

/** The recorded index when this version can read it with `model`; refused as on SQLite otherwise. */
export function readableMeta(meta: IndexMeta | null, location: PgLocation, model: string): IndexMeta {
  const where = describeLocation(location);
  if (!meta) {
    throw new IndexError(
      `There is no index in ${where} yet (it is being built, or its first build was interrupted). Build it with "npm run ingest".`,
      'not-built',
    );
  }
  if (meta.schemaVersion !== SCHEMA_VERSION) {
    throw new IndexError(
      `The index in ${where} was built by another version of briefing-bot (schema ${meta.schemaVersion}, this one reads ${SCHEMA_VERSION}). Rebuild it with npm run ingest -- --full.`,
      'outdated',
    );
  }
  if (meta.model !== model) throw new IndexError(modelMismatchMessage(meta, model), 'other-model');
  return meta;
}

/** The recorded model and schema, or null when the schema holds no index yet. */
export async function readPgMeta(client: pg.ClientBase | pg.Pool): Promise<IndexMeta | null> {
  const exists = await client.query<{ found: boolean }>(
    "SELECT to_regclass('meta') IS NOT NULL AND to_regclass('corpus_stats') IS NOT NULL AS found",
  );
  if (!exists.rows[0]?.found) return null;
  const { rows } = await client.query<{ key: string; value: string }>('SELECT key, value FROM meta');
  const values = new Map(rows.map((row) => [row.key, row.value]));
  if (!values.has('schema_version')) return null;
  return {
    schemaVersion: Number(values.get('schema_version')),
    model: values.get('model') ?? '',
    dimension: Number(values.get('dimension') ?? 0),
  };
}

const UPSERT_META =
  'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value';

/** Stores the settings measured on this index's articles as they are now. */
export async function writePgCalibration(
  client: pg.ClientBase | pg.Pool,
  calibration: string,
): Promise<void> {
  await client.query(UPSERT_META, [CALIBRATION_KEY, calibration]);
  await client.query('DELETE FROM meta WHERE key = $1', [CALIBRATION_STALE_KEY]);
}

/** As on SQLite (see keepCalibrationUntilMeasured there): the last measurement answers until the next. */
export async function keepPgCalibrationUntilMeasured(
  client: pg.ClientBase,
  lastMeasured: string | null,
): Promise<void> {
  if (lastMeasured === null) return;
  await client.query(UPSERT_META, [CALIBRATION_KEY, lastMeasured]);
  await client.query(UPSERT_META, [CALIBRATION_STALE_KEY, '1']);
}

/** A tsvector literal: each term with the positions it holds (1-based), so counts and phrases survive. */
export function tsvectorLiteral(terms: readonly string[]): string {
  const positions = new Map<string, number[]>();
  terms.forEach((term, index) => {
    const at = positions.get(term);
    // tsvector keeps 256 positions of a lexeme at most, each up to 16,383.
    const position = Math.min(index + 1, 16_383);
    if (!at) positions.set(term, [position]);
    else if (at.length < 256) at.push(position);
  });
  return [...positions]
    .map(([term, at]) => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}':${at.join(',')}`)
    .join(' ');
}

/** pgvector's text form, exact for float32 values (it parses with strtof). */
export const vectorLiteral = (vector: Float32Array) => `[${Array.from(vector).join(',')}]`;

export function parseVector(text: string): Float32Array {
  return Float32Array.from(text.slice(1, -1).split(','), Number);
}
