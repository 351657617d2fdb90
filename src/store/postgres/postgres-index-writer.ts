import { DIGEST_KEY } from '../index-digest.js';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { articleBody } from '../../document/article.js';
import {
  changesArticles,
  type FileStamp,
  type IndexChanges,
  type StoredArticle,
  type WriteProgress,
  type WriteResult,
} from '../index-writer.js';
import type { IndexWriting, WriteLockOptions } from '../index-writing.js';
import { IndexError } from '../open-database.js';
import { CALIBRATION_KEY, SCHEMA_VERSION, type IndexMeta, type IndexModel } from '../schema.js';
import { copyLine, copyLines } from './copy-rows.js';
import { stemmedTerms } from '../../document/stemmed-terms.js';
import { countTerms } from './fts-terms.js';
import { connectClient, describeLocation, describePgError, type PgLocation } from './pg-connect.js';
import {
  addPgPostings,
  createPgFilesTable,
  createPgSchema,
  createPgSearchIndexes,
  dropPgSchema,
  emptyPgIndex,
  hasPgPostings,
  readPgFileStamps,
  readPgMeta,
  tsvectorLiteral,
  keepPgCalibrationUntilMeasured,
  writePgCalibration,
  vectorLiteral,
} from './pg-schema.js';

const PAUSE_MS = 250;
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Passages per COPY: a few megabytes of vectors and postings each, few round trips (BBC: 11 batches). */
const PASSAGES_PER_BATCH = 1000;

/** Postgres says `vector` is missing only when the first table with a vector column is created. */
async function ensureSchema(client: pg.Client, schema: string): Promise<void> {
  await client.query('CREATE EXTENSION IF NOT EXISTS vector');
  await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replaceAll('"', '""')}"`);
}

const lockKey = (schema: string) => `briefing-index:${schema}`;

/**
 * An index written before the postings gets them when an ingest opens it, even one with nothing to
 * change: readers refuse it until then. Under the write lock, in a transaction of its own.
 */
async function addMissingPostings(client: pg.Client, location: PgLocation): Promise<void> {
  if (await hasPgPostings(client)) return;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey(location.schema)]);
    if (!(await hasPgPostings(client))) await addPgPostings(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await client.query('VACUUM (ANALYZE) postings');
}

/**
 * A re-index of the index in Postgres, on a connection of its own. The write takes a transaction-scoped
 * advisory lock, so concurrent ingests of one index run one after another; the whole write is one
 * transaction, so a failed or killed ingest leaves the previous index as it was, readable throughout.
 */
export class PostgresIndexWriting implements IndexWriting {
  readonly location: string;
  private inTransaction = false;
  private searchIndexesPending = false;

  private constructor(
    private readonly client: pg.Client,
    private readonly where: PgLocation,
    readonly meta: IndexMeta | null,
  ) {
    this.location = describeLocation(where);
  }

  /** `inspectOnly`: a dry run, which must not create the extension or the schema. */
  static async open(location: PgLocation, { inspectOnly = false } = {}): Promise<PostgresIndexWriting> {
    const client = await connectClient(location);
    try {
      if (!inspectOnly) await ensureSchema(client, location.schema);
      const meta = await readPgMeta(client);
      if (!inspectOnly && meta?.schemaVersion === SCHEMA_VERSION) await addMissingPostings(client, location);
      return new PostgresIndexWriting(client, location, meta);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw describePgError(location, error);
    }
  }

  async storedArticles(): Promise<Map<string, StoredArticle>> {
    if (!this.meta) return new Map();
    const { rows } = await this.run<{ key: string } & StoredArticle>(
      'SELECT key, file, content_hash AS hash FROM articles',
    );
    return new Map(rows.map(({ key, file, hash }) => [key, { file, hash }]));
  }

  async fileStamps(): Promise<Map<string, FileStamp>> {
    if (!this.meta) return new Map();
    const stamps = await readPgFileStamps(this.client).catch((error: unknown) => {
      throw this.describeWriteFailure(error);
    });
    return new Map((stamps ?? []).map((stamp) => [stamp.path, stamp]));
  }

  /** Postgres checks its own pages as it reads them; there is no whole-file check to run first. */
  async checkBeforeWrite(): Promise<void> {}

