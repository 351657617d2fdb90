import fs from 'node:fs';
import path from 'node:path';
import type { CoreConfig } from '../config.js';
import type { Embedder } from '../embed/embedder.js';
import { digestOf, type DigestArticle } from '../store/index-digest.js';
import type { ArticleToStore, FileStamp, StoredArticle } from '../store/index-writer.js';
import { IndexError, modelMismatchMessage } from '../store/open-database.js';
import { indexLocation, inspectIndex, openIndexWriting } from '../store/open-store.js';
import { SCHEMA_VERSION, type IndexModel } from '../store/schema.js';
import type { SkippedFile } from '../document/article.js';
import { contentHash, readSettings } from './content-hash.js';
import { loadArticleFile } from './load-file.js';
import { PASSAGES_PER_TASK, prepareArticles, threadsFor, type ArticleToPrepare } from './prepare-articles.js';
import { listArticleFiles } from './scan.js';

export interface ReindexOptions {
  /** Rebuild every article from scratch, and drop articles whose files are gone. */
  full: boolean;
  /** Remove articles whose files are gone (otherwise they are kept and reported as missing). */
  prune: boolean;
  /** Work out and report what would change, without embedding or writing. */
  dryRun: boolean;
}

export interface ReindexProgress {
  onFilesStart?(total: number): void;
  onFileDone?(done: number): void;
  onEmbedStart?(totalPassages: number): void;
  onEmbedProgress?(done: number): void;
  /** Another writer holds the index: this run waits for it, up to `timeoutSeconds`. */
  onWaitForLock?(timeoutSeconds: number): void;
  /** The write is committed: called as soon as the commit returns. */
  onWritten?(): void;
}

export interface ReindexSummary {
  dbPath: string;
  articlesDir: string;
  model: string;
  dryRun: boolean;
  rebuilt: boolean;
  articles: {
    added: number;
    updated: number;
    unchanged: number;
    removed: number;
    skipped: number;
    missing: number;
  };
  /** Article files read, and those not read because their size and modification time were unchanged. */
  files: { read: number; unchanged: number };
  passages: { added: number; removed: number; embedded: number };
  skipped: SkippedFile[];
  /** Indexed articles whose files are gone, kept because --prune was not given. */
  missing: string[];
  seconds: number;
}

interface LoadedCorpus {
  articles: ArticleToPrepare[];
  /** The indexed articles of files not read because they are unchanged: known by key and content hash. */
  unread: { key: string; hash: string }[];
  files: ReindexSummary['files'];
  /** Files read cleanly, or unchanged: recorded so that the next run need not read them. */
  stamps: FileStamp[];
  skipped: SkippedFile[];
  /** Files that failed to load, wholly or in part, and folders that could not be read (ending in "/"). */
  troubled: Set<string>;
}

/**
 * Files are read a few at a time, and handled in folder order: most of an unchanged re-index is waiting
 * for small reads one after another. Few enough that a batch of the largest files allowed fits in memory.
 */
const FILES_READ_AT_ONCE = 16;

/**
 * A file modified this soon before the run started may be modified again within the same tick of the file
 * system's clock (coarse on Linux, 2 s on FAT) without its time changing: it is read again next time.
 */
const RACY_NS = 2_000_000_000n;

/** What the index recorded of the folder at the last ingest; nothing when rebuilding. */
interface KnownFiles {
  stamps: ReadonlyMap<string, FileStamp>;
  articlesByFile: ReadonlyMap<string, { key: string; hash: string }[]>;
}

async function stampOf(root: string, file: string, readWith: string): Promise<FileStamp | null> {
  try {
    const stat = await fs.promises.stat(path.join(root, file), { bigint: true });
    return { path: file, size: Number(stat.size), mtimeNs: stat.mtimeNs, readWith };
  } catch {
    return null; // Gone since it was listed: loading it reports why.
  }
}

const sameStamp = (a: FileStamp, b: FileStamp | undefined) =>
  b !== undefined && a.size === b.size && a.mtimeNs === b.mtimeNs && a.readWith === b.readWith;

