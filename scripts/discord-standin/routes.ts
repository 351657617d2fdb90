import {
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  type APIApplicationCommandOptionChoice,
  type APIMessage,
  type APIReaction,
  type RESTGetAPIGatewayBotResult,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIInteractionCallbackWithResponseResult,
} from 'discord.js';
import type { CommandStore } from './commands.js';
import {
  DiscordError,
  alreadyAcknowledged,
  badRequest,
  missingPermissions,
  unknownChannel,
  unknownGuild,
  unknownInteraction,
  unknownMember,
  unknownMessage,
  unknownUser,
  unknownWebhook,
} from './errors.js';
import type { MessageEvents } from './events.js';
import { findChannel, findGuild, findUser, memberOf, type World } from './fixtures.js';
import type { InteractionRecord, InteractionRegistry } from './interactions.js';
import { choiceIssues, invalidFormBody } from './limits.js';
import type { MessageBody, MessageStore, UploadedFile } from './messages.js';

/**
 * Every route the stand-in answers, as `METHOD /path` below `/api/v10`. Literal segments (`@me`) are listed
 * before the parameter routes they would otherwise match.
 */
export const ROUTES = [
  'GET /gateway',
  'GET /gateway/bot',
  'GET /users/@me',
  'GET /users/:user',
  'POST /users/@me/channels',
  'GET /applications/@me',
  'GET /oauth2/applications/@me',
  'GET /applications/:application/commands',
  'PUT /applications/:application/commands',
  'POST /applications/:application/commands',
  'GET /applications/:application/commands/:command',
  'PATCH /applications/:application/commands/:command',
  'DELETE /applications/:application/commands/:command',
  'GET /applications/:application/guilds/:guild/commands',
  'PUT /applications/:application/guilds/:guild/commands',
  'POST /applications/:application/guilds/:guild/commands',
  'GET /applications/:application/guilds/:guild/commands/:command',
  'PATCH /applications/:application/guilds/:guild/commands/:command',
  'DELETE /applications/:application/guilds/:guild/commands/:command',
  'POST /interactions/:interaction/:token/callback',
  'POST /webhooks/:application/:token',
  'GET /webhooks/:application/:token/messages/:message',
  'PATCH /webhooks/:application/:token/messages/:message',
  'DELETE /webhooks/:application/:token/messages/:message',
  'GET /channels/:channel',
  'GET /channels/:channel/messages',
  'POST /channels/:channel/messages',
  'GET /channels/:channel/messages/:message',
  'PATCH /channels/:channel/messages/:message',
  'DELETE /channels/:channel/messages/:message',
  'POST /channels/:channel/typing',
  'PUT /channels/:channel/messages/:message/reactions/:emoji/@me',
  'DELETE /channels/:channel/messages/:message/reactions/:emoji/@me',
  'GET /guilds/:guild',
  'GET /guilds/:guild/channels',
  'GET /guilds/:guild/roles',
  'GET /guilds/:guild/members/:user',
] as const;

export type RouteName = (typeof ROUTES)[number];

/**
 * Routes Discord serves without the bot token: callbacks and webhooks are authorised by the interaction token
 * in their URL, and GET /gateway is public.
 */
export const UNAUTHENTICATED_ROUTES: ReadonlySet<RouteName> = new Set(
  ROUTES.filter((route) => route.includes(':token') || route === 'GET /gateway'),
);

export interface RouteRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  files: UploadedFile[];
}

export interface Reply {
  status: number;
  body?: unknown;
}

export interface RouteContext {
  world: World;
  gatewayUrl: string;
  /** What GET /gateway/bot recommends: the shard count and how many shards may identify at once. */
  shards: number;
  maxConcurrency: number;
  messages: MessageStore;
  interactions: InteractionRegistry;
  commands: CommandStore;
  events: MessageEvents;
}

/** Interaction callback body: the fields of all callback types the stand-in handles. */
interface CallbackBody {
  type: InteractionResponseType;
  data?: MessageBody & { choices?: APIApplicationCommandOptionChoice[]; custom_id?: string; title?: string };
}

