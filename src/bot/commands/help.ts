import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { SpeakerRecord } from '../../store/passage-store.js';
import type { BotContext } from '../context.js';
import { cutAtSentence, DISCORD_LIMITS } from '../limits.js';
import { FOUND_COLOR } from '../render-answer.js';
import { literal, NO_PINGS } from '../safe-text.js';

export const data = new SlashCommandBuilder()
  .setName('help')
  .setDescription('What this bot can do, with examples');

/** An example question about someone actually quoted in the index, so that trying it works. */
export function exampleQuestion(speakers: readonly SpeakerRecord[]): string {
  const speaker = speakers[0];
  return speaker
    ? `What did ${literal(speaker.surname || speaker.name)} say?`
    : 'What was agreed at the summit?';
}

/** The help text; `askChannelIds` are the channels where the bot answers every message. */
function helpText(example: string, botId: string, askChannelIds: readonly string[]): string {
  const channels = askChannelIds.map((id) => `<#${id}>`).join(', ');
  return [
    'I answer questions about the news articles indexed for this server, quoting the passages that answer, with their sources.',
    '',
    `**/ask** \`question\`: ask anything, for example: ${example} Add \`private: True\` to see the answer alone.`,
    '**/brief** `topic`: key points, a timeline, who said what and the sources on a topic; `since` and `until` (YYYY-MM-DD) limit it to a period.',
    '**/quotes** `speaker`: what one person said across the articles. Start typing a name to pick from the people quoted.',
    '**/sources**: the indexed articles, newest first.',
    '**/help**: this message.',
    '',
    `You can also mention me with a question (<@${botId}> ${example}), reply to one of my answers with another question${channels ? `, or write in ${channels}` : ''}.`,
    'Rate answers with 👍 or 👎: it tells the maintainers which answers miss the point.',
  ].join('\n');
}

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  await interaction.reply({
    embeds: [
      {
        title: 'What I can do',
        // Only a very long list of ask channels could make it too long.
        description: cutAtSentence(
          helpText(
            exampleQuestion(await context.briefing.speakers()),
            interaction.client.user.id,
            context.askChannelIds,
          ),
          DISCORD_LIMITS.embedDescription,
        ),
        color: FOUND_COLOR,
      },
    ],
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_PINGS,
  });
}
