import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';

/** The meta key of the last re-index's digest. */
export const DIGEST_KEY = 'digest';
/** Headlines kept in a digest: a message shows a few dozen at most, the counts say the rest. */
export const DIGEST_HEADLINES = 100;

export const digestArticleSchema = z.object({
  key: z.string().min(1),
  title: z.string(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  change: z.enum(['added', 'updated']),
});
export type DigestArticle = z.infer<typeof digestArticleSchema>;

/**
 * What one re-index added and updated, written in its own transaction so that readers see the digest with
 * the articles it describes. The id is unique per re-index, so a bot can tell a digest it posted from a new
 * one even after the index file is deleted and rebuilt.
 */
export const indexDigestSchema = z.object({
  id: z.string().min(1),
  writtenAt: z.string(),
  added: z.number().int().min(0),
  updated: z.number().int().min(0),
  /** Up to DIGEST_HEADLINES of them, added first. */
  articles: z.array(digestArticleSchema),
});
export type IndexDigest = z.infer<typeof indexDigestSchema>;

/** A digest of these changed articles, or null when none was added or updated (nothing to tell). */
export function digestOf(articles: readonly DigestArticle[]): IndexDigest | null {
  if (articles.length === 0) return null;
  const added = articles.filter((a) => a.change === 'added');
  const updated = articles.filter((a) => a.change === 'updated');
  return {
    id: randomUUID(),
    writtenAt: new Date().toISOString(),
    added: added.length,
    updated: updated.length,
    articles: [...added, ...updated].slice(0, DIGEST_HEADLINES),
  };
}

export function writeDigest(db: Database.Database, digest: IndexDigest): void {
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(
    DIGEST_KEY,
    JSON.stringify(digest),
  );
}

/** The stored digest, or null when there is none or it is not one this version reads. */
export function parseDigest(value: string | null): IndexDigest | null {
  if (value === null) return null;
  try {
    const parsed = indexDigestSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
