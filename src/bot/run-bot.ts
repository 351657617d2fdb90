import type { Logger } from 'pino';
import type { BotConfig } from '../config.js';
import { openBot } from './open-bot.js';
import type { ShardId } from './shard-env.js';

/** How long shutdown waits for answers in flight before closing anyway. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * The bot in this process, connected until SIGINT or SIGTERM (or, for a shard, until its shard manager is
 * gone): the whole bot, or one shard of it when a ShardingManager started this process.
 */
export async function runBot(config: BotConfig, logger: Logger, shard: ShardId | null): Promise<void> {
  let stopped: Promise<void> | undefined;
  const shutdown = (reason: string, exitCode = 0): Promise<void> => {
    stopped ??= (async () => {
      logger.info({ reason }, 'shutting down');
      const grace = setTimeout(() => {
        logger.warn('answers still in flight after the grace period; closing anyway');
        process.exit(exitCode || 1);
      }, SHUTDOWN_GRACE_MS);
      grace.unref();
      await close();
      process.exitCode = exitCode;
      // A shard's IPC channel to its manager would keep the process alive.
      if (shard && process.connected) process.disconnect?.();
    })();
    return stopped;
  };

  const { bot, close } = await openBot(config, {
    logger,
    onFatal: (reason) => void shutdown(reason, 1),
    ...(shard ? { shard } : {}),
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(signal));
  if (shard) {
    // A manager killed outright cannot stop its shards; without this they would answer on, unsupervised.
    process.once('disconnect', () => void shutdown('shard manager gone', 1));
    // discord.js tells the manager of every disconnect over IPC; with the manager gone, that send fails
    // with an 'error' event that would otherwise end the process before its answers in flight.
    process.on('error', (error) => logger.debug({ err: error }, 'shard manager unreachable'));
  }

  try {
    await bot.start(config.DISCORD_TOKEN);
  } catch (error) {
    await shutdown('login failed', 1);
    throw error;
  }
}
