import fs from 'node:fs';

/**
 * Which file is at a path: its device and inode, or null when there is none. A file deleted and built again
 * at the same path is another file, even while a process still holds the old one open (the open file keeps
 * its inode, so the new one cannot reuse it). One stat call: cheap enough to check before every question.
 */
export function fileIdentity(file: string): string | null {
  const stat = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  return stat ? `${stat.dev}:${stat.ino}` : null;
}

/** SQLite's files beside an index in WAL mode: the log and the shared-memory index of it. */
export const walFilesOf = (dbPath: string) => [`${dbPath}-wal`, `${dbPath}-shm`];
