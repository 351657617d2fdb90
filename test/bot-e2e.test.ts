import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  ButtonStyle,
  ComponentType,
  InteractionResponseType,
  MessageFlags,
  type APIButtonComponentWithCustomId,
  type APIMessage,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Briefing } from '../src/answer/briefing.js';
import { NOTHING_FOUND } from '../src/answer/build-answer.js';
import { createBot, type Bot } from '../src/bot/client.js';
import type { BriefingService } from '../src/bot/context.js';
import { reindex } from '../src/ingest/reindex.js';
import { createLogger } from '../src/logger.js';
import { SqliteFeedbackStore } from '../src/store/feedback-store.js';
import { repliesToMessage, type MessageBody } from './helpers/bot-requests.js';
import { scratchCorpus } from './helpers/corpus.js';
import { expectWithinDiscordLimits } from './helpers/discord-limits.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';
import {
  isEdit,
  startDiscordStandin,
  type DiscordStandin,
  type FakeUserName,
} from '../scripts/discord-standin/index.js';

const TSX = path.resolve('node_modules/.bin/tsx');
const EXTRA_BULLETINS = 12;

/**
 * Starts one of the project's entry points the way npm does, but outside the checkout, so that a developer's
 * .env stays out of it. `output` resolves with everything printed once `marker` appears on stdout.
 */
function startEntryPoint(script: string, env: NodeJS.ProcessEnv) {
  const child = spawn(TSX, [path.resolve(script)], { cwd: os.tmpdir(), env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const exited = once(child, 'close').then(([code]) => ({ code: code as number, stdout, stderr }));
  const printed = (marker: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => stdout.includes(marker) && resolve();
      child.stdout.on('data', check);
      void exited.then(() => reject(new Error(`exited before printing "${marker}":\n${stdout}${stderr}`)));
    });
  return { child, exited, printed };
}

/** Small articles enough to need a second page of /sources, and one with @everyone and a 6,000-character paragraph. */
async function addArticles(articlesDir: string): Promise<void> {
  for (let i = 1; i <= EXTRA_BULLETINS; i++) {
    await fs.writeFile(
      path.join(articlesDir, `bulletin-${i}.md`),
      `---\ntitle: Harbour bulletin ${i}\nsource: Test Wire\nurl: https://example.org/bulletins/${i}\npublished: 2025-03-${String(10 + i).padStart(2, '0')}\n---\nThe harbour office published ferry timetable number ${i}, with crossings every ${20 + i} minutes.\n`,
    );
  }
  const inspections = Array.from(
    { length: 60 },
    (_, i) =>
      `Inspector ${i} said the zeppelin envelope seam number ${i} was sound and the hull girders passed the check.`,
  );
  await fs.writeFile(
    path.join(articlesDir, 'zeppelin.md'),
    `---\ntitle: Zeppelin hangar repairs ordered\nsource: Lake Gazette\nurl: https://example.org/zeppelin\npublished: 2025-05-01\n---\n@everyone The airship works council met on Monday. ${inspections.join(' ')}\n`,
  );
}

/** A Briefing that fails the next `failures` questions, to check that one failure is not the end of the bot. */
function flakyBriefing(briefing: Briefing): BriefingService & { failures: number } {
  return {
    failures: 0,
    ask(question, options) {
      if (this.failures > 0) {
        this.failures--;
        return Promise.reject(new Error('injected failure'));
      }
      return briefing.ask(question, options);
    },
    brief: (topic, options) => briefing.brief(topic, options),
    speakers: () => briefing.speakers(),
    articles: () => briefing.articles(),
  };
}

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let config: ReturnType<typeof testConfig>;
let briefing: Briefing;
let flaky: ReturnType<typeof flakyBriefing>;
let feedback: SqliteFeedbackStore;
let standin: DiscordStandin;
let bot: Bot;
const logs: { level: number; msg: string; err?: { message: string }; customId?: string }[] = [];

beforeAll(async () => {
  corpus = await scratchCorpus();
  await addArticles(corpus.articlesDir);
  // Long enough passages that the zeppelin article's one paragraph stays one 6,000-character passage.
  config = testConfig({
    DB_PATH: corpus.dbPath,
    ARTICLES_DIR: corpus.articlesDir,
    PASSAGE_MAX_TOKENS: '2048',
  });
  const embedder = await sharedEmbedder();
  await reindex(config, { full: false, prune: false, dryRun: false }, async () => embedder);
  briefing = await Briefing.open(config, embedder);
  flaky = flakyBriefing(briefing);
  feedback = SqliteFeedbackStore.open(path.join(corpus.root, 'feedback.db'));
  standin = await startDiscordStandin();

  const deployed = await startEntryPoint('scripts/deploy-commands.ts', {
    ...process.env,
    DISCORD_TOKEN: standin.token,
    DISCORD_CLIENT_ID: standin.applicationId,
    DISCORD_GUILD_ID: standin.guild.id,
    DISCORD_API_URL: standin.apiUrl,
  }).exited;
  expect(deployed).toMatchObject({ code: 0, stderr: '' });

  bot = createBot({
    briefing: flaky,
    feedback,
    logger: createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) }),
    settings: {
      ASK_CHANNEL_IDS: [standin.channels.briefings.id],
      COOLDOWN_SECONDS: 0,
      DISCORD_API_URL: standin.apiUrl,
    },
  });
  await bot.start(standin.token);
});

