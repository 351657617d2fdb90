import { z } from 'zod';

/** A configuration problem worth one clear line to the user, never a stack trace. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => ['true', '1', 'yes'].includes(value));

/** Where exact vector search becomes slower than the quantized pass, measured by scripts/bench/scale.ts. */
export const DEFAULT_VECTOR_QUANTIZE_ABOVE = 10_000;

/** Settings every entry point needs: where the index lives and which model embeds it. */
export const coreConfigSchema = z.object({
  DB_PATH: z.string().min(1).default('data/briefing.db'),
  // Set: the index (and the votes) live in this PostgreSQL database with pgvector instead of DB_PATH.
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      'must be a postgres:// URL, for example postgres://user:password@host:5432/db',
    )
    .optional(),
  // The Postgres schema holding the index, so several indexes can share one database.
  PG_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL name (letters, digits, underscores)')
    .default('briefing'),
  ARTICLES_DIR: z.string().min(1).default('data/articles'),
  EMBEDDING_MODEL: z.string().min(1).default('Xenova/all-MiniLM-L6-v2'),
  MODEL_DIR: z.string().min(1).optional(),
  EMBEDDING_QUANTIZED: booleanFlag(true),
  // A forward pass keeps memory for its whole batch (onnxruntime's arena keeps the peak): all-MiniLM-L6-v2's
  // architecture on 256-token passages held about 490 MB at 32 per call, 240 MB at 16 and 100 MB at 8, for the
  // same CPU time per passage (proxy model, one thread, 3 calls each, scratch measurement): 8 lets two ingest
  // workers run side by side within a few hundred megabytes.
  EMBED_BATCH_SIZE: positiveInt(8),
  // Threads that prepare articles at ingest; unset: one per core when there is enough to do (see prepare-articles).
  // More than the cores available is capped, with a warning, at start-up (cli/load-settings.ts).
  INGEST_THREADS: z.coerce.number().int().min(1).max(256).optional(),
  // How long an ingest waits for another one writing the same index: a full re-index of Reuters-21578
  // (110,000 passages) takes under two minutes with the stand-in model, several with all-MiniLM-L6-v2.
  INGEST_LOCK_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  // all-MiniLM-L6-v2 was trained on, and truncates at, 256 word pieces including [CLS] and [SEP].
  PASSAGE_MAX_TOKENS: z.coerce.number().int().min(16).max(8192).default(256),
  MAX_ARTICLE_BYTES: positiveInt(20 * 1024 * 1024),
  // Articles of more paragraphs are skipped (a page of 150,000 took ingest to 2.7 GB); 5,000 paragraphs
  // added about 20 MB to ingest's 350 MB peak (README, "Ingest"), and long reads have a few hundred.
  MAX_ARTICLE_PARAGRAPHS: positiveInt(10_000),
  // A sqlite-vec library file for a platform the npm package does not cover; unset: the npm package's.
  SQLITE_VEC_PATH: z.string().min(1).optional(),
  // Overrides the measured similarity above which a passage counts as answering (see `npm run eval`).
  ANSWER_MIN_SIMILARITY: z.coerce.number().min(-1).max(1).optional(),
  // Overrides the measured weight of vector similarity in hybrid search (see `npm run eval`).
  HYBRID_VECTOR_WEIGHT: z.coerce.number().min(0).max(10).optional(),
  // Above this many passages vector search scans sign bits, then rescores exactly (see PassageStore.nearest).
  VECTOR_QUANTIZE_ABOVE: z.coerce.number().int().min(0).default(DEFAULT_VECTOR_QUANTIZE_ABOVE),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type CoreConfig = z.infer<typeof coreConfigSchema>;

const snowflake = z.string().regex(/^\d{17,20}$/, 'expected a Discord ID (17 to 20 digits)');

/** Discord settings, validated only when the bot or the command deploy script starts. */
export const discordConfigSchema = z.object({
  DISCORD_TOKEN: z
    .string({ error: 'is missing: set it to your bot token from the Discord developer portal' })
    // A bot token is three base64url parts joined by dots; anything else is a copy-paste mistake.
    .regex(/^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/, 'does not look like a Discord bot token'),
  DISCORD_CLIENT_ID: z.string({ error: 'is missing: set it to the application ID' }).pipe(snowflake),
  DISCORD_GUILD_ID: snowflake.optional(),
  ASK_CHANNEL_IDS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(z.array(snowflake)),
  COOLDOWN_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  // After each re-index that adds or updates articles, the bot posts their headlines here once.
  DIGEST_CHANNEL_ID: snowflake.optional(),
  // Its own file, so a full re-index (which may delete the index) never loses votes.
  FEEDBACK_DB_PATH: z.string().min(1).default('data/feedback.db'),
  // Only tests point the client elsewhere (a Discord stand-in on loopback).
  DISCORD_API_URL: z.url().optional(),
  // How long each try of a Discord API request waits (discord.js tries 4 times); tests shorten it.
  DISCORD_REST_TIMEOUT_MS: positiveInt(15_000),
});
export type DiscordConfig = z.infer<typeof discordConfigSchema>;

/**
 * How many gateway shards `npm start` runs, one process each (src/bot/run-shards.ts); `auto` asks Discord how
 * many it recommends. Unset: one process, no sharding. Discord requires sharding from 2,500 guilds.
 */
export const shardCountSchema = z
  .string()
  .regex(/^(auto|[1-9]\d*)$/, 'expected auto or a whole number of shards (1 or more)')
  .transform((value) => (value === 'auto' ? ('auto' as const) : Number(value)))
  .optional();
export type ShardCount = z.infer<typeof shardCountSchema>;

/** The bot needs both: the index and model to answer from, and Discord to answer on; and how to shard. */
export const botConfigSchema = coreConfigSchema
  .extend(discordConfigSchema.shape)
  .extend({ SHARD_COUNT: shardCountSchema });
export type BotConfig = z.infer<typeof botConfigSchema>;

/** `npm run eval` and `npm run bench` also read the external benchmark data. */
export const benchConfigSchema = coreConfigSchema.extend({
  // Beside the repository, never inside it: the sets' licences forbid republishing them.
  BENCH_DIR: z.string().min(1).default('../shared/bench'),
});
export type BenchConfig = z.infer<typeof benchConfigSchema>;

/** Every schema an entry point loads; each setting is in at least one. */
export const CONFIG_SCHEMAS = [coreConfigSchema, discordConfigSchema, botConfigSchema, benchConfigSchema];

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const variable = issue.path.join('.') || 'environment';
      return `${variable} ${issue.message}`;
    })
    .join('; ');
}

/**
 * The one rule for blank values: a variable set to nothing or to spaces is unset, so its default applies
 * (or, for a required one, it is reported missing). `.env.example` ships most variables blank, and a
 * blank that meant 0 would turn the cooldown or the answer threshold off without a word.
 */
export function withoutBlanks(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => (entry[1] ?? '').trim() !== ''),
  );
}

/** Validates settings against a schema, blanks counting as unset; a problem is one ConfigError line. */
export function parseConfig<S extends z.ZodType>(
  schema: S,
  env: Readonly<Record<string, string | undefined>>,
): z.infer<S> {
  const result = schema.safeParse(withoutBlanks(env));
  if (!result.success) {
    throw new ConfigError(`Invalid configuration: ${describeIssues(result.error)}`);
  }
  return result.data;
}

/** The core settings from these variables alone (no `.env`): for code that starts no process, like tests. */
export function loadCoreConfig(env: NodeJS.ProcessEnv = process.env): CoreConfig {
  return parseConfig(coreConfigSchema, env);
}
