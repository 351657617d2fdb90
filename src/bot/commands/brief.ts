import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import { MAX_QUESTION_CHARS } from '../../answer/build-answer.js';
import { privateNotice } from '../answer-reply.js';
import type { BotContext } from '../context.js';
import { slowDownMessage } from '../cooldown.js';
import { renderBrief } from '../render-brief.js';
import { periodAsked, wantsPrivate, withDateOptions, withPrivateOption } from './question-options.js';

export const data = withPrivateOption(
  withDateOptions(
    new SlashCommandBuilder()
      .setName('brief')
      .setDescription('A brief on a topic across the articles: key points, timeline, who said what, sources')
      .addStringOption((option) =>
        option
          .setName('topic')
          .setDescription('For example: ceasefire talks')
          .setRequired(true)
          .setMaxLength(MAX_QUESTION_CHARS),
      ),
  ),
);

const topicSchema = z.string().max(MAX_QUESTION_CHARS);

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const topic = topicSchema.parse(interaction.options.getString('topic', true));
  const period = periodAsked(interaction);
  if ('error' in period) {
    await interaction.reply(privateNotice(period.error));
    return;
  }
  const verdict = context.cooldown.check(interaction.user.id);
  if (verdict.kind !== 'allowed') {
    await interaction.reply(privateNotice(slowDownMessage(verdict.retryAfterSeconds)));
    return;
  }
  await interaction.deferReply(wantsPrivate(interaction) ? { flags: MessageFlags.Ephemeral } : {});
  const brief = await context.briefing.brief(topic, { period: period.range });
  context.logger.debug({ found: brief.found, sources: brief.sources.length }, 'briefed');
  await interaction.editReply(renderBrief(brief));
}
