import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTextFile } from '../src/ingest/read-text-file.js';

const READS = 300;
let folder: string;

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-read-'));
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const mkfifo = (file: string) => execFileSync('mkfifo', [file]);

/** The read's outcome, or `blocked` if it has not ended within two seconds. */
async function readWithin(file: string): Promise<string> {
  const read = readTextFile(file, 1 << 20).then((result) => ('text' in result ? 'text' : result.reason));
  return Promise.race([read, sleep(2000).then(() => 'blocked')]);
}

describe('readTextFile', () => {
  it('skips a FIFO instead of waiting for a writer', async () => {
    const fifo = path.join(folder, 'pipe.txt');
    mkfifo(fifo);
    expect(await readWithin(fifo)).toBe('not a regular file');
  });

  it('never blocks when a FIFO is swapped in for the file between its listing and its reading', async () => {
    const name = path.join(folder, 'story.txt');
    const regular = path.join(folder, 'regular');
    const fifo = path.join(folder, 'fifo');
    fs.writeFileSync(regular, 'Headline\nA paragraph of text.\n');
    mkfifo(fifo);
    fs.copyFileSync(regular, name);
    // Between any two steps of a read (the type check, the open), the name may now be either.
    let swapping = true;
    let isFifo = false;
    const swap = () => {
      if (!swapping) return;
      fs.renameSync(name, isFifo ? fifo : regular);
      fs.renameSync(isFifo ? regular : fifo, name);
      isFifo = !isFifo;
      setImmediate(swap);
    };
    swap();
    const outcomes = new Set<string>();
    try {
      for (let n = 0; n < READS && !outcomes.has('blocked'); n++) outcomes.add(await readWithin(name));
    } finally {
      swapping = false;
      // A read stuck opening the FIFO (before the fix) is released by a writer, so the test process can end.
      if (outcomes.has('blocked'))
        fs.closeSync(fs.openSync(isFifo ? name : fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
    }
    expect(outcomes).not.toContain('blocked');
    expect(outcomes).toContain('text');
    expect(outcomes).toContain('not a regular file');
    // Between the two renames of a swap the name is briefly missing.
    const missing = 'could not be read: file not found (was it moved or deleted?)';
    expect(
      [...outcomes].filter((outcome) => !['text', 'not a regular file', missing].includes(outcome)),
    ).toEqual([]);
  }, 120_000);
});
