import { DiscordAPIError, REST, Routes, type RESTGetAPIGatewayBotResult } from 'discord.js';
import { ConfigError, type DiscordConfig } from '../config.js';
import { TOKEN_REJECTED } from './client.js';
import { explainUnreachable } from './discord-unreachable.js';

/** What Discord says about sharding this bot. */
export interface GatewayAdvice {
  /** The shard count Discord recommends for the bot's guilds. */
  shards: number;
  /** How many shards may identify in each 5-second window. */
  maxConcurrency: number;
}

/**
 * GET /gateway/bot with the bot's own REST settings (discord.js's `fetchRecommendedShardCount` always asks
 * discord.com and knows nothing of max_concurrency). Failures are one line, as at the bot's login.
 */
export async function fetchGatewayAdvice(
  config: Pick<DiscordConfig, 'DISCORD_TOKEN' | 'DISCORD_API_URL' | 'DISCORD_REST_TIMEOUT_MS'>,
): Promise<GatewayAdvice> {
  const rest = new REST({
    ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}),
    timeout: config.DISCORD_REST_TIMEOUT_MS,
  }).setToken(config.DISCORD_TOKEN);
  try {
    const answer = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    return { shards: answer.shards, maxConcurrency: answer.session_start_limit.max_concurrency };
  } catch (error) {
    if (error instanceof DiscordAPIError && error.status === 401) throw new ConfigError(TOKEN_REJECTED);
    throw explainUnreachable(error, rest);
  }
}
