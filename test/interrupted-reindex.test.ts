import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindex } from '../src/ingest/reindex.js';
import { SqlitePassageStore } from '../src/store/passage-store.js';
import { NATO_SAMPLE, scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';
import { finished, spawnScript, type Finished } from './helpers/spawn-script.js';

const EXTRA_ARTICLES = 12;
/** A word only the added articles contain, so full-text search tells the old index from the new one. */
const NEW_WORD = 'bulletin';
/** Two kill runs at a time: the machine has other work, and the run's phases are watched, not timed. */
const PARALLEL_RUNS = 2;

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let env: Record<string, string>;

/** Enough distinct articles that a full re-index has a loading, an embedding and a write phase to kill. */
function addArticles(articlesDir: string): void {
  const text = fs.readFileSync(path.join(articlesDir, NATO_SAMPLE), 'utf8');
  const [headline, ...rest] = text.split('\n');
  fs.mkdirSync(path.join(articlesDir, 'more'));
  for (let n = 1; n <= EXTRA_ARTICLES; n++) {
    const body = rest.map((line) => (line.trim() ? `${line} Bulletin ${n}.` : line)).join('\n');
    fs.writeFileSync(path.join(articlesDir, 'more', `copy-${n}.txt`), `${headline} (${n})\n${body}`);
  }
}

/** Everything a user could lose, checked by SQLite itself and counted table by table. */
function inspect(dbPath: string) {
  const db = new Database(dbPath);
  try {
    sqliteVec.load(db);
    const one = (sql: string) => db.prepare(sql).pluck().get();
    // FTS5's own check compares the full-text index with the passages it indexes; it throws when they differ.
    db.prepare("INSERT INTO passages_fts(passages_fts, rank) VALUES ('integrity-check', 1)").run();
    return {
      integrity: one('PRAGMA integrity_check'),
      quickCheck: one('PRAGMA quick_check'),
      articles: one('SELECT count(*) FROM articles') as number,
      keys: one(
        "SELECT group_concat(key || '=' || content_hash, ' ') FROM (SELECT * FROM articles ORDER BY key)",
      ),
      passages: one('SELECT count(*) FROM passages') as number,
      vectors: one('SELECT count(*) FROM passage_vectors') as number,
      oldWordRows: one("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'Lammy'") as number,
      newWordRows: one(`SELECT count(*) FROM passages_fts WHERE passages_fts MATCH '${NEW_WORD}'`) as number,
    };
  } finally {
    db.close();
  }
}

/** What the database shows of a re-index in progress, in order. */
const PHASES = ['starting', 'reading', 'writing', 'committed'] as const;
type Phase = (typeof PHASES)[number];

/**
 * Follows a re-index from outside, the way another process sees it: `reading` once it has opened the
 * index (the WAL files appear), `writing` while it holds the write lock (a write attempt is refused),
 * `committed` once its transaction is visible (the data version moves). Polled every millisecond: the
 * write lasts about a tenth of a second.
 */
function watchRun(child: ChildProcess, dbPath: string, onPhase: (phase: Phase) => void) {
  const started = performance.now();
  const times: Partial<Record<Phase, number>> = { starting: 0 };
  let phase: Phase = 'starting';
  let observer: { db: Database.Database; version: number } | null = null;
  const enter = (next: Phase) => {
    phase = next;
    times[next] = performance.now() - started;
    onPhase(next);
  };
  const isBusy = (error: unknown) => /^SQLITE_BUSY/.test((error as { code?: string }).code ?? '');
  const poll = () => {
    if (phase === 'starting') {
      if (!fs.existsSync(`${dbPath}-shm`)) return;
      const db = new Database(dbPath);
      try {
        db.pragma('busy_timeout = 0');
        observer = { db, version: db.pragma('data_version', { simple: true }) as number };
      } catch (error) {
        // The writer may hold the WAL index while it starts up or recovers: look again at the next tick.
        db.close();
        if (isBusy(error)) return;
        throw error;
      }
      enter('reading');
    }
    if (!observer) return;
    if ((observer.db.pragma('data_version', { simple: true }) as number) !== observer.version) {
      // The observer lets go at once: the writer checkpoints and removes the WAL only as the last connection.
      stop();
      enter('committed');
      return;
    }
    if (phase === 'reading') {
      try {
        observer.db.exec('BEGIN IMMEDIATE; ROLLBACK');
      } catch (error) {
        if (!isBusy(error)) throw error;
        enter('writing');
      }
    }
  };
  const timer = setInterval(() => {
    try {
      poll();
    } catch (error) {
      // A reader can be refused while a killed writer's WAL is recovered: the next tick sees the outcome.
      if (!isBusy(error)) throw error;
    }
  }, 1);
  const stop = () => {
    clearInterval(timer);
    observer?.db.close();
    observer = null;
  };
  child.on('exit', stop);
  return { phase: () => phase, times };
}

interface Moment {
  /** The phase the delay counts from. */
  after: Phase;
  delayMs: number;
}

interface KillOutcome {
  moment: Moment;
  dbPath: string;
  /** Where the run was when the kill landed, as the database showed it; `finished` if it had already exited. */
  killedAt: Phase | 'finished';
  result: Finished;
}

function runAndKill(moment: Moment, dbPath: string): Promise<KillOutcome> {
  const child = spawnScript('scripts/ingest.ts', ['--full'], { ...env, DB_PATH: dbPath });
  const done = finished(child);
  let killedAt: KillOutcome['killedAt'] | null = null;
  let exited = false;
  child.on('exit', () => (exited = true));
  const kill = () => {
    if (killedAt) return;
    killedAt = exited ? 'finished' : watcher.phase();
    child.kill('SIGKILL');
  };
  let triggered = false;
  const trigger = (phase: Phase) => {
    // A phase passed between two polls still triggers the moments that count from it.
    if (triggered || PHASES.indexOf(phase) < PHASES.indexOf(moment.after)) return;
    triggered = true;
    if (moment.delayMs === 0) kill();
    else setTimeout(kill, moment.delayMs);
  };
  const watcher = watchRun(child, dbPath, trigger);
  if (moment.after === 'starting') trigger('starting');
  return done.then((result) => ({ moment, dbPath, killedAt: killedAt ?? 'finished', result }));
}

/** Runs `run` over the items with at most `limit` in flight, keeping the results in order. */
async function withLimit<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

beforeAll(async () => {
  corpus = await scratchCorpus();
  env = { DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir };
  const embedder = await sharedEmbedder();
  await reindex(testConfig(env), { full: false, prune: false, dryRun: false }, async () => embedder);
  addArticles(corpus.articlesDir);
});
afterAll(() => corpus.cleanup());

describe('a re-index killed with SIGKILL', () => {
  it('never damages the index or loses the previous one, at 20 moments of a run, and the next run completes', async () => {
    const before = inspect(corpus.dbPath);
    expect(before).toMatchObject({ integrity: 'ok', quickCheck: 'ok', articles: 2, newWordRows: 0 });
    expect(before.vectors).toBe(before.passages);

    // One complete run, watched, gives the new index to compare with and the length of each phase.
    const probeDb = path.join(corpus.root, 'probe.db');
    fs.copyFileSync(corpus.dbPath, probeDb);
    const probeChild = spawnScript('scripts/ingest.ts', ['--full'], { ...env, DB_PATH: probeDb });
    const probeWatch = watchRun(probeChild, probeDb, () => {});
    const probe = await finished(probeChild);
    expect(probe.code, probe.stderr).toBe(0);
    const after = inspect(probeDb);
    expect(after).toMatchObject({ integrity: 'ok', quickCheck: 'ok', articles: 2 + EXTRA_ARTICLES });
    expect(after.newWordRows).toBeGreaterThan(0);
    const { reading = 0, writing = reading } = probeWatch.times;

    const moments: Moment[] = [
      // Still starting up: the index file is not open yet.
      { after: 'starting', delayMs: reading / 2 },
      // Reading the articles, loading the model, splitting and embedding passages: spread over that span.
      ...[0, 0.01, 0.03, 0.06, 0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.9, 0.97].map((share) => ({
        after: 'reading' as const,
        delayMs: share * (writing - reading),
      })),
      // Inside the write transaction, which drops the old tables and writes the new ones.
      ...[0, 3, 10, 25, 50].map((delayMs) => ({ after: 'writing' as const, delayMs })),
      // Committed: closing, checkpointing the WAL into the file.
      ...[0, 15].map((delayMs) => ({ after: 'committed' as const, delayMs })),
    ];
    expect(moments).toHaveLength(20);

    const pristine = path.join(corpus.root, 'pristine.db');
    fs.copyFileSync(corpus.dbPath, pristine);
    const outcomes = await withLimit(moments, PARALLEL_RUNS, (moment) => {
      // Every kill starts from the old index, so each one tests a different moment of the same change.
      const dbPath = path.join(corpus.root, `moment-${moments.indexOf(moment) + 1}.db`);
      fs.copyFileSync(pristine, dbPath);
      return runAndKill(moment, dbPath);
    });

    const killedAt = outcomes.map((outcome) => outcome.killedAt);
    for (const phase of PHASES) expect(killedAt, `no kill landed while ${phase}`).toContain(phase);

    const config = testConfig();
    const embedder = await sharedEmbedder();
    const [question] = await embedder.embed(['What did Lammy say about sanctions?']);
    for (const { moment, dbPath, killedAt: phase, result } of outcomes) {
      const context = `killed ${phase} (${moment.delayMs.toFixed(0)} ms after ${moment.after})`;
      expect(result.signal === 'SIGKILL' || result.code === 0, `${context}: ${result.stderr}`).toBe(true);
      const state = inspect(dbPath);
      // All or nothing: the old index, or (killed after the commit) the whole new one, never a mix.
      expect(state, context).toEqual(state.articles === before.articles ? before : after);
      if (phase === 'committed') expect(state, context).toEqual(after);

      const store = SqlitePassageStore.open(dbPath, config.EMBEDDING_MODEL);
      try {
        expect((await store.fullText('"lammy"', 5, 1)).length, context).toBeGreaterThan(0);
        expect(await store.nearest(question!, 5), context).toHaveLength(5);
      } finally {
        await store.close();
      }

      // The next run finds whatever the kill left (WAL, lock files) and finishes the job.
      const summary = await reindex(
        testConfig({ ...env, DB_PATH: dbPath }),
        { full: false, prune: false, dryRun: false },
        async () => embedder,
      );
      const wasNew = state.articles === after.articles;
      expect(summary.articles, context).toMatchObject({
        added: wasNew ? 0 : EXTRA_ARTICLES,
        unchanged: wasNew ? 2 + EXTRA_ARTICLES : 2,
        skipped: 0,
      });
      expect(inspect(dbPath), context).toEqual(after);
    }
  }, 240_000);
});