afterAll(async () => {
  await bot?.stop();
  await standin?.close();
  briefing?.close();
  feedback?.close();
  await corpus?.cleanup();
});

/** Runs a slash command and returns the answer it was deferred for, once the bot has edited it in. */
async function ask(
  name: 'ask' | 'quotes',
  options: Record<string, string | boolean>,
  user: FakeUserName = 'alice',
) {
  const interaction = standin.dispatchInteraction({ kind: 'command', name, options, user });
  const callback = await standin.waitForCallback(interaction.id);
  const edit = await standin.waitForRequest<MessageBody>(isEdit(interaction.token));
  const [reply] = standin.repliesTo(interaction.id);
  return { interaction, callback, edit, reply: reply!, embed: reply!.embeds[0]! };
}

/** Sends a user message and returns the bot's reply to it. */
async function say(input: Parameters<DiscordStandin['dispatchMessage']>[0]) {
  const message = standin.dispatchMessage(input);
  const sent = await standin.waitForRequest<MessageBody>(repliesToMessage(message.id));
  return { message, sent, reply: sent.response as APIMessage };
}

const buttonsOf = (message: APIMessage) =>
  message.components!.flatMap((row) => (row as { components: APIButtonComponentWithCustomId[] }).components);

const answerIdOf = (message: APIMessage) => Number(buttonsOf(message)[0]!.custom_id.split(':')[1]);

