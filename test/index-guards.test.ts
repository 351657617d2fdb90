import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Briefing } from '../src/answer/briefing.js';
import { reindex } from '../src/ingest/reindex.js';
import { scratchCorpus, writeGeneratedArticles } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';
import {
  expectOneLineError,
  finished,
  runScript,
  spawnScript,
  type Finished,
} from './helpers/spawn-script.js';

const QUESTION = 'What did Lammy say?';

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
/** A folder of articles the sample index does not hold yet: a run that writes has work to lose. */
let moreArticles: string;

const ingest = (env: Record<string, string>, args: string[] = []) =>
  runScript('scripts/ingest.ts', args, { ARTICLES_DIR: corpus.articlesDir, ...env });
const ask = (env: Record<string, string>) =>
  runScript('scripts/ask.ts', ['-k', '1', QUESTION], { ARTICLES_DIR: corpus.articlesDir, ...env });

/** A copy of the built sample index, with its own name. */
function indexCopy(name: string): string {
  const file = path.join(corpus.root, `${name}.db`);
  fs.copyFileSync(corpus.dbPath, file);
  return file;
}

function articleCount(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  corpus = await scratchCorpus();
  const config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
  const embedder = await sharedEmbedder();
  await reindex(config, { full: false, prune: false, dryRun: false }, async () => embedder);
  moreArticles = path.join(corpus.root, 'more-articles');
  fs.cpSync(corpus.articlesDir, moreArticles, { recursive: true });
  await writeGeneratedArticles(path.join(moreArticles, 'generated'), 60);
}, 120_000);

afterAll(() => corpus.cleanup());

describe("another application's SQLite file at DB_PATH", () => {
  function foreignFile(name: string, sql: string): { file: string; bytes: Buffer } {
    const file = path.join(corpus.root, name);
    const db = new Database(file);
    db.exec(sql);
    db.close();
    return { file, bytes: fs.readFileSync(file) };
  }

  it('with tables but no briefing-bot metadata: refused in one line naming the file and its tables, and left untouched', async () => {
    const { file, bytes } = foreignFile(
      'shop.db',
      "CREATE TABLE articles (sku TEXT, price REAL); CREATE TABLE customers (name TEXT); INSERT INTO articles VALUES ('A-1', 9.5);",
    );
    const refused = new RegExp(
      `^Error: ${file} is not a briefing-bot index but another application's SQLite file \\(tables: articles, customers\\); briefing-bot leaves it untouched\\. Set DB_PATH to another file\\.$`,
    );
    expectOneLineError(await ingest({ DB_PATH: file }), refused);
    expectOneLineError(await ingest({ DB_PATH: file }, ['--full']), refused);
    expectOneLineError(await ask({ DB_PATH: file }), refused);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  }, 120_000);

  it('with a meta table of another shape: refused the same way', async () => {
    const { file, bytes } = foreignFile(
      'settings.db',
      "CREATE TABLE meta (name TEXT, setting TEXT); INSERT INTO meta VALUES ('a', 'b');",
    );
    expectOneLineError(
      await ingest({ DB_PATH: file }),
      /^Error: \S+settings\.db is not a briefing-bot index .*\(tables: meta\)/,
    );
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  }, 60_000);
});

describe('a first build that did not finish', () => {
  it('an empty index file is "no index yet": ask builds the index and answers', async () => {
    const file = path.join(corpus.root, 'interrupted.db');
    fs.writeFileSync(file, '');
    const run = await ask({ DB_PATH: file });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`No index at ${file} yet: indexing`);
    expect(run.stdout).toContain('Lammy');
  }, 60_000);

  it('a first ask with a wrong ARTICLES_DIR fails in one line and leaves no index file behind', async () => {
    const file = path.join(corpus.root, 'never-built.db');
    const run = await ask({ DB_PATH: file, ARTICLES_DIR: path.join(corpus.root, 'no-such-folder') });
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines.at(-1)).toMatch(/^Error: .*no-such-folder/);
    expect(run.code).toBe(1);
    for (const leftover of [file, `${file}-wal`, `${file}-shm`]) expect(fs.existsSync(leftover)).toBe(false);
  }, 60_000);
});

