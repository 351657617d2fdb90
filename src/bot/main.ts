import { loadSettings } from '../cli/load-settings.js';
import { runCli } from '../cli/run-cli.js';
import { botConfigSchema } from '../config.js';
import { createLogger } from '../logger.js';
import { openBot } from './open-bot.js';

/** How long shutdown waits for answers in flight before closing anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

runCli(async () => {
  // Every setting first: a missing or malformed token fails at once, before the model loads.
  const config = loadSettings(botConfigSchema);
  const logger = createLogger(config.LOG_LEVEL);

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
    })();
    return stopped;
  };

  const { bot, close } = await openBot(config, { logger, onFatal: (reason) => void shutdown(reason, 1) });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(signal));

  try {
    await bot.start(config.DISCORD_TOKEN);
  } catch (error) {
    await shutdown('login failed', 1);
    throw error;
  }
});
