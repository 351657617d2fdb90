import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { APIEmbed, APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NOTHING_FOUND } from '../src/answer/build-answer.js';
import type { FakeUserName } from '../scripts/discord-standin/index.js';
import {
  askByCommand,
  askByMention,
  isAnswerOrNotice,
  repliesToMessage,
  SAMPLE_QUESTIONS,
  type CheckedQuestion,
} from './helpers/bot-requests.js';
import { writeGeneratedArticles } from './helpers/corpus.js';
import { finished, spawnScript, type Finished } from './helpers/spawn-script.js';
import { startScratchBot, type ScratchBot } from './helpers/scratch-bot.js';

/**
 * How long ingest keeps churning the articles while the bot answers: about a minute in CI; `SOAK_SECONDS=600
 * npx vitest run test/soak.test.ts` soaks longer. The kill and the rebuild come first, so a short soak has
 * them too.
 */
const SOAK_MS =
  z.coerce
    .number()
    .positive()
    .default(60)
    .parse(process.env.SOAK_SECONDS || undefined) * 1000;
/** Answers queue behind ingest for CPU on a small machine. */
const ANSWER_TIMEOUT_MS = 30_000;
/** How often the kill checks whether ingest has begun writing the index. */
const WAL_POLL_MS = 5;
/** Articles per added batch: enough that a run has a few seconds of work to interrupt. */
const BATCH_ARTICLES = 50;

/** Questions the sample articles answer, which stay indexed throughout. */
const STEADY_QUESTIONS: CheckedQuestion[] = [
  SAMPLE_QUESTIONS.lammy,
  SAMPLE_QUESTIONS.casualties,
  // Answered from the churning generated articles, or not: checked only for being a proper answer.
  { question: 'What did the council leader say about the reservoir budget?' },
];

/** Indexed early, removed by the last run: its answer shows whether the bot reads the final index. */
const REMOVED_ARTICLE = {
  file: 'tidewater.md',
  text: '---\ntitle: Tidewater ferry retired\nsource: Coast Courier\npublished: 2025-04-02\n---\nThe Tidewater harbour master retired the paddle steamer Marigold after ninety years of crossings.\n',
  question: 'Which paddle steamer did the Tidewater harbour master retire?',
  answer: 'paddle steamer Marigold',
};
/** Added by the last run only. */
const FINAL_ARTICLE = {
  file: 'quillmoor.md',
  text: '---\ntitle: Quillmoor astronomers catch a comet\nsource: Highland Courier\npublished: 2025-06-02\n---\nAstronomers in Quillmoor photographed the comet Tsuchinshan with their new refractor on Friday night.\n',
  question: 'Which comet did the Quillmoor astronomers photograph?',
  answer: 'photographed the comet Tsuchinshan',
};

let scratch: ScratchBot;

beforeAll(async () => {
  scratch = await startScratchBot();
});

afterAll(() => scratch?.stop());

/** Every question asked, to count its answers at the end. */
const asked = { interactions: [] as { token: string; question: string }[], messages: [] as string[] };

async function askCommand(question: string, user: FakeUserName): Promise<APIEmbed> {
  const { embed, interaction } = await askByCommand(scratch.standin, question, user, ANSWER_TIMEOUT_MS);
  asked.interactions.push({ token: interaction.token, question });
  return embed;
}

async function askMention(question: string, user: FakeUserName): Promise<APIEmbed> {
  const { embed, message } = await askByMention(scratch.standin, question, user, ANSWER_TIMEOUT_MS);
  asked.messages.push(message.id);
  return embed;
}

/** Every steady question once as /ask and once as a mention, all at the same time; each answer checked. */
async function askRound(): Promise<void> {
  await Promise.all(
    STEADY_QUESTIONS.flatMap(({ question, shows }) => [
      askCommand(question, 'alice').then(shows),
      askMention(question, 'bob').then(shows),
    ]),
  );
}

const generated = (batch: number) => path.join(scratch.corpus.articlesDir, 'generated', `batch-${batch}`);

/** When the index's write-ahead log was last written, or null while it has none. */
const walWritten = async (dbPath: string) =>
  (await fs.stat(`${dbPath}-wal`).catch(() => null))?.mtimeMs ?? null;

/**
 * SIGKILL to `child` as soon as it writes the index (its write-ahead log changes), else after `fallbackMs`:
 * a timer alone raced the run (a rebuild of the same articles once finished in 3.6 s, before a kill timed at
 * half of the 7.3 s first run).
 */
function killWhenWriting(child: ChildProcess, dbPath: string, fallbackMs: number): () => void {
  let stopped = false;
  const fallback = setTimeout(() => child.kill('SIGKILL'), fallbackMs);
  void (async () => {
    const before = await walWritten(dbPath);
    while (!stopped && (await walWritten(dbPath)) === before) await sleep(WAL_POLL_MS);
    if (!stopped) child.kill('SIGKILL');
  })();
  return () => {
    stopped = true;
    clearTimeout(fallback);
  };
}

