import type { Logger } from 'pino';
import { Briefing } from '../answer/briefing.js';
import type { BotConfig } from '../config.js';
import type { Embedder } from '../embed/embedder.js';
import type { FeedbackStore } from '../store/feedback-store.js';
import { openFeedbackStore } from '../store/open-store.js';
import { PostedDigests } from '../store/posted-digests.js';
import { createBot, type Bot } from './client.js';
import type { ShardId } from './shard-env.js';

export interface OpenBotOptions {
  logger: Logger;
  /** A model already loaded (tests), to save loading it again. */
  embedder?: Embedder;
  /** Called when Discord ends the session for good (rejected token, intents not enabled). */
  onFatal?: (reason: string) => void;
  /** The one shard this process runs; unset: the whole bot on one gateway connection. */
  shard?: ShardId;
}

export interface OpenedBot {
  bot: Bot;
  /** Stops the bot (answers in flight finish first), then closes the index and the feedback store. */
  close(): Promise<void>;
}

/**
 * The bot as `npm start` wires it, for `npm start` and for the tests and benchmarks that run it: its own
 * Briefing (index and model) and feedback store, every handler attached. Nothing connects until `bot.start`.
 */
export async function openBot(config: BotConfig, options: OpenBotOptions): Promise<OpenedBot> {
  const briefing = await Briefing.open(config, options.embedder);
  let feedback: FeedbackStore;
  let posted: PostedDigests | null = null;
  try {
    feedback = await openFeedbackStore(config);
  } catch (error) {
    briefing.close();
    throw error;
  }
  try {
    // One poster for the whole bot: with several shards, shard 0's, or one re-index would be posted N times.
    const postsDigests = !options.shard || options.shard.id === 0;
    if (config.DIGEST_CHANNEL_ID && postsDigests) posted = PostedDigests.open(config.FEEDBACK_DB_PATH);
  } catch (error) {
    briefing.close();
    await feedback.close();
    throw error;
  }
  const bot = createBot({
    briefing,
    feedback,
    logger: options.logger,
    settings: config,
    ...(options.onFatal ? { onFatal: options.onFatal } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
    ...(posted && config.DIGEST_CHANNEL_ID
      ? {
          digest: {
            latestDigest: () => briefing.latestDigest(),
            posted,
            channelId: config.DIGEST_CHANNEL_ID,
          },
        }
      : {}),
  });
  let warming: Promise<void> = Promise.resolve();
  const warmUp = async () => {
    const started = performance.now();
    try {
      await briefing.warmUp();
      options.logger.info({ ms: Math.round(performance.now() - started) }, 'warmed up');
    } catch (error) {
      // The questions users ask will report the same fault, with a reply to each.
      options.logger.warn({ err: error }, 'warm-up failed');
    }
  };
  return {
    bot: {
      ...bot,
      // After connecting, so that start-up is not slower; a question asked meanwhile shares the event loop.
      start: async (token) => {
        await bot.start(token);
        warming = warmUp();
      },
    },
    close: async () => {
      await bot.stop();
      await warming;
      briefing.close();
      await feedback.close();
      posted?.close();
    },
  };
}
