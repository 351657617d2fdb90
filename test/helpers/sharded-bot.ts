import path from 'node:path';
import type { CoreConfig } from '../../src/config.js';
import type { DiscordStandin } from '../../scripts/discord-standin/index.js';
import { finished, spawnScript, type Finished } from './spawn-script.js';

/** A line of the manager's or a shard's JSON log, narrowed to what the tests read. */
export interface ShardLogLine {
  level: number;
  msg: string;
  pid: number;
  shard?: number;
  component?: string;
  reason?: string;
  guilds?: number;
}

/**
 * `npm start` with SHARD_COUNT set, as a user runs it, in the corpus's folder (no .env), against the
 * stand-in: one process per shard answering from the index `config` names (SQLite, or Postgres when it
 * has DATABASE_URL). Cooldown off, logs at info on stdout.
 */
export function spawnShardedBot(options: {
  shardCount: string;
  config: CoreConfig;
  /** DATABASE_URL and PG_SCHEMA for Postgres; DATABASE_URL undefined for SQLite. */
  store: Record<string, string | undefined>;
  standin: DiscordStandin;
  cwd: string;
  feedbackPath?: string;
}) {
  const { config, standin } = options;
  const manager = spawnScript(
    'src/bot/main.ts',
    [],
    {
      SHARD_COUNT: options.shardCount,
      ...options.store,
      DB_PATH: config.DB_PATH,
      ARTICLES_DIR: config.ARTICLES_DIR,
      EMBEDDING_MODEL: config.EMBEDDING_MODEL,
      MODEL_DIR: config.MODEL_DIR ? path.resolve(config.MODEL_DIR) : undefined,
      FEEDBACK_DB_PATH: options.feedbackPath,
      DISCORD_API_URL: standin.apiUrl,
      DISCORD_TOKEN: standin.token,
      DISCORD_CLIENT_ID: standin.applicationId,
      COOLDOWN_SECONDS: '0',
      LOG_LEVEL: 'info',
    },
    { cwd: options.cwd },
  );
  let stdout = '';
  manager.stdout!.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
  const exited: Promise<Finished> = finished(manager);
  const logs = (): ShardLogLine[] =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as ShardLogLine);
  /** Resolves once `count` log lines (of any process) say `msg`; rejects if the manager exits first. */
  const printed = (msg: string, count = 1): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = () => logs().filter((line) => line.msg === msg).length >= count && resolve();
      manager.stdout!.on('data', check);
      check();
      void exited.then((run) => reject(new Error(`exited with ${run.code} before "${msg}":\n${run.stderr}`)));
    });
  return { manager, exited, logs, printed, stdout: () => stdout };
}
