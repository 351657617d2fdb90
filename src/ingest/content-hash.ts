import { createHash } from 'node:crypto';
import type { CoreConfig } from '../config.js';
import type { Article } from '../document/article.js';

/**
 * Bumped when chunking or attribution changes how the same text is indexed, so the next ingest
 * re-processes every article instead of keeping passages cut the old way.
 */
export const PIPELINE_VERSION = 30;

/**
 * Identifies what an article would be indexed as. The key and file name are left out, so the same
 * article saved under two names hashes the same and can be reported as a duplicate.
 */
export function contentHash(article: Article, passageMaxTokens: number): string {
  const { title, source, url, published, author, paragraphs } = article;
  return createHash('sha256')
    .update(
      JSON.stringify([PIPELINE_VERSION, passageMaxTokens, title, source, url, published, author, paragraphs]),
    )
    .digest('hex');
}

/**
 * Everything besides a file's bytes that decides what it is indexed as: a file read with other settings is
 * read again, even when its size and modification time are the ones recorded.
 */
export function readSettings(
  config: Pick<CoreConfig, 'PASSAGE_MAX_TOKENS' | 'MAX_ARTICLE_BYTES' | 'MAX_ARTICLE_PARAGRAPHS'>,
): string {
  return JSON.stringify({
    pipeline: PIPELINE_VERSION,
    maxTokens: config.PASSAGE_MAX_TOKENS,
    maxBytes: config.MAX_ARTICLE_BYTES,
    maxParagraphs: config.MAX_ARTICLE_PARAGRAPHS,
  });
}
