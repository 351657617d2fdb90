import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from '../context.js';
import * as ask from './ask.js';
import * as brief from './brief.js';
import * as help from './help.js';
import * as quotes from './quotes.js';
import * as sources from './sources.js';

export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}

const all: Command[] = [ask, brief, quotes, sources, help];

/** The slash commands by name, as `npm run deploy-commands` registers them. */
export const commands: ReadonlyMap<string, Command> = new Map(
  all.map((command) => [command.data.name, command]),
);

/** The JSON bodies Discord's bulk-overwrite endpoint takes. */
export const commandDefinitions = (): RESTPostAPIChatInputApplicationCommandsJSONBody[] =>
  all.map((command) => command.data.toJSON());
