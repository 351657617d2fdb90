import type { ChatInputCommandInteraction, SlashCommandOptionsOnlyBuilder } from 'discord.js';
import { z } from 'zod';
import type { DateRange } from '../../document/date-range.js';
import { MAX_DATE_OPTION_CHARS, readPeriodOptions } from '../../search/period-options.js';

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

/** The `since` and `until` options both answering commands share: a period of publication dates. */
export function withDateOptions(builder: SlashCommandOptionsOnlyBuilder): SlashCommandOptionsOnlyBuilder {
  return builder
    .addStringOption((option) =>
      option
        .setName('since')
        .setDescription('Only articles published from this date: 2025-06-03, last monday, March 1987')
        .setMaxLength(MAX_DATE_OPTION_CHARS),
    )
    .addStringOption((option) =>
      option
        .setName('until')
        .setDescription('Only articles published up to this date: 2025-06-30, yesterday, May 1987')
        .setMaxLength(MAX_DATE_OPTION_CHARS),
    );
}

/** The period the user asked for (empty when neither option is set), or what is wrong with it. */
export function periodAsked(
  interaction: ChatInputCommandInteraction,
): { range: DateRange } | { error: string } {
  return readPeriodOptions(
    { since: interaction.options.getString('since'), until: interaction.options.getString('until') },
    new Date(),
  );
}