async function loadCorpus(
  config: CoreConfig,
  progress: ReindexProgress,
  known: KnownFiles,
): Promise<LoadedCorpus> {
  const startedNs = BigInt(Date.now()) * 1_000_000n;
  const readWith = readSettings(config);
  const { files, unsupported } = await listArticleFiles(config.ARTICLES_DIR);
  progress.onFilesStart?.(files.length);
  const corpus: LoadedCorpus = {
    articles: [],
    unread: [],
    files: { read: 0, unchanged: 0 },
    stamps: [],
    skipped: [...unsupported],
    troubled: new Set(unsupported.map((item) => item.path)),
  };
  const firstKeyByHash = new Map<string, string>();
  const load = (file: string) =>
    loadArticleFile(config.ARTICLES_DIR, file, {
      maxBytes: config.MAX_ARTICLE_BYTES,
      maxParagraphs: config.MAX_ARTICLE_PARAGRAPHS,
    });
  const visit = async (file: string) => {
    const stamp = await stampOf(config.ARTICLES_DIR, file, readWith);
    const unchanged = stamp !== null && sameStamp(stamp, known.stamps.get(file));
    return { file, stamp, loaded: unchanged ? null : await load(file) };
  };
  for (let first = 0; first < files.length; first += FILES_READ_AT_ONCE) {
    const batch = await Promise.all(files.slice(first, first + FILES_READ_AT_ONCE).map(visit));
    for (const [offset, { file, stamp, loaded: readNow }] of batch.entries()) {
      const stored = known.articlesByFile.get(file) ?? [];
      // An unchanged file whose article an earlier, new file also holds is read: the duplicate is reported.
      const loaded =
        readNow ?? (stored.some(({ hash }) => firstKeyByHash.has(hash)) ? await load(file) : null);
      if (loaded === null) {
        for (const { key, hash } of stored) firstKeyByHash.set(hash, key);
        corpus.unread.push(...stored);
        corpus.files.unchanged++;
        corpus.stamps.push(stamp!);
        progress.onFileDone?.(first + offset + 1);
        continue;
      }
      corpus.files.read++;
      corpus.skipped.push(...loaded.skipped);
      if (loaded.skipped.length > 0) corpus.troubled.add(file);
      for (const article of loaded.articles) {
        const hash = contentHash(article, config.PASSAGE_MAX_TOKENS);
        const original = firstKeyByHash.get(hash);
        if (original !== undefined) {
          corpus.skipped.push({
            path: article.key,
            reason: `same article as ${original} (duplicate, not indexed twice)`,
          });
          corpus.troubled.add(article.file);
          continue;
        }
        firstKeyByHash.set(hash, article.key);
        corpus.articles.push({ article, hash });
      }
      // A file with a problem is read every time, so that its problem is reported every time.
      if (stamp && !corpus.troubled.has(file) && stamp.mtimeNs < startedNs - RACY_NS)
        corpus.stamps.push(stamp);
      progress.onFileDone?.(first + offset + 1);
    }
  }
  return corpus;
}

/** Whether the files read differ from those recorded, so that recording them is worth a write. */
function fileStampsDiffer(recorded: ReadonlyMap<string, FileStamp>, current: readonly FileStamp[]): boolean {
  return (
    recorded.size !== current.length || current.some((stamp) => !sameStamp(stamp, recorded.get(stamp.path)))
  );
}

/** The files the index recorded, and the articles indexed from each. */
function knownFiles(
  stamps: ReadonlyMap<string, FileStamp>,
  stored: ReadonlyMap<string, StoredArticle>,
): KnownFiles {
  const articlesByFile = new Map<string, { key: string; hash: string }[]>();
  for (const [key, { file, hash }] of stored) {
    const list = articlesByFile.get(file) ?? [];
    list.push({ key, hash });
    articlesByFile.set(file, list);
  }
  return { stamps, articlesByFile };
}

/** Whether an indexed file's copy must be kept because the file (or its folder) failed to load this time. */
function isTroubled(corpus: LoadedCorpus, file: string): boolean {
  if (corpus.troubled.has(file)) return true;
  for (const folder of corpus.troubled) if (folder.endsWith('/') && file.startsWith(folder)) return true;
  return false;
}

function emptySummary(config: CoreConfig, options: ReindexOptions): ReindexSummary {
  return {
    dbPath: indexLocation(config),
    articlesDir: config.ARTICLES_DIR,
    model: config.EMBEDDING_MODEL,
    dryRun: options.dryRun,
    rebuilt: false,
    articles: { added: 0, updated: 0, unchanged: 0, removed: 0, skipped: 0, missing: 0 },
    files: { read: 0, unchanged: 0 },
    passages: { added: 0, removed: 0, embedded: 0 },
    skipped: [],
    missing: [],
    seconds: 0,
  };
}

/**
 * Brings the index in line with the articles folder. Everything slow (reading, chunking, attribution,
 * embedding; spread over worker threads when there is enough of it) happens before the single write
 * transaction on this thread, so a running bot is blocked only for the write itself, and an interrupted
 * run leaves the previous index as it was. `loadModel` is called only when something has to be embedded.
 */
