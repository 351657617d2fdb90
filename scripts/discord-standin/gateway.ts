import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { WebSocket, WebSocketServer } from 'ws';
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayOpcodes,
  type GatewayIdentifyData,
  type GatewayReadyDispatchData,
  type GatewayRequestGuildMembersData,
  type GatewayResumeData,
  type GatewaySendPayload,
} from 'discord.js';
import { guildCreate, type World } from './fixtures.js';
import { shardOf } from './ids.js';

/** A payload the client sent over the gateway (identify, heartbeats, presence updates, ...). */
export interface GatewayFrame {
  op: GatewayOpcodes;
  d: unknown;
  time: number;
}

/** A dispatch the stand-in sent, kept per session so RESUME can replay what a dropped socket missed. */
interface SentDispatch {
  op: GatewayOpcodes.Dispatch;
  t: GatewayDispatchEvents;
  s: number;
  d: unknown;
}

/** Which session a dispatch went to: what tests check to know which shard received (and so answered) it. */
export interface SessionInfo {
  sessionId: string;
  /** [shard id, shard count] from IDENTIFY; [0, 1] when the client did not shard. */
  shard: [number, number];
}

interface Session {
  id: string;
  shard: [number, number];
  intents: number;
  seq: number;
  history: SentDispatch[];
  connection: Connection | null;
}

interface Connection {
  socket: WebSocket;
  /** Set when the client asked for `compress=zlib-stream`: one deflate context for the socket's lifetime. */
  deflate: zlib.Deflate | null;
  session: Session | null;
}

export interface GatewayOptions {
  world: World;
  token: string;
  heartbeatIntervalMs: number;
  /** More guilds than this on one session closes it with 4011 (sharding required). */
  maxGuildsPerShard: number;
  /** The ws:// URL the client connects to; also READY's resume_gateway_url. */
  url: string;
}

/** Builds a dispatch's data for a session with the given intents, or null to not send it to that session. */
export type DispatchBuilder = (intents: number) => unknown;

/**
 * Discord's gateway v10 over JSON (optionally zlib-stream compressed). Each session is one shard, as its
 * IDENTIFY says: a guild's events go only to shard `(guild_id >> 22) % shard_count`, direct messages to
 * shard 0; a client that does not shard is shard [0, 1] and gets everything. An invalid shard is closed
 * with 4010, a session that would serve more than `maxGuildsPerShard` guilds with 4011 (sharding required).
 */
export class Gateway {
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sessions = new Map<string, Session>();
  /** Everything clients sent, oldest first. */
  readonly received: GatewayFrame[] = [];
  /** The URL (with query) of every connection, so tests can check what discord.js asked for. */
  readonly connectionUrls: string[] = [];

  constructor(private readonly options: GatewayOptions) {
    this.#wss.on('connection', (socket, request) => this.#accept(socket, request));
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#wss.emit('connection', ws, request));
  }