const ok = (body: unknown): Reply => ({ status: 200, body });
const NO_CONTENT: Reply = { status: 204 };

/** Which callback types Discord accepts for each interaction type. */
const ALLOWED_CALLBACKS: Record<number, InteractionResponseType[]> = {
  [InteractionType.ApplicationCommand]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
  ],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [
    InteractionResponseType.ApplicationCommandAutocompleteResult,
  ],
  [InteractionType.ModalSubmit]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
  ],
};

export function createRoutes(ctx: RouteContext): Record<RouteName, (req: RouteRequest) => Reply> {
  const { world, messages, interactions, commands, events } = ctx;

  const scope = (params: Record<string, string>) => {
    if (params.application !== world.application.id) throw unknownWebhook();
    if (params.guild && !findGuild(world, params.guild)) throw unknownGuild();
    return params.guild ?? 'global';
  };

  const guild = (params: Record<string, string>) =>
    findGuild(world, params.guild) ?? throwError(unknownGuild());

  const channel = (params: Record<string, string>) => {
    const found = findChannel(world, params.channel!);
    if (!found) throw unknownChannel();
    return found;
  };

  const channelMessage = (params: Record<string, string>): APIMessage => {
    channel(params);
    const found = messages.get(params.message!);
    if (!found || found.channel_id !== params.channel) throw unknownMessage();
    return found;
  };

  const interactionByToken = (params: Record<string, string>): InteractionRecord => {
    const record = interactions.byToken(params.token!);
    if (!record || params.application !== world.application.id) throw unknownWebhook();
    return record;
  };

  /** `@original` is the reply, or for a component interaction acknowledged by updating, the clicked message. */
  const webhookMessage = (record: InteractionRecord, id: string): APIMessage => {
    const updatedSource =
      record.callbackType === InteractionResponseType.DeferredMessageUpdate ||
      record.callbackType === InteractionResponseType.UpdateMessage
        ? record.sourceMessageId
        : null;
    const resolved = id === '@original' ? (record.originalMessageId ?? updatedSource) : id;
    const owned = [record.originalMessageId, updatedSource, ...record.followUpIds].includes(resolved);
    const found = resolved && owned ? messages.get(resolved) : undefined;
    if (!found) throw unknownMessage();
    return found;
  };

  const messageType = (record: InteractionRecord) =>
    record.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default;

  const react = (params: Record<string, string>, add: boolean): Reply => {
    const message = channelMessage(params);
    const [name, id = null] = params.emoji!.split(':');
    const others = (message.reactions ?? []).filter((r) => r.emoji.name !== name);
    const reactions: APIReaction[] = add
      ? [
          ...others,
          {
            count: 1,
            count_details: { burst: 0, normal: 1 },
            me: true,
            me_burst: false,
            burst_colors: [],
            emoji: { id, name: name ?? null },
          },
        ]
      : others;
    // Stored for tests to inspect; the MESSAGE_REACTION_* gateway events are not emitted.
    messages.save({ ...message, reactions });
    return NO_CONTENT;
  };

  const callback = ({ params, query, body, files }: RouteRequest): Reply => {
    const record = interactions.get(params.interaction!);
    if (record.token !== params.token) throw unknownInteraction();
    if (record.callbackType !== null) throw alreadyAcknowledged();
    const { type, data = {} } = (body ?? {}) as CallbackBody;
    if (!(ALLOWED_CALLBACKS[record.type] ?? []).includes(type)) {
      throw badRequest(`Interaction response type ${type} is not valid for interaction type ${record.type}`);
    }
    const updatesSource =
      type === InteractionResponseType.UpdateMessage ||
      type === InteractionResponseType.DeferredMessageUpdate;
    if (updatesSource && !record.sourceMessageId) {
      throw badRequest(`Interaction response type ${type} needs an interaction that came from a message`);
    }
    let message: APIMessage | undefined;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
      case InteractionResponseType.DeferredChannelMessageWithSource:
        message = messages.createFromBot(data, files, {
          channelId: record.channelId,
          type: messageType(record),
          interaction: interactions.metadata(record, false),
          placeholder: type === InteractionResponseType.DeferredChannelMessageWithSource,
        });
        record.originalMessageId = message.id;
        events.created(message);
        break;
      case InteractionResponseType.UpdateMessage:
        message = messages.editFromBot(record.sourceMessageId!, data, files);
        events.updated(message);
        break;
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        const issues = choiceIssues(data.choices ?? []);
        if (issues.length) throw invalidFormBody(issues);
        break;
      }
      case InteractionResponseType.Modal:
        if (!data.custom_id || !data.title || !data.components?.length) {
          throw badRequest('Invalid Form Body: a modal needs custom_id, title and components');
        }
        interactions.rememberModal(data.custom_id, data.components);
        break;
    }
    record.callbackType = type;
    if (query.with_response !== 'true') return NO_CONTENT;
    const result: RESTPostAPIInteractionCallbackWithResponseResult = {
      interaction: {
        id: record.id,
        type: record.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: Boolean((message.flags ?? 0) & MessageFlags.Loading),
              response_message_ephemeral: Boolean((message.flags ?? 0) & MessageFlags.Ephemeral),
            }
          : {}),
      },
      resource: { type, ...(message ? { message } : {}) },
    };
    return ok(result);
  };

  return {
    'GET /gateway': () => ok({ url: ctx.gatewayUrl }),
    'GET /gateway/bot': () =>
      ok({
        url: ctx.gatewayUrl,
        shards: ctx.shards,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 86_400_000,
          max_concurrency: ctx.maxConcurrency,
        },
      } satisfies RESTGetAPIGatewayBotResult),
    'GET /users/@me': () => ok(world.botUser),
    'GET /users/:user': ({ params }) => ok(findUser(world, params.user!) ?? throwError(unknownUser())),
    'POST /users/@me/channels': ({ body }) => {
      const recipient = (body as { recipient_id?: string }).recipient_id;
      const dm = Object.values(world.dms).find((c) => c.recipients?.[0]?.id === recipient);
      return ok(dm ?? throwError(unknownUser()));
    },
    'GET /applications/@me': () => ok(world.application),
    'GET /oauth2/applications/@me': () => ok(world.application),

    'GET /applications/:application/commands': ({ params }) => ok(commands.list(scope(params))),
    'PUT /applications/:application/commands': ({ params, body }) =>
      ok(commands.overwrite(scope(params), body as RESTPostAPIApplicationCommandsJSONBody[])),
    'POST /applications/:application/commands': ({ params, body }) =>
      ok(commands.upsert(scope(params), body as RESTPostAPIApplicationCommandsJSONBody)),
    'GET /applications/:application/commands/:command': ({ params }) =>
      ok(commands.get(scope(params), params.command!)),
    'PATCH /applications/:application/commands/:command': ({ params, body }) =>
      ok(commands.patch(scope(params), params.command!, body as RESTPostAPIApplicationCommandsJSONBody)),
    'DELETE /applications/:application/commands/:command': ({ params }) => {
      commands.delete(scope(params), params.command!);
      return NO_CONTENT;
    },
    'GET /applications/:application/guilds/:guild/commands': ({ params }) => ok(commands.list(scope(params))),
    'PUT /applications/:application/guilds/:guild/commands': ({ params, body }) =>
      ok(commands.overwrite(scope(params), body as RESTPostAPIApplicationCommandsJSONBody[])),
    'POST /applications/:application/guilds/:guild/commands': ({ params, body }) =>
      ok(commands.upsert(scope(params), body as RESTPostAPIApplicationCommandsJSONBody)),
    'GET /applications/:application/guilds/:guild/commands/:command': ({ params }) =>
      ok(commands.get(scope(params), params.command!)),
    'PATCH /applications/:application/guilds/:guild/commands/:command': ({ params, body }) =>
      ok(commands.patch(scope(params), params.command!, body as RESTPostAPIApplicationCommandsJSONBody)),
    'DELETE /applications/:application/guilds/:guild/commands/:command': ({ params }) => {
      commands.delete(scope(params), params.command!);
      return NO_CONTENT;
    },

    'POST /interactions/:interaction/:token/callback': callback,
    'POST /webhooks/:application/:token': ({ params, query, body, files }) => {
      const record = interactionByToken(params);
      // Follow-ups only exist once the interaction was acknowledged; before that the webhook is unknown.
      if (record.callbackType === null) throw unknownWebhook();
      const message = messages.createFromBot(body as MessageBody, files, {
        channelId: record.channelId,
        type: messageType(record),
        interaction: interactions.metadata(record, true),
      });
      record.followUpIds.push(message.id);
      events.created(message);
      return query.wait === 'true' ? ok(message) : NO_CONTENT;
    },
    'GET /webhooks/:application/:token/messages/:message': ({ params }) =>
      ok(webhookMessage(interactionByToken(params), params.message!)),
    'PATCH /webhooks/:application/:token/messages/:message': ({ params, body, files }) => {
      const current = webhookMessage(interactionByToken(params), params.message!);
      const message = messages.editFromBot(current.id, body as MessageBody, files);
      events.updated(message);
      return ok(message);
    },
    'DELETE /webhooks/:application/:token/messages/:message': ({ params }) => {
      events.deleted(messages.delete(webhookMessage(interactionByToken(params), params.message!).id));
      return NO_CONTENT;
    },

    'GET /channels/:channel': ({ params }) => ok(channel(params)),
    'GET /channels/:channel/messages': ({ params, query }) => {
      channel(params);
      const limit = Math.min(Number(query.limit ?? 50), 100);
      const before = query.before ? BigInt(query.before) : null;
      const after = query.after ? BigInt(query.after) : null;
      const newestFirst = messages
        .inChannel(params.channel!)
        .filter((m) => (before === null || BigInt(m.id) < before) && (after === null || BigInt(m.id) > after))
        .reverse();
      return ok(newestFirst.slice(0, limit));
    },
    'POST /channels/:channel/messages': ({ params, body, files }) => {
      const message = messages.createFromBot(body as MessageBody, files, { channelId: channel(params).id });
      events.created(message);
      return ok(message);
    },
    'GET /channels/:channel/messages/:message': ({ params }) => ok(channelMessage(params)),
    'PATCH /channels/:channel/messages/:message': ({ params, body, files }) => {
      const message = messages.editFromBot(channelMessage(params).id, body as MessageBody, files);
      events.updated(message);
      return ok(message);
    },
    'DELETE /channels/:channel/messages/:message': ({ params }) => {
      const message = channelMessage(params);
      // The bot's role has no Manage Messages, so like on Discord it may only delete its own messages.
      if (message.author.id !== world.botUser.id) throw missingPermissions();
      events.deleted(messages.delete(message.id));
      return NO_CONTENT;
    },
    'POST /channels/:channel/typing': ({ params }) => {
      channel(params);
      return NO_CONTENT;
    },
    'PUT /channels/:channel/messages/:message/reactions/:emoji/@me': ({ params }) => react(params, true),
    'DELETE /channels/:channel/messages/:message/reactions/:emoji/@me': ({ params }) => react(params, false),

    'GET /guilds/:guild': ({ params, query }) =>
      ok({
        ...guild(params).guild,
        ...(query.with_counts === 'true'
          ? {
              approximate_member_count: guild(params).members.length,
              approximate_presence_count: guild(params).members.length,
            }
          : {}),
      }),
    'GET /guilds/:guild/channels': ({ params }) => ok(Object.values(guild(params).channels)),
    'GET /guilds/:guild/roles': ({ params }) => ok(guild(params).guild.roles),
    'GET /guilds/:guild/members/:user': ({ params }) =>
      ok(memberOf(world, params.user!, guild(params).guild.id) ?? throwError(unknownMember())),
  };
}

function throwError(error: DiscordError): never {
  throw error;
}
