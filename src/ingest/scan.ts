import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../config.js';
import type { SkippedFile } from '../document/article.js';

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.json', '.jsonl'] as const;
export type SupportedExtension = (typeof SUPPORTED_EXTENSIONS)[number];

/** The file's extension in lower case when an article loader reads it, else null. */
export function supportedExtension(file: string): SupportedExtension | null {
  const extension = path.extname(file).toLowerCase();
  return SUPPORTED_EXTENSIONS.find((supported) => supported === extension) ?? null;
}

function unsupportedReason(file: string): string {
  const extension = path.extname(file);
  const type = extension === '' ? 'no extension' : extension;
  return `unsupported file type (${type}); articles must be ${SUPPORTED_EXTENSIONS.join(' ')}`;
}

function rootError(root: string, error: unknown): ConfigError {
  const code = (error as NodeJS.ErrnoException).code;
  const problem =
    code === 'ENOENT'
      ? 'does not exist'
      : code === 'ENOTDIR'
        ? 'is not a folder'
        : `cannot be read (${code})`;
  return new ConfigError(
    `The articles folder ${root} ${problem}; set ARTICLES_DIR to the folder of articles.`,
  );
}

type EntryKind = 'file' | 'folder' | { other: string };

/** What a folder entry is, following symbolic links. */
async function kindOf(fullPath: string, entry: Dirent): Promise<EntryKind> {
  let target: Pick<Dirent, 'isFile' | 'isDirectory'> = entry;
  if (entry.isSymbolicLink()) {
    try {
      target = await fs.stat(fullPath);
    } catch {
      return { other: 'broken link (its target does not exist)' };
    }
  }
  if (target.isFile()) return 'file';
  if (target.isDirectory()) return 'folder';
  return { other: 'not a regular file' };
}

/**
 * Every article file under `root`, as sorted POSIX paths relative to it, plus the files that cannot be
 * articles. Hidden files and folders (`.git`, `.DS_Store`) are left out silently. Linked folders are
 * followed once each, so a link back up the tree cannot loop.
 */
export async function listArticleFiles(
  root: string,
): Promise<{ files: string[]; unsupported: SkippedFile[] }> {
  const files: string[] = [];
  const unsupported: SkippedFile[] = [];
  const visited = new Set<string>();

  async function walk(folder: string): Promise<void> {
    const fullFolder = path.join(root, folder);
    const entries = await fs.readdir(fullFolder, { withFileTypes: true });
    visited.add(await fs.realpath(fullFolder));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      const fullPath = path.join(root, relative);
      const kind = await kindOf(fullPath, entry);
      if (kind === 'file') {
        if (supportedExtension(relative)) files.push(relative);
        else unsupported.push({ path: relative, reason: unsupportedReason(relative) });
      } else if (kind === 'folder') {
        await walkSubfolder(relative);
      } else {
        unsupported.push({ path: relative, reason: kind.other });
      }
    }
  }

  async function walkSubfolder(folder: string): Promise<void> {
    try {
      if (visited.has(await fs.realpath(path.join(root, folder)))) {
        unsupported.push({
          path: `${folder}/`,
          reason: 'link to a folder that is already listed (not followed twice)',
        });
        return;
      }
      await walk(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      unsupported.push({
        path: `${folder}/`,
        reason: `folder could not be read (${code === 'EACCES' ? 'permission denied' : code})`,
      });
    }
  }

  try {
    await walk('');
  } catch (error) {
    throw rootError(root, error);
  }
  // Code-unit order, not the locale's, so every machine lists the same folder the same way.
  files.sort();
  unsupported.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, unsupported };
}