  /** The sessions clients hold now: connected, or disconnected but able to resume. */
  get sessions(): SessionInfo[] {
    return [...this.#sessions.values()].map((session) => ({ sessionId: session.id, shard: session.shard }));
  }

  /**
   * Whether some client holds a session that receives this guild's events (null: direct messages), connected
   * or disconnected but able to resume.
   */
  hasSessionFor(guildId: string | null): boolean {
    return [...this.#sessions.values()].some((session) => receives(session, guildId));
  }

  /**
   * Sends a dispatch about a guild (null: a direct message) to every session of the shard that serves it,
   * queueing it for replay if the session's socket is down; returns the sessions it was meant for.
   */
  dispatch(event: GatewayDispatchEvents, build: DispatchBuilder, guildId: string | null): SessionInfo[] {
    const delivered: SessionInfo[] = [];
    for (const session of this.#sessions.values()) {
      if (!receives(session, guildId)) continue;
      const data = build(session.intents);
      if (data === null) continue;
      this.#dispatchTo(session, event, data);
      delivered.push({ sessionId: session.id, shard: session.shard });
    }
    return delivered;
  }

  /** Terminates sockets rather than closing them, so a client that never completes the close handshake can't stall. */
  async close(): Promise<void> {
    for (const socket of this.#wss.clients) socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #accept(socket: WebSocket, request: IncomingMessage): void {
    this.connectionUrls.push(request.url ?? '');
    const query = new URL(request.url ?? '/', 'ws://localhost').searchParams;
    if (query.get('v') !== '10') {
      socket.close(GatewayCloseCodes.InvalidAPIVersion, 'discord-standin only speaks gateway v10');
      return;
    }
    if ((query.get('encoding') ?? 'json') !== 'json') {
      socket.close(GatewayCloseCodes.DecodeError, 'discord-standin only supports encoding=json');
      return;
    }
    const compress = query.get('compress');
    if (compress !== null && compress !== 'zlib-stream') {
      socket.close(GatewayCloseCodes.DecodeError, `discord-standin does not support compress=${compress}`);
      return;
    }
    const connection: Connection = { socket, deflate: null, session: null };
    if (compress) {
      // Each chunk goes out as its own frame; the client buffers frames until one ends with the sync-flush
      // marker (00 00 ff ff), exactly as with Discord, so chunk boundaries need no care.
      connection.deflate = zlib.createDeflate();
      connection.deflate.on('data', (chunk: Buffer) => {
        if (socket.readyState === WebSocket.OPEN) socket.send(chunk);
      });
    }
    socket.on('message', (raw) => this.#receive(connection, raw.toString()));
    socket.on('close', (code) => {
      connection.deflate?.close();
      const { session } = connection;
      if (session?.connection !== connection) return;
      session.connection = null;
      // Like Discord: a clean close (1000/1001) ends the session; any other code leaves it resumable.
      if (code === 1000 || code === 1001) this.#sessions.delete(session.id);
    });
    this.#send(connection, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs },
      s: null,
      t: null,
    });
  }

  #receive(connection: Connection, text: string): void {
    let payload: GatewaySendPayload;
    try {
      payload = JSON.parse(text) as GatewaySendPayload;
    } catch {
      connection.socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    this.received.push({ op: payload.op, d: payload.d, time: Date.now() });
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.#send(connection, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        this.#identify(connection, payload.d);
        return;
      case GatewayOpcodes.Resume:
        this.#resume(connection, payload.d);
        return;
    }
    if (!connection.session) {
      connection.socket.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
      return;
    }
    if (payload.op === GatewayOpcodes.RequestGuildMembers) this.#sendMembers(connection.session, payload.d);
    // Presence and voice updates need no answer; they stay in `received` for tests to inspect.
  }

  #identify(connection: Connection, identify: GatewayIdentifyData): void {
    if (connection.session) {
      connection.socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (identify.token !== this.options.token) {
      connection.socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const shard = identify.shard ?? [0, 1];
    if (!isValidShard(shard)) {
      connection.socket.close(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
      return;
    }
    const { world } = this.options;
    const guilds = world.guilds.filter((g) => shardOf(g.guild.id, shard[1]) === shard[0]);
    if (guilds.length > this.options.maxGuildsPerShard) {
      connection.socket.close(GatewayCloseCodes.ShardingRequired, 'Sharding required.');
      return;
    }
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      shard,
      intents: identify.intents,
      seq: 0,
      history: [],
      connection,
    };
    this.#sessions.set(session.id, session);
    connection.session = session;
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: world.botUser,
      guilds: guilds.map((g) => ({ id: g.guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.options.url,
      shard,
      application: {
        id: world.application.id,
        flags: world.application.flags,
        flags_new: world.application.flags_new,
      },
    };
    this.#dispatchTo(session, GatewayDispatchEvents.Ready, ready);
    // Discord lazily follows READY with a GUILD_CREATE per guild; discord.js only emits `ready` after them.
    for (const guild of guilds)
      this.#dispatchTo(session, GatewayDispatchEvents.GuildCreate, guildCreate(guild));
  }

  #resume(connection: Connection, resume: GatewayResumeData): void {
    const session = this.#sessions.get(resume.session_id);
    if (!session || resume.token !== this.options.token) {
      this.#send(connection, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    session.connection = connection;
    connection.session = session;
    for (const missed of session.history.filter((d) => d.s > resume.seq)) this.#send(connection, missed);
    this.#dispatchTo(session, GatewayDispatchEvents.Resumed, {});
  }

  #sendMembers(session: Session, request: GatewayRequestGuildMembersData): void {
    const guild = this.options.world.guilds.find((g) => g.guild.id === request.guild_id);
    if (!guild || !receives(session, guild.guild.id)) return;
    const members =
      'user_ids' in request
        ? guild.members.filter((m) => [request.user_ids].flat().includes(m.user.id))
        : guild.members
            .filter((m) => m.user.username.toLowerCase().startsWith(request.query.toLowerCase()))
            .slice(0, request.limit || undefined);
    this.#dispatchTo(session, GatewayDispatchEvents.GuildMembersChunk, {
      guild_id: guild.guild.id,
      members,
      chunk_index: 0,
      chunk_count: 1,
      ...(request.nonce ? { nonce: request.nonce } : {}),
    });
  }

  #dispatchTo(session: Session, event: GatewayDispatchEvents, data: unknown): void {
    const payload: SentDispatch = { op: GatewayOpcodes.Dispatch, t: event, s: ++session.seq, d: data };
    session.history.push(payload);
    if (session.connection) this.#send(session.connection, payload);
  }

  #send(connection: Connection, payload: object): void {
    if (connection.socket.readyState !== WebSocket.OPEN) return;
    const json = JSON.stringify(payload);
    if (connection.deflate) {
      connection.deflate.write(json);
      connection.deflate.flush(zlib.constants.Z_SYNC_FLUSH);
    } else {
      connection.socket.send(json);
    }
  }
}

/** Discord closes with 4010 unless IDENTIFY's shard is [id, count] with 0 <= id < count. */
function isValidShard(shard: unknown): shard is [number, number] {
  if (!Array.isArray(shard) || shard.length !== 2 || !shard.every(Number.isInteger)) return false;
  const [id, count] = shard as [number, number];
  return count >= 1 && id >= 0 && id < count;
}

function receives(session: Session, guildId: string | null): boolean {
  const [id, count] = session.shard;
  return (guildId === null ? 0 : shardOf(guildId, count)) === id;
}
