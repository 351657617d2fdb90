import type { ChatInputCommandInteraction, SlashCommandOptionsOnlyBuilder } from 'discord.js';
import { z } from 'zod';

/** The `private` option both answering commands share. */
export function withPrivateOption(builder: SlashCommandOptionsOnlyBuilder): SlashCommandOptionsOnlyBuilder {
  return builder.addBooleanOption((option) =>
    option
      .setName('private')
      .setDescription('Show the answer only to you (default: everyone in the channel)'),
  );
}

const privateSchema = z
  .boolean()
  .nullable()
  .transform((value) => value ?? false);

/** Whether the user asked for a private answer. */
export function wantsPrivate(interaction: ChatInputCommandInteraction): boolean {
  return privateSchema.parse(interaction.options.getBoolean('private'));
}
