import {
  ApplicationFlags,
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  PermissionFlagsBits,
  type APIApplication,
  type APIDMChannel,
  type APIGuild,
  type APIGuildMember,
  type APIInteractionGuildMember,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type GuildMemberFlags,
  type RoleFlags,
  type GatewayGuildCreateDispatchData,
} from 'discord.js';
import { SnowflakeUtil } from 'discord.js';
import { snowflake } from './ids.js';

export interface StandinOptions {
  /** Username of the fake bot account (default `briefing-bot`). */
  botUsername?: string;
  /** Name of the first guild the bot is in (default `Newsroom`); the others add a number (`Newsroom 2`). */
  guildName?: string;
  /** How many guilds the bot is in (default 1); guild `i` (from 0) is on shard `i % N` for any N up to 16. */
  guilds?: number;
  /**
   * Gateway heartbeat interval sent in HELLO (default 41250 ms, Discord's usual value). Lower it to exercise
   * heartbeating; discord.js waits a random fraction of it before the first beat.
   */
  heartbeatIntervalMs?: number;
  /** Shard count GET /gateway/bot recommends (default 1). Clients may IDENTIFY with any valid count. */
  shards?: number;
  /** session_start_limit.max_concurrency of GET /gateway/bot: shards that may IDENTIFY per 5 s (default 1). */
  maxConcurrency?: number;
  /**
   * Guilds one session may serve (Discord's is 2,500): a session that would serve more is closed with 4011,
   * sharding required. Lower it to see that with a few guilds.
   */
  maxGuildsPerShard?: number;
  /** How many more guild members (`crowd-1`, `crowd-2`, ...) to add, for tests that need many distinct users. */
  crowd?: number;
}

/** The fake people who talk to the bot. Each has a distinct id, a guild membership and a DM channel. */
export const FAKE_USER_NAMES = ['alice', 'bob', 'carol'] as const;
export type FakeUserName = (typeof FAKE_USER_NAMES)[number];

/** The guild's text channels; fixed so tests can write `standin.channels.general.id`. */
export const TEXT_CHANNEL_NAMES = ['general', 'briefings'] as const;
export type TextChannelName = (typeof TEXT_CHANNEL_NAMES)[number];

/** One guild: the same people are members of every guild, with roles of that guild. */
export interface GuildWorld {
  guild: APIGuild;
  roles: { everyone: APIRole; bot: APIRole; editor: APIRole };
  members: APIGuildMember[];
  channels: Record<TextChannelName, APITextChannel>;
}

/** Everything static the stand-in pretends exists on Discord. `guild`, `roles`, `members` and `channels` are the first guild's. */
export interface World extends GuildWorld {
  application: APIApplication;
  botUser: APIUser;
  users: Record<FakeUserName, APIUser>;
  /** Every guild, the first one first. */
  guilds: GuildWorld[];
  dms: Record<FakeUserName, APIDMChannel>;
  /** Members beyond the named users; they can use commands but have no DM channel. */
  crowd: APIUser[];
}

/**
 * Shards serve guilds by `(guild_id >> 22) % shard_count`, and `guild_id >> 22` is the id's timestamp. Guild
 * `i` gets a timestamp of a multiple of 720,720 (the least common multiple of 1 to 16) plus `i`, so it is on
 * shard `i % N` whatever the shard count N up to 16: tests know where each guild's events go.
 */
const SHARD_ALIGNED_MS = 720_720;

function shardAlignedGuildId(index: number): string {
  const aligned = Math.floor((Date.now() - 86_400_000) / SHARD_ALIGNED_MS) * SHARD_ALIGNED_MS;
  return SnowflakeUtil.generate({ timestamp: aligned + index }).toString();
}

const bits = (...flags: bigint[]): string => flags.reduce((all, flag) => all | flag, 0n).toString();

const EVERYONE_PERMISSIONS = bits(
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.UseApplicationCommands,
);

// What a typical invite link for a briefing bot grants; discord.js computes channel permissions from this.
const BOT_PERMISSIONS = bits(
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.UseApplicationCommands,
);

function user(username: string, bot = false): APIUser {
  return {
    id: snowflake(),
    username,
    discriminator: '0',
    global_name: bot ? null : username[0]!.toUpperCase() + username.slice(1),
    avatar: null,
    ...(bot ? { bot: true, discriminator: '0000' } : {}),
  };
}

function role(id: string, name: string, permissions: string, position: number, managed = false): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions,
    managed,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

