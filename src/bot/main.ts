import { fileURLToPath } from 'node:url';
import { loadSettings } from '../cli/load-settings.js';
import { runCli } from '../cli/run-cli.js';
import { botConfigSchema } from '../config.js';
import { createLogger } from '../logger.js';
import { runBot } from './run-bot.js';
import { runShards } from './run-shards.js';
import { shardOfProcess } from './shard-env.js';

runCli(async () => {
  // Every setting first: a missing or malformed token fails at once, before the model loads.
  const config = loadSettings(botConfigSchema);
  const logger = createLogger(config.LOG_LEVEL);
  // A shard's process runs this same file, started by the shard manager below.
  const shard = shardOfProcess(process.env);
  if (shard) await runBot(config, logger.child({ shard: shard.id }), shard);
  else if (config.SHARD_COUNT !== undefined) {
    await runShards(config, logger.child({ component: 'shard-manager' }), fileURLToPath(import.meta.url));
  } else await runBot(config, logger, null);
});
