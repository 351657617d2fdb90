import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { UsageError } from './run-cli.js';

/**
 * Parses argv with node:util's parseArgs, then validates the values with a zod schema, so a bad flag
 * is one clear usage line and the result is typed.
 */
export function parseCliArgs<S extends z.ZodType>(
  argv: readonly string[],
  options: ParseArgsConfig['options'],
  schema: S,
  usage: string,
): z.infer<S> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
  const result = schema.safeParse({ ...parsed.values, positionals: parsed.positionals });
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`,
    );
    throw new UsageError(`${problems.join('; ')}\n${usage}`);
  }
  return result.data;
}
