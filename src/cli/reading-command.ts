import type { ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import type { Briefing } from '../answer/briefing.js';
import { ANSI, PLAIN, type TextStyle } from '../answer/format-text.js';
import { coreConfigSchema } from '../config.js';
import type { DateRange } from '../document/date-range.js';
import { loadEmbedder } from '../embed/embedder.js';
import { readPeriodOptions } from '../search/period-options.js';
import { loadSettings } from './load-settings.js';
import { openOrBuild } from './open-or-build.js';
import { parseCliArgs } from './parse-args.js';
import { runCli, UsageError } from './run-cli.js';

/** What every command that reads the index takes: the result as JSON, a period, and the words to answer. */
export const readingArgsSchema = z.object({
  json: z.boolean().default(false),
  since: z.string().optional(),
  until: z.string().optional(),
  positionals: z.array(z.string()),
});

export type ReadingArgs = z.infer<typeof readingArgsSchema>;

/** A result as `--json` prints it, and as text for a terminal. */
export interface ReadingResult {
  json: unknown;
  text(style: TextStyle): string;
}

export interface ReadingCommand<S extends z.ZodType<ReadingArgs>> {
  usage: string;
  /** Options beyond --json, --since and --until; `schema` validates them all. */
  options?: ParseArgsConfig['options'];
  schema: S;
  /** What to say when no words were given ("Ask a question."). */
  noWords: string;
  read(briefing: Briefing, words: string, args: z.infer<S>, range: DateRange): Promise<ReadingResult>;
}

/**
 * `npm run ask` and `npm run brief`: the arguments checked before the model loads (a bad date costs the
 * user no wait), the index opened read-only (built the first time), the result printed, the index closed.
 */
export function runReadingCommand<S extends z.ZodType<ReadingArgs>>(command: ReadingCommand<S>): void {
  runCli(async () => {
    const args: z.infer<S> = parseCliArgs(
      process.argv.slice(2),
      { json: { type: 'boolean' }, since: { type: 'string' }, until: { type: 'string' }, ...command.options },
      command.schema,
      command.usage,
    );
    const { json, positionals }: ReadingArgs = args;
    const words = positionals.join(' ').trim();
    if (!words) throw new UsageError(`${command.noWords}\n${command.usage}`);
    const period = readPeriodOptions(args, new Date());
    if ('error' in period) throw new UsageError(`${period.error}\n${command.usage}`);
    const config = loadSettings(coreConfigSchema);
    const briefing = await openOrBuild(config, await loadEmbedder(config));
    try {
      const result = await command.read(briefing, words, args, period.range);
      console.log(
        json ? JSON.stringify(result.json, null, 2) : result.text(process.stdout.isTTY ? ANSI : PLAIN),
      );
    } finally {
      briefing.close();
    }
  });
}
