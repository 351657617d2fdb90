import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ComponentType,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APIInteraction,
  type APIMessage,
  type APIMessageInteractionMetadata,
  type APIUser,
} from 'discord.js';
import type { CommandStore } from './commands.js';
import { findChannel, findGuild, interactionMember, type FakeUserName, type World } from './fixtures.js';
import type { SessionInfo } from './gateway.js';
import { unknownInteraction } from './errors.js';
import { interactionToken, snowflake } from './ids.js';
import type { MessageStore } from './messages.js';

export type OptionValue = string | number | boolean;

interface InteractionSource {
  /** Who triggers it (default `alice`): a named user or a member of `standin.crowd`. */
  user?: FakeUserName | APIUser;
  /** A guild text channel or a fake user's DM channel (default: the guild's `general`). */
  channelId?: string;
}

/** What a test can make a user do; each becomes one INTERACTION_CREATE. */
export type InteractionInput = InteractionSource &
  (
    | { kind: 'command'; name: string; subcommand?: string; options?: Record<string, OptionValue> }
    | {
        kind: 'autocomplete';
        name: string;
        subcommand?: string;
        options?: Record<string, OptionValue>;
        /** Name of the option being typed into; its value is what the user has typed so far. */
        focused: string;
      }
    | { kind: 'button'; messageId: string; customId: string }
    | { kind: 'select'; messageId: string; customId: string; values: string[] }
    | {
        kind: 'modal';
        customId: string;
        /** Text input values by custom_id; an array answers a string select inside the modal. */
        fields: Record<string, string | string[]>;
        /** Set when the modal was opened from a component on this message. */
        messageId?: string;
      }
  );

/** What the stand-in remembers about an interaction to answer its callback and webhook requests. */
export interface InteractionRecord {
  id: string;
  token: string;
  type: InteractionType;
  channelId: string;
  guildId: string | null;
  user: APIUser;
  /** How the bot acknowledged it; null until the callback arrives. */
  callbackType: InteractionResponseType | null;
  /** The response message created by a reply (type 4) or deferral (type 5). */
  originalMessageId: string | null;
  /** For components (and modals opened from one): the message the user clicked on. */
  sourceMessageId: string | null;
  followUpIds: string[];
  /**
   * The gateway sessions INTERACTION_CREATE went to. Its token reaches no one else, so the callback and
   * edits that use the token come from the process holding that session: this is the shard that answered.
   */
  deliveredTo: SessionInfo[];
}

export interface DispatchedInteraction {
  id: string;
  token: string;
  /** The guild it happened in; null in a direct message. */
  guildId: string | null;
  payload: APIInteraction;
}

/** Builds INTERACTION_CREATE payloads and remembers each interaction by id and token. */
export class InteractionRegistry {
  readonly #byId = new Map<string, InteractionRecord>();
  readonly #adHocIds = new Map<string, string>();
  readonly #shownModals = new Map<string, unknown[]>();

  constructor(
    private readonly world: World,
    private readonly messages: MessageStore,
    private readonly commands: CommandStore,
  ) {}

  get(id: string): InteractionRecord {
    const found = this.#byId.get(id);
    if (!found) throw unknownInteraction();
    return found;
  }

