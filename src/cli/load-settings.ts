import os from 'node:os';
import type { z } from 'zod';
import { parseConfig, withoutBlanks } from '../config.js';
import { readDotEnv } from './dot-env.js';

export interface LoadSettingsOptions {
  /** The process's environment; its variables win over the file's. */
  env?: Readonly<Record<string, string | undefined>>;
  dotEnvFile?: string;
  cores?: number;
  /** Where a corrected setting is reported: stderr, before any logger exists. */
  warn?: (line: string) => void;
}

/**
 * Each ingest thread holds its own model and parser: 64 threads on 2 cores took 8.4 GB and 9 times as long
 * as 2. More threads than cores never helps, so the setting is capped rather than refused.
 */
function capIngestThreads<T>(config: T, cores: number, warn: (line: string) => void): T {
  const threads = (config as { INGEST_THREADS?: number }).INGEST_THREADS;
  if (threads === undefined || threads <= cores) return config;
  warn(`INGEST_THREADS=${threads} is more than the ${cores} cores available: using ${cores} threads.`);
  return { ...config, INGEST_THREADS: cores };
}

/**
 * The start-up path of every entry point (ingest, ask, eval, bench, the bot, deploy-commands): `.env` in the
 * working directory under the environment's own variables, blanks counting as unset, validated whole by
 * the entry point's schema. A problem is one ConfigError line.
 */
export function loadSettings<S extends z.ZodType>(schema: S, options: LoadSettingsOptions = {}): z.infer<S> {
  const fromFile = withoutBlanks(readDotEnv(options.dotEnvFile));
  const fromEnv = withoutBlanks(options.env ?? process.env);
  const config = parseConfig(schema, { ...fromFile, ...fromEnv });
  return capIngestThreads(
    config,
    options.cores ?? os.availableParallelism(),
    options.warn ?? ((line) => console.error(`Warning: ${line}`)),
  );
}
