import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTHING_FOUND } from '../src/answer/build-answer.js';
import { reindex } from '../src/ingest/reindex.js';
import {
  FAKE_USER_NAMES,
  startDiscordStandin,
  type DiscordStandin,
} from '../scripts/discord-standin/index.js';
import {
  answeredInteraction,
  expectAnswerPayload,
  isAnswerOrNotice,
  repliesToMessage,
  SAMPLE_QUESTIONS,
  type CheckedQuestion,
  type MessageBody,
} from './helpers/bot-requests.js';
import { scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';
import { finished, spawnScript } from './helpers/spawn-script.js';
import { spawnShardedBot, type ShardLogLine } from './helpers/sharded-bot.js';
import { postgresUrl, scratchSchema, type StoreKind } from './helpers/stores.js';

const url = postgresUrl();
const SHARDS = 2;
const GUILDS = 4;
const INTERACTIONS = 100;
/** Two processes load tsx, the model and the index one after the other: seconds, more on a busy machine. */
const START_TIMEOUT_MS = 120_000;
const ANSWER_TIMEOUT_MS = 60_000;

const QUESTIONS: CheckedQuestion[] = [
  SAMPLE_QUESTIONS.lammy,
  SAMPLE_QUESTIONS.casualties,
  {
    question: 'What is the recipe for sourdough bread?',
    shows: (embed) => expect(embed.description).toBe(NOTHING_FOUND),
  },
];

/** Which shard Discord sends a guild's events to, computed here independently of the stand-in. */
const shardOf = (guildId: string) => Number((BigInt(guildId) >> 22n) % BigInt(SHARDS));

/**
 * The same bot over each store: on Postgres every shard process reads the one database, and the answers
 * each showed are recorded there (the feedback tables beside the index).
 */
function shardSuite(kind: StoreKind) {
  const skipped = kind === 'postgres' && !url;
  describe.skipIf(skipped)(
    `npm start with SHARD_COUNT=auto (${SHARDS} shards recommended, ${GUILDS} guilds, the ${kind} store)${skipped ? ' (skipped: DATABASE_URL unset)' : ''}`,
    () => {
      let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
      const schema = scratchSchema('shards');
      const store =
        kind === 'postgres' ? { DATABASE_URL: url!, PG_SCHEMA: schema.schema } : { DATABASE_URL: undefined };
      let standin: DiscordStandin;
      let bot: ReturnType<typeof spawnShardedBot>;
      let manager: ReturnType<typeof spawnShardedBot>['manager'];
      const logs = () => bot.logs();

      beforeAll(async () => {
        corpus = await scratchCorpus();
        const config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir, ...store });
        await reindex(config, { full: false, prune: false, dryRun: false }, sharedEmbedder);
        standin = await startDiscordStandin({ guilds: GUILDS, shards: SHARDS, maxConcurrency: SHARDS });
        // `npm start` as a user runs it, in a folder of its own (no .env), asking Discord how many shards to run.
        bot = spawnShardedBot({
          shardCount: 'auto',
          config,
          store,
          standin,
          cwd: corpus.root,
          feedbackPath: path.join(corpus.root, 'feedback.db'),
        });
        manager = bot.manager;
        const started = Date.now();
        // The manager hears of a shard's readiness as the shard logs it: wait for both.
        await Promise.all([
          bot.printed('every shard connected'),
          bot.printed('connected to Discord', SHARDS),
        ]);
        console.log(`${SHARDS} shards connected in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }, START_TIMEOUT_MS);

      afterAll(async () => {
        if (manager?.exitCode === null) manager.kill('SIGKILL');
        await standin?.close();
        await corpus?.cleanup();
        await schema?.drop();
      });

      /** How many answers the shards recorded as shown, in the one feedback store they share. */
      async function answersRecorded(): Promise<number> {
        if (kind === 'postgres') {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            const { rows } = await client.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM ${schema.schema}.feedback_answers`,
            );
            return rows[0]!.n;
          } finally {
            await client.end();
          }
        }
        const feedback = new Database(path.join(corpus.root, 'feedback.db'), { readonly: true });
        try {
          return (feedback.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n;
        } finally {
          feedback.close();
        }
      }

      it('runs one process per shard, each connected as its shard with its guilds', () => {
        const connected = logs().filter((line) => line.msg === 'connected to Discord');
        expect(
          connected.map(({ shard, guilds }) => ({ shard, guilds })).sort((a, b) => a.shard! - b.shard!),
        ).toEqual([
          { shard: 0, guilds: GUILDS / SHARDS },
          { shard: 1, guilds: GUILDS / SHARDS },
        ]);
        expect(new Set(connected.map((line) => line.pid)).size).toBe(SHARDS);
        expect(connected.map((line) => line.pid)).not.toContain(manager.pid);
        expect(
          standin
            .sessions()
            .map((s) => s.shard)
            .sort(),
        ).toEqual([
          [0, SHARDS],
          [1, SHARDS],
        ]);
        expect(bot.stdout()).not.toContain(standin.token);
      });

      it(`answers ${INTERACTIONS} interactions spread over the guilds, each exactly once, by its guild's shard, from the shared index`, async () => {
        const fired = Array.from({ length: INTERACTIONS }, (_, i) => {
          const { guild, channels } = standin.guilds[i % GUILDS]!;
          const { question, shows } = QUESTIONS[i % QUESTIONS.length]!;
          const interaction = standin.dispatchInteraction({
            kind: 'command',
            name: 'ask',
            user: FAKE_USER_NAMES[i % FAKE_USER_NAMES.length],
            channelId: (i % 2 ? channels.general : channels.briefings).id,
            options: { question },
          });
          return { guildId: guild.id, interaction, shows };
        });
        const answeredBy = await Promise.all(
          fired.map(async ({ guildId, interaction, shows }) => {
            const { embed } = await answeredInteraction(standin, interaction, ANSWER_TIMEOUT_MS);
            shows?.(embed);
            const [delivered, ...elsewhere] = standin.deliveriesOf(interaction.id);
            expect(elsewhere).toEqual([]);
            expect(delivered!.shard).toEqual([shardOf(guildId), SHARDS]);
            return delivered!.sessionId;
          }),
        );
        // Exactly once: one acknowledgement and one answer per interaction, nothing else with its token.
        for (const { interaction } of fired) {
          const callbacks = standin.requests.filter(
            (r) =>
              r.route === 'POST /interactions/:interaction/:token/callback' &&
              r.params.interaction === interaction.id,
          );
          expect(callbacks).toHaveLength(1);
          expect(standin.requests.filter(isAnswerOrNotice(interaction.token))).toHaveLength(1);
        }
        // Both shards did their half, each in its own session.
        const perSession = new Map<string, number>();
        for (const id of answeredBy) perSession.set(id, (perSession.get(id) ?? 0) + 1);
        expect([...perSession.values()]).toEqual([INTERACTIONS / SHARDS, INTERACTIONS / SHARDS]);
        // Each shard recorded what it showed in the one feedback store, beside the one index.
        expect(await answersRecorded()).toBe(INTERACTIONS);
      }, 180_000);

      it('answers a direct message once, on shard 0', async () => {
        const dm = standin.dispatchMessage({
          channelId: standin.dms.carol.id,
          user: 'carol',
          content: SAMPLE_QUESTIONS.lammy.question,
        });
        const reply = await standin.waitForRequest<MessageBody>(repliesToMessage(dm.id), ANSWER_TIMEOUT_MS);
        expectAnswerPayload(reply);
        SAMPLE_QUESTIONS.lammy.shows(reply.body.embeds![0]!);
        expect(standin.requests.filter(repliesToMessage(dm.id))).toHaveLength(1);
      }, 90_000);

      it('stops every shard cleanly on SIGTERM', async () => {
        const shardPids = logs()
          .filter((line) => line.msg === 'connected to Discord')
          .map((line) => line.pid);
        manager.kill('SIGTERM');
        const run = await bot.exited;
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toBe('');
        const stopping = logs().filter((line) => line.msg === 'shutting down');
        expect(
          stopping.map(({ shard, reason }) => ({ shard, reason })).sort((a, b) => a.shard! - b.shard!),
        ).toEqual([
          { shard: 0, reason: 'SIGTERM' },
          { shard: 1, reason: 'SIGTERM' },
        ]);
        expect(logs().some((line) => line.msg === 'every shard stopped')).toBe(true);
        // Each shard closed its gateway session (a clean close ends it on Discord) and its process is gone.
        expect(standin.sessions()).toEqual([]);
        for (const pid of shardPids) expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
      }, 60_000);
    },
  );
}