export async function reindex(
  config: CoreConfig,
  options: ReindexOptions,
  loadModel: () => Promise<Embedder>,
  progress: ReindexProgress = {},
): Promise<ReindexSummary> {
  const started = performance.now();
  const summary = emptySummary(config, options);

  // A dry run writes nothing: on a machine with no index yet, it leaves no file behind.
  const session = options.dryRun ? null : await openIndexWriting(config);
  const opened = session ?? (await inspectIndex(config));
  const meta = opened?.meta ?? null;
  try {
    const schemaOutdated = meta !== null && meta.schemaVersion !== SCHEMA_VERSION;
    if (meta && !schemaOutdated && !options.full && meta.model !== config.EMBEDDING_MODEL) {
      throw new IndexError(modelMismatchMessage(meta, config.EMBEDDING_MODEL), 'other-model');
    }
    const rebuild = options.full || meta === null || schemaOutdated;
    const previouslyStored =
      opened && meta && !schemaOutdated ? await opened.storedArticles() : new Map<string, StoredArticle>();
    const stored = rebuild ? new Map<string, StoredArticle>() : previouslyStored;

    // A rebuild reads everything again.
    const recorded = opened && !rebuild ? await opened.fileStamps() : new Map<string, FileStamp>();
    const known = knownFiles(recorded, stored);
    const corpus = await loadCorpus(config, progress, known);
    summary.skipped = corpus.skipped;
    summary.articles.skipped = corpus.skipped.length;
    summary.files = corpus.files;

    const seen = new Set([
      ...corpus.articles.map(({ article }) => article.key),
      ...corpus.unread.map(({ key }) => key),
    ]);
    const changed = corpus.articles.filter(({ article, hash }) => stored.get(article.key)?.hash !== hash);
    summary.articles.unchanged = corpus.articles.length - changed.length + corpus.unread.length;
    for (const { article } of changed) {
      if (previouslyStored.has(article.key)) summary.articles.updated++;
      else summary.articles.added++;
    }
    const gone = [...previouslyStored].filter(([key]) => !seen.has(key));
    // A file that failed to load (wholly or in part) keeps its indexed copy: pruning is for files that are gone.
    const remove =
      options.prune || options.full
        ? gone.filter(([, { file }]) => options.full || !isTroubled(corpus, file)).map(([key]) => key)
        : [];
    summary.articles.removed = remove.length;
    summary.missing = gone.map(([key]) => key).filter((key) => !remove.includes(key));
    summary.articles.missing = summary.missing.length;
    summary.rebuilt = rebuild;

    const articlesChange = changed.length > 0 || remove.length > 0 || rebuild;
    // A touched file with the same content, or an index from before the files table: a small write.
    const filesChange = fileStampsDiffer(known.stamps, corpus.stamps);
    if (!session || (!articlesChange && !filesChange)) {
      summary.seconds = (performance.now() - started) / 1000;
      return summary;
    }

    let upsert: ArticleToStore[] = [];
    let model: IndexModel | null = null;
    if (articlesChange) {
      // Before the slow part: a damaged index should be reported before minutes of embedding, not after.
      await session.checkBeforeWrite();
      const prepared = await prepareArticles(changed, config, loadModel, progress, {
        threads: threadsFor(config, changed),
        passagesPerTask: PASSAGES_PER_TASK,
      });
      upsert = prepared.prepared;
      summary.passages.embedded = upsert.reduce((sum, item) => sum + item.passages.length, 0);
      model = prepared.model;
      if (meta && !rebuild && meta.dimension !== model.dimension) {
        throw new IndexError(modelMismatchMessage(meta, model), 'other-model');
      }
    }
    await session.lock({
      timeoutSeconds: config.INGEST_LOCK_TIMEOUT_SECONDS,
      onWait: progress.onWaitForLock,
    });
    // A first build (or one whose previous index could not be read) is not news arriving: no digest.
    const digest =
      meta && !schemaOutdated
        ? digestOf(
            changed.flatMap(({ article, hash }): DigestArticle[] => {
              const before = previouslyStored.get(article.key);
              if (before?.hash === hash) return []; // --full re-prepares unchanged articles too.
              const { key, title, source, url } = article;
              return [{ key, title, source, url, change: before ? 'updated' : 'added' }];
            }),
          )
        : null;
    const written = await session.write({
      rebuild: rebuild ? model : null,
      remove,
      upsert,
      digest,
      files: corpus.stamps,
    });
    progress.onWritten?.();
    summary.passages.added = written.passagesAdded;
    summary.passages.removed = written.passagesRemoved;
    summary.seconds = (performance.now() - started) / 1000;
    return summary;
  } finally {
    await opened?.close();
  }
}
