import fs from 'node:fs/promises';
import path from 'node:path';
import { InteractionResponseType, MessageFlags, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreConfig } from '../src/config.js';
import { reindex } from '../src/ingest/reindex.js';
import { createLogger } from '../src/logger.js';
import {
  isEdit,
  startDiscordStandin,
  type DiscordStandin,
  type RecordedRequest,
} from '../scripts/discord-standin/index.js';
import type { MessageBody } from './helpers/bot-requests.js';
import { scratchCorpus } from './helpers/corpus.js';
import { expectWithinDiscordLimits } from './helpers/discord-limits.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';
import { runScript } from './helpers/spawn-script.js';
import { startTestBot } from './helpers/test-bot.js';

const ANSWER_TIMEOUT_MS = 20_000;
/** Longer than two polls for a digest (DIGEST_POLL_MS): time enough for a wrong second post to show. */
const QUIET_MS = 7_000;

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let config: CoreConfig;
let standin: DiscordStandin;
let digestChannel: string;
let stopBot: () => Promise<void>;
const logs: { level: number; msg: string }[] = [];

async function startBot(): Promise<void> {
  ({ stop: stopBot } = await startTestBot({
    config,
    embedder: await sharedEmbedder(),
    feedbackPath: path.join(corpus.root, 'feedback.db'),
    standin,
    cooldownSeconds: 0,
    logger: createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) }),
    discordEnv: { DIGEST_CHANNEL_ID: digestChannel },
  }));
}

beforeAll(async () => {
  corpus = await scratchCorpus();
  config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
  const embedder = await sharedEmbedder();
  await reindex(config, { full: false, prune: false, dryRun: false }, async () => embedder);
  standin = await startDiscordStandin();
  digestChannel = standin.channels.briefings.id;
  // As an admin would: the commands deployed, so the stand-in builds /brief's options from its definition.
  const deployed = await runScript('scripts/deploy-commands.ts', [], {
    DISCORD_TOKEN: standin.token,
    DISCORD_CLIENT_ID: standin.applicationId,
    DISCORD_GUILD_ID: standin.guild.id,
    DISCORD_API_URL: standin.apiUrl,
  });
  expect(deployed.code, deployed.stderr).toBe(0);
  const registered = standin.registeredCommands(standin.guild.id).find((c) => c.name === 'brief');
  expect(registered?.options?.map((o) => o.name)).toEqual(['topic', 'since', 'until', 'private']);
  await startBot();
}, 120_000);

afterAll(async () => {
  await stopBot?.();
  await standin?.close();
  await corpus?.cleanup();
});

/** /brief with these options: the edited reply, or the private notice sent instead. */
async function brief(options: Record<string, string>): Promise<{ body?: MessageBody; notice?: APIMessage }> {
  const interaction = standin.dispatchInteraction({ kind: 'command', name: 'brief', options });
  const callback = await standin.waitForCallback(interaction.id, ANSWER_TIMEOUT_MS);
  if (callback.body.type === InteractionResponseType.ChannelMessageWithSource)
    return { notice: standin.repliesTo(interaction.id).at(-1)! };
  const edit = await standin.waitForRequest<MessageBody>(isEdit(interaction.token), ANSWER_TIMEOUT_MS);
  return { body: edit.body };
}