for (const kind of ['sqlite', 'postgres'] as const) shardSuite(kind);

describe('npm start with SHARD_COUNT when a shard cannot start', () => {
  it('stops every shard and exits 1 with the shard’s one line, restarting nothing', async () => {
    const folder = await scratchCorpus();
    const fake = await startDiscordStandin({ guilds: 2, shards: 2 });
    try {
      const { EMBEDDING_MODEL, MODEL_DIR } = testConfig();
      const run = await finished(
        spawnScript(
          'src/bot/main.ts',
          [],
          {
            SHARD_COUNT: '2',
            DB_PATH: folder.dbPath,
            EMBEDDING_MODEL,
            MODEL_DIR: MODEL_DIR ? path.resolve(MODEL_DIR) : undefined,
            FEEDBACK_DB_PATH: path.join(folder.root, 'feedback.db'),
            DISCORD_API_URL: fake.apiUrl,
            DISCORD_TOKEN: fake.token,
            DISCORD_CLIENT_ID: fake.applicationId,
          },
          { cwd: folder.root },
        ),
      );
      expect(run.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^Error: There is no index at .+ yet/),
      ]);
      expect(run.code).toBe(1);
      const started = run.stdout.split('\n').filter((line) => line.includes('"shard process started"'));
      expect(started).toHaveLength(1);
      expect(fake.sessions()).toEqual([]);
    } finally {
      await fake.close();
      await folder.cleanup();
    }
  }, 120_000);
});

