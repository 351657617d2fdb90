import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCandidates } from '../scripts/bench/corpora.js';

/**
 * A bench index is first copied from a cached one that holds its articles, so that an evaluation on
 * Reuters alone does not embed 110,000 passages again: only indexes of the same sample that hold every
 * source qualify, the largest first.
 */
let parent: string;

function cachedIndex(folder: string, bytes: number) {
  fs.mkdirSync(path.join(parent, folder));
  fs.writeFileSync(path.join(parent, folder, 'index.db'), Buffer.alloc(bytes));
}

beforeAll(() => {
  parent = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-seed-'));
  cachedIndex('archive-0c3764ab', 300);
  cachedIndex('news', 200);
  cachedIndex('bbc', 100);
  cachedIndex('bbc-first-10', 10);
  cachedIndex('archive-first-10-0c3764ab', 30);
  fs.mkdirSync(path.join(parent, 'reuters-unfinished'));
});
afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

const folders = (files: string[]) => files.map((file) => path.basename(path.dirname(file)));

describe('seedCandidates', () => {
  it('offers the indexes that hold every source of a Reuters index, the largest first', () => {
    expect(folders(seedCandidates(parent, 'reuters', undefined))).toEqual(['archive-0c3764ab', 'news']);
  });

  it('never offers a sample of a few articles for the whole corpus, or the whole for a sample', () => {
    expect(folders(seedCandidates(parent, 'bbc', undefined))).toEqual(['archive-0c3764ab', 'news', 'bbc']);
    expect(folders(seedCandidates(parent, 'bbc', 10))).toEqual(['archive-first-10-0c3764ab', 'bbc-first-10']);
  });

  it('offers only archives for the archive, which alone holds the sample articles', () => {
    expect(folders(seedCandidates(parent, 'archive', undefined))).toEqual(['archive-0c3764ab']);
  });
});