  byToken(token: string): InteractionRecord | undefined {
    return [...this.#byId.values()].find((r) => r.token === token);
  }

  /** interaction_metadata for messages created in answer to an interaction. */
  metadata(record: InteractionRecord, followUp: boolean): APIMessageInteractionMetadata {
    return {
      id: record.id,
      type: record.type,
      user: record.user,
      authorizing_integration_owners: this.#owners(record.guildId, record.user),
      ...(followUp && record.originalMessageId
        ? { original_response_message_id: record.originalMessageId }
        : {}),
      ...(record.sourceMessageId ? { interacted_message_id: record.sourceMessageId } : {}),
    } as APIMessageInteractionMetadata;
  }

  build(input: InteractionInput): DispatchedInteraction {
    const user = typeof input.user === 'object' ? input.user : this.world.users[input.user ?? 'alice'];
    const source =
      'messageId' in input && input.messageId
        ? this.#sourceMessage(input.messageId, input.kind === 'modal' ? undefined : input.customId)
        : undefined;
    // Clicking a component happens where its message is.
    const channelId = input.channelId ?? source?.channel_id ?? this.world.channels.general.id;
    const channel = findChannel(this.world, channelId);
    if (!channel) throw new Error(`discord-standin: unknown channel ${channelId}`);
    if (source && source.channel_id !== channelId) {
      throw new Error(`discord-standin: message ${source.id} is not in channel ${channelId}`);
    }
    if ('recipients' in channel && channel.recipients?.[0]?.id !== user.id) {
      throw new Error(`discord-standin: ${user.username} is not the recipient of DM channel ${channelId}`);
    }
    const guildId = 'guild_id' in channel ? (channel.guild_id ?? null) : null;
    const record: InteractionRecord = {
      id: snowflake(),
      token: interactionToken(),
      type: this.#type(input),
      channelId: channel.id,
      guildId,
      user,
      callbackType: null,
      originalMessageId: null,
      sourceMessageId: source?.id ?? null,
      followUpIds: [],
      deliveredTo: [],
    };
    const guild = findGuild(this.world, guildId ?? undefined)?.guild;
    // In a direct message the bot's permissions are those it has everywhere: the first guild's do.
    const bot = interactionMember(this.world, this.world.botUser.id, guild?.id ?? this.world.guild.id);
    const payload = {
      id: record.id,
      application_id: this.world.application.id,
      type: record.type,
      token: record.token,
      version: 1,
      data: this.#data(input, guildId),
      channel,
      channel_id: channel.id,
      ...(guild
        ? {
            guild_id: guild.id,
            guild: { id: guild.id, locale: guild.preferred_locale, features: guild.features },
            guild_locale: guild.preferred_locale,
            member: interactionMember(this.world, user.id, guild.id),
          }
        : { user }),
      ...(source ? { message: source } : {}),
      app_permissions: bot.permissions,
      locale: Locale.EnglishUS,
      entitlements: [],
      authorizing_integration_owners: this.#owners(guildId, user),
      context: guildId ? InteractionContextType.Guild : InteractionContextType.BotDM,
      attachment_size_limit: 10 * 1024 * 1024,
    } as APIInteraction;
    this.#byId.set(record.id, record);
    return { id: record.id, token: record.token, guildId, payload };
  }

  #type(input: InteractionInput): InteractionType {
    switch (input.kind) {
      case 'command':
        return InteractionType.ApplicationCommand;
      case 'autocomplete':
        return InteractionType.ApplicationCommandAutocomplete;
      case 'button':
      case 'select':
        return InteractionType.MessageComponent;
      case 'modal':
        return InteractionType.ModalSubmit;
    }
  }

  #data(input: InteractionInput, guildId: string | null) {
    switch (input.kind) {
      case 'command':
      case 'autocomplete': {
        const registered = this.commands.findChatInput(input.name, guildId);
        return {
          // Unregistered commands still get a stable id per name so handlers keyed on commandId work.
          id: registered?.id ?? this.#adHocCommandId(input.name),
          name: input.name,
          type: ApplicationCommandType.ChatInput,
          ...(registered?.guild_id ? { guild_id: registered.guild_id } : {}),
          options: buildOptions(
            registered?.options ?? [],
            input.subcommand,
            // The focused option is always present, even before the user typed anything into it.
            input.kind === 'autocomplete' ? { [input.focused]: '', ...input.options } : (input.options ?? {}),
            input.kind === 'autocomplete' ? input.focused : undefined,
          ),
        };
      }
      case 'button':
        return { custom_id: input.customId, component_type: ComponentType.Button };
      case 'select':
        return {
          custom_id: input.customId,
          component_type: ComponentType.StringSelect,
          values: input.values,
        };
      case 'modal':
        return { custom_id: input.customId, components: this.#modalSubmission(input.customId, input.fields) };
    }
  }

  /** Called when the bot answers with a modal (type 9), so its submission can mirror the modal's layout. */
  rememberModal(customId: string, components: unknown[]): void {
    this.#shownModals.set(customId, components);
  }

