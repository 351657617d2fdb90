import {
  ApplicationCommandType,
  type APIApplicationCommand,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { unknownCommand } from './errors.js';
import { snowflake } from './ids.js';

/** `'global'` or a guild id: Discord keeps a separate command list per scope. */
export type CommandScope = 'global' | string;

/** Application commands the bot registered, so dispatched interactions can use their real ids and option types. */
export class CommandStore {
  readonly #scopes = new Map<CommandScope, APIApplicationCommand[]>();

  constructor(private readonly applicationId: string) {}

  list(scope: CommandScope): APIApplicationCommand[] {
    return this.#scopes.get(scope) ?? [];
  }

  /** Bulk overwrite (PUT): commands with an unchanged name keep their id, as on Discord. */
  overwrite(scope: CommandScope, bodies: RESTPostAPIApplicationCommandsJSONBody[]): APIApplicationCommand[] {
    const previous = this.list(scope);
    const next = bodies.map((body) =>
      this.#build(scope, body, previous.find((c) => c.name === body.name && c.type === (body.type ?? 1))?.id),
    );
    this.#scopes.set(scope, next);
    return next;
  }

  /** POST upserts by name. */
  upsert(scope: CommandScope, body: RESTPostAPIApplicationCommandsJSONBody): APIApplicationCommand {
    const others = this.list(scope).filter((c) => c.name !== body.name);
    const existing = this.list(scope).find((c) => c.name === body.name);
    const command = this.#build(scope, body, existing?.id);
    this.#scopes.set(scope, [...others, command]);
    return command;
  }

  get(scope: CommandScope, id: string): APIApplicationCommand {
    const found = this.list(scope).find((c) => c.id === id);
    if (!found) throw unknownCommand();
    return found;
  }

  patch(
    scope: CommandScope,
    id: string,
    body: Partial<RESTPostAPIApplicationCommandsJSONBody>,
  ): APIApplicationCommand {
    const current = this.get(scope, id);
    const patched = { ...current, ...body, version: snowflake() } as APIApplicationCommand;
    this.#scopes.set(
      scope,
      this.list(scope).map((c) => (c.id === id ? patched : c)),
    );
    return patched;
  }

  delete(scope: CommandScope, id: string): void {
    this.get(scope, id);
    this.#scopes.set(
      scope,
      this.list(scope).filter((c) => c.id !== id),
    );
  }

  /** A registered chat-input command by name, guild commands first (they shadow global ones in a guild). */
  findChatInput(name: string, guildId: string | null): APIApplicationCommand | undefined {
    const scopes = guildId ? [guildId, 'global'] : ['global'];
    return scopes
      .flatMap((scope) => this.list(scope))
      .find((c) => c.name === name && c.type === ApplicationCommandType.ChatInput);
  }

  #build(
    scope: CommandScope,
    body: RESTPostAPIApplicationCommandsJSONBody,
    id = snowflake(),
  ): APIApplicationCommand {
    return {
      default_member_permissions: null,
      nsfw: false,
      ...body,
      description: 'description' in body ? (body.description ?? '') : '',
      type: body.type ?? ApplicationCommandType.ChatInput,
      id,
      application_id: this.applicationId,
      ...(scope === 'global' ? {} : { guild_id: scope }),
      version: snowflake(),
    } as APIApplicationCommand;
  }
}
