import {
  AllowedMentionsTypes,
  MessageFlags,
  MessageType,
  type APIAllowedMentions,
  type APIAttachment,
  type APIMessage,
  type APIMessageInteractionMetadata,
  type APIMessageReference,
  type APIUser,
} from 'discord.js';
import { findUser, type World } from './fixtures.js';
import { emptyMessage, notMessageAuthor, unknownMessage } from './errors.js';
import { invalidFormBody, isEmptyMessage, messageIssues, type MessageFields } from './limits.js';
import { snowflake, snowflakeTime } from './ids.js';

/** A file part of a multipart request (`files[n]`), kept whole so tests can read what the bot uploaded. */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** The message fields the stand-in understands in create, edit and interaction-response bodies. */
export interface MessageBody extends MessageFields {
  tts?: boolean;
  nonce?: string | number;
  allowed_mentions?: APIAllowedMentions;
  message_reference?: Partial<APIMessageReference> & { fail_if_not_exists?: boolean };
  /** New uploads reference `files[id]` by their index; kept uploads by their attachment snowflake. */
  attachments?: { id: string | number; filename?: string; description?: string }[];
}

/** Extra facts about a bot message that the request body does not carry. */
export interface BotMessageContext {
  channelId: string;
  type?: MessageType;
  /** Set for interaction responses and follow-ups, which Discord posts through the application's webhook. */
  interaction?: APIMessageInteractionMetadata;
  /** A deferred reply's "is thinking..." placeholder: empty, flagged Loading until the bot edits it. */
  placeholder?: boolean;
}

const MENTION_PATTERN = /<@!?(\d+)>/g;
const ROLE_MENTION_PATTERN = /<@&(\d+)>/g;

/** Every message the stand-in knows: those users "sent" via dispatchMessage and those the bot created. */
export class MessageStore {
  readonly #messages = new Map<string, APIMessage>();
  readonly #files = new Map<string, UploadedFile>();

  constructor(
    private readonly world: World,
    /** Where attachment URLs point; the HTTP server serves the bytes back from there. */
    private readonly attachmentBaseUrl: string,
  ) {}

  get(id: string): APIMessage | undefined {
    return this.#messages.get(id);
  }

  /** Messages of one channel, oldest first (snowflakes are time-ordered). */
  inChannel(channelId: string): APIMessage[] {
    return [...this.#messages.values()].filter((m) => m.channel_id === channelId);
  }

  file(attachmentId: string): UploadedFile | undefined {
    return this.#files.get(attachmentId);
  }

  save(message: APIMessage): APIMessage {
    this.#messages.set(message.id, message);
    return message;
  }

  delete(id: string): APIMessage {
    const message = this.#messages.get(id);
    if (!message) throw unknownMessage();
    this.#messages.delete(id);
    return message;
  }

  /** Validates and stores a message the bot creates, resolving its reply reference and mentions like Discord. */
  createFromBot(body: MessageBody, files: UploadedFile[], context: BotMessageContext): APIMessage {
    const issues = messageIssues(body);
    if (issues.length) throw invalidFormBody(issues);
    if (!context.placeholder && isEmptyMessage(body, files.length)) throw emptyMessage();
    const referenced = this.#resolveReference(body.message_reference);
    const id = snowflake();
    const content = body.content ?? '';
    const message: APIMessage = {
      id,
      channel_id: context.channelId,
      author: this.world.botUser,
      content,
      timestamp: snowflakeTime(id),
      edited_timestamp: null,
      tts: body.tts ?? false,
      pinned: false,
      type: context.type ?? (referenced ? MessageType.Reply : MessageType.Default),
      flags: ((body.flags ?? 0) | (context.placeholder ? MessageFlags.Loading : 0)) as MessageFlags,
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      attachments: this.#attach(context.channelId, [], body.attachments, files),
      ...this.#mentions(content, body.allowed_mentions, referenced?.author),
      ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
      ...(referenced
        ? {
            message_reference: { type: 0, message_id: referenced.id, channel_id: referenced.channel_id },
            referenced_message: { ...referenced, referenced_message: undefined },
          }
        : {}),
      ...(context.interaction
        ? {
            interaction_metadata: context.interaction,
            webhook_id: this.world.application.id,
            application_id: this.world.application.id,
          }
        : {}),
    };
    return this.save(message);
  }

  /** Applies a PATCH body the way Discord does: only the fields present change. */
  editFromBot(id: string, body: MessageBody, files: UploadedFile[]): APIMessage {
    const current = this.#messages.get(id);
    if (!current) throw unknownMessage();
    if (current.author.id !== this.world.botUser.id) throw notMessageAuthor();
    const issues = messageIssues(body);
    if (issues.length) throw invalidFormBody(issues);
    const next: APIMessage = { ...current, edited_timestamp: new Date().toISOString() };
    if (body.content !== undefined) {
      next.content = body.content ?? '';
      Object.assign(
        next,
        this.#mentions(next.content, body.allowed_mentions, current.referenced_message?.author),
      );
    }
    if (body.embeds !== undefined) next.embeds = body.embeds ?? [];
    if (body.components !== undefined) next.components = body.components ?? [];
    // A deferred reply stops "thinking" once edited; ephemerality is fixed at creation, and an edit may
    // only add the flags Discord lets edits set.
    const editable = MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2;
    next.flags = (((current.flags ?? 0) & ~MessageFlags.Loading) |
      ((body.flags ?? 0) & editable)) as MessageFlags;
    if (body.attachments !== undefined || files.length) {
      next.attachments = this.#attach(current.channel_id, current.attachments, body.attachments, files);
    }
    return this.save(next);
  }

  /** Stores a message as if a user had sent it, for dispatchMessage. */
  createFromUser(
    author: APIUser,
    channelId: string,
    content: string,
    options: { replyTo?: string; pingRepliedUser?: boolean; files?: UploadedFile[] },
  ): APIMessage {
    const referenced = options.replyTo ? this.#messages.get(options.replyTo) : undefined;
    if (options.replyTo && !referenced)
      throw new Error(`discord-standin: no stored message ${options.replyTo}`);
    const pingReplied = options.pingRepliedUser ?? true;
    const allowed: APIAllowedMentions = {
      parse: [AllowedMentionsTypes.User, AllowedMentionsTypes.Role, AllowedMentionsTypes.Everyone],
      replied_user: pingReplied,
    };
    const files = options.files ?? [];
    const id = snowflake();
    return this.save({
      id,
      channel_id: channelId,
      author,
      content,
      timestamp: snowflakeTime(id),
      edited_timestamp: null,
      tts: false,
      pinned: false,
      type: referenced ? MessageType.Reply : MessageType.Default,
      flags: 0 as MessageFlags,
      embeds: [],
      components: [],
      attachments: this.#attach(
        channelId,
        [],
        files.map((f, i) => ({ id: i, filename: f.filename })),
        files,
      ),
      ...this.#mentions(content, allowed, referenced?.author),
      ...(referenced
        ? {
            message_reference: { type: 0, message_id: referenced.id, channel_id: referenced.channel_id },
            referenced_message: { ...referenced, referenced_message: undefined },
          }
        : {}),
    });
  }