describe('slash commands', () => {
  it('/ask defers at once, then answers a speaker question with quotes, bold answers, sources and vote buttons', async () => {
    const { callback, edit, reply, embed } = await ask('ask', { question: 'what did Lammy say?' });
    expect(callback.body).toEqual({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: 0 },
    });
    expect(edit.status).toBe(200);
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });

    expect(embed.title).toBe('David Lammy (British foreign minister)');
    expect(embed.description).toMatch(
      /^> \*\*\[1\]\*\* \*\*We continue to bear down the sanctions on Russia/,
    );
    expect(embed.description).toContain('Our judgment is that Putin continues to obfuscate');
    expect(embed.fields?.[0]?.name).toBe('Sources');
    expect(embed.fields?.[0]?.value).toMatch(
      /^\*\*\[1\]\*\* Putin must meet a deadline for peace in Ukraine\.\.\. — paragraph 6$/m,
    );
    expect(buttonsOf(reply).map((b) => [b.emoji?.name, b.style])).toEqual([
      ['👍', ButtonStyle.Secondary],
      ['👎', ButtonStyle.Secondary],
    ]);
    expect(reply.mentions).toEqual([]);

    const stored = await feedback.feedbackOn(answerIdOf(reply));
    expect(stored?.answer.question).toBe('what did Lammy say?');
    expect(stored?.answer.passages[0]).toEqual({
      n: 1,
      articleId: 'nato-warns-putin-ceasefire-deadline.txt',
      paragraph: 6,
    });
  });

  it('/ask says plainly when nothing in the articles answers', async () => {
    const { embed } = await ask('ask', { question: 'What were the football results?' });
    expect(embed).toMatchObject({ title: 'What were the football results?', description: NOTHING_FOUND });
    expect(embed.fields).toBeUndefined();
    // A day named in the question that no article is from is said too, with the dates the articles are from.
    const saturday = await ask('ask', { question: 'What were the football results on Saturday?' });
    expect(saturday.embed.description).toMatch(
      /^Nothing in the indexed articles answers this\. No dated article was published on \d+ \w+ \d{4}\. The dated articles were published from 11 Mar 2025 to 3 Jun 2025\.$/,
    );
  });

  it('/ask since and until answer from that period only, and say which under the answer', async () => {
    const { embed } = await ask('ask', {
      question: 'ferry timetable crossings',
      since: '2025-03-15',
      until: '17 March 2025',
    });
    expect(embed.footer?.text).toBe(
      'Articles published from 15 Mar 2025 to 17 Mar 2025 (1 undated article left out).',
    );
    const published = [...embed.fields![0]!.value.matchAll(/, (\d+ \w+ 2025), paragraph/g)].map((m) => m[1]);
    expect(published.length).toBeGreaterThan(0);
    expect(new Set(published)).toEqual(new Set(['15 Mar 2025', '16 Mar 2025', '17 Mar 2025']));
  });

  it('/ask and /quotes reply privately to a date they cannot read, or a period that ends before it starts', async () => {
    for (const [name, options, expected] of [
      [
        'ask',
        { question: 'ferry timetable', since: 'the day after never' },
        /^since: "the day after never" is not a date I can read; write it as YYYY-MM-DD/,
      ],
      [
        'quotes',
        { speaker: 'David Lammy', since: '2025-06-03', until: '1 March 2025' },
        /^since: 2025-06-03 is after until \(2025-03-01\)/,
      ],
    ] as const) {
      const interaction = standin.dispatchInteraction({ kind: 'command', name, options });
      expect((await standin.waitForCallback(interaction.id)).body).toMatchObject({
        type: InteractionResponseType.ChannelMessageWithSource,
        data: { flags: MessageFlags.Ephemeral },
      });
      expect(standin.repliesTo(interaction.id)[0]?.content).toMatch(expected);
    }
  });

  it('/quotes since a date says when the speaker is not quoted in that period, or when it holds no article', async () => {
    const { embed } = await ask('quotes', { speaker: 'David Lammy', since: '2025-05-01' });
    expect(embed.description).toBe('David Lammy is not quoted in the articles published since 1 May 2025.');
    expect(embed.footer?.text).toBe('Articles published since 1 May 2025 (1 undated article left out).');
    const later = await ask('quotes', { speaker: 'David Lammy', since: '2025-06-04' });
    expect(later.embed.description).toBe(
      'No dated article was published since 4 Jun 2025. The dated articles were published from 11 Mar 2025 to 3 Jun 2025.',
    );
  });

  it('/ask private:true answers only the asker', async () => {
    const { callback, reply } = await ask(
      'ask',
      { question: 'Who led the Ukrainian delegation?', private: true },
      'bob',
    );
    expect(callback.body).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds[0]?.description).toContain('Umerov');
  });

  it('/quotes autocompletes speakers from the index and lists what the chosen one said', async () => {
    const typed = standin.dispatchInteraction({
      kind: 'autocomplete',
      name: 'quotes',
      focused: 'speaker',
      options: { speaker: 'lam' },
    });
    const choices = (
      (await standin.waitForCallback(typed.id)).body as {
        data: { choices: { name: string; value: string }[] };
      }
    ).data.choices;
    expect(choices).toEqual([
      {
        name: expect.stringMatching(/^David Lammy · British foreign minister · \d+ quotes$/),
        value: 'David Lammy',
      },
    ]);

    const everyone = standin.dispatchInteraction({
      kind: 'autocomplete',
      name: 'quotes',
      focused: 'speaker',
    });
    const all = (
      (await standin.waitForCallback(everyone.id)).body as { data: { choices: { name: string }[] } }
    ).data.choices;
    expect(all.length).toBeGreaterThan(1);
    expect(all.length).toBeLessThanOrEqual(25);

    const { embed } = await ask('quotes', { speaker: 'David Lammy' });
    expect(embed.title).toBe('David Lammy (British foreign minister)');
    expect(embed.description).toContain(
      'We are pledged to continue to put Ukraine in the strongest possible position',
    );

    const nobody = await ask('quotes', { speaker: 'Jane Nobody' });
    expect(nobody.embed.description).toMatch(/^Nobody called Jane Nobody is quoted in the indexed articles/);
  });

  it('/quotes with a blank speaker says privately what to type, with someone quoted as the example', async () => {
    for (const speaker of ['', '   ', '\t']) {
      const blank = standin.dispatchInteraction({ kind: 'command', name: 'quotes', options: { speaker } });
      expect((await standin.waitForCallback(blank.id)).body).toMatchObject({
        type: InteractionResponseType.ChannelMessageWithSource,
        data: { flags: MessageFlags.Ephemeral },
      });
      const [reply] = standin.repliesTo(blank.id);
      expect(reply?.content).toMatch(
        /^Type who you mean in the `speaker` option of \/quotes, for example [A-Z][\w .'-]+\. As you type, it suggests the people quoted/,
      );
      expect(reply?.content).not.toMatch(/Nobody called/);
    }
  });

  it('/sources pages through the articles with Previous/Next, and sees a re-index without a restart', async () => {
    const sources = standin.dispatchInteraction({ kind: 'command', name: 'sources' });
    expect((await standin.waitForCallback(sources.id)).body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
    });
    const [list] = standin.repliesTo(sources.id) as [APIMessage];
    const articles = EXTRA_BULLETINS + 3;
    expect(list.embeds[0]?.footer?.text).toMatch(new RegExp(`^Page 1 of 2 · ${articles} articles`));
    expect(list.embeds[0]?.description?.split('\n')).toHaveLength(10);
    expect(buttonsOf(list).map((b) => [b.label, b.disabled])).toEqual([
      ['Previous', true],
      ['Next', false],
    ]);

    const next = standin.dispatchInteraction({
      kind: 'button',
      messageId: list.id,
      customId: 'sources:next:1',
    });
    expect((await standin.waitForCallback(next.id)).body).toMatchObject({
      type: InteractionResponseType.UpdateMessage,
    });
    const second = standin.message(list.id)!;
    expect(second.embeds[0]?.footer?.text).toMatch(/^Page 2 of 2/);
    expect(second.embeds[0]?.description?.split('\n')[0]).toMatch(/^\*\*11\.\*\* /);
    expect(buttonsOf(second).map((b) => b.disabled)).toEqual([false, true]);

    await fs.writeFile(
      path.join(corpus.articlesDir, 'late-news.md'),
      '---\ntitle: Late news about lighthouses\n---\nThe lighthouse keepers repainted the northern tower.\n',
    );
    await reindex(config, { full: false, prune: false, dryRun: false }, sharedEmbedder);
    const again = standin.dispatchInteraction({
      kind: 'button',
      messageId: list.id,
      customId: 'sources:prev:0',
    });
    await standin.waitForCallback(again.id);
    expect(standin.message(list.id)?.embeds[0]?.footer?.text).toMatch(
      new RegExp(`^Page 1 of 2 · ${articles + 1} articles`),
    );
    const { embed } = await ask('ask', { question: 'Who repainted the lighthouse tower?' });
    expect(embed.description).toContain('lighthouse keepers repainted');
  });

  it('/help explains the commands with an example from the index, privately', async () => {
    const help = standin.dispatchInteraction({ kind: 'command', name: 'help' });
    await standin.waitForCallback(help.id);
    const [reply] = standin.repliesTo(help.id) as [APIMessage];
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds[0]?.description).toMatch(/\/ask.*\/quotes.*\/sources/s);
    expect(reply.embeds[0]?.description).toContain(`<#${standin.channels.briefings.id}>`);
    expect(reply.mentions).toEqual([]);
  });
});

