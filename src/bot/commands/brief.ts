import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import { MAX_QUESTION_CHARS } from '../../answer/build-answer.js';
import { dateRangeSchema } from '../../document/date-range.js';
import { privateNotice } from '../answer-reply.js';
import type { BotContext } from '../context.js';
import { slowDownMessage } from '../cooldown.js';
import { renderBrief } from '../render-brief.js';
import { wantsPrivate, withPrivateOption } from './question-options.js';

export const data = withPrivateOption(
  new SlashCommandBuilder()
    .setName('brief')
    .setDescription('A brief on a topic across the articles: key points, timeline, who said what, sources')
    .addStringOption((option) =>
      option
        .setName('topic')
        .setDescription('For example: ceasefire talks')
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_CHARS),
    )
    .addStringOption((option) =>
      option
        .setName('since')
        .setDescription('Only articles from this date on, as YYYY-MM-DD')
        .setMaxLength(10),
    )
    .addStringOption((option) =>
      option.setName('until').setDescription('Only articles up to this date, as YYYY-MM-DD').setMaxLength(10),
    ),
);

const topicSchema = z.string().max(MAX_QUESTION_CHARS);

/** The period asked for, or the private reply that says what is wrong with it. */
function periodOf(interaction: ChatInputCommandInteraction) {
  const read = (name: string) => interaction.options.getString(name)?.trim() || undefined;
  const period = dateRangeSchema.safeParse({ since: read('since'), until: read('until') });
  if (period.success) return { period: period.data };
  const issue = period.error.issues[0]!;
  const option = issue.path[0] === 'since' || issue.path[0] === 'until' ? `\`${issue.path[0]}\`: ` : '';
  return { problem: `${option}${issue.message}. For example \`since: 1987-03-01\` \`until: 1987-03-31\`.` };
}

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const topic = topicSchema.parse(interaction.options.getString('topic', true));
  const { period, problem } = periodOf(interaction);
  if (!period) {
    await interaction.reply(privateNotice(`I cannot read that period. ${problem}`));
    return;
  }
  const verdict = context.cooldown.check(interaction.user.id);
  if (verdict.kind !== 'allowed') {
    await interaction.reply(privateNotice(slowDownMessage(verdict.retryAfterSeconds)));
    return;
  }
  await interaction.deferReply(wantsPrivate(interaction) ? { flags: MessageFlags.Ephemeral } : {});
  const brief = await context.briefing.brief(topic, { period });
  context.logger.debug({ found: brief.found, sources: brief.sources.length }, 'briefed');
  await interaction.editReply(renderBrief(brief));
}
