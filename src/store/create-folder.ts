import fs from 'node:fs';
import path from 'node:path';

/**
 * Creates a folder and its missing parents one level at a time: Node's `mkdirSync(..., { recursive: true })`
 * loops forever when a parent exists but refuses new entries with ENOENT, as /proc does.
 */
export function createFolder(folder: string): void {
  if (fs.existsSync(folder)) return;
  createFolder(path.dirname(folder));
  fs.mkdirSync(folder);
}
