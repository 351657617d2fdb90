import fs from 'node:fs';
import { parseEnv } from 'node:util';
import { ConfigError } from '../config.js';

/** What Node's parser accepts as a line's start: `NAME=` or `export NAME=`. */
const ASSIGNMENT = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=\s*(.*)$/;

/**
 * The first line that is neither blank, a comment nor an assignment, or null. Node's parser never rejects
 * anything: a line without `=` is silently joined to the next one's name (`DB_PATH data/x.db` then
 * `MODEL_DIR=m` sets a variable called "DB_PATH data/x.db\nMODEL_DIR"), so a typo would lose two settings
 * without a word. Quoted values may run over several lines; their inner lines are not assignments.
 */
function malformedLine(text: string): number | null {
  const lines = text.split(/\r?\n/);
  let openQuote: string | null = null;
  for (const [index, line] of lines.entries()) {
    if (openQuote) {
      if (line.includes(openQuote)) openQuote = null;
      continue;
    }
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const match = ASSIGNMENT.exec(line);
    if (!match) return index + 1;
    const value = match[1]!;
    const quote = value[0];
    if ((quote === '"' || quote === "'" || quote === '`') && !value.slice(1).includes(quote))
      openQuote = quote;
  }
  return null;
}

function unreadable(file: string, error: unknown): ConfigError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EISDIR'
      ? 'it is a folder, not a file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : (error as Error).message;
  return new ConfigError(
    `Cannot read the settings file ${file} (${reason}). Make it a readable text file of NAME=value lines (see .env.example), or remove it and set the variables in the environment.`,
  );
}

/**
 * The variables of a `.env` file, or none when there is no such file. A file that cannot be read or is not
 * NAME=value lines is a ConfigError naming the file (and the line), never a TypeError from deep inside.
 */
export function readDotEnv(file = '.env'): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw unreadable(file, error);
  }
  const line = malformedLine(text);
  if (line !== null) {
    throw new ConfigError(
      `The settings file ${file} is malformed at line ${line}: expected NAME=value, a # comment or a blank line (see .env.example).`,
    );
  }
  return parseEnv(text) as Record<string, string>;
}
