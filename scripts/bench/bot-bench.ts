import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CoreConfig } from '../../src/config.js';
import { isEdit, startDiscordStandin } from '../discord-standin/index.js';
import { since } from './stats.js';

export interface BotRun {
  /** From starting the process to the gateway session being ready. */
  readySeconds: number;
  /** Resident memory once ready (model loaded, index open). */
  readyRssMb: number;
  /** From starting the process to its warm-up's end (src/bot/open-bot.ts). */
  warmSeconds: number;
  /** Resident memory after answering the questions below. */
  rssMb: number;
  /** From asking the first question to its answer. */
  firstAnswerSeconds: number;
  /** The slowest answer to the questions after the first. */
  laterAnswerSeconds: number;
}

const QUESTIONS = ['what did Blair say?', 'Who won the election?', 'How much did oil prices rise?'];
/** The compiled bot `npm start` runs: under tsx's loader it took 1.3 s longer to be ready and 55 MB more. */
const MAIN = path.resolve('dist/bot/main.js');
/** Compiled once per bench process: the runs after the first have nothing to compile. */
let built = false;

/** Resident set size of another process, in MB; `ps` reads it on Linux and macOS alike. */
function rssOf(pid: number): number {
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

/**
 * Starts the bot (compiled to `dist/bot/main.js`, as `npm start` does) against the Discord stand-in the tests use,
 * waits for it to log that the gateway session is ready, asks a few questions, and stops it.
 */
export async function botRun(dbPath: string, config: CoreConfig): Promise<BotRun> {
  const standin = await startDiscordStandin();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-bot-'));
  // As `npm start` does: compile what changed (nothing after the first run; compiler output to stderr, so
  // that --json's stdout stays JSON), then start the compiled bot with node itself, not through npm (which
  // runs node as a child): `ps` must see the bot's own process.
  if (!built) execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 2, 2] });
  built = true;
  const child = spawn(process.execPath, [MAIN], {
    // Outside the checkout, so a developer's .env stays out of the measurement.
    cwd: scratch,
    env: {
      ...process.env,
      DISCORD_TOKEN: standin.token,
      DISCORD_CLIENT_ID: standin.applicationId,
      DISCORD_API_URL: standin.apiUrl,
      DB_PATH: dbPath,
      // The model measured, which `--model` may have chosen instead of the environment's.
      EMBEDDING_MODEL: config.EMBEDDING_MODEL,
      ...(config.MODEL_DIR ? { MODEL_DIR: path.resolve(config.MODEL_DIR) } : {}),
      FEEDBACK_DB_PATH: path.join(scratch, 'feedback.db'),
      // The questions come one after another from one user: a cooldown would answer them with "wait".
      COOLDOWN_SECONDS: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = performance.now();
  let output = '';
  const exited = once(child, 'close');
  try {
    const logged = (line: string) =>
      new Promise<void>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes(line)) resolve();
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        onData(Buffer.alloc(0));
        void exited.then(() => reject(new Error(`the bot exited before it logged "${line}":\n${output}`)));
      });
    await logged('connected to Discord');
    const readySeconds = since(started) / 1000;
    const readyRssMb = rssOf(child.pid!);
    // The questions of a user who asks once the bot has loaded what questions load on first use.
    await logged('warmed up');
    const warmSeconds = since(started) / 1000;
    const answerSeconds: number[] = [];
    for (const question of QUESTIONS) {
      const askedAt = performance.now();
      const asked = standin.dispatchInteraction({ kind: 'command', name: 'ask', options: { question } });
      await standin.waitForRequest(isEdit(asked.token), 60_000);
      answerSeconds.push(since(askedAt) / 1000);
    }
    const [firstAnswerSeconds, ...later] = answerSeconds;
    return {
      readySeconds,
      readyRssMb,
      warmSeconds,
      rssMb: rssOf(child.pid!),
      firstAnswerSeconds: firstAnswerSeconds!,
      laterAnswerSeconds: Math.max(...later),
    };
  } finally {
    child.kill('SIGTERM');
    await exited;
    await standin.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
