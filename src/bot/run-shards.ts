import { once } from 'node:events';
import { ShardingManager, type Shard } from 'discord.js';
import type { Logger } from 'pino';
import { ConfigError, type BotConfig } from '../config.js';
import { fetchGatewayAdvice } from './gateway-bot.js';
import { SHUTDOWN_GRACE_MS } from './run-bot.js';

/**
 * Discord lets `max_concurrency` shards identify in each 5-second window; discord.js's own default spacing of
 * 5.5 s leaves half a second of margin. Shards are started one after the other, each once the previous one
 * is ready, so spacing them by the window over max_concurrency keeps every bucket within its limit.
 */
const IDENTIFY_WINDOW_MS = 5_500;

/** A shard loads the model and opens the index before it connects: seconds, or minutes on a busy machine. */
const SHARD_READY_TIMEOUT_MS = 180_000;

/** A shard finishes its answers in flight within its own grace period; this adds time to exit. */
const SHARD_STOP_TIMEOUT_MS = SHUTDOWN_GRACE_MS + 5_000;

function spawnDelayMs(maxConcurrency: number): number {
  return Math.ceil(IDENTIFY_WINDOW_MS / Math.max(1, maxConcurrency));
}

/** Asks a shard's process to stop (it finishes its answers in flight), killing it if it does not in time. */
async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), SHARD_STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * `npm start` with SHARD_COUNT: discord.js's ShardingManager runs `entryFile` once per shard, each process
 * the same one-process bot on its shard of the guilds, all answering from the same index. Returns once
 * every shard is connected; they run until SIGINT or SIGTERM (passed on to every shard), or until one
 * stops on its own, which stops the others too (a supervisor such as systemd restarts the whole bot, as it would
 * the one-process bot). A shard's own failure is its own one line on stderr; the exit code is the shard's.
 */
export async function runShards(config: BotConfig, logger: Logger, entryFile: string): Promise<void> {
  const advice = await fetchGatewayAdvice(config);
  const totalShards = config.SHARD_COUNT === 'auto' ? advice.shards : (config.SHARD_COUNT ?? 1);
  const manager = new ShardingManager(entryFile, {
    totalShards,
    token: config.DISCORD_TOKEN,
    // The shards run the way this process runs: under tsx's loader, with the same Node flags.
    execArgv: process.execArgv,
    respawn: false,
  });
  logger.info(
    { shards: totalShards, recommended: advice.shards, maxConcurrency: advice.maxConcurrency },
    'starting shards',
  );

  let stopping: Promise<void> | undefined;
  const stopAll = (reason: string, exitCode: number): Promise<void> => {
    stopping ??= (async () => {
      logger.info({ reason }, 'stopping every shard');
      process.exitCode = exitCode;
      await Promise.all([...manager.shards.values()].map(stopShard));
      logger.info('every shard stopped');
    })();
    return stopping;
  };

  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id }, 'shard process started');
    shard.on('ready', () => logger.info({ shard: shard.id }, 'shard connected'));
    shard.on('death', (child) => {
      const { exitCode, signalCode } = child as { exitCode: number | null; signalCode: string | null };
      if (stopping) return;
      logger.error({ shard: shard.id, exitCode, signal: signalCode }, 'shard stopped on its own');
      void stopAll(`shard ${shard.id} stopped`, exitCode || 1);
    });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll(signal, 0));

  try {
    await manager.spawn({
      amount: totalShards,
      delay: spawnDelayMs(advice.maxConcurrency),
      timeout: SHARD_READY_TIMEOUT_MS,
    });
  } catch (error) {
    // A shard that died, or a stop asked for, while starting: its reason is already told.
    if (stopping) return stopping;
    await stopAll('a shard did not become ready', 1);
    throw new ConfigError(
      `A shard did not connect to Discord within ${SHARD_READY_TIMEOUT_MS / 1000} s (${(error as Error).message}); see its log above.`,
    );
  }
  // The shards' IPC channels keep this process running until the last one has exited.
  logger.info({ shards: totalShards }, 'every shard connected');
}
