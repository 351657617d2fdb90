import { pino, type DestinationStream, type Logger } from 'pino';
import type { CoreConfig } from './config.js';

/**
 * Secrets that must never reach a log, wherever they sit in a logged object. Config objects are not logged
 * whole anyway; this catches a token passed along by mistake.
 */
const REDACTED_PATHS = [
  'token',
  '*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
];

/** JSON lines on stdout (or `destination`), for people and log collectors alike. */
export function createLogger(level: CoreConfig['LOG_LEVEL'], destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}