describe('npm start with SHARD_COUNT=1 when the shard manager is killed outright', () => {
  it('stops the shard too, closing its session', async () => {
    const folder = await scratchCorpus();
    const fake = await startDiscordStandin();
    try {
      const config = testConfig({ DB_PATH: folder.dbPath, ARTICLES_DIR: folder.articlesDir });
      await reindex(config, { full: false, prune: false, dryRun: false }, sharedEmbedder);
      const child = spawnScript(
        'src/bot/main.ts',
        [],
        {
          SHARD_COUNT: '1',
          DB_PATH: folder.dbPath,
          EMBEDDING_MODEL: config.EMBEDDING_MODEL,
          MODEL_DIR: config.MODEL_DIR ? path.resolve(config.MODEL_DIR) : undefined,
          FEEDBACK_DB_PATH: path.join(folder.root, 'feedback.db'),
          DISCORD_API_URL: fake.apiUrl,
          DISCORD_TOKEN: fake.token,
          DISCORD_CLIENT_ID: fake.applicationId,
        },
        { cwd: folder.root },
      );
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => void (output += chunk.toString()));
      const run = finished(child);
      await expect
        .poll(() => output.includes('"connected to Discord"'), { timeout: START_TIMEOUT_MS })
        .toBe(true);
      expect(fake.sessions().map((s) => s.shard)).toEqual([[0, 1]]);
      const shardPid = (
        JSON.parse(
          output.split('\n').find((line) => line.includes('"connected to Discord"'))!,
        ) as ShardLogLine
      ).pid;

      child.kill('SIGKILL');
      await run;
      await expect.poll(() => fake.sessions(), { timeout: 30_000 }).toEqual([]);
      await expect
        .poll(
          () => {
            try {
              return process.kill(shardPid, 0);
            } catch {
              return false;
            }
          },
          { timeout: 30_000 },
        )
        .toBe(false);
    } finally {
      await fake.close();
      await folder.cleanup();
    }
  }, 180_000);
});
