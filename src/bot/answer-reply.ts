import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { Answer } from '../answer/answer-schema.js';
import type { DateRange } from '../document/date-range.js';
import type { BotContext } from './context.js';
import { slowDownMessage } from './cooldown.js';
import { renderAnswer, shownAnswer, type BotMessage } from './render-answer.js';
import { NO_PINGS } from './safe-text.js';

/** Asks the Briefing, records what will be shown (for the vote buttons) and renders it. */
export async function answerMessage(
  context: BotContext,
  question: string,
  adjust: (answer: Answer) => Answer = (answer) => answer,
  range: DateRange = {},
): Promise<BotMessage> {
  const answer = adjust(await context.briefing.ask(question, { range }));
  const answerId = await context.feedback.recordAnswer(shownAnswer(answer));
  context.logger.debug({ answerId, found: answer.found, passages: answer.passages.length }, 'answered');
  return renderAnswer(answer, answerId);
}

/** A short notice only the user who acted sees. */
export const privateNotice = (content: string) =>
  ({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS }) as const;

/**
 * Answers a slash command with a question: a private "slow down" within the cooldown, otherwise a deferral
 * at once (Discord allows 3 seconds) and the answer when it is ready.
 */
export async function answerInteraction(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
  question: string,
  options: {
    private: boolean;
    adjust?: (answer: Answer) => Answer;
    /** The since/until options as read, or what is wrong with them: said privately, nothing is asked. */
    period?: { range: DateRange } | { error: string };
  },
): Promise<void> {
  if (options.period && 'error' in options.period) {
    await interaction.reply(privateNotice(options.period.error));
    return;
  }
  const verdict = context.cooldown.check(interaction.user.id);
  if (verdict.kind !== 'allowed') {
    await interaction.reply(privateNotice(slowDownMessage(verdict.retryAfterSeconds)));
    return;
  }
  await interaction.deferReply(options.private ? { flags: MessageFlags.Ephemeral } : {});
  await interaction.editReply(await answerMessage(context, question, options.adjust, options.period?.range));
}