describe('/brief through the Discord stand-in', () => {
  it('briefs on a topic in sections within Discord limits, pinging nobody', async () => {
    const { body } = await brief({ topic: 'ceasefire' });
    expect(body?.embeds?.map((embed) => embed.title)).toEqual([
      'Brief: ceasefire',
      'Timeline',
      'Who said what',
      'Sources',
    ]);
    expectWithinDiscordLimits(body!);
    expect(body!.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body!.embeds![0]!.description).toMatch(/\*\*\[1\]\*\* .*ceasefire/i);
    expect(body!.embeds![1]!.description).toContain('3 Jun 2025');
    expect(body!.embeds![3]!.footer?.text).toBe('2 articles cited');
  }, 60_000);

  it('keeps to a period, and says so when the topic is only outside it', async () => {
    const inside = await brief({ topic: 'ceasefire', since: '2025-06-01', until: '2025-06-30' });
    expect(inside.body?.embeds?.[0]?.title).toBe('Brief: ceasefire (in June 2025)');
    // The undated sample falls outside any period: only the dated one is cited.
    expect(inside.body?.embeds?.at(-1)?.footer?.text).toBe('1 article cited');
    const outside = await brief({ topic: 'ceasefire', since: '2030-01-01' });
    expect(outside.body?.embeds?.[0]?.description).toBe(
      'Nothing on this in the archive since 1 Jan 2030; there is outside that period.',
    );
  }, 60_000);

  it('answers an unreadable or reversed period with a private notice saying how to write it', async () => {
    const unreadable = await brief({ topic: 'ceasefire', since: 'the day after never' });
    expect(unreadable.notice).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(unreadable.notice!.content).toBe(
      'since: "the day after never" is not a date I can read; write it as YYYY-MM-DD (2025-06-03) or in words (last Monday, 3 March 1987, March 1987).',
    );
    const reversed = await brief({ topic: 'ceasefire', since: '2025-06-30', until: '2025-06-01' });
    expect(reversed.notice!.content).toContain('the start of the period must come before its end');
  }, 60_000);
});

const digestPosts = () =>
  standin.requests.filter(
    (r: RecordedRequest) =>
      r.route === 'POST /channels/:channel/messages' && r.params.channel === digestChannel,
  );

const ingest = () =>
  runScript('scripts/ingest.ts', [], { DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });

const article = (slug: string, title: string, body: string) =>
  fs.writeFile(
    path.join(corpus.articlesDir, `${slug}.md`),
    `---\ntitle: ${title}\nsource: Harbour Wire\nurl: https://example.org/${slug}\npublished: 2025-06-05\n---\n${body}\n`,
  );

describe('the digest after a re-index', () => {
  it('is posted once per re-index that adds or updates articles, never for an unchanged one, nor again after a restart', async () => {
    // The first build is not news: nothing was posted at start.
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect(digestPosts()).toHaveLength(0);

    await article(
      'ferry',
      'Ferry returns to @everyone Quillmoor',
      'The ferry to Quillmoor sails again from Monday.',
    );
    expect((await ingest()).code).toBe(0);
    const first = await standin.waitForRequest<MessageBody>(
      (r) => r.route === 'POST /channels/:channel/messages' && r.params.channel === digestChannel,
      ANSWER_TIMEOUT_MS,
    );
    expect(first.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expectWithinDiscordLimits(first.body);
    expect(first.body.embeds![0]!.title).toBe('New in the archive: 1 article added');
    expect(first.body.embeds![0]!.description).toBe(
      '**Harbour Wire**\n• [Ferry returns to @\u200beveryone Quillmoor](https://example.org/ferry)',
    );

    // Unchanged: no write, no digest.
    expect((await ingest()).code).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect(digestPosts()).toHaveLength(1);

    // A restart finds the digest it already posted.
    await stopBot();
    await startBot();
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect(digestPosts()).toHaveLength(1);

    await article(
      'ferry',
      'Ferry returns to Quillmoor',
      'The ferry to Quillmoor sails again from Tuesday, a day late.',
    );
    await article('tram', 'Tram line opens', 'The tram line to the harbour opened on Saturday.');
    expect((await ingest()).code).toBe(0);
    await expect.poll(() => digestPosts().length, { timeout: ANSWER_TIMEOUT_MS, interval: 500 }).toBe(2);
    const second = digestPosts()[1]!.body as MessageBody;
    expect(second.embeds![0]!.title).toBe('New in the archive: 1 article added, 1 updated');
    expect(second.embeds![0]!.description).toBe(
      '**Harbour Wire**\n• [Tram line opens](https://example.org/tram)\n• [Ferry returns to Quillmoor](https://example.org/ferry) (updated)',
    );
    expect(logs.filter((entry) => entry.level >= 40)).toEqual([]);
  }, 180_000);
});