describe('messages', () => {
  it('answers a mention as a reply, typing while it works, without pinging the asker', async () => {
    const message = standin.dispatchMessage({
      content: 'How many casualties has Russia suffered according to NATO?',
      mentionBot: true,
      user: 'bob',
    });
    const sent = await standin.waitForRequest<MessageBody>(repliesToMessage(message.id));
    const typing = standin.requests.find(
      (r) => r.route === 'POST /channels/:channel/typing' && r.params.channel === message.channel_id,
    );
    expect(standin.requests.indexOf(typing!)).toBeLessThan(standin.requests.indexOf(sent));
    expect(sent.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(sent.body.embeds?.[0]?.description).toContain('900,000 casualties');
    expect((sent.response as APIMessage).mentions).toEqual([]);
  });

  it('answers every message in an ask channel, but not its own, nor unaddressed messages elsewhere', async () => {
    const asks = standin.channels.briefings.id;
    const elsewhere = standin.dispatchMessage({
      content: 'How many casualties has Russia suffered according to NATO?',
    });
    const { reply: hint } = await say({ channelId: asks, content: 'thanks' });
    const { sent } = await say({
      channelId: asks,
      content: 'How many casualties has Russia suffered according to NATO?',
    });
    expect(sent.body.embeds?.[0]?.description).toContain('900,000 casualties');
    // Its own hint came back over the gateway before that question, so by now it has been passed over.
    expect(hint.content).not.toBe('');
    expect(standin.requests.some(repliesToMessage(hint.id))).toBe(false);
    expect(standin.requests.some(repliesToMessage(elsewhere.id))).toBe(false);
  });

  it('answers a reply to one of its answers, even when the reply does not ping it', async () => {
    const { reply: answer } = await say({ content: 'Who led the Ukrainian delegation?', mentionBot: true });
    const { sent } = await say({
      content: 'What did Lammy say?',
      replyTo: answer.id,
      pingRepliedUser: false,
      user: 'carol',
    });
    expect(sent.body.embeds?.[0]?.title).toBe('David Lammy (British foreign minister)');
  });

  it('answers greetings, thanks and bare mentions with a hint instead of a search', async () => {
    for (const input of [
      { content: 'hi there!', mentionBot: true },
      { content: '', mentionBot: true },
      { content: 'thanks', channelId: standin.channels.briefings.id },
    ]) {
      const { sent } = await say(input);
      expect(sent.body.content).toMatch(
        /^Ask me something about the indexed articles, for example: What did \S+ say\?/,
      );
      expect(sent.body.embeds ?? []).toEqual([]);
    }
  });

  it('answers direct messages', async () => {
    const { sent } = await say({
      channelId: standin.dms.carol.id,
      user: 'carol',
      content: 'Who led the Ukrainian delegation?',
    });
    expect(sent.body.embeds?.[0]?.description).toContain('Umerov');
  });
});

describe('feedback', () => {
  it('stores one vote per user and answer, a second vote replacing the first, acknowledged privately', async () => {
    const { reply } = await ask('ask', { question: 'What did the Estonian foreign minister say?' });
    const answerId = answerIdOf(reply);
    const [up, down] = buttonsOf(reply).map((b) => b.custom_id) as [string, string];
    const vote = async (user: FakeUserName, customId: string) => {
      const click = standin.dispatchInteraction({ kind: 'button', user, messageId: reply.id, customId });
      await standin.waitForCallback(click.id);
      return standin.repliesTo(click.id)[0]!;
    };

    expect(await vote('bob', up)).toMatchObject({
      content: 'Thanks for the feedback.',
      flags: MessageFlags.Ephemeral,
    });
    expect((await feedback.feedbackOn(answerId))?.votes).toEqual([
      { userId: standin.users.bob.id, vote: 'up' },
    ]);

    expect((await vote('bob', down)).content).toMatch(
      /^Thanks for the feedback\. It replaces your earlier vote/,
    );
    await vote('carol', up);
    const stored = (await feedback.feedbackOn(answerId))!;
    expect(stored.votes).toEqual(
      expect.arrayContaining([
        { userId: standin.users.bob.id, vote: 'down' },
        { userId: standin.users.carol.id, vote: 'up' },
      ]),
    );
    expect(stored.votes).toHaveLength(2);
    expect(stored.answer).toMatchObject({
      question: 'What did the Estonian foreign minister say?',
      found: true,
    });
    expect(stored.answer.passages.length).toBe(reply.embeds[0]!.fields![0]!.value.split('\n').length);
  });
});

describe('with untrusted text and failures', () => {
  it('shows an article with @everyone and a 6,000-character passage without a ping and within the limits', async () => {
    const { embed, reply, edit } = await ask('ask', { question: 'zeppelin envelope seam inspector' });
    expect(embed.description).toContain('@\u200beveryone The airship works council');
    expect(embed.description).toMatch(/check\. …$|check\. …\n/);
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.mention_everyone).toBe(false);
    expectWithinDiscordLimits(reply);

    const { reply: answer } = await say({
      content: 'zeppelin envelope seam inspector',
      channelId: standin.channels.briefings.id,
    });
    expect(answer.mention_everyone).toBe(false);
    expectWithinDiscordLimits(answer);
  });

  it('answers forged and stale buttons with a private "out of date" notice, logged at info level', async () => {
    const { reply: answer } = await ask('ask', { question: 'what did Lammy say?' });
    const forged = [
      'sources:next:1000000',
      'sources:prev:-1',
      'sources:next:',
      'feedback:1:sideways',
      'feedback:x:up',
      'feedback:99999999999999999999:up',
      'feedback',
      'constructor',
      'toString:1',
      '__proto__:next:1',
      'vote:1:up',
    ];
    const firstLog = logs.length;
    for (const customId of forged) {
      // What a modified client, or a message drawn by another version of the bot, would carry.
      standin.message(answer.id)!.components = [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId, label: 'Go' },
          ],
        },
      ];
      const click = standin.dispatchInteraction({ kind: 'button', messageId: answer.id, customId });
      expect((await standin.waitForCallback(click.id)).body, customId).toEqual({
        type: InteractionResponseType.ChannelMessageWithSource,
        data: expect.objectContaining({
          content: expect.stringMatching(/^This button is out of date\. Run the command again/),
          flags: MessageFlags.Ephemeral,
          allowed_mentions: expect.objectContaining({ parse: [] }),
        }),
      });
    }
    const logged = logs.slice(firstLog);
    expect(logged.filter((entry) => entry.level >= 40)).toEqual([]);
    expect(logged.filter((entry) => entry.msg === 'stale button')).toEqual(
      forged.map((customId) => expect.objectContaining({ level: 30, customId })),
    );
  });

  it('reports a failure privately and keeps serving', async () => {
    flaky.failures = 1;
    const failing = standin.dispatchInteraction({
      kind: 'command',
      name: 'ask',
      options: { question: 'what did Lammy say?' },
    });
    await standin.waitForRequest(
      (r) => r.route === 'POST /webhooks/:application/:token' && r.params.token === failing.token,
    );
    expect(standin.repliesTo(failing.id)).toMatchObject([
      { content: expect.stringMatching(/^Sorry, something went wrong/), flags: MessageFlags.Ephemeral },
    ]);
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 50,
        msg: 'interaction failed',
        err: expect.objectContaining({ message: 'injected failure' }),
      }),
    );

    flaky.failures = 1;
    const { sent } = await say({ content: 'what did Lammy say?', mentionBot: true });
    expect(sent.body.content).toMatch(/^Sorry, something went wrong/);

    const { embed } = await ask('ask', { question: 'what did Lammy say?' });
    expect(embed.title).toBe('David Lammy (British foreign minister)');
  });
});

