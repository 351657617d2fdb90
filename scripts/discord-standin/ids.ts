import { randomBytes } from 'node:crypto';
import { SnowflakeUtil } from 'discord.js';

/** A fresh Discord snowflake (time-ordered, so later messages sort after earlier ones like on Discord). */
export function snowflake(): string {
  return SnowflakeUtil.generate().toString();
}

/** ISO timestamp of a snowflake, so `timestamp` fields agree with the ids discord.js derives dates from. */
export function snowflakeTime(id: string): string {
  return new Date(SnowflakeUtil.timestampFrom(id)).toISOString();
}

/**
 * A well-formed but fake bot token: base64url(user id) . base64url(timestamp) . base64url(hmac-ish bytes),
 * the same shape as a real one, so code that splits or censors tokens behaves as in production.
 */
export function fakeBotToken(botUserId: string): string {
  const seconds = Buffer.alloc(4);
  seconds.writeUInt32BE(Math.floor(Date.now() / 1000));
  return [Buffer.from(botUserId), seconds, randomBytes(27)]
    .map((part) => part.toString('base64url'))
    .join('.');
}

/** An opaque interaction token; Discord's are long random strings used only in callback and webhook URLs. */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb24.${randomBytes(48).toString('base64url')}`;
}

/** The shard Discord sends a guild's events to: `(guild_id >> 22) % shard_count`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