describe('an index locked by another writer', () => {
  const WAITING =
    /^Another process \(another "npm run ingest"\?\) is writing \S+: waiting for it to finish, up to \d+ s\.$/;

  /** Holds SQLite's write lock on the index as another ingest would, until released. */
  function holdWriteLock(dbPath: string) {
    const db = new Database(dbPath);
    db.exec('BEGIN IMMEDIATE');
    return () => {
      db.exec('ROLLBACK');
      db.close();
    };
  }

  it('makes ingest wait for it, say so, and then do its work', async () => {
    const dbPath = indexCopy('waited-for');
    const release = holdWriteLock(dbPath);
    const child = spawnScript('scripts/ingest.ts', [], { DB_PATH: dbPath, ARTICLES_DIR: moreArticles });
    const done = finished(child);
    try {
      await new Promise<void>((resolve, reject) => {
        let stderr = '';
        child.stderr!.on(
          'data',
          (chunk: Buffer) => (stderr += chunk.toString()) && /waiting/.test(stderr) && resolve(),
        );
        void done.then(({ stderr: all }) => reject(new Error(`ingest ended without waiting:\n${all}`)));
      });
    } finally {
      release();
    }
    const run = await done;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.split('\n')[0]).toMatch(WAITING);
    expect(articleCount(dbPath)).toBe(62);
  }, 120_000);

  it('ends after INGEST_LOCK_TIMEOUT_SECONDS with one line saying what happened, and the index as it was', async () => {
    const dbPath = indexCopy('locked');
    const release = holdWriteLock(dbPath);
    let run: Finished;
    try {
      run = await ingest({ DB_PATH: dbPath, ARTICLES_DIR: moreArticles, INGEST_LOCK_TIMEOUT_SECONDS: '1' });
    } finally {
      release();
    }
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(WAITING),
      expect.stringMatching(
        /^Error: Another process \(another "npm run ingest"\?\) has been writing the index file \S+ for more than 1 s: this run wrote nothing, and the index is as that process leaves it\. Wait for it to finish or stop it, then run "npm run ingest" again/,
      ),
    ]);
    expect(run.code).toBe(1);
    expect(articleCount(dbPath)).toBe(2);
  }, 120_000);
});