describe('a bot with a cooldown', () => {
  let cooldownStandin: DiscordStandin;
  let cooldownBot: Bot;
  let now = 0;

  beforeAll(async () => {
    cooldownStandin = await startDiscordStandin();
    cooldownBot = createBot({
      briefing,
      feedback,
      logger: createLogger('silent'),
      settings: { ASK_CHANNEL_IDS: [], COOLDOWN_SECONDS: 30, DISCORD_API_URL: cooldownStandin.apiUrl },
      now: () => now,
    });
    await cooldownBot.start(cooldownStandin.token);
  });

  afterAll(async () => {
    await cooldownBot?.stop();
    await cooldownStandin?.close();
  });

  it('answers a flood with one polite "slow down": privately for commands, once per window for messages', async () => {
    const first = cooldownStandin.dispatchInteraction({
      kind: 'command',
      name: 'ask',
      options: { question: 'what did Lammy say?' },
    });
    await cooldownStandin.waitForRequest(isEdit(first.token));
    const second = cooldownStandin.dispatchInteraction({
      kind: 'command',
      name: 'ask',
      options: { question: 'what did Lammy say?' },
    });
    expect((await cooldownStandin.waitForCallback(second.id)).body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: expect.stringMatching(/please wait 30 seconds/), flags: MessageFlags.Ephemeral },
    });

    const question = { content: 'Who led the Ukrainian delegation?', mentionBot: true, user: 'bob' as const };
    const replyTo = (id: string) => cooldownStandin.waitForRequest<MessageBody>(repliesToMessage(id));
    expect((await replyTo(cooldownStandin.dispatchMessage(question).id)).body.embeds).toHaveLength(1);
    expect((await replyTo(cooldownStandin.dispatchMessage(question).id)).body.content).toMatch(
      /please wait 30 seconds/,
    );
    const ignored = cooldownStandin.dispatchMessage(question);
    // Messages are handled in order, so once carol is answered bob's third message has been passed over.
    await replyTo(cooldownStandin.dispatchMessage({ ...question, user: 'carol' }).id);
    expect(cooldownStandin.requests.some(repliesToMessage(ignored.id))).toBe(false);

    now += 30_000;
    expect((await replyTo(cooldownStandin.dispatchMessage(question).id)).body.embeds).toHaveLength(1);
  });

  it('finishes the answer in flight before it stops', async () => {
    now += 30_000;
    const last = cooldownStandin.dispatchInteraction({
      kind: 'command',
      name: 'ask',
      options: { question: 'what did Lammy say?' },
    });
    await cooldownStandin.waitForCallback(last.id);
    await cooldownBot.stop();
    expect(cooldownStandin.requests.some(isEdit(last.token))).toBe(true);
  });
});