  /**
   * Submissions echo the layout of the modal the bot showed: labels wrap one input each, legacy action rows
   * wrap text inputs. Without a shown modal, the current label layout is assumed.
   */
  #modalSubmission(customId: string, fields: Record<string, string | string[]>): unknown[] {
    const submitted = (id: string, type = ComponentType.TextInput) => {
      const value = fields[id];
      return Array.isArray(value)
        ? {
            type: type === ComponentType.TextInput ? ComponentType.StringSelect : type,
            custom_id: id,
            values: value,
          }
        : { type, custom_id: id, value: value ?? '' };
    };
    const shown = this.#shownModals.get(customId);
    if (!shown)
      return Object.keys(fields).map((id) => ({ type: ComponentType.Label, component: submitted(id) }));
    const unknown = Object.keys(fields).filter((id) => !customIds(shown).includes(id));
    if (unknown.length)
      throw new Error(`discord-standin: modal "${customId}" has no input ${unknown.join(', ')}`);
    return shown.map((component) => {
      const c = component as ShownModalComponent;
      if (c.component?.custom_id) {
        return { type: c.type, id: c.id, component: submitted(c.component.custom_id, c.component.type) };
      }
      if (c.components) {
        return {
          type: c.type,
          id: c.id,
          components: c.components.map((child) => submitted(child.custom_id, child.type)),
        };
      }
      return { type: c.type, id: c.id };
    });
  }

  #adHocCommandId(name: string): string {
    let id = this.#adHocIds.get(name);
    if (!id) this.#adHocIds.set(name, (id = snowflake()));
    return id;
  }

  /** The clicked message must exist and carry the clicked component, or the test is clicking a phantom. */
  #sourceMessage(messageId: string, clickedCustomId: string | undefined): APIMessage {
    const message = this.messages.get(messageId);
    if (!message) throw new Error(`discord-standin: no stored message ${messageId}`);
    if (clickedCustomId !== undefined && !customIds(message.components ?? []).includes(clickedCustomId)) {
      throw new Error(
        `discord-standin: message ${messageId} has no component with custom_id "${clickedCustomId}"`,
      );
    }
    return message;
  }

  #owners(guildId: string | null, user: APIUser) {
    return guildId
      ? { [ApplicationIntegrationType.GuildInstall]: guildId }
      : { [ApplicationIntegrationType.UserInstall]: user.id };
  }
}

/** A top-level modal component as the bot sent it: a label, a legacy action row, or a text display. */
interface ShownModalComponent {
  type: ComponentType;
  id?: number;
  component?: { type: ComponentType; custom_id?: string };
  components?: { type: ComponentType; custom_id: string }[];
}

/** custom_ids anywhere in a component tree (action rows, labels, V2 containers, sections' accessories). */
function customIds(components: unknown[]): string[] {
  return components.flatMap((component) => {
    const c = component as {
      custom_id?: string;
      components?: unknown[];
      component?: unknown;
      accessory?: unknown;
    };
    return [
      ...(c.custom_id ? [c.custom_id] : []),
      ...customIds(c.components ?? []),
      ...customIds([c.component, c.accessory].filter(Boolean)),
    ];
  });
}

/**
 * Option payloads typed from the registered command when there is one (so an integer option is sent as
 * an integer even if the test passes 3), else inferred from the JS value.
 */
function buildOptions(
  registered: APIApplicationCommandOption[],
  subcommand: string | undefined,
  values: Record<string, OptionValue>,
  focused: string | undefined,
): APIApplicationCommandInteractionDataOption[] {
  if (subcommand) {
    const sub = registered.find((o) => o.name === subcommand);
    const subOptions = sub && 'options' in sub ? ((sub.options ?? []) as APIApplicationCommandOption[]) : [];
    return [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: subcommand,
        options: buildOptions(
          subOptions,
          undefined,
          values,
          focused,
        ) as APIApplicationCommandInteractionDataBasicOption[],
      },
    ];
  }
  return Object.entries(values).map(
    ([name, value]) =>
      ({
        name,
        type: registered.find((o) => o.name === name)?.type ?? inferOptionType(value),
        value,
        ...(name === focused ? { focused: true } : {}),
      }) as APIApplicationCommandInteractionDataBasicOption,
  );
}

function inferOptionType(value: OptionValue): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? ApplicationCommandOptionType.Integer
      : ApplicationCommandOptionType.Number;
  }
  return ApplicationCommandOptionType.String;
}
