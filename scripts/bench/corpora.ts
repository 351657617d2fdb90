import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { XMLParser } from 'fast-xml-parser';
import type { BenchConfig } from '../../src/config.js';
import { loadEmbedderLazily } from '../../src/embed/load-lazily.js';
import { reindex } from '../../src/ingest/reindex.js';
import { openPassageStore } from '../../src/store/open-store.js';

/**
 * Built corpora and indexes are kept here between runs: building them is slower than measuring them. The
 * system's temp folder (TMPDIR), so a clean one is an empty cache: every part creates what it writes into.
 */
export const BENCH_CACHE = path.join(os.tmpdir(), 'briefing-bench');

/**
 * A cache entry's name: the whole corpus, or its first `articles` articles (`--articles N`, a quick check
 * that every part runs) kept apart so a small build is never measured as the whole.
 */
export const sampleName = (name: string, articles?: number) =>
  articles === undefined ? name : `${name}-first-${articles}`;

/** `count` items spread evenly over `items`, in order; all of them when `count` is undefined. */
function sample<T>(items: readonly T[], count: number | undefined): T[] {
  if (count === undefined || count >= items.length) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

export type CorpusName = 'bbc' | 'reuters';

export interface Corpus {
  name: CorpusName;
  /** A folder of article files the project's loaders read, outside the repository. */
  articlesDir: string;
  articles: number;
}

/** Written last, so an interrupted build is redone instead of measured half-made. */
const COMPLETE = '.complete.json';

/**
 * Raised whenever a converter changes what it writes, so a corpus built by an older one is built again
 * (2: the Reuters sign-off in capitals, "REUTER", is dropped as "Reuter" was).
 */
const CONVERTER_VERSION = 2;

function cached(name: CorpusName, limit: number | undefined, build: (dir: string) => number): Corpus {
  const articlesDir = path.join(BENCH_CACHE, 'corpora', sampleName(name, limit));
  const marker = path.join(articlesDir, COMPLETE);
  if (fs.existsSync(marker)) {
    const { articles, version } = JSON.parse(fs.readFileSync(marker, 'utf8')) as {
      articles: number;
      version?: number;
    };
    if (version === CONVERTER_VERSION) return { name, articlesDir, articles };
  }
  fs.rmSync(articlesDir, { recursive: true, force: true });
  fs.mkdirSync(articlesDir, { recursive: true });
  const articles = build(articlesDir);
  fs.writeFileSync(marker, JSON.stringify({ articles, version: CONVERTER_VERSION }));
  return { name, articlesDir, articles };
}

/** BBC files are already headline-then-paragraphs text, the `.txt` loader's format: copied as they are. */
function buildBbc(benchDir: string, dir: string, articles?: number): number {
  const source = path.join(benchDir, 'bbc-fulltext/bbc');
  const files = fs
    .readdirSync(source, { withFileTypes: true })
    .filter((category) => category.isDirectory())
    .flatMap((category) =>
      fs
        .readdirSync(path.join(source, category.name))
        .filter((file) => file.endsWith('.txt'))
        .map((file) => `${category.name}/${file}`),
    )
    .sort();
  const picked = sample(files, articles);
  for (const file of picked) {
    fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    fs.copyFileSync(path.join(source, file), path.join(dir, file));
  }
  return picked.length;
}

interface ReutersRecord {
  NEWID: string;
  DATE?: string;
  TEXT?: { TITLE?: string; BODY?: string } | string;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** `26-FEB-1987 15:01:01.79` as an ISO date, or null. */
export function reutersDate(value: string | undefined): string | null {
  const match = /^\s*(\d{1,2})-([A-Z]{3})-(\d{4})/.exec(value ?? '');
  const month = match ? MONTHS.indexOf(match[2]!) : -1;
  if (!match || month < 0) return null;
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

/**
 * A Reuters body is hard-wrapped at 70 columns with each paragraph's first line indented, and ends with a
 * "Reuter" sign-off (4,562 stories write it "REUTER", which was indexed and shown as a passage of its own)
 * and a control character (&#3;) that are not story text.
 */
function reutersParagraphs(body: string): string[] {
  return body
    .replace(/\s*\bReuter\b[\s\p{Cc}]*$/iu, '')
    .split(/\n[ \t]+/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => /\p{L}/u.test(paragraph));
}

/**
 * Reuters-21578 is SGML, not XML: no root element, a DOCTYPE, and character references to control
 * characters. fast-xml-parser is lenient enough for it once a root is wrapped around the records.
 * One JSON Lines file per source file, one article per record with a body.
 */
function buildReuters(benchDir: string, dir: string, limit?: number): number {
  const source = path.join(benchDir, 'reuters21578');
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (tag) => tag === 'REUTERS',
    htmlEntities: true,
    parseTagValue: false,
    trimValues: false,
  });
  let articles = 0;
  const files = fs
    .readdirSync(source)
    .filter((name) => /^reut2-\d+\.sgm\.gz$/.test(name))
    .sort();
  for (const file of files) {
    if (limit !== undefined && articles >= limit) break;
    // The SOURCE notes say latin1: reut2-017 has bytes that are not UTF-8.
    const sgml = zlib.gunzipSync(fs.readFileSync(path.join(source, file))).toString('latin1');
    const parsed = parser.parse(`<root>${sgml.replace(/<!DOCTYPE[^>]*>/, '')}</root>`) as {
      root: { REUTERS: ReutersRecord[] };
    };
    const lines: string[] = [];
    for (const record of parsed.root.REUTERS) {
      if (limit !== undefined && articles + lines.length >= limit) break;
      const text = typeof record.TEXT === 'object' ? record.TEXT : {};
      const paragraphs = reutersParagraphs(text.BODY ?? '');
      if (paragraphs.length === 0) continue;
      const title = (text.TITLE ?? '').replace(/\s+/g, ' ').trim() || paragraphs[0]!.slice(0, 80);
      lines.push(
        JSON.stringify({
          id: record.NEWID,
          title,
          source: 'Reuters',
          published: reutersDate(record.DATE),
          body: paragraphs,
        }),
      );
    }
    fs.writeFileSync(path.join(dir, file.replace(/\.sgm\.gz$/, '.jsonl')), lines.join('\n') + '\n');
    articles += lines.length;
  }
  return articles;
}

/** A corpus built from BENCH_DIR's files (its first `articles` articles if given), or the one built before. */
export function prepareCorpus(name: CorpusName, benchDir: string, articles?: number): Corpus {
  const build = name === 'bbc' ? buildBbc : buildReuters;
  return cached(name, articles, (dir) => build(benchDir, dir, articles));
}

const SOURCE_NAMES = { samples: 'samples', bbc: 'bbc-fulltext', reuters: 'reuters21578' } as const;

export interface BenchIndex {
  dbPath: string;
  /** What it holds, for the figures measured on it. */
  description: string;
}

/** The repository's own sample articles, indexed beside the corpora in the `archive` index. */
export const SAMPLES_DIR = path.resolve('data/articles');

/** Which folders each bench index holds, by the name of the folder they are linked as. */
const INDEX_SOURCES = {
  bbc: ['bbc'],
  reuters: ['reuters'],
  news: ['bbc', 'reuters'],
  archive: ['samples', 'bbc', 'reuters'],
} as const satisfies Record<string, readonly (CorpusName | 'samples')[]>;
export type BenchIndexName = keyof typeof INDEX_SOURCES;

/**
 * Cached indexes of the same sample that hold every source `name` holds: another clone's copy of the same
 * index (same model, same article keys), or a larger index whose extra articles the first ingest prunes.
 * The largest first: a clone still building its first index has an empty one (written in one transaction).
 */
export function seedCandidates(parent: string, name: BenchIndexName, limit: number | undefined): string[] {
  const needed: readonly string[] = INDEX_SOURCES[name];
  const holdsAll = (folder: string) =>
    Object.entries(INDEX_SOURCES).some(
      ([other, sources]) =>
        (folder === sampleName(other, limit) || folder.startsWith(`${sampleName(other, limit)}-`)) &&
        // `bbc-first-10` is not a clone of `bbc` but its own sample.
        !/^first-\d+/.test(folder.slice(sampleName(other, limit).length + 1)) &&
        needed.every((source) => (sources as readonly string[]).includes(source)),
    );
  return fs
    .readdirSync(parent)
    .filter(holdsAll)
    .map((folder) => path.join(parent, folder, 'index.db'))
    .filter((file) => fs.existsSync(file))
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
}

/**
 * A first build of the `archive` index takes 10 to 40 minutes; a cached index that holds its articles (see
 * `seedCandidates`) is a good start: ingest then re-prepares only the articles whose content hash differs,
 * all of them if that index's pipeline version differs, and prunes those it does not hold. SQLite's backup
 * API copies a consistent snapshot even while another clone is writing.
 */
async function seedFromCache(
  root: string,
  name: BenchIndexName,
  limit: number | undefined,
  dbPath: string,
  log: (line: string) => void,
) {
  const [seed] = seedCandidates(path.dirname(root), name, limit).filter(
    (file) => path.dirname(file) !== root,
  );
  if (!seed) return;
  log(`index ${sampleName(name, limit)}: starting from a copy of ${seed}...`);
  const source = new Database(seed, { readonly: true, fileMustExist: true });
  try {
    await source.backup(dbPath);
  } finally {
    source.close();
  }
}

/**
 * An index of BBC (`bbc`), of Reuters (`reuters`), of BBC and Reuters together (`news`, about 120k passages with the project's
 * chunking), or of those and the sample articles (`archive`: 1987, 2004-05 and 2025 news in one index, what
 * the development set asks), built with the project's own ingest and kept under BENCH_CACHE per model: a
 * rerun only checks that nothing changed, and re-prepares what a pipeline change touched. Article keys are
 * `<source>/<path in the source>`, e.g. `bbc/business/001.txt` or `reuters/reut2-000.jsonl#1`.
 */
export async function benchIndex(
  name: BenchIndexName,
  config: BenchConfig,
  log: (line: string) => void,
  limit?: number,
): Promise<BenchIndex> {
  const sources = INDEX_SOURCES[name];
  // The samples are this clone's own files: each clone (or git worktree) keeps its own index of them.
  const folder = (sources as readonly string[]).includes('samples')
    ? `${sampleName(name, limit)}-${createHash('sha256').update(SAMPLES_DIR).digest('hex').slice(0, 8)}`
    : sampleName(name, limit);
  const root = path.join(BENCH_CACHE, 'indexes', config.EMBEDDING_MODEL.replace(/[^\w.-]+/g, '_'), folder);
  const articlesDir = path.join(root, 'articles');
  fs.mkdirSync(articlesDir, { recursive: true });
  for (const source of sources) {
    const link = path.join(articlesDir, source);
    const target =
      source === 'samples' ? SAMPLES_DIR : prepareCorpus(source, config.BENCH_DIR, limit).articlesDir;
    if (!fs.existsSync(link)) fs.symlinkSync(target, link);
  }
  // Always an SQLite file, which every caller reads at dbPath: with DATABASE_URL set (`npm run eval --
  // --store postgres`), the ingest would otherwise have rebuilt the whole index into Postgres instead.
  const indexConfig = {
    ...config,
    DATABASE_URL: undefined,
    ARTICLES_DIR: articlesDir,
    DB_PATH: path.join(root, 'index.db'),
  };
  if (!fs.existsSync(indexConfig.DB_PATH)) await seedFromCache(root, name, limit, indexConfig.DB_PATH, log);
  log(`index ${name}: bringing ${indexConfig.DB_PATH} up to date...`);
  let total = 0;
  let logged = 0;
  const summary = await reindex(
    indexConfig,
    { full: false, prune: true, dryRun: false },
    () => loadEmbedderLazily(indexConfig),
    {
      onEmbedStart: (passages) => {
        total = passages;
        log(`index ${name}: preparing ${passages} passages...`);
      },
      // A first build takes minutes: a line every tenth of the way says it is not stuck.
      onEmbedProgress: (done) => {
        if (done - logged < total / 10 && done < total) return;
        logged = done;
        log(`index ${name}: ${done} of ${total} passages`);
      },
    },
  );
  const store = await openPassageStore(indexConfig);
  const articles = (await store.articles()).length;
  const passages = await store.passageCount();
  await store.close();
  log(`index ${name}: ${articles} articles, ${passages} passages (${summary.seconds.toFixed(1)} s)`);
  const names = sources.map((source) => SOURCE_NAMES[source]);
  return {
    dbPath: indexConfig.DB_PATH,
    description: `${names.join(' + ')}: ${articles} articles / ${passages} passages`,
  };
}
