import type { Client } from 'discord.js';
import type { Logger } from 'pino';
import type { IndexDigest } from '../store/index-digest.js';
import type { PostedDigests } from '../store/posted-digests.js';
import { renderDigest } from './render-digest.js';

/**
 * How often the bot looks for a new digest: one stat of the index file and one read of a meta row, so
 * cheap enough to do every few seconds; a re-index is announced within this long of its commit.
 */
export const DIGEST_POLL_MS = 3000;

export interface DigestPosterOptions {
  client: Client;
  latestDigest(): Promise<IndexDigest | null>;
  posted: Pick<PostedDigests, 'has' | 'record'>;
  channelId: string;
  logger: Logger;
  pollMs?: number;
}

/**
 * Posts each new re-index's digest once to the digest channel: at start (a re-index while the bot was
 * down) and whenever a later one commits. A digest is recorded as posted once Discord has taken it; one
 * that cannot be posted (channel gone, no permission) is logged once and not retried, so a broken setting
 * cannot fill the log. Returns a function that stops it and waits for a post in flight.
 */
export function startDigestPoster({
  client,
  latestDigest,
  posted,
  channelId,
  logger,
  pollMs = DIGEST_POLL_MS,
}: DigestPosterOptions): () => Promise<void> {
  const failed = new Set<string>();
  let running: Promise<void> = Promise.resolve();
  let busy = false;

  const postNew = async () => {
    let digest: IndexDigest | null;
    try {
      digest = await latestDigest();
    } catch (error) {
      // An index being rebuilt or damaged is the answering path's to report; the next poll looks again.
      logger.debug({ err: error }, 'no digest to read');
      return;
    }
    if (!digest || posted.has(digest.id) || failed.has(digest.id)) return;
    try {
      const channel = await client.channels.fetch(channelId);
      if (!channel?.isSendable())
        throw new Error(`channel ${channelId} is not a text channel the bot can post in`);
      await channel.send(renderDigest(digest));
      posted.record(digest.id);
      logger.info({ digest: digest.id, added: digest.added, updated: digest.updated }, 'digest posted');
    } catch (error) {
      failed.add(digest.id);
      logger.warn(
        { err: error, digest: digest.id, channel: channelId },
        'could not post the digest to DIGEST_CHANNEL_ID: check the channel ID and that the bot may post there',
      );
    }
  };
  const tick = () => {
    if (busy) return;
    busy = true;
    running = postNew().finally(() => {
      busy = false;
    });
  };
  tick();
  const timer = setInterval(tick, pollMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
