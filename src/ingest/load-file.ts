import path from 'node:path';
import { skipFile, tooManyParagraphs, type LoadResult } from './clean.js';
import { loadHtml } from './load-html.js';
import { loadJson, loadJsonLines } from './load-json.js';
import { loadMarkdown } from './load-markdown.js';
import { loadText } from './load-text.js';
import { readTextFile } from './read-text-file.js';
import { supportedExtension, type SupportedExtension } from './scan.js';

export interface ArticleLimits {
  /** Files larger than this are skipped unread (MAX_ARTICLE_BYTES). */
  maxBytes: number;
  /** Articles of more paragraphs than this are skipped (MAX_ARTICLE_PARAGRAPHS); unset: no limit. */
  maxParagraphs?: number;
}

type Loader = (text: string, file: string, limits: ArticleLimits) => LoadResult;

const LOADERS: Record<SupportedExtension, Loader> = {
  '.txt': loadText,
  '.md': loadMarkdown,
  '.markdown': loadMarkdown,
  '.html': loadHtml,
  '.htm': loadHtml,
  '.json': loadJson,
  '.jsonl': loadJsonLines,
};

/**
 * Reads one file from the articles folder into articles. Bad content never throws: it comes back in
 * `skipped` with a reason. Only a path `listArticleFiles` would not have returned is an error.
 */
export async function loadArticleFile(
  root: string,
  relativePath: string,
  limits: ArticleLimits,
): Promise<LoadResult> {
  const extension = supportedExtension(relativePath);
  if (extension === null) throw new Error(`loadArticleFile: ${relativePath} is not a supported article file`);
  const read = await readTextFile(path.join(root, relativePath), limits.maxBytes);
  if ('reason' in read) return skipFile(relativePath, read.reason);
  return withinParagraphLimit(LOADERS[extension](read.text, relativePath, limits), limits.maxParagraphs);
}

/**
 * The limit is per article, not per file: a JSON Lines file may hold thousands of articles, and only the
 * over-long ones are skipped. HTML is counted before its tree is built as well (see load-html).
 */
function withinParagraphLimit(loaded: LoadResult, maxParagraphs: number | undefined): LoadResult {
  if (maxParagraphs === undefined) return loaded;
  const result: LoadResult = { articles: [], skipped: [...loaded.skipped] };
  for (const article of loaded.articles) {
    if (article.paragraphs.length <= maxParagraphs) result.articles.push(article);
    else
      result.skipped.push({
        path: article.key,
        reason: tooManyParagraphs(article.paragraphs.length, maxParagraphs),
      });
  }
  return result;
}
