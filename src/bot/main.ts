import { Briefing } from '../answer/briefing.js';
import { runCli } from '../cli/run-cli.js';
import { loadCoreConfig, loadDiscordConfig, loadDotEnv } from '../config.js';
import { createLogger } from '../logger.js';
import { FeedbackStore } from '../store/feedback-store.js';
import { createBot } from './client.js';

/** How long shutdown waits for answers in flight before closing anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

runCli(async () => {
  loadDotEnv();
  // Discord settings first: a missing or malformed token fails at once, before the model loads.
  const discord = loadDiscordConfig();
  const core = loadCoreConfig();
  const logger = createLogger(core.LOG_LEVEL);
  const briefing = await Briefing.open(core);
  let feedback: FeedbackStore;
  try {
    feedback = FeedbackStore.open(discord.FEEDBACK_DB_PATH);
  } catch (error) {
    briefing.close();
    throw error;
  }

  let stopped: Promise<void> | undefined;
  const shutdown = (reason: string, exitCode = 0): Promise<void> => {
    stopped ??= (async () => {
      logger.info({ reason }, 'shutting down');
      const grace = setTimeout(() => {
        logger.warn('answers still in flight after the grace period; closing anyway');
        process.exit(exitCode || 1);
      }, SHUTDOWN_GRACE_MS);
      grace.unref();
      await bot.stop();
      briefing.close();
      feedback.close();
      process.exitCode = exitCode;
    })();
    return stopped;
  };

  const bot = createBot({
    briefing,
    feedback,
    logger,
    settings: {
      ASK_CHANNEL_IDS: discord.ASK_CHANNEL_IDS,
      COOLDOWN_SECONDS: discord.COOLDOWN_SECONDS,
      DISCORD_API_URL: discord.DISCORD_API_URL,
      DISCORD_REST_TIMEOUT_MS: discord.DISCORD_REST_TIMEOUT_MS,
    },
    onFatal: (reason) => void shutdown(reason, 1),
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(signal));

  try {
    await bot.start(discord.DISCORD_TOKEN);
  } catch (error) {
    await shutdown('login failed', 1);
    throw error;
  }
});
