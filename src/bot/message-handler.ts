import type { Message } from 'discord.js';
import { answerMessage } from './answer-reply.js';
import { exampleQuestion } from './commands/help.js';
import type { BotContext } from './context.js';
import { slowDownMessage } from './cooldown.js';
import { failureLogLevel, failureNotice } from './failure-notice.js';
import { hintText, questionIn } from './message-question.js';
import { NO_PINGS } from './safe-text.js';

/** A direct message, a mention, a reply to the bot, or a message in one of the ask channels. */
function addressesBot(message: Message, botId: string, askChannelIds: readonly string[]): boolean {
  const channel = message.channel;
  const channelId = channel.isThread() ? (channel.parentId ?? channel.id) : channel.id;
  return (
    channel.isDMBased() ||
    message.mentions.users.has(botId) ||
    message.mentions.repliedUser?.id === botId ||
    askChannelIds.includes(channelId)
  );
}

const textReply = (content: string) => ({ content, allowedMentions: NO_PINGS });

/**
 * Answers a message addressed to the bot with a reply: the answer (typing while it works), a hint when no
 * question was asked, or one "slow down" per cooldown window. Other messages, and those of bots (itself
 * included), are ignored.
 */
export async function handleMessage(message: Message, context: BotContext, botId: string): Promise<void> {
  // Empty content is a message without text, or one this bot may not read (no Message Content intent).
  if (message.author.bot || message.webhookId || message.system || !message.content) return;
  if (!addressesBot(message, botId, context.askChannelIds)) return;
  const verdict = context.cooldown.check(message.author.id);
  if (verdict.kind === 'silent') return;
  if (verdict.kind === 'warn') {
    await message.reply(textReply(slowDownMessage(verdict.retryAfterSeconds)));
    return;
  }
  const question = questionIn(message.content, botId);
  try {
    if (question === null) {
      await message.reply(textReply(hintText(exampleQuestion(await context.briefing.speakers()))));
      return;
    }
    if (message.channel.isSendable()) {
      await message.channel.sendTyping().catch((error: unknown) => {
        context.logger.debug({ err: error, channel: message.channelId }, 'typing indicator failed');
      });
    }
    await message.reply(await answerMessage(context, question));
  } catch (error) {
    context.logger[failureLogLevel(error)](
      { err: error, message: message.id, channel: message.channelId },
      'message answer failed',
    );
    await message.reply(textReply(failureNotice(error)));
  }
}
