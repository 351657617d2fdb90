import type { Logger } from 'pino';
import { Briefing } from '../../src/answer/briefing.js';
import { createBot, type Bot } from '../../src/bot/client.js';
import type { CoreConfig } from '../../src/config.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { FeedbackStore } from '../../src/store/feedback-store.js';

export interface TestBotOptions {
  config: CoreConfig;
  feedbackPath: string;
  /** The stand-in's `apiUrl` and `token`. */
  apiUrl: string;
  token: string;
  cooldownSeconds: number;
  logger: Logger;
  /** A model already loaded by the test, to save loading it again. */
  embedder?: Embedder;
}

/** The bot as `npm start` wires it (its own Briefing and feedback store), connected to a Discord stand-in. */
export async function startTestBot(options: TestBotOptions): Promise<{ bot: Bot; stop(): Promise<void> }> {
  const briefing = await Briefing.open(options.config, options.embedder);
  const feedback = FeedbackStore.open(options.feedbackPath);
  const bot = createBot({
    briefing,
    feedback,
    logger: options.logger,
    settings: {
      ASK_CHANNEL_IDS: [],
      COOLDOWN_SECONDS: options.cooldownSeconds,
      DISCORD_API_URL: options.apiUrl,
    },
  });
  const stop = async () => {
    await bot.stop();
    briefing.close();
    feedback.close();
  };
  try {
    await bot.start(options.token);
  } catch (error) {
    await stop();
    throw error;
  }
  return { bot, stop };
}
