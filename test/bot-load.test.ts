import { fork } from 'node:child_process';
import path from 'node:path';
import type { APIMessage, APIUser } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTHING_FOUND } from '../src/answer/build-answer.js';
import { reindex } from '../src/ingest/reindex.js';
import {
  startDiscordStandin,
  type DiscordStandin,
  type RecordedRequest,
} from '../scripts/discord-standin/index.js';
import { answeredInteraction, SAMPLE_QUESTIONS, type CheckedQuestion } from './helpers/bot-requests.js';
import type { BotProcessReport, BotProcessRequest } from './helpers/bot-process.js';
import { scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';
import { finished } from './helpers/spawn-script.js';

const LOAD = 200;
const MB = 1024 * 1024;
/**
 * Heap growth allowed from after the warm-up to after the load, both after a full collection. Measured here
 * over a dozen runs: 34.7-34.9 MB before, 39.3-39.7 MB after the warm-up (which fills discord.js's cache of
 * 200 messages per channel), 0.1-0.6 MB more after the load. A bot keeping 10 kB per answer fails it (2.5 MB
 * measured).
 */
const HEAP_TOLERANCE = 2 * MB;
const ANSWER_TIMEOUT_MS = 60_000;

/** Questions of every kind, with what the answer must show; the last two are odd inputs. */
const MIX: CheckedQuestion[] = [
  SAMPLE_QUESTIONS.lammy,
  {
    question: 'What did the Estonian foreign minister say about Russia?',
    shows: (embed) => expect(embed.title).toMatch(/^Margus Tsahkna\b/),
  },
  {
    question: 'Who led the Ukrainian delegation?',
    shows: (embed) => expect(embed.description).toContain('Umerov'),
  },
  SAMPLE_QUESTIONS.casualties,
  {
    // "on Saturday" is a period too: the reply adds that no article is from that day.
    question: 'What were the football results on Saturday?',
    shows: (embed) => expect(embed.description).toContain(NOTHING_FOUND),
  },
  {
    question: 'What did Lammy say about sanctions?',
    shows: (embed) => expect(embed.description).toContain('sanctions'),
  },
  {
    question: 'Which conditions did Putin set for ending the war?',
    shows: (embed) => expect(embed.fields?.[0]?.name).toBe('Sources'),
  },
  {
    question: 'What is the recipe for sourdough bread?',
    shows: (embed) => expect(embed.description).toBe(NOTHING_FOUND),
  },
  { question: `${'sanctions ceasefire deadline '.repeat(34)}?`.slice(0, 1000) },
  { question: '@everyone \'; DROP TABLE passages; -- NEAR(* "what") 🙂 \u202e <@123456789012345678>' },
];

/** The bot in its own process, with `--expose-gc` so that its heap can be measured after a collection. */
function startBotProcess(env: Record<string, string>) {
  const child = fork(path.resolve('test/helpers/bot-process.ts'), [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const exited = finished(child);
  const report = <K extends BotProcessReport['kind']>(kind: K) =>
    new Promise<Extract<BotProcessReport, { kind: K }>>((resolve, reject) => {
      const onMessage = (message: BotProcessReport) => {
        if (message.kind !== kind) return;
        child.off('message', onMessage);
        resolve(message as Extract<BotProcessReport, { kind: K }>);
      };
      child.on('message', onMessage);
      void exited.then(({ code, stderr }) => reject(new Error(`bot exited with ${code}:\n${stderr}`)));
    });
  const request = (what: BotProcessRequest) => child.send(what);
  return {
    ready: report('ready'),
    exited,
    async heap() {
      const measured = report('heap');
      request('heap');
      return (await measured).bytes;
    },
    async stop() {
      const stopped = report('stopped');
      request('stop');
      await stopped;
      return exited;
    },
  };
}

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let standin: DiscordStandin;
let bot: ReturnType<typeof startBotProcess>;

beforeAll(async () => {
  corpus = await scratchCorpus();
  const env = { DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir };
  await reindex(testConfig(env), { full: false, prune: false, dryRun: false }, sharedEmbedder);
  // Every question comes from its own user, warm-up included, so the default cooldown refuses none.
  standin = await startDiscordStandin({ crowd: 2 * LOAD });
  bot = startBotProcess({
    ...env,
    FEEDBACK_DB_PATH: path.join(corpus.root, 'feedback.db'),
    DISCORD_API_URL: standin.apiUrl,
    DISCORD_TOKEN: standin.token,
    DISCORD_CLIENT_ID: standin.applicationId,
    COOLDOWN_SECONDS: '5',
    LOG_LEVEL: 'warn',
  });
  await bot.ready;
});

afterAll(async () => {
  await bot?.stop();
  await standin?.close();
  await corpus?.cleanup();
});

/** Fires one /ask per user at once, cycling through the mix, and checks every answer. */
async function askAtOnce(users: readonly APIUser[]) {
  const fired = users.map((user, i) => {
    const { question, shows } = MIX[i % MIX.length]!;
    return {
      shows,
      interaction: standin.dispatchInteraction({ kind: 'command', name: 'ask', user, options: { question } }),
    };
  });
  return Promise.all(
    fired.map(async ({ interaction, shows }) => {
      const answer = await answeredInteraction(standin, interaction, ANSWER_TIMEOUT_MS);
      shows?.(answer.embed);
      const [reply, ...more] = standin.repliesTo(interaction.id) as APIMessage[];
      expect(more).toEqual([]);
      expect(reply).toMatchObject({ mentions: [], mention_roles: [], mention_everyone: false });
      return { reply: reply!, ...answer };
    }),
  );
}

const positionOf = (request: RecordedRequest) => standin.requests.indexOf(request);

describe('200 /ask interactions at once', () => {
  it('are all deferred first and answered within the limits, and the heap returns to its level after a warm-up', async () => {
    const baseline = await bot.heap();
    await askAtOnce(standin.crowd.slice(LOAD));
    const warm = await bot.heap();

    const answers = await askAtOnce(standin.crowd.slice(0, LOAD));
    expect(new Set(answers.map(({ reply }) => reply.id)).size).toBe(LOAD);
    // Discord drops an interaction not acknowledged within 3 s, so no deferral may wait for the answers to
    // other questions: a bot answering one question at a time would defer the last after 199 answers.
    const answerPositions = answers.map(({ edit }) => positionOf(edit));
    for (const { deferral, edit } of answers) {
      expect(positionOf(deferral)).toBeLessThan(positionOf(edit));
      expect(answerPositions.filter((at) => at < positionOf(deferral)).length).toBeLessThan(LOAD / 2);
    }

    const after = await bot.heap();
    const figures = [baseline, warm, after].map((bytes) => (bytes / MB).toFixed(1));
    expect(after, `heap MB before, after warm-up, after load: ${figures.join(', ')}`).toBeLessThan(
      warm + HEAP_TOLERANCE,
    );
  }, 180_000);
});
