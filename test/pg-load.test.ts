import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTHING_FOUND } from '../src/answer/build-answer.js';
import { reindex } from '../src/ingest/reindex.js';
import { startDiscordStandin, type DiscordStandin } from '../scripts/discord-standin/index.js';
import {
  answeredInteraction,
  expectAnswerPayload,
  repliesToMessage,
  SAMPLE_QUESTIONS,
  type MessageBody,
} from './helpers/bot-requests.js';
import {
  NEW_ARTICLE_QUESTION,
  NEW_SPEAKER_QUESTION,
  scratchCorpus,
  writeNewArticles,
} from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';
import { spawnShardedBot } from './helpers/sharded-bot.js';
import { finished, spawnScript } from './helpers/spawn-script.js';
import { postgresUrl, scratchSchema } from './helpers/stores.js';

const url = postgresUrl();
/** Two bot processes: `npm start` with two shards, each its own process with its own pool on the one server. */
const BOTS = 2;
/**
 * Enough new articles for the ingest's self-calibration to measure them (at least 10 articles and 20
 * questions), which asks the new index its questions for each of 7 vector weights while the bots ask theirs:
 * the whole write and its calibration are what bots must survive. Before the postings table, calibrating 300
 * articles on Postgres took 7 minutes on the loaded 2-core machine, and this test added 6 articles, too few
 * to measure; 150 did not finish in 2 minutes at load 25 under nice, beyond what CI can spend.
 */
const NEW_ARTICLES = 40;
/** At least two rounds of questions (four each, two per bot) while the ingest runs. */
const MIN_QUESTIONS_DURING_INGEST = 8;
const START_TIMEOUT_MS = 120_000;
/** Answers queue behind the ingest for CPU on a small machine. */
const ANSWER_TIMEOUT_MS = 30_000;

const STEADY_QUESTIONS = [SAMPLE_QUESTIONS.lammy, SAMPLE_QUESTIONS.casualties];

describe.skipIf(!url)(
  `two bot processes and one ingest on one Postgres${url ? '' : ' (skipped: DATABASE_URL unset)'}`,
  () => {
    let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
    const schema = scratchSchema('load');
    const store = { DATABASE_URL: url!, PG_SCHEMA: schema.schema };
    let standin: DiscordStandin;
    let bots: ReturnType<typeof spawnShardedBot>;
    const logs = () => bots.logs();

    beforeAll(async () => {
      corpus = await scratchCorpus();
      const config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir, ...store });
      await reindex(config, { full: false, prune: false, dryRun: false }, sharedEmbedder);
      // One guild per bot: guild i is served by shard i.
      standin = await startDiscordStandin({ guilds: BOTS, shards: BOTS, maxConcurrency: BOTS });
      bots = spawnShardedBot({ shardCount: String(BOTS), config, store, standin, cwd: corpus.root });
      await bots.printed('connected to Discord', BOTS);
    }, START_TIMEOUT_MS);

    afterAll(async () => {
      if (bots?.manager.exitCode === null) {
        bots.manager.kill('SIGTERM');
        await bots.exited;
      }
      await standin?.close();
      await corpus?.cleanup();
      await schema.drop();
    });

    /** Asks in guild `bot` (served by that bot's process), by /ask or by mention; returns the checked answer. */
    async function ask(bot: number, question: string, by: 'command' | 'mention'): Promise<APIEmbed> {
      const channelId = standin.guilds[bot]!.channels.general.id;
      if (by === 'command') {
        const interaction = standin.dispatchInteraction({
          kind: 'command',
          name: 'ask',
          user: 'alice',
          channelId,
          options: { question },
        });
        const { embed } = await answeredInteraction(standin, interaction, ANSWER_TIMEOUT_MS);
        expect(standin.deliveriesOf(interaction.id).map((s) => s.shard)).toEqual([[bot, BOTS]]);
        return embed;
      }
      const message = standin.dispatchMessage({
        content: question,
        mentionBot: true,
        user: 'bob',
        channelId,
      });
      const reply = await standin.waitForRequest<MessageBody>(
        repliesToMessage(message.id),
        ANSWER_TIMEOUT_MS,
      );
      expectAnswerPayload(reply);
      return reply.body.embeds![0]!;
    }

    /** Every steady question to each bot at the same time, each answer checked; how many were asked. */
    async function askRound(): Promise<number> {
      const asked = STEADY_QUESTIONS.flatMap(({ question, shows }, i) =>
        Array.from({ length: BOTS }, (_, bot) =>
          ask(bot, question, (i + bot) % 2 ? 'mention' : 'command').then(shows),
        ),
      );
      await Promise.all(asked);
      return asked.length;
    }

    it('answers every question correctly while another process re-indexes, then from the new index without a restart', async () => {
      for (let bot = 0; bot < BOTS; bot++)
        expect((await ask(bot, NEW_ARTICLE_QUESTION, 'command')).description).toBe(NOTHING_FOUND);

      await writeNewArticles(corpus.articlesDir, NEW_ARTICLES);
      const ingesting = finished(
        spawnScript('scripts/ingest.ts', ['--full'], {
          ...store,
          DB_PATH: corpus.dbPath,
          ARTICLES_DIR: corpus.articlesDir,
        }),
      );
      const started = Date.now();
      let running = true;
      const stopAsking = () => void (running = false);
      void ingesting.then(stopAsking, stopAsking);
      let answered = 0;
      while (running) answered += await askRound();

      const ingest = await ingesting;
      console.log(
        `${answered} questions answered during the ${((Date.now() - started) / 1000).toFixed(1)} s ingest`,
      );
      expect(ingest.code, ingest.stderr).toBe(0);
      expect(ingest.stdout).toContain('The index was rebuilt from scratch.');
      expect(ingest.stdout).toMatch(/Calibration: measured on \d+ questions/);
      expect(answered).toBeGreaterThanOrEqual(MIN_QUESTIONS_DURING_INGEST);

      // Both processes follow the new index, neither restarted.
      const before = new Set(logs().map((line) => line.pid));
      for (let bot = 0; bot < BOTS; bot++) {
        expect((await ask(bot, NEW_ARTICLE_QUESTION, 'command')).description).toContain(
          'photographed the comet Tsuchinshan',
        );
        expect((await ask(bot, NEW_SPEAKER_QUESTION, 'mention')).title).toMatch(/^Maria Okafor\b/);
      }
      await askRound();
      expect(new Set(logs().map((line) => line.pid))).toEqual(before);
      expect(logs().filter((line) => line.level >= 50)).toEqual([]);
      expect(bots.manager.exitCode).toBeNull();
    }, 300_000);
  },
);
