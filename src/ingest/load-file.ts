import path from 'node:path';
import { skipFile, type LoadResult } from './clean.js';
import { loadHtml } from './load-html.js';
import { loadJson, loadJsonLines } from './load-json.js';
import { loadMarkdown } from './load-markdown.js';
import { loadText } from './load-text.js';
import { readTextFile } from './read-text-file.js';
import { supportedExtension, type SupportedExtension } from './scan.js';

const LOADERS: Record<SupportedExtension, (text: string, file: string) => LoadResult> = {
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
  options: { maxBytes: number },
): Promise<LoadResult> {
  const extension = supportedExtension(relativePath);
  if (extension === null) throw new Error(`loadArticleFile: ${relativePath} is not a supported article file`);
  const read = await readTextFile(path.join(root, relativePath), options.maxBytes);
  if ('reason' in read) return skipFile(relativePath, read.reason);
  return LOADERS[extension](read.text, relativePath);
}
