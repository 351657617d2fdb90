import { SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import { parseButtonId } from '../button-id.js';
import type { BotContext } from '../context.js';
import { renderSources, SOURCES_PREFIX } from '../render-sources.js';

export const data = new SlashCommandBuilder()
  .setName('sources')
  .setDescription('List the indexed articles the answers come from');

const pageButtonSchema = z
  .string()
  .regex(new RegExp(`^${SOURCES_PREFIX}:(?:prev|next):\\d{1,6}$`))
  .transform((customId) => Number(customId.split(':')[2]));

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  await interaction.reply(renderSources(await context.briefing.articles(), 0));
}

/** Previous/Next: redraws the same message with the requested page of the index as it is now. */
export async function turnPage(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const page = parseButtonId(pageButtonSchema, interaction.customId);
  await interaction.update(renderSources(await context.briefing.articles(), page));
}