  #resolveReference(reference: MessageBody['message_reference']): APIMessage | undefined {
    if (!reference?.message_id) return undefined;
    const found = this.#messages.get(reference.message_id);
    if (!found && reference.fail_if_not_exists !== false) {
      throw invalidFormBody([
        { path: ['message_reference'], code: 'REPLIES_UNKNOWN_MESSAGE', message: 'Unknown message' },
      ]);
    }
    return found;
  }

  /**
   * Which mentions actually ping, per allowed_mentions: without it everything in the content pings (and so
   * does the replied-to author); with it only what `parse`/`users`/`roles`/`replied_user` allow.
   */
  #mentions(
    content: string,
    allowed: APIAllowedMentions | undefined,
    repliedAuthor: APIUser | undefined,
  ): Pick<APIMessage, 'mentions' | 'mention_roles' | 'mention_everyone'> {
    const parse = allowed ? (allowed.parse ?? []) : Object.values(AllowedMentionsTypes);
    const userAllowed = (id: string) =>
      parse.includes(AllowedMentionsTypes.User) || (allowed?.users ?? []).includes(id);
    const roleAllowed = (id: string) =>
      parse.includes(AllowedMentionsTypes.Role) || (allowed?.roles ?? []).includes(id);
    const userIds = new Set([...content.matchAll(MENTION_PATTERN)].map((m) => m[1]!).filter(userAllowed));
    if (repliedAuthor && (allowed ? allowed.replied_user === true : true)) userIds.add(repliedAuthor.id);
    return {
      mentions: [...userIds].flatMap((id) => findUser(this.world, id) ?? []),
      mention_roles: [...new Set([...content.matchAll(ROLE_MENTION_PATTERN)].map((m) => m[1]!))].filter(
        roleAllowed,
      ),
      mention_everyone: /@(everyone|here)\b/.test(content) && parse.includes(AllowedMentionsTypes.Everyone),
    };
  }

  /** Keeps the attachments a body lists by snowflake and turns new `files[n]` uploads into attachments. */
  #attach(
    channelId: string,
    existing: APIAttachment[],
    listed: MessageBody['attachments'],
    files: UploadedFile[],
  ): APIAttachment[] {
    const kept = listed ? existing.filter((a) => listed.some((l) => String(l.id) === a.id)) : existing;
    const uploaded = files.map((file, index): APIAttachment => {
      const descriptor = listed?.find((l) => String(l.id) === String(index));
      const id = snowflake();
      const filename = descriptor?.filename ?? file.filename;
      this.#files.set(id, file);
      const url = `${this.attachmentBaseUrl}/${channelId}/${id}/${encodeURIComponent(filename)}`;
      return {
        id,
        filename,
        size: file.data.length,
        url,
        proxy_url: url,
        content_type: file.contentType,
        ...(descriptor?.description ? { description: descriptor.description } : {}),
      };
    });
    return [...kept, ...uploaded];
  }
}
