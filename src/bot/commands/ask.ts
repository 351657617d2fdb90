import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import { MAX_QUESTION_CHARS } from '../../answer/build-answer.js';
import { answerInteraction } from '../answer-reply.js';
import type { BotContext } from '../context.js';
import { periodAsked, wantsPrivate, withDateOptions, withPrivateOption } from './question-options.js';

export const data = withDateOptions(
  withPrivateOption(
    new SlashCommandBuilder()
      .setName('ask')
      .setDescription('Ask a question about the indexed articles; the answer quotes them, with sources')
      .addStringOption((option) =>
        option
          .setName('question')
          .setDescription('For example: What did Lammy say about sanctions?')
          .setRequired(true)
          .setMaxLength(MAX_QUESTION_CHARS),
      ),
  ),
);

const questionSchema = z.string().max(MAX_QUESTION_CHARS);

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const question = questionSchema.parse(interaction.options.getString('question', true));
  await answerInteraction(interaction, context, question, {
    private: wantsPrivate(interaction),
    period: periodAsked(interaction),
  });
}