  async lock({ timeoutSeconds, onWait }: WriteLockOptions): Promise<void> {
    await this.run('BEGIN');
    this.inTransaction = true;
    const deadline = performance.now() + timeoutSeconds * 1000;
    for (let waiting = false; ;) {
      const { rows } = await this.run<{ locked: boolean }>(
        'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
        [lockKey(this.where.schema)],
      );
      if (rows[0]?.locked) break;
      if (performance.now() >= deadline) {
        throw new IndexError(
          `Another process (another "npm run ingest"?) has been writing the index in ${this.location} for more than ${timeoutSeconds} s: this run wrote nothing, and the index is as that process leaves it. Wait for it to finish or stop it, then run "npm run ingest" again (INGEST_LOCK_TIMEOUT_SECONDS sets how long to wait).`,
          'locked',
        );
      }
      if (!waiting) onWait?.(timeoutSeconds);
      waiting = true;
      await sleep(PAUSE_MS);
    }
    const now = await readPgMeta(this.client);
    if (JSON.stringify(now) !== JSON.stringify(this.meta)) {
      throw new IndexError(
        `The index in ${this.location} was rebuilt by another process while this run prepared its changes: this run wrote nothing. Run "npm run ingest" again.`,
        'locked',
      );
    }
  }

  async write(changes: IndexChanges, onProgress?: WriteProgress): Promise<WriteResult> {
    for (const item of changes.upsert) {
      if (item.vectors.length !== item.passages.length) {
        throw new Error(
          `${item.article.key}: ${item.passages.length} passages but ${item.vectors.length} vectors`,
        );
      }
    }
    if (!this.inTransaction) throw new Error('write() before lock()');
    // Only articles change what calibration measured: recording a touched file's new time keeps it.
    const articlesChange = changesArticles(changes);
    // Read before a rebuild drops it.
    const lastMeasured =
      articlesChange && this.meta
        ? ((await this.run<{ value: string }>('SELECT value FROM meta WHERE key = $1', [CALIBRATION_KEY]))
            .rows[0]?.value ?? null)
        : null;
    let passagesRemoved = 0;
    if (changes.rebuild) {
      passagesRemoved = this.meta ? await this.count('SELECT count(*)::int AS n FROM passages') : 0;
      await this.rebuild(changes.rebuild);
    }
    if (articlesChange) await keepPgCalibrationUntilMeasured(this.client, lastMeasured);
    if (changes.calibration) await writePgCalibration(this.client, changes.calibration);
    if (changes.files) await this.replaceFiles(changes.files);
    passagesRemoved += await this.remove([
      ...changes.remove,
      ...changes.upsert.map((item) => item.article.key),
    ]);
    const passagesAdded = await this.insert(changes, onProgress);
    if (changes.digest) {
      await this.run(
        'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [DIGEST_KEY, JSON.stringify(changes.digest)],
      );
    }
    if (this.searchIndexesPending) {
      await createPgSearchIndexes(this.client).catch((error: unknown) => {
        throw this.describeWriteFailure(error);
      });
      this.searchIndexesPending = false;
    }
    // Readers cache by the version: a write of file stamps alone leaves what they cached valid.
    if (articlesChange) {
      await this.run(`
        UPDATE corpus_stats SET passages = (SELECT count(*) FROM passages),
          total_terms = (SELECT coalesce(sum(term_count), 0) FROM passages), version = version + 1`);
    }
    await this.run('COMMIT');
    this.inTransaction = false;
    // Readers of an index just built need statistics to plan with, and the postings' pages marked visible
    // to read them from their index alone (pg-schema.ts); outside the transaction, best effort.
    if (articlesChange) {
      await this.run('VACUUM (ANALYZE) postings').catch(() => undefined);
      await this.run('ANALYZE passages, term_stats, corpus_stats').catch(() => undefined);
    }
    return { passagesAdded, passagesRemoved };
  }

  /** Replaces the recorded article files in one statement. */
  private async replaceFiles(files: readonly FileStamp[]): Promise<void> {
    await createPgFilesTable(this.client);
    await this.run('DELETE FROM files');
    await this.run(
      `INSERT INTO files (path, size, mtime_ns, read_with)
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[])`,
      [
        files.map((file) => file.path),
        files.map((file) => file.size),
        files.map((file) => String(file.mtimeNs)),
        files.map((file) => file.readWith),
      ],
    );
  }

