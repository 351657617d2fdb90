import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MessageFlags, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAMAGED_NOTICE, REBUILDING_NOTICE } from '../src/bot/failure-notice.js';
import { isEdit, type DiscordStandin } from '../scripts/discord-standin/index.js';
import { repliesToMessage, SAMPLE_QUESTIONS, type MessageBody } from './helpers/bot-requests.js';
import { startScratchBot, type ScratchBot } from './helpers/scratch-bot.js';
import { runScript } from './helpers/spawn-script.js';

/** Only in the rebuilt index. */
const COMET_TITLE = 'Quillmoor astronomers catch a comet';
const COMET_QUESTION = 'Which comet did the Quillmoor astronomers photograph?';
const ANSWER_TIMEOUT_MS = 20_000;

let corpus: ScratchBot['corpus'];
let otherArticles: string;
let standin: DiscordStandin;
let stopBot: () => Promise<void>;
let logs: ScratchBot['logs'];

beforeAll(async () => {
  ({ corpus, standin, logs, stop: stopBot } = await startScratchBot());
  otherArticles = path.join(corpus.root, 'other-articles');
  await fs.mkdir(otherArticles);
  await fs.writeFile(
    path.join(otherArticles, 'quillmoor.md'),
    `---\ntitle: ${COMET_TITLE}\nsource: Highland Courier\npublished: 2025-06-02\n---\nAstronomers in Quillmoor photographed the comet Tsuchinshan with their new refractor on Friday night.\n`,
  );
});

afterAll(async () => {
  await stopBot?.();
});

/** /ask: the answer's embed, or the private notice the bot sent instead. */
async function askCommand(
  question: string,
): Promise<{ embed?: APIMessage['embeds'][number]; notice?: APIMessage }> {
  const interaction = standin.dispatchInteraction({ kind: 'command', name: 'ask', options: { question } });
  const landed = await standin.waitForRequest<MessageBody>(
    (r) =>
      isEdit(interaction.token)(r) ||
      (r.route === 'POST /webhooks/:application/:token' && r.params.token === interaction.token),
    ANSWER_TIMEOUT_MS,
  );
  if (isEdit(interaction.token)(landed)) return { embed: landed.body.embeds![0]! };
  return { notice: standin.repliesTo(interaction.id).at(-1)! };
}

async function sources(): Promise<APIMessage> {
  const interaction = standin.dispatchInteraction({ kind: 'command', name: 'sources' });
  await standin.waitForCallback(interaction.id, ANSWER_TIMEOUT_MS);
  return standin.repliesTo(interaction.id)[0]!;
}

async function mention(question: string): Promise<MessageBody> {
  const message = standin.dispatchMessage({ content: question, mentionBot: true });
  return (await standin.waitForRequest<MessageBody>(repliesToMessage(message.id), ANSWER_TIMEOUT_MS)).body;
}

const ingest = (articlesDir: string) =>
  runScript('scripts/ingest.ts', [], { DB_PATH: corpus.dbPath, ARTICLES_DIR: articlesDir });

describe('a running bot whose index file is deleted and rebuilt', () => {
  it('keeps answering from the previous index meanwhile, then answers /ask and /sources from the new file without a restart', async () => {
    const lammy = 'David Lammy (British foreign minister)';
    expect((await askCommand(SAMPLE_QUESTIONS.lammy.question)).embed?.title).toBe(lammy);
    expect((await sources()).embeds[0]?.description).toContain('Putin must meet a deadline');

    // As an admin would: the file alone (its -wal and -shm stay, held open by the bot). Until a complete
    // new index is there, the previous one is still the best answer there is.
    await fs.rm(corpus.dbPath);
    expect((await askCommand(SAMPLE_QUESTIONS.lammy.question)).embed?.title).toBe(lammy);
    expect((await sources()).embeds[0]?.description).toContain('Putin must meet a deadline');
    expect((await mention(SAMPLE_QUESTIONS.lammy.question)).embeds?.[0]?.title).toBe(lammy);

    // A file with no index in it yet: what a question finds while the first build is embedding.
    await fs.writeFile(corpus.dbPath, '');
    expect((await askCommand(SAMPLE_QUESTIONS.lammy.question)).embed?.title).toBe(lammy);
    await fs.rm(corpus.dbPath);

    const rebuilt = await ingest(otherArticles);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect((await askCommand(COMET_QUESTION)).embed?.description).toContain(
      'photographed the comet Tsuchinshan',
    );
    const list = (await sources()).embeds[0]!;
    expect(list.description).toContain(COMET_TITLE);
    expect(list.description).not.toContain('Putin must meet a deadline');
    expect(list.footer?.text).toMatch(/· 1 article\b/);
    expect((await mention(COMET_QUESTION)).embeds?.[0]?.description).toContain('Tsuchinshan');
    expect(logs.filter((entry) => entry.level >= 40)).toEqual([]);
  }, 120_000);

  it('tells the asker when the new file is damaged, and that the index is being rebuilt once it is deleted', async () => {
    const damaged = path.join(corpus.root, 'damaged.db');
    await fs.copyFile(corpus.dbPath, damaged);
    const file = await fs.open(damaged, 'r+');
    await file.write(randomBytes(100), 0, 100, 0);
    await file.close();
    await fs.rename(damaged, corpus.dbPath);

    const { notice } = await askCommand(COMET_QUESTION);
    expect(notice).toMatchObject({ content: DAMAGED_NOTICE, flags: MessageFlags.Ephemeral });
    expect(await sources()).toMatchObject({ content: DAMAGED_NOTICE });

    // The damaged file replaced the last good index: with none left to answer from, members are told why.
    await fs.rm(corpus.dbPath);
    expect((await askCommand(COMET_QUESTION)).notice).toMatchObject({
      content: REBUILDING_NOTICE,
      flags: MessageFlags.Ephemeral,
    });
    expect((await mention(COMET_QUESTION)).content).toBe(REBUILDING_NOTICE);
    // Index problems are the admin's to fix, logged as warnings, not errors of the bot.
    expect(logs.filter((entry) => entry.level >= 50)).toEqual([]);
    expect(logs.filter((entry) => entry.level === 40).length).toBeGreaterThanOrEqual(3);
    expect((await ingest(otherArticles)).code).toBe(0);
    expect((await askCommand(COMET_QUESTION)).embed?.description).toContain('Tsuchinshan');
  }, 120_000);
});
