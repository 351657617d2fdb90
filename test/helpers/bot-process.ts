/**
 * The bot alone in a child process (started by bot-load.test.ts), so that its heap can be measured without
 * the test's and the stand-in's. Over IPC it answers `heap` with the heap in use after a full collection,
 * and `stop` by stopping and exiting. Settings are loaded as `npm start` loads them.
 */
import { openBot } from '../../src/bot/open-bot.js';
import { loadSettings } from '../../src/cli/load-settings.js';
import { botConfigSchema } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

export type BotProcessRequest = 'heap' | 'stop';
export type BotProcessReport = { kind: 'ready' } | { kind: 'heap'; bytes: number } | { kind: 'stopped' };

const { gc } = globalThis as { gc?: () => void };
if (!gc) throw new Error('run with --expose-gc');
const send = (report: BotProcessReport) => process.send!(report);

async function heapAfterCollection(): Promise<number> {
  // discord.js keeps a REST handler per interaction token until its hourly sweep; do that sweep now, or the
  // measure would grow by a few kB per answer however well the bot frees what it uses.
  bot.client.rest.handlers.sweep((handler) => handler.inactive);
  // Twice, with a turn in between, so that objects freed by finalisers of the first pass go too.
  gc!();
  await new Promise((resolve) => setImmediate(resolve));
  gc!();
  return process.memoryUsage().heapUsed;
}

// The start-up path of `npm start`: .env, then the environment, validated whole.
const config = loadSettings(botConfigSchema);
const { bot, close } = await openBot(config, { logger: createLogger(config.LOG_LEVEL) });
await bot.start(config.DISCORD_TOKEN);
process.on('message', (request: BotProcessRequest) => {
  if (request === 'heap') void heapAfterCollection().then((bytes) => send({ kind: 'heap', bytes }));
  else
    void close().then(() => {
      send({ kind: 'stopped' });
      process.disconnect();
    });
});
send({ kind: 'ready' });
