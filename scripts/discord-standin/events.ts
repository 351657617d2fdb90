import {
  ChannelType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  MessageFlags,
  type APIGuildMember,
  type APIMessage,
} from 'discord.js';
import { findChannel, memberOf, type World } from './fixtures.js';
import type { Gateway } from './gateway.js';

/**
 * MESSAGE_CREATE/UPDATE/DELETE as Discord sends them: only to sessions with the (guild or direct) messages
 * intent, with guild_id and member added in guilds, and with content, embeds, attachments and components
 * blanked for sessions lacking MESSAGE_CONTENT unless the bot wrote the message, is mentioned, or it's a DM.
 * Bot-sent messages are echoed too, so a bot that forgets to ignore itself misbehaves here as well.
 */
const withoutUser = ({ user: _user, ...member }: APIGuildMember) => member;

export class MessageEvents {
  constructor(
    private readonly world: World,
    private readonly gateway: Gateway,
  ) {}

  created(message: APIMessage): number {
    return this.#send(GatewayDispatchEvents.MessageCreate, message);
  }

  updated(message: APIMessage): number {
    return this.#send(GatewayDispatchEvents.MessageUpdate, message);
  }

  deleted(message: APIMessage): number {
    const { guildId } = this.#where(message);
    return this.#send(GatewayDispatchEvents.MessageDelete, message, {
      id: message.id,
      channel_id: message.channel_id,
      ...(guildId ? { guild_id: guildId } : {}),
    });
  }

  #where(message: APIMessage): { channelType: ChannelType | undefined; guildId: string | undefined } {
    const channel = findChannel(this.world, message.channel_id);
    return {
      channelType: channel?.type,
      guildId: channel && 'guild_id' in channel ? channel.guild_id : undefined,
    };
  }

  #send(event: GatewayDispatchEvents, message: APIMessage, data?: object): number {
    // Ephemeral messages exist only for the user who triggered the interaction; no gateway event mentions them.
    if ((message.flags ?? 0) & MessageFlags.Ephemeral) return 0;
    const { guildId } = this.#where(message);
    const needed = guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
    const full = data ?? this.#gatewayFields(message);
    const seesContent =
      !guildId ||
      message.author.id === this.world.botUser.id ||
      message.mentions.some((u) => u.id === this.world.botUser.id);
    const delivered = this.gateway.dispatch(
      event,
      (intents) => {
        if (!(intents & needed)) return null;
        if (data || seesContent || intents & GatewayIntentBits.MessageContent) return full;
        return { ...full, content: '', embeds: [], attachments: [], components: [] };
      },
      guildId ?? null,
    );
    return delivered.length;
  }

  /**
   * Gateway messages add channel_type (discord.js needs it to build an uncached DM channel) and, in guilds,
   * guild_id plus the author's and mentioned users' membership (minus the user it belongs to).
   */
  #gatewayFields(message: APIMessage): object {
    const { channelType, guildId } = this.#where(message);
    const withType = { ...message, channel_type: channelType };
    if (!guildId) return withType;
    const memberField = (userId: string) => {
      const found = memberOf(this.world, userId, guildId);
      return found ? { member: withoutUser(found) } : {};
    };
    return {
      ...withType,
      guild_id: guildId,
      ...memberField(message.author.id),
      mentions: message.mentions.map((u) => ({ ...u, ...memberField(u.id) })),
    };
  }
}
