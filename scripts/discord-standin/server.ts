import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  GatewayDispatchEvents,
  type APIApplicationCommand,
  type APIDMChannel,
  type APIGuild,
  type APIInteractionResponse,
  type APIMessage,
  type APITextChannel,
  type APIUser,
} from 'discord.js';
import { CommandStore } from './commands.js';
import { MessageEvents } from './events.js';
import {
  buildWorld,
  findChannel,
  type FakeUserName,
  type GuildWorld,
  type StandinOptions,
  type TextChannelName,
  type World,
} from './fixtures.js';
import { Gateway, type GatewayFrame, type SessionInfo } from './gateway.js';
import { fakeBotToken } from './ids.js';
import { InteractionRegistry, type DispatchedInteraction, type InteractionInput } from './interactions.js';
import { MessageStore } from './messages.js';
import { RequestRecorder, type RecordedRequest, type RequestPredicate } from './recorder.js';
import { API_ROOT, ATTACHMENTS_PREFIX, createRequestListener } from './rest.js';
import { createRoutes } from './routes.js';

/** A user message to deliver as MESSAGE_CREATE. */
export interface MessageInput {
  content: string;
  /** Author (default `alice`). In a DM channel it must be that DM's recipient. */
  user?: FakeUserName;
  /** A guild text channel or a DM channel from `standin.dms` (default: `general`). */
  channelId?: string;
  /** Prefix the content with a mention of the bot, the usual way to address it. */
  mentionBot?: boolean;
  /** Id of a stored message (typically the bot's answer) this message replies to. */
  replyTo?: string;
  /** Whether the reply pings the replied-to author (Discord's default: yes). */
  pingRepliedUser?: boolean;
  attachments?: { filename: string; content: string | Buffer; contentType?: string }[];
}

export interface DiscordStandin {
  /** Pass as `new Client({ rest: { api: standin.apiUrl } })`. */
  apiUrl: string;
  gatewayUrl: string;
  /** Pass to `client.login()`. */
  token: string;
  applicationId: string;
  botUser: APIUser;
  users: Record<FakeUserName, APIUser>;
  /** The extra members asked for with the `crowd` option. */
  crowd: readonly APIUser[];
  /** The first guild, its roles and channels. */
  guild: APIGuild;
  roles: World['roles'];
  channels: Record<TextChannelName, APITextChannel>;
  /** Every guild the bot is in (option `guilds`), the first one first; guild `i` is on shard `i % N`. */
  guilds: readonly Omit<GuildWorld, 'members'>[];
  dms: Record<FakeUserName, APIDMChannel>;
  /** Every REST request the bot made, oldest first. */
  requests: readonly RecordedRequest[];
  /** Every gateway payload the bot sent (identify, heartbeats, presence updates, ...). */
  gatewayReceived: readonly GatewayFrame[];
  /** The gateway sessions clients hold now (connected, or able to resume), each with its shard. */
  sessions(): SessionInfo[];
  /** The URL (path and query) of every gateway connection. */
  gatewayConnections: readonly string[];
  /** Commands the bot registered, globally or (with a guild id) in that guild. */
  registeredCommands(guildId?: string): APIApplicationCommand[];
  /** Sends INTERACTION_CREATE; use the returned id/token to find the bot's callback. */
  dispatchInteraction(input: InteractionInput): DispatchedInteraction;
  /** The gateway sessions (shards) an interaction was sent to; only they hold its token, so one of them answered. */
  deliveriesOf(interactionId: string): SessionInfo[];
  /** Stores and sends MESSAGE_CREATE for a user message; returns the message as stored. */
  dispatchMessage(input: MessageInput): APIMessage;
  /** Resolves with the first matching request, already recorded or future; rejects after `timeoutMs`. */
  waitForRequest<TBody = unknown>(
    predicate: RequestPredicate<TBody>,
    timeoutMs?: number,
  ): Promise<RecordedRequest<TBody>>;
  /** The bot's callback (POST /interactions/:id/:token/callback) for an interaction. */
  waitForCallback(
    interactionId: string,
    timeoutMs?: number,
  ): Promise<RecordedRequest<APIInteractionResponse>>;
  /** What the bot answered an interaction with, as it stands now: the original response, then follow-ups. */
  repliesTo(interactionId: string): APIMessage[];
  /** Messages the bot has in a channel now (sent, replied, edited; not deleted), oldest first. */
  messagesIn(channelId: string): APIMessage[];
  /** Any stored message by id (the bot's or a dispatched user message). */
  message(id: string): APIMessage | undefined;
  /** Closes sockets and the server. Destroy the discord.js client first, or it will try to reconnect. */
  close(): Promise<void>;
}