  /** Same tables: emptied, so readers keep the old rows until the commit; another shape: recreated. */
  private async rebuild(model: IndexModel): Promise<void> {
    const sameShape = this.meta?.schemaVersion === SCHEMA_VERSION && this.meta.dimension === model.dimension;
    if (sameShape) {
      await emptyPgIndex(this.client);
      // As on SQLite, where a rebuild drops them: the recorded files and the last digest were the old index's.
      await createPgFilesTable(this.client);
      await this.run('DELETE FROM files');
      await this.run('DELETE FROM meta WHERE key = $1', [DIGEST_KEY]);
      await this.run('UPDATE meta SET value = $1 WHERE key = $2', [model.model, 'model']);
    } else {
      await dropPgSchema(this.client);
      await createPgSchema(this.client, model);
      // Tables created in this transaction are seen by no reader: their search indexes are built once
      // the rows are in (see createPgSearchIndexes). Emptied tables keep theirs, which readers are using.
      this.searchIndexesPending = true;
    }
  }

  private async count(sql: string, params: unknown[] = []): Promise<number> {
    const { rows } = await this.run<{ n: number }>(sql, params);
    return rows[0]?.n ?? 0;
  }

  /**
   * Deletes articles by key, with their passages' postings (found by the key, term and passage: the terms
   * are the passages' own), taking them out of the document frequencies.
   */
  private async remove(keys: readonly string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const { rows } = await this.run<{ id: number }>('SELECT id FROM articles WHERE key = ANY($1::text[])', [
      keys,
    ]);
    if (rows.length === 0) return 0;
    const ids = rows.map((row) => row.id);
    await this.run(
      `WITH gone AS (
         DELETE FROM postings po
         USING (SELECT p.id, unnest(tsvector_to_array(p.terms)) AS term FROM passages p WHERE p.article_id = ANY($1::int[])) d
         WHERE po.term = d.term AND po.passage_id = d.id RETURNING po.term
       )
       UPDATE term_stats t SET documents = t.documents - g.n
       FROM (SELECT term, count(*)::int AS n FROM gone GROUP BY term) g WHERE t.term = g.term`,
      [ids],
    );
    await this.run('DELETE FROM term_stats WHERE documents <= 0');
    const removed = await this.count(
      'SELECT count(*)::int AS n FROM passages WHERE article_id = ANY($1::int[])',
      [ids],
    );
    await this.run('DELETE FROM articles WHERE id = ANY($1::int[])', [ids]);
    return removed;
  }

