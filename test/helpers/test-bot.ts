import type { Logger } from 'pino';
import type { Bot } from '../../src/bot/client.js';
import { openBot } from '../../src/bot/open-bot.js';
import { discordConfigSchema, parseConfig, type CoreConfig } from '../../src/config.js';
import type { Embedder } from '../../src/embed/embedder.js';
import type { DiscordStandin } from '../../scripts/discord-standin/index.js';

export interface TestBotOptions {
  config: CoreConfig;
  feedbackPath: string;
  standin: Pick<DiscordStandin, 'apiUrl' | 'token' | 'applicationId'>;
  cooldownSeconds: number;
  logger: Logger;
  /** A model already loaded by the test, to save loading it again. */
  embedder?: Embedder;
  /** More Discord settings, as the environment would give them (e.g. DIGEST_CHANNEL_ID). */
  discordEnv?: Record<string, string>;
}

/** The bot as `npm start` wires it (`openBot`), connected to a Discord stand-in. */
export async function startTestBot(options: TestBotOptions): Promise<{ bot: Bot; stop(): Promise<void> }> {
  const discord = parseConfig(discordConfigSchema, {
    DISCORD_TOKEN: options.standin.token,
    DISCORD_CLIENT_ID: options.standin.applicationId,
    DISCORD_API_URL: options.standin.apiUrl,
    COOLDOWN_SECONDS: String(options.cooldownSeconds),
    FEEDBACK_DB_PATH: options.feedbackPath,
    ...options.discordEnv,
  });
  const { bot, close } = await openBot(
    { ...options.config, ...discord },
    { logger: options.logger, ...(options.embedder ? { embedder: options.embedder } : {}) },
  );
  try {
    await bot.start(discord.DISCORD_TOKEN);
  } catch (error) {
    await close();
    throw error;
  }
  return { bot, stop: close };
}
