import { InteractionResponseType, type APIEmbed } from 'discord.js';
import { expect } from 'vitest';
import {
  isEdit,
  type DispatchedInteraction,
  type DiscordStandin,
  type FakeUserName,
  type RecordedRequest,
} from '../../scripts/discord-standin/index.js';
import { expectWithinDiscordLimits } from './discord-limits.js';

/** Bodies the bot sends, narrowed to what the assertions read. */
export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  allowed_mentions?: { parse?: string[]; replied_user?: boolean };
  message_reference?: { message_id: string };
  flags?: number;
}

/** A question and what its answer must show. */
export interface CheckedQuestion {
  question: string;
  shows?(embed: APIEmbed): void;
}

/** Questions the sample articles answer, whatever else is indexed beside them. */
export const SAMPLE_QUESTIONS = {
  lammy: {
    question: 'what did Lammy say?',
    shows: (embed) => expect(embed.title).toBe('David Lammy (British foreign minister)'),
  },
  casualties: {
    question: 'How many casualties has Russia suffered according to NATO?',
    shows: (embed) => expect(embed.description).toContain('900,000 casualties'),
  },
} satisfies Record<string, CheckedQuestion>;

/** The bot's reply to the user message with this id. */
export const repliesToMessage = (id: string) => (r: RecordedRequest) =>
  r.route === 'POST /channels/:channel/messages' &&
  (r.body as MessageBody | null)?.message_reference?.message_id === id;

/** Where an answer to an interaction can land: the edit of its deferral, or a follow-up (a failure notice). */
export const isAnswerOrNotice = (token: string) => (r: RecordedRequest) =>
  isEdit(token)(r) || (r.route === 'POST /webhooks/:application/:token' && r.params.token === token);

/**
 * Fails unless the bot answered: one embed (not a failure notice), accepted by Discord, within its limits,
 * pinging nobody.
 */
export function expectAnswerPayload(request: RecordedRequest<MessageBody>): void {
  expect(request.status).toBe(200);
  expect(request.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  expect(request.body.content ?? '').toBe('');
  expect(request.body.embeds).toHaveLength(1);
  expectWithinDiscordLimits(request.body);
}

/**
 * Waits until an /ask interaction has been deferred and answered, checks both, and returns the answer's
 * embed with the two requests.
 */
export async function answeredInteraction(
  standin: DiscordStandin,
  { id, token }: DispatchedInteraction,
  timeoutMs?: number,
) {
  const deferral = await standin.waitForCallback(id, timeoutMs);
  expect(deferral.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
  const edit = await standin.waitForRequest<MessageBody>(isAnswerOrNotice(token), timeoutMs);
  expect(edit.route, edit.body.content).toBe('PATCH /webhooks/:application/:token/messages/:message');
  expectAnswerPayload(edit);
  return { deferral, edit, embed: edit.body.embeds![0]! };
}

/** Asks with /ask, as `user`; resolves with the checked answer's embed and the interaction it answers. */
export async function askByCommand(
  standin: DiscordStandin,
  question: string,
  user: FakeUserName,
  timeoutMs?: number,
) {
  const interaction = standin.dispatchInteraction({
    kind: 'command',
    name: 'ask',
    user,
    options: { question },
  });
  const { embed } = await answeredInteraction(standin, interaction, timeoutMs);
  return { embed, interaction };
}

/** Asks by mentioning the bot, as `user`; resolves with the checked answer's embed and the question message. */
export async function askByMention(
  standin: DiscordStandin,
  question: string,
  user: FakeUserName,
  timeoutMs?: number,
) {
  const message = standin.dispatchMessage({ content: question, mentionBot: true, user });
  const sent = await standin.waitForRequest<MessageBody>(repliesToMessage(message.id), timeoutMs);
  expectAnswerPayload(sent);
  return { embed: sent.body.embeds![0]!, message };
}