describe('npm start', () => {
  const env = (overrides: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
    ...process.env,
    DISCORD_CLIENT_ID: '123456789012345678',
    ...overrides,
  });

  it.each([
    ['a missing', undefined, /DISCORD_TOKEN is missing/],
    ['a malformed', 'my-secret-but-not-a-token', /DISCORD_TOKEN does not look like a Discord bot token/],
  ])('exits with one clear line naming DISCORD_TOKEN for %s token', async (_, token, expected) => {
    const withToken = env({ DISCORD_TOKEN: token });
    if (token === undefined) delete withToken.DISCORD_TOKEN;
    const { code, stderr } = await startEntryPoint('src/bot/main.ts', withToken).exited;
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(expected)]);
    expect(stderr).not.toContain('my-secret');
  });

  describe('when Discord cannot be reached', () => {
    let silent: net.Server;
    let silentUrl: string;
    let refusingUrl: string;
    const connections: net.Socket[] = [];

    beforeAll(async () => {
      // Accepts every connection and never answers, like a black-holing firewall or a hung proxy.
      silent = net.createServer((socket) => void connections.push(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      silentUrl = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}/api`;
      // A port that was free a moment ago: nothing listens there, so connections are refused.
      const closed = net.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      refusingUrl = `http://127.0.0.1:${(closed.address() as net.AddressInfo).port}/api`;
      await new Promise((resolve) => closed.close(resolve));
    });

    afterAll(async () => {
      for (const socket of connections) socket.destroy();
      await new Promise((resolve) => silent?.close(resolve));
    });

    const REST_TIMEOUT_MS = 250;
    const faults = [
      [
        'has no DNS answer',
        () => 'http://nonexistent.invalid/api',
        /^Error: Discord could not be reached: the name nonexistent\.invalid \(DISCORD_API_URL\) could not be resolved \(ENOTFOUND\); check this machine's DNS settings/,
      ],
      [
        'never answers',
        () => silentUrl,
        // discord.js tries a request four times before it gives up.
        /^Error: Discord could not be reached: 127\.0\.0\.1:\d+ \(DISCORD_API_URL\) did not answer within 1 s \(4 tries\); check this machine's internet connection, firewall and proxy/,
      ],
      [
        'refuses connections',
        () => refusingUrl,
        /^Error: Discord could not be reached: the connection to 127\.0\.0\.1:\d+ \(DISCORD_API_URL\) failed \(ECONNREFUSED\); check this machine's internet connection/,
      ],
    ] as const;

    it.each(faults)(
      'npm start and npm run deploy-commands exit with one line when the API %s',
      async (_, apiUrl, expected) => {
        const runs = ['src/bot/main.ts', 'scripts/deploy-commands.ts'].map(
          (script) =>
            startEntryPoint(
              script,
              env({
                DISCORD_TOKEN: standin.token,
                DISCORD_API_URL: apiUrl(),
                DISCORD_REST_TIMEOUT_MS: String(REST_TIMEOUT_MS),
                DB_PATH: corpus.dbPath,
                ...(process.env.MODEL_DIR ? { MODEL_DIR: path.resolve(process.env.MODEL_DIR) } : {}),
                FEEDBACK_DB_PATH: path.join(corpus.root, 'unreachable-feedback.db'),
              }),
            ).exited,
        );
        for (const { code, stderr, stdout } of await Promise.all(runs)) {
          expect(code, stderr).toBe(1);
          expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(expected)]);
          expect(stdout + stderr).not.toContain(standin.token);
        }
      },
      90_000,
    );
  });

  it('serves questions, then finishes and exits cleanly on SIGTERM, never logging the token', async () => {
    const ownStandin = await startDiscordStandin();
    try {
      const bot = startEntryPoint(
        'src/bot/main.ts',
        env({
          DISCORD_TOKEN: ownStandin.token,
          DISCORD_API_URL: ownStandin.apiUrl,
          DB_PATH: corpus.dbPath,
          // It runs elsewhere, so a model folder given relative to the checkout must be made absolute.
          ...(process.env.MODEL_DIR ? { MODEL_DIR: path.resolve(process.env.MODEL_DIR) } : {}),
          FEEDBACK_DB_PATH: path.join(corpus.root, 'main-feedback.db'),
          LOG_LEVEL: 'info',
        }),
      );
      await bot.printed('connected to Discord');
      const asked = ownStandin.dispatchInteraction({
        kind: 'command',
        name: 'ask',
        options: { question: 'what did Lammy say?' },
      });
      await ownStandin.waitForRequest(isEdit(asked.token), 10_000);
      expect(ownStandin.repliesTo(asked.id)[0]?.embeds[0]?.title).toBe(
        'David Lammy (British foreign minister)',
      );

      bot.child.kill('SIGTERM');
      const { code, stdout } = await bot.exited;
      expect(code).toBe(0);
      expect(stdout).toContain('"msg":"shutting down"');
      expect(stdout).not.toContain(ownStandin.token);
    } finally {
      await ownStandin.close();
    }
  });
});