  private async reserveIds(sequence: string, n: number): Promise<number[]> {
    if (n === 0) return [];
    const { rows } = await this.run<{ id: number }>(
      `SELECT nextval('${sequence}')::int AS id FROM generate_series(1, $1)`,
      [n],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Articles by a multi-row insert from arrays (unnest); passages, their postings and the quotes by COPY,
   * a batch of passages at a time so memory stays bounded whatever the write's size.
   */
  private async insert({ upsert }: IndexChanges, onProgress?: WriteProgress): Promise<number> {
    if (upsert.length === 0) return 0;
    const indexedAt = new Date().toISOString();
    const articleIds = await this.reserveIds('article_ids', upsert.length);
    const column = <T>(pick: (item: (typeof upsert)[number], index: number) => T) => upsert.map(pick);
    await this.run(
      `INSERT INTO articles (id, key, file, title, source, url, published, author, context, body, content_hash, indexed_at)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])`,
      [
        articleIds,
        column(({ article }) => article.key),
        column(({ article }) => article.file),
        column(({ article }) => article.title),
        column(({ article }) => article.source),
        column(({ article }) => article.url),
        column(({ article }) => article.published),
        column(({ article }) => article.author),
        column((item) => item.context),
        column(({ article }) => articleBody(article)),
        column((item) => item.hash),
        column((item) => item.indexedAt ?? indexedAt),
      ],
    );
    const documents = new Map<string, number>();
    let added = 0;
    const passages: string[] = [];
    const postings: string[] = [];
    const quotes: string[] = [];
    const flush = async () => {
      await this.copy(
        'passages (id, article_id, ordinal, paragraph, start, "end", kind, text, text_terms, context_terms, term_count, embedding)',
        passages,
      );
      await this.copy('postings (term, passage_id, text_count, context_count, length)', postings);
      passages.length = 0;
      postings.length = 0;
      onProgress?.(added);
    };
    // All the write's passage ids in one round trip: one per article cost the development archive's copy
    // (20,993 articles) 21k round trips.
    const allPassageIds = await this.reserveIds(
      'passage_ids',
      upsert.reduce((sum, item) => sum + item.passages.length, 0),
    );
    let firstPassage = 0;
    for (const [index, item] of upsert.entries()) {
      const articleId = articleIds[index]!;
      const contextTerms = stemmedTerms(item.context);
      const contextLiteral = tsvectorLiteral(contextTerms);
      const contextCounts = countTerms(contextTerms);
      const passageIds = allPassageIds.slice(firstPassage, (firstPassage += item.passages.length));
      item.passages.forEach((passage, n) => {
        const passageId = passageIds[n]!;
        const textTerms = stemmedTerms(passage.text);
        const textCounts = countTerms(textTerms);
        const length = textTerms.length + contextTerms.length;
        for (const term of new Set([...textCounts.keys(), ...contextCounts.keys()])) {
          documents.set(term, (documents.get(term) ?? 0) + 1);
          postings.push(
            copyLine([term, passageId, textCounts.get(term) ?? 0, contextCounts.get(term) ?? 0, length]),
          );
        }
        passages.push(
          copyLine([
            passageId,
            articleId,
            passage.ordinal,
            passage.paragraph,
            passage.start,
            passage.end,
            passage.kind,
            passage.text,
            tsvectorLiteral(textTerms),
            contextLiteral,
            length,
            vectorLiteral(item.vectors[n]!),
          ]),
        );
      });
      for (const quote of item.quotes) {
        quotes.push(
          copyLine([
            passageIds[quote.passageOrdinal]!,
            articleId,
            quote.speaker,
            quote.surname,
            quote.role,
            quote.start,
            quote.end,
          ]),
        );
      }
      added += item.passages.length;
      if (passages.length >= PASSAGES_PER_BATCH) await flush();
    }
    await flush();
    await this.copy('quotes (passage_id, article_id, speaker, surname, role, start, "end")', quotes);
    await this.run(
      `INSERT INTO term_stats (term, documents) SELECT * FROM unnest($1::text[], $2::int[])
       ON CONFLICT (term) DO UPDATE SET documents = term_stats.documents + excluded.documents`,
      [[...documents.keys()], [...documents.values()]],
    );
    return added;
  }

  private async copy(target: string, lines: readonly string[]): Promise<void> {
    try {
      await copyLines(this.client, target, lines);
    } catch (error) {
      throw this.describeWriteFailure(error);
    }
  }

  private async run<R extends pg.QueryResultRow>(
    sql: string,
    params: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    try {
      return await this.client.query<R>(sql, params);
    } catch (error) {
      throw this.describeWriteFailure(error);
    }
  }

  /**
   * A failure inside the write's transaction in one line: rolled back, so the index is as it was. The
   * server's own refusals (disk full, a statement timeout, a trigger an admin added) are named by its
   * message; a fault in this code keeps its stack.
   */
  private describeWriteFailure(error: unknown): unknown {
    const described = describePgError(this.where, error);
    if (!this.inTransaction) return described;
    const intact = this.meta
      ? 'nothing was written and the previous index is intact'
      : 'no index was written';
    if (described instanceof IndexError)
      return new IndexError(`${described.message.replace(/\.$/, '')}: ${intact}.`, described.problem);
    if (!(described instanceof pg.DatabaseError)) return described;
    return new IndexError(
      `Writing the index in ${this.location} failed (${oneLine(described.message)}): ${intact}. Fix the cause the server names, then run again.`,
      'not-written',
    );
  }

  /** Rolls back what was not committed (the server would, when the connection ends) and disconnects. */
  async close(): Promise<void> {
    if (this.inTransaction) await this.client.query('ROLLBACK').catch(() => undefined);
    this.inTransaction = false;
    await this.client.end().catch(() => undefined);
  }
}