/** Starts a fake Discord (REST API v10 and gateway) on 127.0.0.1 at a random port. */
export async function startDiscordStandin(options: StandinOptions = {}): Promise<DiscordStandin> {
  const world = buildWorld(options);
  const token = fakeBotToken(world.botUser.id);
  // Discord's API (behind Cloudflare) keeps idle HTTP/1.1 connections for 400 s. Node's default of 5 s races
  // with a busy client reusing a connection just as the server closes it ("other side closed").
  const server = http.createServer({ keepAliveTimeout: 400_000 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const gatewayUrl = `${origin.replace('http', 'ws')}/gateway`;

  const recorder = new RequestRecorder();
  const messages = new MessageStore(world, `${origin}${ATTACHMENTS_PREFIX}`);
  const commands = new CommandStore(world.application.id);
  const interactions = new InteractionRegistry(world, messages, commands);
  const gateway = new Gateway({
    world,
    token,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    maxGuildsPerShard: options.maxGuildsPerShard ?? 2_500,
    url: gatewayUrl,
  });
  const events = new MessageEvents(world, gateway);
  const routes = createRoutes({
    world,
    gatewayUrl,
    shards: options.shards ?? 1,
    maxConcurrency: options.maxConcurrency ?? 1,
    messages,
    interactions,
    commands,
    events,
  });

  server.on('request', createRequestListener({ token, routes, recorder, messages }));
  server.on('upgrade', (request, socket, head) => {
    const { pathname } = new URL(request.url ?? '/', origin);
    if (pathname === '/gateway' || pathname === '/gateway/') gateway.handleUpgrade(request, socket, head);
    else socket.destroy();
  });

  // Dispatching to nobody would make a test wait for a bot reaction that can never come.
  const requireClient = (guildId: string | null) => {
    if (!gateway.hasSessionFor(guildId)) {
      throw new Error(
        `discord-standin: no client has a gateway session for ${guildId ? `the shard of guild ${guildId}` : 'direct messages (shard 0)'}`,
      );
    }
  };

  return {
    apiUrl: `${origin}${API_ROOT}`,
    gatewayUrl,
    token,
    applicationId: world.application.id,
    botUser: world.botUser,
    users: world.users,
    crowd: world.crowd,
    guild: world.guild,
    roles: world.roles,
    channels: world.channels,
    guilds: world.guilds.map(({ members: _members, ...guild }) => guild),
    dms: world.dms,
    requests: recorder.requests,
    gatewayReceived: gateway.received,
    gatewayConnections: gateway.connectionUrls,
    sessions: () => gateway.sessions,
    registeredCommands: (guildId) => commands.list(guildId ?? 'global'),

    dispatchInteraction(input) {
      const dispatched = interactions.build(input);
      requireClient(dispatched.guildId);
      interactions.get(dispatched.id).deliveredTo = gateway.dispatch(
        GatewayDispatchEvents.InteractionCreate,
        () => dispatched.payload,
        dispatched.guildId,
      );
      return dispatched;
    },
    deliveriesOf: (interactionId) => interactions.get(interactionId).deliveredTo,

    dispatchMessage(input) {
      const author = world.users[input.user ?? 'alice'];
      const channel = findChannel(world, input.channelId ?? world.channels.general.id);
      if (!channel) throw new Error(`discord-standin: unknown channel ${input.channelId}`);
      requireClient('guild_id' in channel ? (channel.guild_id ?? null) : null);
      if ('recipients' in channel && channel.recipients?.[0]?.id !== author.id) {
        throw new Error(
          `discord-standin: ${author.username} is not the recipient of DM channel ${channel.id}`,
        );
      }
      const content = input.mentionBot ? `<@${world.botUser.id}> ${input.content}` : input.content;
      const message = messages.createFromUser(author, channel.id, content, {
        replyTo: input.replyTo,
        pingRepliedUser: input.pingRepliedUser,
        files: (input.attachments ?? []).map((a, i) => ({
          field: `files[${i}]`,
          filename: a.filename,
          contentType: a.contentType ?? 'text/plain; charset=utf-8',
          data: Buffer.from(a.content),
        })),
      });
      events.created(message);
      return message;
    },

    waitForRequest: (predicate, timeoutMs) => recorder.waitFor(predicate, timeoutMs),
    waitForCallback: (interactionId, timeoutMs) =>
      recorder.waitFor(
        (r) =>
          r.route === 'POST /interactions/:interaction/:token/callback' &&
          r.params.interaction === interactionId,
        timeoutMs,
      ),

    repliesTo(interactionId) {
      const record = interactions.get(interactionId);
      return [record.originalMessageId, ...record.followUpIds].flatMap(
        (id) => (id && messages.get(id)) || [],
      );
    },
    messagesIn: (channelId) => messages.inChannel(channelId).filter((m) => m.author.id === world.botUser.id),
    message: (id) => messages.get(id),

    async close() {
      recorder.rejectPending('the stand-in was closed while waiting');
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