/**
 * `npm run ingest -- --prune` in its own process; `killAfterMs` sends it SIGKILL once it writes the index,
 * or that long after its start.
 */
async function ingest(args: string[] = [], killAfterMs?: number): Promise<Finished & { ms: number }> {
  const started = performance.now();
  const child = spawnScript('scripts/ingest.ts', ['--prune', ...args], {
    DB_PATH: scratch.corpus.dbPath,
    ARTICLES_DIR: scratch.corpus.articlesDir,
  });
  const stop =
    killAfterMs === undefined ? undefined : killWhenWriting(child, scratch.corpus.dbPath, killAfterMs);
  const result = await finished(child);
  stop?.();
  const ms = performance.now() - started;
  console.log(
    `soak: ingest ${args.join(' ')} ${result.signal ?? `exit ${result.code}`} after ${(ms / 1000).toFixed(1)} s`,
  );
  return { ...result, ms };
}

const expectCompleted = (run: Finished) => expect(run.code, run.stderr).toBe(0);

/** The churn in other processes: runs until `SOAK_MS` has passed, then leaves the final articles indexed. */
async function churn(): Promise<{ runs: number }> {
  const deadline = performance.now() + SOAK_MS;
  await fs.writeFile(path.join(scratch.corpus.articlesDir, REMOVED_ARTICLE.file), REMOVED_ARTICLE.text);
  await writeGeneratedArticles(generated(1), BATCH_ARTICLES);
  const first = await ingest();
  expectCompleted(first);

  // Killed in the write of a full rebuild (or, failing that, half-way, timed by the run before it).
  await writeGeneratedArticles(generated(2), BATCH_ARTICLES);
  const killed = await ingest(['--full'], first.ms / 2);
  expect(killed.signal, `the run finished before the kill: ${killed.stdout}`).toBe('SIGKILL');

  // The README's remedy for a damaged index: delete the file and run ingest again.
  for (const suffix of ['', '-wal', '-shm'])
    await fs.rm(`${scratch.corpus.dbPath}${suffix}`, { force: true });
  expectCompleted(await ingest());

  let runs = 3;
  for (let batch = 3; performance.now() < deadline; batch++, runs++) {
    // Add a batch and remove the oldest one still there, so every run both adds and prunes articles.
    await writeGeneratedArticles(generated(batch), BATCH_ARTICLES);
    await fs.rm(generated(batch - 2), { recursive: true, force: true });
    expectCompleted(await ingest());
  }

  await fs.rm(path.join(scratch.corpus.articlesDir, 'generated'), { recursive: true });
  await fs.rm(path.join(scratch.corpus.articlesDir, REMOVED_ARTICLE.file));
  await fs.writeFile(path.join(scratch.corpus.articlesDir, FINAL_ARTICLE.file), FINAL_ARTICLE.text);
  expectCompleted(await ingest());
  return { runs: runs + 1 };
}

describe('the bot soaked in re-indexing', () => {
  it(
    'answers every question exactly once, never with an error, while ingest adds, removes, is killed and rebuilds; then answers from the final index',
    async () => {
      let churning = true;
      const churned = churn().finally(() => (churning = false));
      let rounds = 0;
      while (churning) {
        await askRound();
        rounds++;
      }
      const { runs } = await churned;

      // The last answers come from the final index: the added article is found, the removed one is not.
      expect(await askCommand(FINAL_ARTICLE.question, 'carol').then((e) => e.description)).toContain(
        FINAL_ARTICLE.answer,
      );
      expect(await askMention(REMOVED_ARTICLE.question, 'carol').then((e) => e.description)).toBe(
        NOTHING_FOUND,
      );
      const sources = scratch.standin.dispatchInteraction({ kind: 'command', name: 'sources' });
      await scratch.standin.waitForCallback(sources.id);
      const files = (await fs.readdir(scratch.corpus.articlesDir, { recursive: true })).filter((f) =>
        /\.(txt|md)$/.test(f),
      );
      const [list] = scratch.standin.repliesTo(sources.id) as [APIMessage];
      expect(list.embeds[0]?.footer?.text).toMatch(new RegExp(`· ${files.length} articles,`));
      await askRound();

      // Exactly one answer to every question (the checks above saw the first; a second would be a double).
      for (const { token, question } of asked.interactions) {
        expect(scratch.standin.requests.filter(isAnswerOrNotice(token)), question).toHaveLength(1);
      }
      for (const id of asked.messages)
        expect(scratch.standin.requests.filter(repliesToMessage(id))).toHaveLength(1);
      expect(scratch.logs.filter((entry) => entry.level >= 50)).toEqual([]);

      const db = new Database(scratch.corpus.dbPath, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
      console.log(
        `soak: ${SOAK_MS / 1000} s, ${runs} ingest runs, ${rounds} rounds, ${asked.interactions.length + asked.messages.length} questions answered`,
      );
    },
    SOAK_MS + 240_000,
  );
});
