import fs from 'node:fs';
import path from 'node:path';

const CHUNK = 8 * 1024 * 1024;

/**
 * Reads a file, or every file under a folder, once so that its pages are in the page cache before a
 * latency is timed: a running bot's index is read from memory after its first questions. A copy just
 * written or copied is not: in the seventh session's 1M run the changed copy's p50 / p95 were 16.9 /
 * 29.9 ms wall against 11.7 / 15.1 ms CPU, the difference being disk reads of pages never read before.
 */
export function readIntoPageCache(target: string): void {
  if (!fs.existsSync(target)) return;
  if (fs.statSync(target).isDirectory()) {
    for (const entry of fs.readdirSync(target)) readIntoPageCache(path.join(target, entry));
    return;
  }
  const buffer = Buffer.allocUnsafe(CHUNK);
  const fd = fs.openSync(target, 'r');
  try {
    while (fs.readSync(fd, buffer, 0, CHUNK, null) > 0);
  } finally {
    fs.closeSync(fd);
  }
}