/** A private mount namespace (root, or user namespaces allowed) in which a small tmpfs can be mounted. */
const mountNamespace = ((): string[] | null => {
  for (const command of [
    ['unshare', '-m'],
    ['unshare', '-rm'],
  ]) {
    const probe = spawnSync(
      command[0]!,
      [...command.slice(1), 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'],
      { stdio: 'ignore' },
    );
    if (probe.status === 0) return command;
  }
  return null;
})();

describe('a full disk', () => {
  it.skipIf(!mountNamespace)(
    'ends ingest with one line saying the disk is full and the previous index is intact, which still answers',
    async () => {
      const out = path.join(corpus.root, 'full-disk');
      const disk = path.join(out, 'disk');
      fs.mkdirSync(path.join(out, 'after'), { recursive: true });
      fs.mkdirSync(disk);
      const inside = path.join(disk, 'index.db');
      // A tmpfs as large as the index plus 2 MB, then filled but for 160 kB: room to open the index (its
      // 32 kB shared-memory file) but not to write 60 more articles.
      const size = fs.statSync(corpus.dbPath).size + 2 * 1024 * 1024;
      const script = [
        'set -e',
        `mount -t tmpfs -o size=${size} tmpfs "${disk}"`,
        `cp "${corpus.dbPath}" "${inside}"`,
        `dd if=/dev/zero of="${disk}/filler" bs=4096 2>/dev/null || true`,
        `truncate -s -160K "${disk}/filler"`,
        'set +e',
        `"${process.execPath}" --import tsx "${path.resolve('scripts/ingest.ts')}" >"${out}/stdout" 2>"${out}/stderr"`,
        `echo $? >"${out}/code"`,
        `cp "${disk}"/index.db* "${out}/after/"`,
      ].join('\n');
      const shell = spawnSync(mountNamespace![0]!, [...mountNamespace!.slice(1), 'sh', '-c', script], {
        env: { ...process.env, DB_PATH: inside, ARTICLES_DIR: moreArticles },
        encoding: 'utf8',
      });
      expect(shell.status, shell.stderr).toBe(0);
      const run: Finished = {
        code: Number(fs.readFileSync(path.join(out, 'code'), 'utf8')),
        signal: null,
        stdout: fs.readFileSync(path.join(out, 'stdout'), 'utf8'),
        stderr: fs.readFileSync(path.join(out, 'stderr'), 'utf8'),
      };
      expectOneLineError(
        run,
        /^Error: The disk holding the index file \S+ is full \(database or disk is full\): nothing was written and the previous index is intact\. Free some space, then run "npm run ingest" again\.$/,
      );

      const after = path.join(out, 'after', 'index.db');
      const db = new Database(after, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
      expect(articleCount(after)).toBe(2);
      const briefing = await Briefing.open(testConfig({ DB_PATH: after }), await sharedEmbedder());
      try {
        expect((await briefing.ask(QUESTION)).passages[0]?.text).toContain('sanctions');
      } finally {
        briefing.close();
      }
    },
    120_000,
  );
});

describe('an index in a folder this user cannot write', () => {
  it('makes ask say that SQLite needs to create a file beside it, that the index is intact, and what to do', async () => {
    const folder = path.join(corpus.root, 'read-only');
    fs.mkdirSync(folder);
    const dbPath = path.join(folder, 'index.db');
    fs.copyFileSync(corpus.dbPath, dbPath);
    fs.chmodSync(folder, 0o555);
    fs.chmodSync(corpus.root, 0o711); // mkdtemp's folder is private to its owner
    // Root ignores permission bits: run as nobody, who may read the checkout and the index but not write there.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('scripts/ask.ts'), QUESTION], {
      env: { ...process.env, DB_PATH: dbPath, ARTICLES_DIR: corpus.articlesDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...asNobody,
    });
    const run = await finished(child);
    fs.chmodSync(folder, 0o755);
    expectOneLineError(
      run,
      new RegExp(
        `^Error: Cannot read the index file ${dbPath} \\(.+\\): SQLite must create ${dbPath}-shm beside it, and its folder is not writable for this user\\. The index is intact\\. Make the folder writable for this user, or set DB_PATH to a copy of the index in a writable folder\\.$`,
      ),
    );
  }, 60_000);
});

describe('misleading messages', () => {
  it('a DB_PATH that is a folder says so, not that the folder might be missing', async () => {
    const folder = path.join(corpus.root, 'index-folder.db');
    fs.mkdirSync(folder);
    const message = new RegExp(
      `^Error: DB_PATH ${folder} is a folder, not a file\\. Set DB_PATH to the index file, for example ${folder}/briefing\\.db\\.$`,
    );
    expectOneLineError(await ask({ DB_PATH: folder }), message);
    expectOneLineError(await ingest({ DB_PATH: folder }), message);
  }, 60_000);

  it("a SQLITE_VEC_PATH file that is not a library is named as given, with the loader's reason", async () => {
    const notLibrary = path.join(corpus.root, 'notes.txt');
    fs.writeFileSync(notLibrary, 'not a library\n');
    const run = await ask({ DB_PATH: corpus.dbPath, SQLITE_VEC_PATH: notLibrary });
    expectOneLineError(
      run,
      new RegExp(
        `^Error: The sqlite-vec extension could not be loaded from SQLITE_VEC_PATH \\(${notLibrary} is not a loadable library: [^)]+\\)\\. Set SQLITE_VEC_PATH to the sqlite-vec library file`,
      ),
    );
    expect(run.stderr).not.toContain(`${notLibrary}.so`);
  }, 60_000);
});
