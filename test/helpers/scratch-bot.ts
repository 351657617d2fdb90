import path from 'node:path';
import type { CoreConfig } from '../../src/config.js';
import { reindex } from '../../src/ingest/reindex.js';
import { createLogger } from '../../src/logger.js';
import { startDiscordStandin, type DiscordStandin } from '../../scripts/discord-standin/index.js';
import { scratchCorpus } from './corpus.js';
import { sharedEmbedder, testConfig } from './model.js';
import { startTestBot } from './test-bot.js';

export interface ScratchBot {
  corpus: Awaited<ReturnType<typeof scratchCorpus>>;
  config: CoreConfig;
  standin: DiscordStandin;
  /** The bot's log lines as they are written. */
  logs: { level: number; msg: string }[];
  /** Stops the bot, closes the stand-in and removes the scratch folder. */
  stop(): Promise<void>;
}

/**
 * The sample articles indexed in a scratch folder and a bot without cooldown answering from them through a
 * Discord stand-in: the start of every test that re-indexes under a running bot.
 */
export async function startScratchBot(): Promise<ScratchBot> {
  const corpus = await scratchCorpus();
  const config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
  const embedder = await sharedEmbedder();
  await reindex(config, { full: false, prune: false, dryRun: false }, async () => embedder);
  const standin = await startDiscordStandin();
  const logs: ScratchBot['logs'] = [];
  const { stop } = await startTestBot({
    config,
    embedder,
    feedbackPath: path.join(corpus.root, 'feedback.db'),
    standin,
    cooldownSeconds: 0,
    logger: createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) }),
  });
  return {
    corpus,
    config,
    standin,
    logs,
    async stop() {
      await stop();
      await standin.close();
      await corpus.cleanup();
    },
  };
}
