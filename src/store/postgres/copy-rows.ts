import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | null;

/** A value in COPY's text format: \N for NULL; backslash, tab, newline and carriage return escaped. */
const copyText = (value: CopyValue) =>
  value === null
    ? '\\N'
    : typeof value === 'number'
      ? String(value)
      : value.replace(/[\\\t\n\r]/g, (c) =>
          c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
        );

/** A row as one line of COPY's text format. */
export const copyLine = (row: readonly CopyValue[]) => `${row.map(copyText).join('\t')}\n`;

/**
 * Loads lines made by `copyLine` into `target` ("table (column, ...)") with COPY FROM STDIN, in the
 * connection's transaction: one round trip and no per-row parsing of parameters, where a multi-row INSERT
 * sends each batch as array literals the server unpacks.
 */
export async function copyLines(
  client: pg.ClientBase,
  target: string,
  lines: readonly string[],
): Promise<void> {
  if (lines.length === 0) return;
  await pipeline(Readable.from([lines.join('')]), client.query(copyFrom(`COPY ${target} FROM STDIN`)));
}
