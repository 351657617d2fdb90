import { describe, expect, it } from 'vitest';
import { createBot } from '../src/bot/client.js';
import type { BriefingService, FeedbackService } from '../src/bot/context.js';
import type { ShardId } from '../src/bot/shard-env.js';
import { createLogger } from '../src/logger.js';
import { startDiscordStandin } from '../scripts/discord-standin/index.js';

/** No question is asked in these tests: the bot never gets past connecting. */
const unused = new Proxy({}, { get: () => expect.unreachable('no question is asked') }) as BriefingService &
  FeedbackService;

/** Connects the real bot client as `shard` (or unsharded) and resolves with what it reports as fatal. */
async function fatalReason(options: Parameters<typeof startDiscordStandin>[0], shard?: ShardId) {
  const standin = await startDiscordStandin(options);
  const logs: { level: number; msg: string; code?: number }[] = [];
  let reportFatal: (reason: string) => void = () => {};
  const fatal = new Promise<string>((resolve) => (reportFatal = resolve));
  const bot = createBot({
    briefing: unused,
    feedback: unused,
    logger: createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) }),
    settings: { ASK_CHANNEL_IDS: [], COOLDOWN_SECONDS: 0, DISCORD_API_URL: standin.apiUrl },
    onFatal: reportFatal,
    ...(shard ? { shard } : {}),
  });
  try {
    void bot.start(standin.token).catch(() => undefined);
    const reason = await fatal;
    return { reason, logged: logs.filter((line) => line.level === 60), sessions: standin.sessions() };
  } finally {
    await bot.stop();
    await standin.close();
  }
}

describe('a bot Discord refuses to connect as it is', () => {
  it('is told to shard when its servers need it (4011), in one line', async () => {
    const { reason, logged, sessions } = await fatalReason({ guilds: 4, maxGuildsPerShard: 2 });
    expect(reason).toBe(
      'Discord requires this bot to be sharded (it is in too many servers for one connection): set SHARD_COUNT=auto.',
    );
    expect(logged).toMatchObject([{ code: 4011, msg: reason }]);
    expect(sessions).toEqual([]);
  });

  it('connects once sharded as Discord recommends', async () => {
    const standin = await startDiscordStandin({ guilds: 4, maxGuildsPerShard: 2, shards: 2 });
    const bots = ([0, 1] as const).map((id) =>
      createBot({
        briefing: unused,
        feedback: unused,
        logger: createLogger('silent'),
        settings: { ASK_CHANNEL_IDS: [], COOLDOWN_SECONDS: 0, DISCORD_API_URL: standin.apiUrl },
        shard: { id, count: 2 },
      }),
    );
    try {
      for (const bot of bots) await bot.start(standin.token);
      expect(bots.map((bot) => bot.client.guilds.cache.size)).toEqual([2, 2]);
    } finally {
      for (const bot of bots) await bot.stop();
      await standin.close();
    }
  });

  it('says which setting to fix when Discord refuses its shard (4010)', async () => {
    const { reason, logged } = await fatalReason({ guilds: 2, shards: 2 }, { id: 2, count: 2 });
    expect(reason).toBe(
      'Discord refused the shard this process connected as: set SHARD_COUNT=auto, or to the number of shards Discord expects.',
    );
    expect(logged).toMatchObject([{ code: 4010, msg: reason }]);
  });
});