function member(of: APIUser, roles: string[], joinedAt: string): APIGuildMember {
  return {
    user: of,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export function buildWorld(options: StandinOptions): World {
  const botUser = user(options.botUsername ?? 'briefing-bot', true);
  const users = Object.fromEntries(FAKE_USER_NAMES.map((name) => [name, user(name)])) as Record<
    FakeUserName,
    APIUser
  >;
  const crowd = Array.from({ length: options.crowd ?? 0 }, (_, i) => user(`crowd-${i + 1}`));
  const guildName = options.guildName ?? 'Newsroom';
  const guilds = Array.from({ length: options.guilds ?? 1 }, (_, index) =>
    buildGuild({
      index,
      name: index ? `${guildName} ${index + 1}` : guildName,
      botUser,
      users,
      crowd,
      botRoleName: options.botUsername ?? 'briefing-bot',
    }),
  );
  const dms = Object.fromEntries(
    FAKE_USER_NAMES.map((name): [FakeUserName, APIDMChannel] => [
      name,
      { id: snowflake(), type: ChannelType.DM, name: null, recipients: [users[name]], last_message_id: null },
    ]),
  ) as Record<FakeUserName, APIDMChannel>;
  const application: APIApplication = {
    // Bot accounts created since 2020 share their id with their application.
    id: botUser.id,
    name: botUser.username,
    icon: null,
    description: 'Fake application served by discord-standin',
    bot_public: false,
    bot_require_code_grant: false,
    bot: botUser,
    verify_key: Buffer.alloc(32, 7).toString('hex'),
    owner: users.alice,
    team: null,
    summary: '',
    flags: ApplicationFlags.GatewayMessageContentLimited,
    flags_new: String(ApplicationFlags.GatewayMessageContentLimited),
  };
  return { ...guilds[0]!, application, botUser, users, guilds, dms, crowd };
}

interface GuildPeople {
  index: number;
  name: string;
  botUser: APIUser;
  users: Record<FakeUserName, APIUser>;
  crowd: APIUser[];
  botRoleName: string;
}

function buildGuild({ index, name, botUser, users, crowd, botRoleName }: GuildPeople): GuildWorld {
  const id = shardAlignedGuildId(index);
  const roles = {
    everyone: role(id, '@everyone', EVERYONE_PERMISSIONS, 0),
    bot: role(snowflake(), botRoleName, BOT_PERMISSIONS, 1, true),
    editor: role(snowflake(), 'Editors', bits(PermissionFlagsBits.ManageMessages), 2),
  };
  const joinedAt = new Date(Date.now() - 86_400_000).toISOString();
  const members = [
    member(botUser, [roles.bot.id], joinedAt),
    member(users.alice, [roles.editor.id], joinedAt),
    member(users.bob, [], joinedAt),
    member(users.carol, [], joinedAt),
    ...crowd.map((someone) => member(someone, [], joinedAt)),
  ];
  const channels = Object.fromEntries(
    TEXT_CHANNEL_NAMES.map((name, position): [TextChannelName, APITextChannel] => [
      name,
      {
        id: snowflake(),
        type: ChannelType.GuildText,
        guild_id: id,
        name,
        position,
        permission_overwrites: [],
        parent_id: null,
        topic: null,
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
      },
    ]),
  ) as Record<TextChannelName, APITextChannel>;
  const guild: APIGuild = {
    id,
    name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: users.alice.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: Object.values(roles),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: channels.general.id,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    incidents_data: null,
  };
  return { guild, roles, members, channels };
}

/** The GUILD_CREATE payload sent after READY: the guild plus the members, channels and counts discord.js caches. */
export function guildCreate({ guild, members, channels }: GuildWorld): GatewayGuildCreateDispatchData {
  return {
    ...guild,
    joined_at: members[0]!.joined_at!,
    large: false,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members,
    // GUILD_CREATE channels omit guild_id; discord.js fills it in from the guild.
    channels: Object.values(channels).map(({ guild_id: _omitted, ...channel }) => channel),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function findGuild(world: World, guildId: string | undefined): GuildWorld | undefined {
  return world.guilds.find((g) => g.guild.id === guildId);
}

/** A membership in a guild (by default the first). */
export function memberOf(world: World, userId: string, guildId = world.guild.id): APIGuildMember | undefined {
  return findGuild(world, guildId)?.members.find((m) => m.user.id === userId);
}

/** The member object interactions carry: the membership plus the user's computed guild permissions. */
export function interactionMember(world: World, userId: string, guildId: string): APIInteractionGuildMember {
  const found = memberOf(world, userId, guildId);
  if (!found) throw new Error(`discord-standin: ${userId} is not a member of guild ${guildId}`);
  const { guild } = findGuild(world, guildId)!;
  const permissions = guild.roles
    .filter((r) => r.id === guild.id || found.roles.includes(r.id))
    .reduce((all, r) => all | BigInt(r.permissions), 0n);
  return { ...found, permissions: permissions.toString() };
}

/** Text channels of every guild and DM channels, by id. */
export function findChannel(world: World, channelId: string): APITextChannel | APIDMChannel | undefined {
  return [...world.guilds.flatMap((g) => Object.values(g.channels)), ...Object.values(world.dms)].find(
    (c) => c.id === channelId,
  );
}

export function findUser(world: World, userId: string): APIUser | undefined {
  return [world.botUser, ...Object.values(world.users), ...world.crowd].find((u) => u.id === userId);
}
