import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type ButtonInteraction,
} from 'discord.js';
import { z } from 'zod';
import type { Vote, VoteOutcome } from '../store/feedback-store.js';
import { parseButtonId } from './button-id.js';
import type { BotContext } from './context.js';
import { NO_PINGS } from './safe-text.js';

export const FEEDBACK_PREFIX = 'feedback';

const VOTE_EMOJI: Record<Vote, string> = { up: '👍', down: '👎' };

const feedbackIdSchema = z
  .string()
  .regex(new RegExp(`^${FEEDBACK_PREFIX}:\\d{1,15}:(?:up|down)$`))
  .transform((customId) => {
    const [, answerId, vote] = customId.split(':');
    return { answerId: Number(answerId), vote: vote as Vote };
  });

const ACKNOWLEDGEMENTS: Record<VoteOutcome, string> = {
  recorded: 'Thanks for the feedback.',
  replaced: 'Thanks for the feedback. It replaces your earlier vote on this answer.',
  'unknown-answer': 'This answer can no longer be rated: its record is gone.',
};

/** The 👍 / 👎 row under an answer; the buttons carry the id the answer was recorded under. */
export function feedbackRow(answerId: number): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: (['up', 'down'] as const).map((vote) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      custom_id: `${FEEDBACK_PREFIX}:${answerId}:${vote}`,
      emoji: { name: VOTE_EMOJI[vote] },
    })),
  };
}

/** Stores a click on 👍 / 👎 (one vote per user and answer) and thanks the voter privately. */
export async function handleFeedbackButton(
  interaction: ButtonInteraction,
  context: BotContext,
): Promise<void> {
  const { answerId, vote } = parseButtonId(feedbackIdSchema, interaction.customId);
  const outcome = await context.feedback.vote(answerId, interaction.user.id, vote);
  context.logger.info({ answerId, vote, outcome }, 'feedback');
  await interaction.reply({
    content: ACKNOWLEDGEMENTS[outcome],
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_PINGS,
  });
}
