import {
  SlashCommandBuilder,
  type APIApplicationCommandOptionChoice,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { z } from 'zod';
import type { Answer } from '../../answer/answer-schema.js';
import { NOTHING_FOUND } from '../../answer/build-answer.js';
import type { SpeakerRecord } from '../../store/passage-store.js';
import { answerInteraction, privateNotice } from '../answer-reply.js';
import type { BotContext } from '../context.js';
import { cutAtSentence, DISCORD_LIMITS } from '../limits.js';
import { literal } from '../safe-text.js';
import { periodAsked, wantsPrivate, withDateOptions, withPrivateOption } from './question-options.js';

export const data = withDateOptions(
  withPrivateOption(
    new SlashCommandBuilder()
      .setName('quotes')
      .setDescription('What one person said across the indexed articles')
      .addStringOption((option) =>
        option
          .setName('speaker')
          .setDescription('Who: start typing to pick from the people quoted')
          .setRequired(true)
          .setAutocomplete(true)
          .setMaxLength(DISCORD_LIMITS.choiceValue),
      ),
  ),
);

const speakerSchema = z.string().trim().max(DISCORD_LIMITS.choiceValue);

/**
 * Autocomplete choices: the people quoted whose name or role contains what was typed, most quoted first
 * (the order `speakers()` keeps). The value is the name, so a name too long for a value cannot be offered.
 */
export function speakerChoices(
  speakers: readonly SpeakerRecord[],
  typed: string,
): APIApplicationCommandOptionChoice<string>[] {
  const wanted = typed.trim().toLocaleLowerCase();
  return speakers
    .filter(({ name }) => name.length <= DISCORD_LIMITS.choiceValue)
    .filter(({ name, roles }) => [name, ...roles].some((text) => text.toLocaleLowerCase().includes(wanted)))
    .slice(0, DISCORD_LIMITS.autocompleteChoices)
    .map(({ name, roles, quotes }) => ({
      name: cutAtSentence(
        [name, roles[0], `${quotes} ${quotes === 1 ? 'quote' : 'quotes'}`].filter(Boolean).join(' · '),
        DISCORD_LIMITS.choiceName,
      ),
      value: name,
    }));
}

/**
 * A "what did X say" answer that fell back to a plain search means nobody by that name is quoted. A period
 * that holds no article at all says so itself.
 */
function onlyStatementsBy(speaker: string): (answer: Answer) => Answer {
  return (answer) =>
    answer.speaker || (answer.period && !answer.found && answer.reason !== NOTHING_FOUND)
      ? answer
      : {
          ...answer,
          found: false,
          passages: [],
          reason: `Nobody called ${speaker} is quoted in the indexed articles. Start typing a name in /quotes to pick from the people who are.`,
        };
}

export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  await interaction.respond(
    speakerChoices(await context.briefing.speakers(), interaction.options.getFocused()),
  );
}

/** What to type, for a speaker option left blank (Discord accepts spaces as a required value). */
function blankSpeakerNotice(speakers: readonly SpeakerRecord[]): string {
  const example = speakers[0];
  return [
    'Type who you mean in the `speaker` option of /quotes',
    example ? `, for example ${literal(example.name)}` : '',
    '. As you type, it suggests the people quoted in the indexed articles.',
  ].join('');
}

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const speaker = speakerSchema.parse(interaction.options.getString('speaker', true));
  if (!speaker) {
    await interaction.reply(privateNotice(blankSpeakerNotice(await context.briefing.speakers())));
    return;
  }
  await answerInteraction(interaction, context, `What did ${speaker} say?`, {
    private: wantsPrivate(interaction),
    period: periodAsked(interaction),
    adjust: onlyStatementsBy(speaker),
  });
}
