import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { HelpRequested, UsageError } from './run-cli.js';

/**
 * Parses argv with node:util's parseArgs, then validates the values with a zod schema, so a bad flag
 * is one clear usage line and the result is typed. Every command takes `--help` / `-h`.
 */
export function parseCliArgs<S extends z.ZodType>(
  argv: readonly string[],
  options: ParseArgsConfig['options'],
  schema: S,
  usage: string,
): z.infer<S> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
  const { help, ...values } = parsed.values;
  if (help) throw new HelpRequested(usage);
  const result = schema.safeParse({ ...values, positionals: parsed.positionals });
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`,
    );
    throw new UsageError(`${problems.join('; ')}\n${usage}`);
  }
  return result.data;
}
