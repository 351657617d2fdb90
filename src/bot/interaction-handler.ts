import type { ButtonInteraction, Interaction } from 'discord.js';
import { privateNotice } from './answer-reply.js';
import { STALE_BUTTON_NOTICE, StaleButtonError } from './button-id.js';
import { commands } from './commands/index.js';
import { turnPage } from './commands/sources.js';
import type { BotContext } from './context.js';
import { failureLogLevel, failureNotice } from './failure-notice.js';
import { FEEDBACK_PREFIX, handleFeedbackButton } from './feedback.js';
import { SOURCES_PREFIX } from './render-sources.js';

/**
 * Button handlers by the custom id's prefix (the part before the first colon). A Map, not an object: a
 * forged prefix such as `constructor` must find nothing rather than an inherited function.
 */
const buttons = new Map<string, (interaction: ButtonInteraction, context: BotContext) => Promise<void>>([
  [FEEDBACK_PREFIX, handleFeedbackButton],
  [SOURCES_PREFIX, turnPage],
]);

async function dispatch(interaction: Interaction, context: BotContext): Promise<void> {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    const command = commands.get(interaction.commandName);
    if (!command) throw new Error(`unknown command /${interaction.commandName}`);
    if (interaction.isChatInputCommand()) await command.execute(interaction, context);
    else await command.autocomplete?.(interaction, context);
  } else if (interaction.isMessageComponent()) {
    // The bot draws only buttons: any other component on one of its messages is as stale as an unknown id.
    const handler = interaction.isButton() && buttons.get(interaction.customId.split(':')[0]!);
    if (!handler) throw new StaleButtonError(interaction.customId);
    await handler(interaction, context);
  }
}

/** Tells the user privately that it failed, and why; a public "thinking…" placeholder is removed first. */
async function reportFailure(interaction: Interaction, error: unknown): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  const notice = privateNotice(failureNotice(error));
  if (interaction.isChatInputCommand() && interaction.deferred) {
    await interaction.deleteReply();
    await interaction.followUp(notice);
  } else if (interaction.deferred || interaction.replied) {
    await interaction.followUp(notice);
  } else {
    await interaction.reply(notice);
  }
}

/** Runs the command, autocomplete or button an interaction is for; failures are logged and reported. */
export async function handleInteraction(interaction: Interaction, context: BotContext): Promise<void> {
  try {
    await dispatch(interaction, context);
  } catch (error) {
    if (error instanceof StaleButtonError && interaction.isMessageComponent()) {
      context.logger.info(
        { interaction: interaction.id, user: interaction.user.id, customId: error.customId },
        'stale button',
      );
      await interaction.reply(privateNotice(STALE_BUTTON_NOTICE));
      return;
    }
    context.logger[failureLogLevel(error)](
      {
        err: error,
        interaction: interaction.id,
        user: interaction.user.id,
        command:
          interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
        customId: interaction.isMessageComponent() ? interaction.customId : undefined,
      },
      'interaction failed',
    );
    await reportFailure(interaction, error);
  }
}
