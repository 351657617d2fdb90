import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Logger } from 'pino';
import { ConfigError, type DiscordConfig } from '../config.js';
import type { BotContext, BriefingService, FeedbackService } from './context.js';
import { Cooldown } from './cooldown.js';
import { startDigestPoster, type DigestPosterOptions } from './digest-poster.js';
import { explainUnreachable } from './discord-unreachable.js';
import { handleInteraction } from './interaction-handler.js';
import { handleMessage } from './message-handler.js';
import { NO_PINGS } from './safe-text.js';
import type { ShardId } from './shard-env.js';

type BotSettings = Pick<DiscordConfig, 'ASK_CHANNEL_IDS' | 'COOLDOWN_SECONDS' | 'DISCORD_API_URL'> &
  Partial<Pick<DiscordConfig, 'DISCORD_REST_TIMEOUT_MS'>>;

interface BotDependencies {
  briefing: BriefingService;
  feedback: FeedbackService;
  logger: Logger;
  settings: BotSettings;
  /** The cooldown's clock; tests move it instead of waiting. */
  now?: () => number;
  /** Called when Discord ends the session for good (rejected token, intents not enabled). */
  onFatal?: (reason: string) => void;
  /** The one shard this client connects as; unset: the whole bot on one gateway connection. */
  shard?: ShardId;
  /** Where and what to post after each re-index (DIGEST_CHANNEL_ID); absent, no digest is posted. */
  digest?: Omit<DigestPosterOptions, 'client' | 'logger'>;
}

export interface Bot {
  client: Client;
  /** Logs in and resolves once the gateway session is ready. */
  start(token: string): Promise<void>;
  /** Stops taking events, waits for the answers in flight, then disconnects. Closing the stores is the caller's. */
  stop(): Promise<void>;
}

/**
 * Message Content is privileged (enabled per application in the developer portal) and only needed to read
 * messages in the ask channels: mentions, replies to the bot and DMs carry their content anyway.
 */
function intentsFor(askChannelIds: readonly string[]): GatewayIntentBits[] {
  return [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.DirectMessages,
    ...(askChannelIds.length ? [GatewayIntentBits.MessageContent] : []),
  ];
}

export const TOKEN_REJECTED =
  'Discord rejected DISCORD_TOKEN: copy it again from the developer portal (Bot → Reset Token).';

/** Gateway close codes after which discord.js gives up, with what the admin should do. */
const FATAL_CLOSE_CODES: Record<number, string> = {
  4004: TOKEN_REJECTED,
  4010: 'Discord refused the shard this process connected as: set SHARD_COUNT=auto, or to the number of shards Discord expects.',
  4011: 'Discord requires this bot to be sharded (it is in too many servers for one connection): set SHARD_COUNT=auto.',
  4014: 'Discord refused the Message Content intent: enable it in the developer portal (Bot → Privileged Gateway Intents), or unset ASK_CHANNEL_IDS.',
};

/** The bot's Discord client with every handler wired to the shared services; nothing connects until `start`. */
export function createBot({
  briefing,
  feedback,
  logger,
  settings,
  now,
  onFatal,
  shard,
  digest,
}: BotDependencies): Bot {
  const client = new Client({
    intents: intentsFor(settings.ASK_CHANNEL_IDS),
    // Direct-message channels are not cached until used; without this their first message is dropped.
    partials: [Partials.Channel],
    allowedMentions: NO_PINGS,
    ...(shard ? { shards: [shard.id], shardCount: shard.count } : {}),
    rest: {
      ...(settings.DISCORD_API_URL ? { api: settings.DISCORD_API_URL } : {}),
      ...(settings.DISCORD_REST_TIMEOUT_MS ? { timeout: settings.DISCORD_REST_TIMEOUT_MS } : {}),
    },
  });
  const context: BotContext = {
    briefing,
    feedback,
    logger,
    cooldown: new Cooldown(settings.COOLDOWN_SECONDS, now),
    askChannelIds: settings.ASK_CHANNEL_IDS,
  };
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  let stopDigests: (() => Promise<void>) | undefined;

  /** Runs one event's work, tracked for shutdown; an error never escapes into discord.js's emitter. */
  const track = (event: string, work: () => Promise<void>) => {
    if (stopping) return;
    const running: Promise<void> = work()
      .catch((error: unknown) => logger.error({ err: error, event }, 'event handler failed'))
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  };

  client.on(Events.InteractionCreate, (interaction) =>
    track(Events.InteractionCreate, () => handleInteraction(interaction, context)),
  );
  client.on(Events.MessageCreate, (message) =>
    track(Events.MessageCreate, () => handleMessage(message, context, client.user!.id)),
  );
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, ({ code }) => {
    const reason = FATAL_CLOSE_CODES[code];
    if (!reason) return;
    logger.fatal({ code }, reason);
    onFatal?.(reason);
  });

  return {
    client,
    async start(token) {
      const ready = once(client, Events.ClientReady);
      // Awaited below; marked handled so that a failed login, which leaves it pending, cannot leak a rejection.
      ready.catch(() => undefined);
      try {
        await client.login(token);
      } catch (error) {
        if ((error as { code?: string }).code === 'TokenInvalid') throw new ConfigError(TOKEN_REJECTED);
        // Once logged in, discord.js itself keeps reconnecting to the gateway through network faults.
        throw explainUnreachable(error, client.rest);
      }
      await ready;
      if (digest && !stopping) stopDigests = startDigestPoster({ ...digest, client, logger });
      logger.info(
        {
          user: client.user?.tag,
          guilds: client.guilds.cache.size,
          askChannels: settings.ASK_CHANNEL_IDS.length,
        },
        'connected to Discord',
      );
    },
    async stop() {
      stopping = true;
      await stopDigests?.();
      await Promise.allSettled([...inFlight]);
      await client.destroy();
    },
  };
}
