import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTHING_FOUND } from '../src/answer/build-answer.js';
import type { DiscordStandin, FakeUserName } from '../scripts/discord-standin/index.js';
import { askByCommand, askByMention, SAMPLE_QUESTIONS } from './helpers/bot-requests.js';
import { NEW_ARTICLE_QUESTION, NEW_SPEAKER_QUESTION, writeNewArticles } from './helpers/corpus.js';
import { finished, spawnScript } from './helpers/spawn-script.js';
import { startScratchBot, type ScratchBot } from './helpers/scratch-bot.js';

/** Enough articles that the re-index runs for several seconds, overlapping dozens of questions. */
const GENERATED_ARTICLES = 300;
const MIN_QUESTIONS_DURING_REINDEX = 60;
/** Answers queue behind the re-index for CPU on a small machine. */
const ANSWER_TIMEOUT_MS = 20_000;

/** Questions the old and the new index answer alike. */
const STEADY_QUESTIONS = [SAMPLE_QUESTIONS.lammy, SAMPLE_QUESTIONS.casualties];

let corpus: ScratchBot['corpus'];
let standin: DiscordStandin;
let logs: ScratchBot['logs'];
let stopBot: () => Promise<void>;

beforeAll(async () => {
  ({ corpus, standin, logs, stop: stopBot } = await startScratchBot());
});

afterAll(() => stopBot?.());

const askCommand = async (question: string, user: FakeUserName): Promise<APIEmbed> =>
  (await askByCommand(standin, question, user, ANSWER_TIMEOUT_MS)).embed;

const askMention = async (question: string, user: FakeUserName): Promise<APIEmbed> =>
  (await askByMention(standin, question, user, ANSWER_TIMEOUT_MS)).embed;

/** Every steady question once as /ask and once as a mention, all at the same time; each answer checked. */
async function askRound(): Promise<number> {
  const asked = STEADY_QUESTIONS.flatMap(({ question, shows }) => [
    askCommand(question, 'alice').then(shows),
    askMention(question, 'bob').then(shows),
  ]);
  await Promise.all(asked);
  return asked.length;
}

describe('the bot during a full re-index in another process', () => {
  it('answers every question meanwhile, then answers from the new index without a restart', async () => {
    for (const question of [NEW_ARTICLE_QUESTION, NEW_SPEAKER_QUESTION])
      expect((await askCommand(question, 'carol')).description).toBe(NOTHING_FOUND);

    await writeNewArticles(corpus.articlesDir, GENERATED_ARTICLES);
    const reindexing = finished(
      spawnScript('scripts/ingest.ts', ['--full'], {
        DB_PATH: corpus.dbPath,
        ARTICLES_DIR: corpus.articlesDir,
      }),
    );
    let running = true;
    const stopAsking = () => void (running = false);
    void reindexing.then(stopAsking, stopAsking);
    let answered = 0;
    while (running) answered += await askRound();

    const { code, stderr } = await reindexing;
    expect(code, stderr).toBe(0);
    expect(answered).toBeGreaterThanOrEqual(MIN_QUESTIONS_DURING_REINDEX);
    expect(logs.filter((entry) => entry.level >= 50)).toEqual([]);

    expect((await askCommand(NEW_ARTICLE_QUESTION, 'carol')).description).toContain(
      'photographed the comet Tsuchinshan',
    );
    expect((await askMention(NEW_SPEAKER_QUESTION, 'carol')).title).toMatch(/^Maria Okafor\b/);
    await askRound();
  }, 120_000);
});
